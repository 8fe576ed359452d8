from django import template
from django.db.models import Q

from pages.models import Page, published_layout_page

register = template.Library()

FOOTER_LAYOUTS = (Page.Layout.LEGAL_NOTICE, Page.Layout.PRIVACY, Page.Layout.ACCESSIBILITY)


def _navigation_pages(context):
    """One query per request for both the menu and the footer links."""
    request = context.get("request")
    cached = getattr(request, "_navigation_pages", None)
    if cached is None:
        cached = list(
            Page.objects.published()
            .filter(Q(show_in_menu=True) | Q(layout__in=FOOTER_LAYOUTS))
            .only("title", "menu_title", "slug", "layout", "show_in_menu", "position")
        )
        if request is not None:
            request._navigation_pages = cached
    return cached


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    current = request.path if request else ""
    return {
        "items": [
            (page.menu_title or page.title, page.get_absolute_url())
            for page in _navigation_pages(context)
            if page.show_in_menu
        ],
        "current": current,
    }


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    pages = {page.layout: page for page in _navigation_pages(context)}
    return {
        "links": [pages[layout] for layout in FOOTER_LAYOUTS if layout in pages],
        "accessibility_page": pages.get(Page.Layout.ACCESSIBILITY),
        "site_settings": context.get("site_settings"),
    }


@register.simple_tag(takes_context=True)
def layout_page(context, layout):
    """The published page that introduces another app's view (contact, partners…), or None."""
    return published_layout_page(layout, context.get("request"))
