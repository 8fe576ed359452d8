"""Add the one cooperation a public source states to a directory that already holds the
initial authorities: the Région Hauts-de-France and the oblast of Dnipropetrovsk (Ukraine),
protocol signed on 21 November 2024 (lianescooperation.org, 13/12/2024)."""

from django.db import migrations

SOURCE = "https://lianescooperation.org/actualite/3-nouvelles-cooperations-decentralisees-en-hauts-de-france"


def add(apps, schema_editor):
    Authority = apps.get_model("directory", "Authority")
    Cooperation = apps.get_model("directory", "Cooperation")
    Country = apps.get_model("reference", "Country")
    Theme = apps.get_model("reference", "Theme")
    region = Authority.objects.filter(name="Région Hauts-de-France").first()
    ukraine = Country.objects.filter(code="UA").first()
    if not region or not ukraine or region.cooperations.filter(country=ukraine).exists():
        return
    cooperation = Cooperation.objects.create(
        authority=region,
        partner_name="Oblast de Dnipropetrovsk",
        country=ukraine,
        since_year=2024,
        is_current=True,
        link=SOURCE,
    )
    cooperation.themes.set(
        Theme.objects.filter(slug__in=["climat", "jeunesse", "developpement-economique"])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_english_msgids"),
        ("reference", "0004_content_corrections"),
    ]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
