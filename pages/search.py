from django.urls import reverse
from django.utils.translation import gettext as _

from aict_site.richtext import plain_text
from aict_site.search import Result, matching

from .models import Action, Page, Reason


def anchor(slug, fragment):
    return reverse("pages:page-detail", kwargs={"slug": slug}) + f"#{fragment}"


def search(query):
    results = []
    pages = matching(Page.objects.published(), query)
    for page in pages:
        text = " ".join([page.summary, plain_text(page.body)])
        results.append(
            Result(
                page.title,
                page.get_absolute_url(),
                _("Page"),
                text,
                query,
                getattr(page, "rank", 0),
            )
        )
    layouts = dict(
        Page.objects.published()
        .filter(layout__in=[Page.Layout.REASONS, Page.Layout.ACTIONS])
        .values_list("layout", "slug")
    )
    if Page.Layout.REASONS in layouts:
        for reason in matching(Reason.objects.published(), query):
            results.append(
                Result(
                    reason.title,
                    anchor(layouts[Page.Layout.REASONS], f"raison-{reason.pk}"),
                    _("Raison de s’engager"),
                    reason.text,
                    query,
                    getattr(reason, "rank", 0),
                )
            )
    if Page.Layout.ACTIONS in layouts:
        for action in matching(Action.objects.published(), query):
            results.append(
                Result(
                    plain_text(action.text)[:90],
                    anchor(layouts[Page.Layout.ACTIONS], f"action-{action.pk}"),
                    _("Type d’action"),
                    action.text,
                    query,
                    getattr(action, "rank", 0),
                )
            )
    return results
