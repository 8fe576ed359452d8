"""Add the applicant types the funding sources name (syndicat mixte, autorité organisatrice de
la mobilité, association or GIP of authorities) and Germany (Fonds citoyen franco-allemand) to
a database that already holds the initial lists; a new database gets them from the fixtures."""

from django.db import migrations

NEW_TYPES = [
    ("Syndicat mixte", "Intercommunalité"),
    ("Autorité organisatrice de la mobilité", "Région"),
    ("Association ou GIP de collectivités", "Autorité organisatrice de la mobilité"),
]


def add(apps, schema_editor):
    AuthorityType = apps.get_model("reference", "AuthorityType")
    Country = apps.get_model("reference", "Country")
    if AuthorityType.objects.exists():
        for name, after in NEW_TYPES:
            if AuthorityType.objects.filter(name=name).exists():
                continue
            previous = AuthorityType.objects.filter(name=after).first()
            position = previous.position if previous else AuthorityType.objects.count()
            # Make room just after `after`, keeping staff's order for the rest.
            for later in AuthorityType.objects.filter(position__gt=position).order_by("-position"):
                later.position += 1
                later.save(update_fields=["position"])
            AuthorityType.objects.create(name=name, position=position + 1)
    if Country.objects.exists() and not Country.objects.filter(code="DE").exists():
        Country.objects.create(code="DE", name="Allemagne")


class Migration(migrations.Migration):
    dependencies = [("reference", "0003_english_msgids")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
