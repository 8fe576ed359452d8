"""An authority is found by its partners' names and countries too (« Sénégal », a partner
town): its search text is written again from its cooperations."""

from django.db import migrations

from aict_site.search import normalize


def refresh(apps, schema_editor):
    Authority = apps.get_model("directory", "Authority")
    for authority in Authority.objects.all():
        partners = " ".join(
            f"{partner} {country}"
            for partner, country in authority.cooperations.values_list(
                "partner_name", "country__name"
            )
        )
        Authority.objects.filter(pk=authority.pk).update(
            search_text=normalize(f"{authority.name} {authority.description} {partners}")
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_dnipropetrovsk_cooperation")]

    operations = [migrations.RunPython(refresh, migrations.RunPython.noop)]
