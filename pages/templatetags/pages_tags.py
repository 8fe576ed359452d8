from django import template
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aict_site.caching.fragments import cached_inclusion_tag
from aict_site.caching.memory import remembered
from pages.models import Action, Page, SiteSettings, published_layout_page

register = template.Library()

FOOTER_LAYOUTS = (Page.Layout.LEGAL_NOTICE, Page.Layout.PRIVACY, Page.Layout.ACCESSIBILITY)
L = Page.Layout
# The main menu: at most six sections, each listing pages by their titles (a layout's
# published page) or an app's view; a section of one entry is a plain link. A section is
# current when the address is one of its entries' or below one (a scheme page is in « Financer »).
SECTIONS = [
    (
        _("Engage"),
        [
            L.WHY,
            L.REASONS,
            L.ACTIONS,
            ("briefs:search", _("My authority")),
            ("resources:list", _("Resources")),
        ],
    ),
    (_("Fund"), [L.SUPPORT, L.FUNDING, ("funding:calendar", _("Closing calendar"))]),
    (_("Engaged authorities"), [("directory:authority-list", None)]),
    (
        _("News"),
        [
            ("news:list", _("News")),
            ("events:upcoming", _("Agenda")),
            ("alerts:subscribe", _("Alerts by email")),
        ],
    ),
    (_("The network"), [L.NETWORK, L.PARTNERS, L.CONTACT]),
]


def navigation_pages():
    """The pages of the menu and of the footer's links."""
    return list(
        Page.objects.published()
        .filter(Q(show_in_menu=True) | Q(layout__in=FOOTER_LAYOUTS))
        .only("title", "menu_title", "slug", "layout", "show_in_menu", "position")
    )


def _navigation_pages():
    # One query for the menu and the footer; pages may be scheduled: the clock renews it.
    return remembered(navigation_pages, clock=True)


def _entries(entries, pages):
    for entry in entries:
        if isinstance(entry, tuple):
            route, label = entry
            yield label, reverse(route)
        elif entry in pages:
            yield pages[entry].title, pages[entry].get_absolute_url()


@cached_inclusion_tag(register, "includes/main_navigation.html", clock=True)
def main_navigation(current):
    """The main menu, its section and page for the address `current` marked."""
    in_menu = [page for page in _navigation_pages() if page.show_in_menu]
    pages = {page.layout: page for page in in_menu}
    placed = {entry for _label, entries in SECTIONS for entry in entries}
    # Pages staff add to the menu join the last section (« Le réseau »).
    extras = [
        (page.title, page.get_absolute_url())
        for page in in_menu
        if page.layout not in placed and page.layout != L.HOME
    ]
    sections = []
    shown = set()
    for index, (label, entries) in enumerate(SECTIONS, start=1):
        links = [(title or label, url) for title, url in _entries(entries, pages)]
        if index == len(SECTIONS):
            # A page that introduces an app's view (the agenda's) is in its section already.
            links += [(title, url) for title, url in extras if url not in shown]
        shown.update(url for _title, url in links)
        if links:
            is_current = any(current.startswith(url) for _title, url in links if url != "/")
            sections.append({"label": label, "links": links, "current": is_current})
    return {"sections": sections, "current": current}


@cached_inclusion_tag(register, "includes/footer_links.html", clock=True)
def footer_links():
    pages = {page.layout: page for page in _navigation_pages()}
    return {
        "links": [pages[layout] for layout in FOOTER_LAYOUTS if layout in pages],
        "accessibility_page": pages.get(Page.Layout.ACCESSIBILITY),
        "site_settings": SiteSettings.load(),
    }


@register.simple_tag(takes_context=True)
def layout_page(context, layout):
    """The published page that introduces another app's view (contact, partners…), or None."""
    return published_layout_page(layout)


@cached_inclusion_tag(register, "pages/_action_kinds.html")
def action_kinds(heading_level=2):
    """The kinds of action, for a page that suggests what an authority can do."""
    return {
        "actions": list(Action.objects.published()),
        "actions_page": published_layout_page(Page.Layout.ACTIONS),
        "level": heading_level,
    }
