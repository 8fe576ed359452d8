"""Correct the client's copy loaded before 2026-11-28 (spelling, grammar, capitals, reason 5
split so its title appears once), and give the legal pages what they lacked: the postal
address and contact email, the date of the accessibility statement, the data collected by
event registrations. The corrections are listed for the client in docs/content-corrections.md.
Only values still equal to the old initial content are replaced."""

from datetime import date

from django.db import migrations

from aict_site.content_updates import snapshots, update_unchanged
from aict_site.richtext import plain_text
from aict_site.search import normalize

PAGE_FIELDS = ["title", "menu_title", "summary", "body", "meta_description"]


def correct(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    Reason = apps.get_model("pages", "Reason")
    SiteSettings = apps.get_model("pages", "SiteSettings")
    old, new = snapshots(__file__, "corrections-2026-11-28")
    old_pages = {p["slug"]: p for p in old["pages"]}
    for fields in new["pages"]:
        page = Page.objects.filter(slug=fields["slug"]).first()
        if page and fields["slug"] in old_pages:
            update_unchanged(page, old_pages[fields["slug"]], fields, PAGE_FIELDS)
    for before, after in zip(old["reasons"], new["reasons"], strict=True):
        reason = Reason.objects.filter(title=before["title"], text=before["text"]).first()
        if reason:
            update_unchanged(reason, before, after, ["title", "text"])
    # The historical models do not run save(): keep the search text as save() makes it.
    for page in Page.objects.all():
        page.search_text = normalize(" ".join([page.title, page.summary, plain_text(page.body)]))
        page.save(update_fields=["search_text"])
    for reason in Reason.objects.all():
        reason.search_text = normalize(f"{reason.title} {reason.text}")
        reason.save(update_fields=["search_text"])
    settings = SiteSettings.objects.filter(pk=1).first()
    if settings:
        wanted = dict(new["site_settings"])
        wanted["accessibility_statement_on"] = date.fromisoformat(
            wanted["accessibility_statement_on"]
        )
        empty = {"contact_email": "", "postal_address": "", "accessibility_statement_on": None}
        update_unchanged(settings, empty, wanted, list(empty))


class Migration(migrations.Migration):
    dependencies = [("pages", "0008_postal_address_and_statement_date")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
