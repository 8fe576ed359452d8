from django import template

from aict_site.caching.fragments import cached_inclusion_tag
from aict_site.caching.memory import remembered
from pages.models import Action, MenuEntry, Page, SiteSettings, published_layout_page

register = template.Library()

FOOTER_LAYOUTS = (Page.Layout.LEGAL_NOTICE, Page.Layout.PRIVACY, Page.Layout.ACCESSIBILITY)


def navigation_pages():
    """The pages of the footer's links."""
    return list(
        Page.objects.published()
        .filter(layout__in=FOOTER_LAYOUTS)
        .only("title", "menu_title", "slug", "layout", "position")
    )


def _navigation_pages():
    # Pages may be scheduled: the clock renews it.
    return remembered(navigation_pages, clock=True)


def menu_sections():
    """The published sections of the main menu (« Menu principal » in the admin), each with
    the entries a visitor may follow: a page while it is live, or an address. One query."""
    entries = (
        MenuEntry.objects.filter(section__is_published=True)
        .select_related("section", "page")
        .only(
            *("label", "link", "section__title", "page__title", "page__menu_title"),
            *("page__slug", "page__layout", "page__is_published", "page__published_at"),
        )
        .order_by("section__position", "section__pk", "position", "pk")
    )
    sections = {}
    for entry in entries:
        if entry.page_id is None or entry.page.is_live:
            sections.setdefault(entry.section_id, (entry.section.title, []))[1].append(
                (entry.text, entry.url)
            )
    return list(sections.values())


@cached_inclusion_tag(register, "includes/main_navigation.html", clock=True)
def main_navigation(current):
    """The main menu, its section and page for the address `current` marked: a section is
    current when the address is one of its entries' or below one (a scheme page is in
    « Financer »)."""
    sections = [
        {
            "label": label,
            "links": links,
            "current": any(
                current.startswith(url)
                for _title, url in links
                if url.startswith("/") and url != "/"
            ),
        }
        # Shared by every address's menu; pages may be scheduled: the clock renews it.
        for label, links in remembered(menu_sections, clock=True)
    ]
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
