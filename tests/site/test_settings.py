"""Settings behave as the README and .env.example say."""

import pytest
from django.db import connection

from tests.helpers import SECRET, manage, run_python

PRINT = "import django; django.setup(); from django.conf import settings as s; print({})"


def setting(expression, **env):
    result = run_python(PRINT.format(expression), **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_missing_secret_key_with_debug_off_names_the_variable():
    result = run_python("import django; django.setup()", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY environment variable is required" in result.stderr


def test_a_secret_key_shorter_than_50_characters_refuses_to_start():
    result = run_python("import django; django.setup()", DEBUG="0", SECRET_KEY="k" * 49)
    assert result.returncode != 0
    assert "SECRET_KEY is 49 characters long" in result.stderr
    assert setting("len(s.SECRET_KEY)", DEBUG="0", SECRET_KEY="k" * 50) == "50"


def test_debug_is_off_unless_set():
    assert setting("s.DEBUG", SECRET_KEY=SECRET) == "False"
    assert setting("s.DEBUG", DEBUG="1") == "True"


def test_debug_on_needs_no_secret_key():
    assert setting("bool(s.SECRET_KEY)", DEBUG="1") == "True"


def test_https_is_on_by_default_in_production():
    assert setting("(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
                   "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
                   "s.SECURE_PROXY_SSL_HEADER)", SECRET_KEY=SECRET) == (
        "(True, True, True, 31536000, True, ('HTTP_X_FORWARDED_PROTO', 'https'))"
    )  # fmt: skip


def test_https_off_turns_off_the_redirect_and_secure_cookies():
    assert setting(
        "(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE)", SECRET_KEY=SECRET, HTTPS="0"
    ) == ("(False, False)")


def test_default_database_is_sqlite_in_the_project_folder_in_wal_mode(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection as c; "
        "cur = c.cursor(); print(c.settings_dict['NAME']); "
        "print(cur.execute('PRAGMA journal_mode').fetchone()[0]); "
        "print(cur.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    result = run_python(code, DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'site.db'}")
    assert result.returncode == 0, result.stderr
    name, mode, timeout = result.stdout.split()
    assert name.endswith("site.db")
    assert mode == "wal"
    assert int(timeout) >= 5000
    default = setting("s.DATABASES['default']['NAME']", DEBUG="1")
    assert default.endswith("/db.sqlite3")


def test_postgresql_when_database_url_says_so():
    assert (
        setting(
            "s.DATABASES['default']['ENGINE']", DEBUG="1", DATABASE_URL="postgres://u@127.0.0.1:5/x"
        )
        == "django.db.backends.postgresql"
    )


@pytest.mark.django_db
def test_suite_runs_on_the_database_it_was_given():
    import os

    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


def test_default_cache_is_shared_by_every_worker():
    backend = setting(
        "(s.CACHES['default']['BACKEND'], str(s.CACHES['default']['LOCATION']))", DEBUG="1"
    )
    assert "FileBasedCache" in backend
    assert "/var/cache" in backend


def test_mail_and_locale_defaults():
    assert setting("(s.EMAIL_BACKEND, s.LANGUAGE_CODE, s.TIME_ZONE)", DEBUG="1") == (
        "('django.core.mail.backends.console.EmailBackend', 'fr', 'Europe/Paris')"
    )
    assert setting("s.NOTIFY_EMAILS", DEBUG="1", NOTIFY_EMAILS="a@x.org,b@x.org") == (
        "['a@x.org', 'b@x.org']"
    )


def test_check_deploy_is_clean_in_production_settings(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="0", HTTPS="1", SECRET_KEY="a-long-production-like-secret-" + "x" * 40,
        ALLOWED_HOSTS="www.example.org", EMAIL_URL="smtp+tls://u:p@smtp.example.org:587",
        NOTIFY_EMAILS="contact@example.org", SITE_URL="https://www.example.org",
        # Not migrated yet: what the content lacks is checked once it is there (below).
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


def test_check_deploy_warns_when_mail_goes_to_the_log():
    result = manage(
        "check", "--deploy", DEBUG="0", HTTPS="1", SECRET_KEY=SECRET,
        ALLOWED_HOSTS="www.example.org", NOTIFY_EMAILS="contact@example.org",
    )  # fmt: skip
    assert "aict_site.W001" in result.stderr, result.stderr
    assert "password-reset links end up in the log" in result.stderr
    assert "aict_site.W002" in result.stderr, "SITE_URL left at its default"


@pytest.mark.django_db
def test_check_deploy_warns_while_the_site_lacks_what_launch_needs(initial_content, settings):
    from django.core.checks import run_checks

    from contacts.models import Office
    from pages.models import SiteSettings

    def warnings():
        return [
            message.msg
            for message in run_checks(include_deployment_checks=True, databases=["default"])
            if message.id == "aict_site.W010"
        ]

    settings.NOTIFY_EMAILS = []
    found = warnings()
    assert any("Bureaux à Lille" in text and "n’arrivent à personne" in text for text in found)
    assert any("éditeur du site" in text for text in found)
    Office.objects.filter(city="Lille").update(notify_email="lille@lianes.example")
    assert not any("Bureaux à Lille" in text for text in warnings())
    assert any("Bureaux à Amiens" in text for text in warnings())  # its requests reach nobody
    settings.NOTIFY_EMAILS = ["contact@example.org"]
    assert not any("Bureau" in text for text in warnings())
    SiteSettings.objects.filter(pk=1).update(
        publisher="Association Lianes coopération", publication_director="La présidente",
        postal_address="Lille", host_name="Hébergeur", host_address="Paris",
    )  # fmt: skip
    assert warnings() == []


def test_a_dot_env_file_is_read_and_the_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    key = "from-the-file-" + "k" * 40
    env_file.write_text(f"SECRET_KEY={key}\nDEFAULT_FROM_EMAIL=fichier@example.org\n")
    assert setting("(s.SECRET_KEY, s.DEBUG)", ENV_FILE=env_file) == f"('{key}', False)"
    assert setting(
        "s.DEFAULT_FROM_EMAIL", ENV_FILE=env_file, SECRET_KEY=SECRET,
        DEFAULT_FROM_EMAIL="env@example.org",
    ) == "env@example.org"  # fmt: skip


@pytest.mark.django_db
def test_bench_content_is_refused_on_a_database_in_use(initial_content, django_user_model):
    from bench.content import DatabaseInUse, generate
    from directory.models import Authority

    django_user_model.objects.create_user("chef", password="un mot de passe solide 2026")
    before = Authority.objects.count()
    with pytest.raises(DatabaseInUse, match="This database is in use \\(accounts: 1\\)"):
        generate()
    assert Authority.objects.count() == before
    # (It fills an unused database as before: tests/site/test_query_budget.py calls it.)


def test_the_former_contact_names_are_still_read_with_a_warning():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.FORM_RATE_LIMIT, s.NOTIFY_EMAILS, s.VISITOR_DATA_RETENTION_DAYS)",
        DEBUG="1", CONTACT_RATE_LIMIT="7", CONTACT_NOTIFY_EMAILS="a@x.org",
        CONTACT_RETENTION_DAYS="400", FORM_RATE_LIMIT=None,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "7 ['a@x.org'] 400"
    assert "CONTACT_RATE_LIMIT is deprecated: rename it FORM_RATE_LIMIT" in result.stderr
    new_wins = run_python(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.FORM_RATE_LIMIT)",
        DEBUG="1", CONTACT_RATE_LIMIT="7", FORM_RATE_LIMIT="9",
    )  # fmt: skip
    assert new_wins.stdout.strip() == "9" and "deprecated" not in new_wins.stderr


def test_links_in_mails_follow_the_port_the_local_server_listens_on():
    """Under `make run PORT=8123`, a registrant's link must not point to port 8000."""
    assert setting("s.SITE_URL", DEBUG="1", PORT="8123") == "http://127.0.0.1:8123"
    assert setting("s.SITE_URL", DEBUG="1") == "http://127.0.0.1:8000"
    assert (
        setting("s.SITE_URL", DEBUG="1", PORT="8123", SITE_URL="https://x.org/") == "https://x.org"
    )
