"""Security headers, cookies, hosts and the admin's brute-force protection, on real responses."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from tests.helpers import SECRET, fresh_database, run_python

ADMIN = "/" + settings.ADMIN_URL
PUBLIC_URLS = ["/", "/types-d-actions/", "/recherche/?q=jeunesse", "/page-inconnue/"]


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_a_strict_content_security_policy(client, initial_content, url):
    directives = csp_directives(client.get(url))
    assert directives["default-src"] == ["'none'"]
    for directive in ("script-src", "style-src", "img-src", "connect-src", "form-action"):
        assert directives[directive] == ["'self'"], directive
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    policy = " ".join(" ".join(values) for values in directives.values())
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_the_other_security_headers(client, initial_content, url):
    response = client.get(url)
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_an_anonymous_visit_sets_no_cookie(client, initial_content, url):
    response = client.get(url)
    assert not response.cookies
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_unknown_host_gets_400(initial_content):
    assert Client(HTTP_HOST="evil.example.com").get("/").status_code == 400


@pytest.mark.django_db
def test_a_cached_page_is_never_served_to_an_unknown_host(initial_content, settings):
    settings.ALLOWED_HOSTS = ["www.example.org", "autre.example.org"]
    first = Client(HTTP_HOST="www.example.org").get("/")
    assert first["X-Page-Cache"] == "miss"
    assert Client(HTTP_HOST="www.example.org").get("/")["X-Page-Cache"] == "hit"
    assert Client(HTTP_HOST="evil.example.com").get("/").status_code == 400


@pytest.mark.django_db
def test_each_host_and_scheme_gets_its_own_canonical_address(initial_content, settings):
    settings.ALLOWED_HOSTS = ["www.example.org", "autre.example.org"]
    Client(HTTP_HOST="www.example.org").get("/")
    other = Client(HTTP_HOST="autre.example.org").get("/").content.decode()
    assert 'href="http://autre.example.org/"' in other
    assert "www.example.org" not in other
    secure = Client(HTTP_HOST="www.example.org").get("/", secure=True).content.decode()
    assert 'href="https://www.example.org/"' in secure


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/.git/HEAD", "/.env", "/.git/config", "/wp-login.php", "/admin/"])
def test_probes_for_secrets_get_404(client, url):
    assert client.get(url).status_code == 404


def test_admin_is_not_at_the_default_path_unless_asked():
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.ADMIN_URL)"
    )
    assert run_python(code, SECRET_KEY=SECRET).stdout.strip() == "gestion/"
    assert run_python(code, SECRET_KEY=SECRET, ADMIN_URL="/bureau/").stdout.strip() == "bureau/"


@pytest.mark.parametrize("password", ["court2026", "password1234", "azertyuiop", "123456789012"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("lianes-cooperation-2026-amiens")


HTTPS_PROBE = """
import django; django.setup()
from django.test import Client
c = Client()
r = c.get("/", secure=True)
print("HSTS", r["Strict-Transport-Security"])
print("REDIRECT", c.get("/").status_code)
r = c.get("/{admin}login/", secure=True)
cookie = r.cookies["csrftoken"]
print("CSRF", bool(cookie["secure"]), cookie["samesite"])
from django.contrib.auth.models import User
User.objects.create_superuser("chef", "chef@example.org", "un mot de passe solide 2026")
r = c.post("/{admin}login/", {{"username": "chef", "password": "un mot de passe solide 2026",
           "csrfmiddlewaretoken": cookie.value}}, secure=True)
s = r.cookies["sessionid"]
print("SESSION", bool(s["secure"]), bool(s["httponly"]), s["samesite"])
"""


def test_with_https_on_hsts_and_cookies_are_strict(tmp_path, site_template):
    result = run_python(
        HTTPS_PROBE.format(admin=settings.ADMIN_URL),
        SECRET_KEY=SECRET * 60,
        HTTPS="1",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=fresh_database(tmp_path, "https", site_template),
        CACHE_URL="locmemcache://",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    max_age = int(lines["HSTS"].split("max-age=")[1].split(";")[0])
    assert max_age >= 31536000
    assert "includeSubDomains" in lines["HSTS"]
    assert lines["REDIRECT"] == "301"
    assert lines["CSRF"] == "True Lax"
    assert lines["SESSION"] == "True True Lax"


@pytest.mark.django_db
def test_five_failed_logins_lock_the_client_out_in_french(client, django_user_model):
    django_user_model.objects.create_user(
        "claire", password="le bon mot de passe 2026", is_staff=True
    )
    for _attempt in range(5):
        response = client.post(f"{ADMIN}login/", {"username": "claire", "password": "faux"})
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    response = client.post(
        f"{ADMIN}login/", {"username": "claire", "password": "le bon mot de passe 2026"}
    )
    assert response.status_code == 429, "the right password must not bypass the lock-out"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_behind_a_proxy_failures_lock_out_the_visitor_not_everyone(django_user_model, settings):
    """nginx in front (PROXY_COUNT=1): every request comes from 127.0.0.1, and the visitor's
    address is the last one in X-Forwarded-For."""
    settings.PROXY_COUNT = 1
    django_user_model.objects.create_user(
        "claire", password="le bon mot de passe 2026", is_staff=True
    )
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    for _attempt in range(5):
        response = attacker.post(f"{ADMIN}login/", {"username": "claire", "password": "faux"})
    assert response.status_code == 429
    staff = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    response = staff.post(
        f"{ADMIN}login/", {"username": "claire", "password": "le bon mot de passe 2026"}
    )
    assert response.status_code == 302, "another visitor behind the same proxy can log in"
    assert "_auth_user_id" in staff.session
    response = attacker.post(
        f"{ADMIN}login/", {"username": "claire", "password": "le bon mot de passe 2026"}
    )
    assert response.status_code == 429, "the visitor who failed five times stays locked out"


@pytest.mark.django_db
def test_staff_unlock_a_locked_out_client(client, django_user_model):
    from django.core.management import call_command

    django_user_model.objects.create_user(
        "claire", password="le bon mot de passe 2026", is_staff=True
    )
    for _attempt in range(5):
        client.post(f"{ADMIN}login/", {"username": "claire", "password": "faux"})
    call_command("axes_reset_ip", "127.0.0.1", verbosity=0)
    response = client.post(
        f"{ADMIN}login/", {"username": "claire", "password": "le bon mot de passe 2026"}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_forty_addresses_of_one_ipv6_slash_64_are_locked_out_as_one(django_user_model):
    django_user_model.objects.create_user(
        "claire", password="le bon mot de passe 2026", is_staff=True
    )
    statuses = [
        Client(REMOTE_ADDR=f"2001:db8:1:2::{index:x}")
        .post(f"{ADMIN}login/", {"username": "claire", "password": "faux"})
        .status_code
        for index in range(1, 41)
    ]
    assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}
    elsewhere = Client(REMOTE_ADDR="2001:db8:1:3::1").post(
        f"{ADMIN}login/", {"username": "claire", "password": "le bon mot de passe 2026"}
    )
    assert elsewhere.status_code == 302, "another /64 is another network"


@pytest.mark.parametrize(
    ("address", "counted_as"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("pas une adresse", "pas une adresse"),
    ],
)
def test_limits_count_an_ipv4_address_or_an_ipv6_slash_64(address, counted_as):
    from django.test import RequestFactory

    from aict_site.clients import client_network

    assert client_network(RequestFactory().get("/", REMOTE_ADDR=address)) == counted_as
