from django.utils.text import slugify

from pages.models import Action, Page, Reason


def make_page(title="Une page", in_menu=False, **fields):
    """A page; `in_menu` adds it to the main menu's « Rubriques » section (made if need be)."""
    fields.setdefault("slug", slugify(title))
    fields.setdefault("is_published", True)
    fields.setdefault("body", "<p>Texte de la page.</p>")
    page = Page(title=title, **fields)
    page.save()
    if in_menu:
        from pages.models import MenuEntry, MenuSection

        section = MenuSection.objects.get_or_create(
            title="Rubriques", defaults={"is_published": True, "position": 99}
        )[0]
        MenuEntry.objects.create(section=section, page=page, position=page.position)
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
