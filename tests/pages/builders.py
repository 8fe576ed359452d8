from django.utils.text import slugify

from pages.models import Action, Page, Reason


def make_page(title="Une page", **fields):
    fields.setdefault("slug", slugify(title))
    fields.setdefault("is_published", True)
    fields.setdefault("body", "<p>Texte de la page.</p>")
    page = Page(title=title, **fields)
    page.save()
    return page


def make_reason(title="Une raison.", text="Son explication.", **fields):
    fields.setdefault("is_published", True)
    reason = Reason(title=title, text=text, **fields)
    reason.save()
    return reason


def make_action(text="Une action.", **fields):
    fields.setdefault("is_published", True)
    action = Action(text=text, **fields)
    action.save()
    return action
