"""No public page writes « de Amiens » for « d’Amiens », « 16000 € » for « 16 000 € », or
« 1 mars » for « 1er mars », nor « non renseigné » for a fact staff have not filled in: the
site's own French is checked on every page it serves."""

import re
from datetime import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest

from tests.events.builders import make_event
from tests.funding.builders import make_call, make_funder, make_scheme

# The site's French is the same on either database: checked in one of the two runs.
pytestmark = pytest.mark.once

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
PATTERNS = {
    # « de » before a vowel is elided (« d’Amiens », « d’Europe »); h is left out: it may be
    # aspirated (« de Hauts-de-France »).
    "missing elision": re.compile(r"\b[Dd]e [AEIOUÉÈÊaeiouéèêâîôû]\w"),
    # An amount of 1,000 or more groups its digits: « 16 000 € ».
    "amount without digit groups": re.compile(r"\b\d{4,}\s?(?:€|euros\b)"),
    # The first day of a month is an ordinal.
    "« 1 » for « 1er »": re.compile(rf"(?<![\d,])\b1 (?:{MONTHS})\b"),
    # A (narrow) non-breaking space before the double signs, inside guillemets.
    "plain space before « : ; ! ? »": re.compile(r"(?<=\S) [:;!?](?=[\s)»]|$)"),
    "plain space inside « »": re.compile(r"«[ ]|[ ]»"),
}
EXTRA_PATHS = [
    "/recherche/?q=coop%C3%A9ration", "/recherche/?q=eau", "/financements/flux/",
    "/financements/?type=1", "/contact/", "/contact/merci/",
]  # fmt: skip


def prepare_paths():
    """« Préparer ma candidature »: an answer with every rule met and a plan, and a refusal
    with what to do instead."""
    from funding.models import EligibilityQuestion
    from reference.models import AuthorityType

    types = {t.name: t.pk for t in AuthorityType.objects.all()}
    yes = "&".join(
        f"{q.field_name}={q.choices.filter(outcome='pass').first().pk}"
        for q in EligibilityQuestion.objects.filter(scheme__slug="appel-franco-senegalais")
    )
    return [
        f"/financements/appel-franco-senegalais/preparer/?collectivite={types['Commune']}"
        f"&pays=SN&conseils=05/01/2027,02/02/2027&{yes}",
        f"/financements/1-pourcent-eau-assainissement/preparer/?collectivite={types['Département']}",
    ]


def visible_text(html):
    html = re.sub(r"<(script|style|textarea)\b.*?</\1>", " ", html, flags=re.S | re.I)
    # Tags are dropped, not made spaces: « <strong>Adresse</strong> : » reads « Adresse : ».
    text = unescape(re.sub(r"<[^>]+>", "", html))
    # Only the spaces HTML collapses: a non-breaking space stays what it is.
    return re.sub(r"[ \t\r\n]+", " ", text)


def typography_problems(text):
    return [
        f"{name}: …{text[max(0, m.start() - 30) : m.end() + 30]}…"
        for name, pattern in PATTERNS.items()
        for m in pattern.finditer(text)
    ]


def test_the_check_reports_each_pattern_it_looks_for():
    text = (
        "Le bureau de Amiens. Un projet reçoit 16000 € par an. Ouverture le 1 mars 2024. "
        "Pourquoi ? Parce que : « un jumelage »"
    )
    problems = typography_problems(text)
    assert list(dict.fromkeys(p.split(": …")[0] for p in problems)) == list(PATTERNS)
    assert not typography_problems(
        "Le bureau d’Amiens\u00a0: 16\u00a0000\u00a0€, du 1er mars au 11 mai 2024. "
        "Pourquoi\u202f? «\u00a0Un jumelage\u00a0», à 17:00, https://example.org/?q=1"
    )


@pytest.mark.django_db
def test_no_public_page_misses_an_elision_a_digit_group_or_a_first_of_month(
    client, initial_content
):
    # Content that exercises every format: an amount, a call opening and closing on the 1st.
    paris = ZoneInfo("Europe/Paris")
    scheme = make_scheme(
        "Fonds d’essai", make_funder("Agence d’essai"), amount_min=1500, amount_max=250000
    )
    make_call(scheme, "Édition passée", opens_at=datetime(2025, 3, 1, tzinfo=paris),
              closes_at=datetime(2025, 6, 1, 23, 59, tzinfo=paris))  # fmt: skip
    make_event()
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)
    ]
    problems = {}
    for path in [*paths, scheme.get_absolute_url(), *EXTRA_PATHS, *prepare_paths()]:
        response = client.get(path)
        assert response.status_code == 200, path
        text = visible_text(response.content.decode())
        found = typography_problems(text)
        # A fact staff have not filled in is hidden from the public, never shown as missing.
        found += [f"shows « {m} »" for m in re.findall(r"non renseignée?", text)]
        if found:
            problems[path] = found
    assert not problems, problems
