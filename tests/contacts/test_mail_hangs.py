"""A mail server that accepts connections and never answers: as deployed (gunicorn, several
workers, DEBUG off), every contact request is stored and answered within 3 seconds, and staff
can still log in, because nothing waits on the mail server while holding the database."""

import re
import time
import urllib.request

import pytest

from tests.contacts.builders import contact_data
from tests.contacts.smtp import HungSMTPServer
from tests.helpers import (
    child_site,
    csrf_session,
    free_port,
    log_in,
    opener,
    post_at_once,
    run_python,
    start_gunicorn,
    stop,
)

# A hung mail server must not lock SQLite's or PostgreSQL's rows.
pytestmark = pytest.mark.both_databases

PASSWORD = "un mot de passe solide 2026"
POSTS = 20


@pytest.fixture(scope="module")
def site(tmp_path_factory, site_template):
    folder = tmp_path_factory.mktemp("hung")
    hung = HungSMTPServer()
    env = child_site(
        site_template, folder, "mail_hangs", staff_password=PASSWORD,
        CACHE_URL=f"filecache://{folder / 'cache'}", EMAIL_URL=f"smtp://127.0.0.1:{hung.port}",
        NOTIFY_EMAILS="equipe@lianes.example", FORM_RATE_LIMIT=1000,
        FORM_MIN_SECONDS=0,
    )  # fmt: skip
    env["PORT"] = free_port()
    server = start_gunicorn(env)
    yield f"http://127.0.0.1:{env['PORT']}", env
    stop(server)
    hung.stop()


def stored_requests(env):
    code = (
        "import django; django.setup(); from contacts.models import ContactRequest as C; "
        "print(C.objects.count(), C.objects.filter(notified_at__isnull=True).count())"
    )
    result = run_python(code, **env)
    assert result.returncode == 0, result.stderr
    return tuple(int(n) for n in result.stdout.split())


def test_every_request_is_stored_and_answered_fast_and_staff_can_log_in(site):
    base, env = site
    url = base + "/contact/"
    html = urllib.request.urlopen(url).read().decode()
    subject = re.search(r'<option value="(\d+)">Question sur un financement', html).group(1)
    forms = []
    for index in range(POSTS):
        # Each form as a visitor's browser got it (from the page cache after the first): its
        # own single-use timestamp.
        shown_at = re.search(
            r'name="shown_at" value="([^"]+)"', urllib.request.urlopen(url).read().decode()
        ).group(1)
        forms.append(contact_data(name=f"Visiteur {index}", subject=subject, shown_at=shown_at))
    assert urllib.request.urlopen(url).headers["X-Page-Cache"] == "hit"

    timings = []
    statuses = post_at_once(url, forms, follow=False, timings=timings)
    assert statuses == [302] * POSTS, statuses
    assert max(timings) < 3, f"the slowest of {POSTS} answers took {max(timings):.1f} s"

    # The sends are still hanging (EMAIL_TIMEOUT is 10 s): staff log in meanwhile.
    started = time.monotonic()
    response = log_in(opener(), base, PASSWORD)
    assert response.status == 200 and response.url.endswith("/gestion/"), "logged in"
    assert time.monotonic() - started < 3
    stored, not_notified = stored_requests(env)
    assert stored == POSTS
    assert not_notified == POSTS, "kept for send_pending_notifications"


def test_registrations_are_answered_fast_and_their_emails_wait(site):
    from tests.events.test_registration import form

    base, env = site
    made = run_python(
        "import django; django.setup(); from tests.events.builders import make_event; "
        "print(make_event('Atelier pendant la panne', capacity=5).get_absolute_url())",
        **env,
    )
    assert made.returncode == 0, made.stderr
    url = base + made.stdout.strip()
    token, cookie = csrf_session(url)
    forms = []
    for index in range(3):
        shown_at = re.search(
            r'name="shown_at" value="([^"]+)"', urllib.request.urlopen(url).read().decode()
        ).group(1)
        forms.append(
            form(email=f"p{index}@exemple.fr", shown_at=shown_at, csrfmiddlewaretoken=token)
        )
    timings = []
    assert post_at_once(url, forms, cookie, follow=False, timings=timings) == [302] * 3
    assert max(timings) < 3, f"the slowest registration took {max(timings):.1f} s"
    owed = run_python(
        "import django; django.setup(); from events.models import Registration as R; "
        "print(R.objects.filter(registrant_mail_due=True, notified_at__isnull=True).count())",
        **env,
    )
    assert owed.stdout.strip() == "3", "each registrant's email kept for a later send"
