"""The main menu's first content: its sections and entries as data staff then edit in the
admin (« Menu principal »). Read by the initial content and by the migration that moved the
menu out of the code."""


def create_menu(sections, Page, MenuSection, MenuEntry):
    """Create the sections and their entries; an entry names a page by its layout (skipped
    when no such page exists) or gives an address and a label."""
    pages = {page.layout: page for page in Page.objects.exclude(layout="standard")}
    created = 0
    for position, section in enumerate(sections, start=1):
        record = MenuSection.objects.create(
            title=section["title"], position=position, is_published=True
        )
        entries = [
            MenuEntry(
                section=record,
                position=number,
                page=pages.get(entry.get("layout")),
                link=entry.get("link", ""),
                label=entry.get("label", ""),
            )
            for number, entry in enumerate(section["entries"], start=1)
            if "link" in entry or entry["layout"] in pages
        ]
        MenuEntry.objects.bulk_create(entries)
        created += 1 + len(entries)
    return created
