"""The main menu moves from the code (pages_tags.SECTIONS) into the database, so staff edit it.
A database that holds pages gets the sections the code had, with the pages staff had ticked
« dans le menu principal » added to the last section as the code did; a new database gets
the menu with the initial content."""

import json
from pathlib import Path

import django.db.models.deletion
import pages.models
from django.db import migrations, models

from pages.menus import create_menu

MENU = Path(__file__).resolve().parent / "content" / "menu-2026-12-06.json"
# The agenda page introduces /agenda/, which « Actualités » already lists.
ALREADY_LINKED = {"home", "agenda"}


def menu_from_the_code(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    MenuSection = apps.get_model("pages", "MenuSection")
    MenuEntry = apps.get_model("pages", "MenuEntry")
    if not Page.objects.exists() or MenuSection.objects.exists():
        return
    sections = json.loads(MENU.read_text(encoding="utf-8"))
    placed = {entry.get("layout") for section in sections for entry in section["entries"]}
    ticked = Page.objects.filter(show_in_menu=True).exclude(layout__in=placed | ALREADY_LINKED)
    create_menu(sections, Page, MenuSection, MenuEntry)
    last = MenuSection.objects.order_by("-position").first()
    start = MenuEntry.objects.filter(section=last).count()
    for number, page in enumerate(ticked.order_by("position", "title"), start=start + 1):
        MenuEntry.objects.create(section=last, page=page, position=number)


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0014_layout_page_permission'),
    ]

    operations = [
        migrations.CreateModel(
            name='MenuSection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_published', models.BooleanField(default=False, help_text='Untick to take it off the site without deleting it.', verbose_name='published')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created on')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='modified on')),
                ('title', models.CharField(max_length=40, verbose_name='title')),
                ('position', models.PositiveIntegerField(db_index=True, default=0, verbose_name='order')),
            ],
            options={
                'verbose_name': 'menu section',
                'verbose_name_plural': 'main menu',
                'ordering': ['position', 'pk'],
            },
        ),
        migrations.AlterField(
            model_name='page',
            name='menu_title',
            field=models.CharField(blank=True, help_text='Used by the menu entries that lead to this page (« Menu principal »).', max_length=60, verbose_name='short title in the menu'),
        ),
        migrations.CreateModel(
            name='MenuEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('link', models.CharField(blank=True, help_text='A page of the site that is not an editorial page: a scheme (/financements/ficol/), the agenda (/agenda/), the alerts (/alertes/)…, or a full address (https://…).', max_length=300, validators=[pages.models.site_address], verbose_name='or an address')),
                ('label', models.CharField(blank=True, help_text='Leave empty for a page: its short title in the menu, or else its title.', max_length=60, verbose_name='label')),
                ('position', models.PositiveIntegerField(default=0, verbose_name='order')),
                ('page', models.ForeignKey(blank=True, help_text='Shown while the page is published.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='menu_entries', to='pages.page', verbose_name='page')),
                ('section', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='pages.menusection', verbose_name='section')),
            ],
            options={
                'verbose_name': 'menu entry',
                'verbose_name_plural': 'menu entries',
                'ordering': ['position', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('page__isnull', True), models.Q(('link', ''), _negated=True)), models.Q(('page__isnull', False), ('link', '')), _connector='OR'), name='pages_menuentry_page_or_link', violation_error_message='Choose a page or give an address, not both.')],
            },
        ),
        migrations.RunPython(menu_from_the_code, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='page',
            name='show_in_menu',
        ),
    ]
