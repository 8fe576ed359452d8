"""`make superuser` without a terminal (a deploy script): the account from the
DJANGO_SUPERUSER_* variables, or a loud failure naming what is missing."""

import subprocess

from tests.helpers import BASE_DIR, SECRET, child_env, fresh_database, run_python


def make_superuser(database, command=("make", "--no-print-directory", "superuser"), **variables):
    return subprocess.run(
        list(command),
        cwd=BASE_DIR,
        env=child_env(DATABASE_URL=database, SECRET_KEY=SECRET, **variables),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )


def accounts(database):
    code = (
        "import django; django.setup(); from django.contrib.auth import get_user_model; "
        "print([(u.username, u.is_superuser, u.has_usable_password()) "
        "for u in get_user_model().objects.all()])"
    )
    return run_python(code, DATABASE_URL=database, DEBUG="1").stdout.strip()


def test_the_first_account_comes_from_the_environment_or_the_command_fails(tmp_path, site_template):
    database = fresh_database(tmp_path, "superuser", template=site_template)
    missing = make_superuser(database, DJANGO_SUPERUSER_USERNAME="marie")
    assert missing.returncode != 0
    assert "DJANGO_SUPERUSER_EMAIL DJANGO_SUPERUSER_PASSWORD not set" in missing.stderr
    assert "skipped" not in missing.stdout + missing.stderr
    assert accounts(database) == "[]"
    made = make_superuser(
        database,
        DJANGO_SUPERUSER_USERNAME="marie",
        DJANGO_SUPERUSER_EMAIL="marie@lianes.example",
        DJANGO_SUPERUSER_PASSWORD="un mot de passe solide 2026",
    )
    assert made.returncode == 0, made.stderr
    assert accounts(database) == "[('marie', True, True)]"
    again = make_superuser(
        database,
        command=["scripts/superuser.sh"],
        DEBUG="1",
        DJANGO_SUPERUSER_USERNAME="marie",
        DJANGO_SUPERUSER_EMAIL="marie@lianes.example",
        DJANGO_SUPERUSER_PASSWORD="un mot de passe solide 2026",
    )
    assert again.returncode != 0 and "already taken" in again.stderr
