import pytest
from django.test import Client
from django.urls import include, path

from tests.helpers import SECRET, run_python


def test_healthz_is_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_does_not_answer(tmp_path):
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, r['Cache-Control'])"
    )
    unreachable = f"sqlite:///{tmp_path / 'missing-folder' / 'db.sqlite3'}"
    result = run_python(code, SECRET_KEY=SECRET, HTTPS="0", ALLOWED_HOSTS="testserver",
                        DATABASE_URL=unreachable)  # fmt: skip
    assert result.returncode == 0, result.stderr
    status, cache_control = result.stdout.split(" ", 1)
    assert status == "503"
    assert "no-cache" in cache_control


def test_404_page_has_the_site_look(client, initial_content):
    response = client.get("/cette-page-nexiste-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert 'href="#main"' in html
    assert "Bureaux à Lille" in html  # the shared footer


def broken_view(request):
    raise RuntimeError("boom")


handler500 = "aict_site.errors.server_error"
urlpatterns = [path("casse/", broken_view), path("", include("aict_site.urls"))]


@pytest.mark.urls("tests.site.test_health_and_errors")
def test_500_page_renders_without_touching_the_database(django_assert_num_queries, db):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/casse/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Une erreur est survenue" in html
    assert 'lang="fr"' in html
    assert 'href="#main"' in html
