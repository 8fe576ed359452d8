"""The « Accueil » role, for the colleagues who handle visitors' requests (see
aict_site.roles, which keeps its permissions current)."""

from django.db import migrations


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="Accueil")


def delete_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Accueil").delete()


class Migration(migrations.Migration):
    dependencies = [("pages", "0012_illustrated")]

    operations = [migrations.RunPython(create_role, delete_role)]
