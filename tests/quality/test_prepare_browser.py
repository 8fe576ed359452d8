"""« Préparer ma candidature » from the home page, as a mayor of a commune with a partner in
Senegal goes: the finder, the scheme, the form and its questions, a reasoned answer, the plan,
its .ics with reminders, and the plan printed on one A4 sheet."""

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser


def test_a_mayor_prepares_an_application_from_the_home_page(browser, live_site, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(live_site + "/")
    page.locator("#menu summary", has_text="Financer").click()
    page.locator("#menu a", has_text="Financements").click()
    page.locator(".scheme-card h3 a", has_text="franco-sénégalais").first.click()
    page.get_by_role("link", name="Préparer ma candidature").first.click()
    page.get_by_label("Votre collectivité").select_option(label="Commune")
    page.get_by_label("Pays partenaire").select_option(label="Sénégal")
    for question in ("Le projet est-il présenté conjointement", "Votre collectivité apportera"):
        page.get_by_role("group", name=question).get_by_label("Oui", exact=True).check()
    page.get_by_label("Dates de vos prochains conseils").fill("05/01/2027, 02/02/2027")
    page.get_by_role("button", name="Voir la réponse et le plan").click()
    assert page.locator("#answer-title").inner_text().strip() == "Vous pouvez candidater"
    assert page.url.endswith("#answer-title")  # on a phone, the answer is not under the form
    assert "territoire=" not in page.url and "edition=" not in page.url  # no empty fields
    top = page.evaluate("document.getElementById('answer-title').getBoundingClientRect().top")
    assert 0 <= top < 200, "the answer's heading is at the top of the screen"
    assert "au moins 20 % pour la française" in page.locator(".answer").inner_text()
    steps = page.locator(".plan li")
    council = [text for text in steps.all_inner_texts() if "Le conseil adopte" in text]
    assert council and "2 février 2027" in council[0]
    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter le plan à mon agenda (.ics)").click()
    path = tmp_path / "plan.ics"
    download.value.save_as(path)
    events = list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert len(events) == steps.count()
    assert all(len(list(event.walk("VALARM"))) == 2 for event in events)
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1, "one A4 sheet"
    context.close()
