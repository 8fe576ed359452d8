"""The client's page copy (fixtures/aict-collectivites.txt), as structured records."""

import json
from pathlib import Path

from .menus import create_menu
from .models import Action, MenuEntry, MenuSection, Page, Reason, SiteSettings

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_pages.json"
MENU = Path(__file__).resolve().parent / "fixtures" / "initial_menu.json"


def load():
    if Page.objects.exists():
        return 0
    data = json.loads(DATA.read_text(encoding="utf-8"))
    pages = [Page(is_published=True, **fields) for fields in data["pages"]]
    for page in pages:
        page.save()
    for position, reason in enumerate(data["reasons"], start=1):
        Reason(position=position, is_published=True, **reason).save()
    for position, text in enumerate(data["actions"], start=1):
        Action(position=position, is_published=True, text=text).save()
    if not SiteSettings.objects.exists():
        # Values as the fields hold them (a date, not its text), for the first revision too.
        fields = {
            name: SiteSettings._meta.get_field(name).to_python(value)
            for name, value in data["site_settings"].items()
        }
        SiteSettings.objects.create(pk=1, **fields)
    menu = 0
    if not MenuSection.objects.exists():
        sections = json.loads(MENU.read_text(encoding="utf-8"))
        menu = create_menu(sections, Page, MenuSection, MenuEntry)
    return len(pages) + len(data["reasons"]) + len(data["actions"]) + menu
