"""The main menu is data staff edit in the admin (« Menu principal »): a section added,
reordered or unpublished shows on the site's next request, with every cache on."""

import pytest
from django.conf import settings

from pages.models import MenuEntry, MenuSection, Page
from tests.admin_forms import admin_form_data

ADMIN = "/" + settings.ADMIN_URL


def menu(client):
    html = client.get("/").content.decode()
    return html[html.index('<nav id="menu" class="main-nav"') : html.index("</nav>")]


def section_form(staff_client, **changes):
    url = f"{ADMIN}pages/menusection/add/"
    data = admin_form_data(staff_client.get(url), **changes)
    return staff_client.post(url, data)


@pytest.mark.django_db
def test_a_section_added_in_the_admin_shows_on_the_next_request(staff_client, initial_content):
    assert "Espace presse" not in menu(staff_client)  # now in the page and fragment caches
    response = section_form(
        staff_client,
        title="Espace presse",
        is_published="on",
        **{
            "entries-TOTAL_FORMS": "2",
            "entries-0-position": "1",
            "entries-0-link": "/actualites/",
            "entries-0-label": "Communiqués",
            "entries-1-position": "2",
            "entries-1-page": str(Page.objects.get(slug="contact").pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    nav = menu(staff_client)
    assert "Espace presse" in nav and ">Communiqués</a>" in nav
    section = MenuSection.objects.get(title="Espace presse")
    MenuSection.objects.filter(pk=section.pk).update(position=0)
    nav = menu(staff_client)
    assert nav.index("Espace presse") < nav.index("S’engager")
    MenuSection.objects.filter(pk=section.pk).update(is_published=False)
    assert "Espace presse" not in menu(staff_client)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"link": "/nexiste-pas/", "label": "X"}, "Le site n’a pas de page à cette adresse."),
        ({"link": "financements", "label": "X"}, "commençant par « / »"),
        ({"link": "/agenda/"}, "Une adresse a besoin d’un libellé."),
        ({"link": "/agenda/", "label": "X", "page": "contact"}, "pas les deux"),
        ({"label": "X"}, "pas les deux"),
    ],
)
def test_a_wrong_entry_is_refused_in_french(staff_client, initial_content, entry, message):
    if "page" in entry:
        entry["page"] = str(Page.objects.get(slug=entry["page"]).pk)
    fields = {"entries-0-position": "1", **{f"entries-0-{k}": v for k, v in entry.items()}}
    response = section_form(staff_client, title="Rubrique", is_published="on", **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MenuSection.objects.filter(title="Rubrique").exists()


@pytest.mark.django_db
def test_an_unpublished_page_leaves_the_menu_and_comes_back(client, initial_content):
    assert 'href="/partenaires/"' in menu(client)
    Page.objects.filter(slug="partenaires").update(is_published=False)
    assert 'href="/partenaires/"' not in menu(client)
    Page.objects.filter(slug="partenaires").update(is_published=True)
    assert 'href="/partenaires/"' in menu(client)


@pytest.mark.django_db
def test_the_short_title_in_the_menu_and_the_label_take_effect(client, initial_content):
    why = Page.objects.get(layout=Page.Layout.WHY)
    Page.objects.filter(pk=why.pk).update(menu_title="S’engager, pourquoi ?")
    assert ">S’engager, pourquoi\u202f?</a>" in menu(client)
    MenuEntry.objects.filter(page=why).update(label="Les raisons")
    assert ">Les raisons</a>" in menu(client)


# Serialized rollback: the database goes back and forth through migrations; the next tests
# must find it as the suite made it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_brings_the_menu_of_the_code_to_an_existing_site():
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("pages", "0014_layout_page_permission")])
    old = executor.loader.project_state([("pages", "0014_layout_page_permission")]).apps
    OldPage = old.get_model("pages", "Page")
    for layout, slug in [("why", "pourquoi"), ("network", "lianes"), ("agenda", "agenda")]:
        OldPage.objects.create(title=slug, slug=slug, layout=layout, is_published=True,
                               show_in_menu=True)  # fmt: skip
    OldPage.objects.create(title="Ajoutée", slug="ajoutee", is_published=True, show_in_menu=True)
    OldPage.objects.create(title="Hors menu", slug="hors-menu", is_published=True)
    call_command("migrate", "pages", verbosity=0)
    sections = {s.title: [e.text for e in s.entries.all()] for s in MenuSection.objects.all()}
    assert sections["S’engager"][0] == "pourquoi"
    assert sections["Le réseau"] == ["lianes", "Ajoutée"]
    assert "Hors menu" not in str(sections) and "agenda" not in sections["Le réseau"]
    assert "Agenda" in sections["Actualités"]


@pytest.mark.django_db
def test_the_initial_sections_save_again_unchanged(staff_client, initial_content):
    for section in MenuSection.objects.all():
        url = f"{ADMIN}pages/menusection/{section.pk}/change/"
        response = staff_client.post(url, admin_form_data(staff_client.get(url)))
        assert response.status_code == 302, (section, response.content.decode()[:1500])
