"""A backup restores: every row and every uploaded file comes back, on the database in use."""

import hashlib
import json
import os
from pathlib import Path

import pytest

from tests.helpers import manage, run_python

# Each database has its own backup tool (online backup API, pg_dump).
pytestmark = pytest.mark.both_databases

MAKE_CONTENT = """
import django, io; django.setup()
from django.core.files.base import ContentFile
from PIL import Image
from contacts.models import ContactRequest, ContactSubject
from pages.models import Page
buffer = io.BytesIO(); Image.new("RGB", (800, 500), (20, 90, 60)).save(buffer, "PNG")
page = Page.objects.get(slug="lianes-cooperation")
page.image.save("reunion.png", ContentFile(buffer.getvalue()), save=False)
page.image_alt = "Réunion"; page.save()
ContactRequest.objects.create(name="Camille", email="c@example.org", organisation="Mairie",
    subject=ContactSubject.objects.first(), message="Bonjour")
"""
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "reversion", "admin.logentry"]
DUMP = ["dumpdata", "--natural-foreign", *(f"--exclude={label}" for label in EXCLUDED)]


def database_urls(tmp_path):
    """A source and a target database of the kind this test run uses."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return (
            f"sqlite:///{tmp_path / 'source.sqlite3'}",
            f"sqlite:///{tmp_path / 'target.sqlite3'}",
        )
    import psycopg

    server = url.rsplit("/", 1)[0]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    names = [f"aict_backup_source_{worker}", f"aict_backup_target_{worker}"]
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
    return tuple(f"{server}/{name}" for name in names)


def files(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(folder).rglob("*"))
        if path.is_file()
    }


def site(database_url, media, **extra):
    return dict(
        DEBUG="1", DATABASE_URL=database_url, MEDIA_ROOT=media, CACHE_URL="locmemcache://", **extra
    )


def test_backup_then_restore_into_a_fresh_database_and_media_folder(tmp_path):
    source_url, target_url = database_urls(tmp_path)
    source = site(source_url, tmp_path / "media-source")
    target = site(target_url, tmp_path / "media-target")
    for command in (("migrate", "--noinput"), ("load_initial_content",)):
        assert manage(*command, **source).returncode == 0
    made = run_python(MAKE_CONTENT, **source)
    assert made.returncode == 0, made.stderr
    before = manage(*DUMP, **source)
    assert before.returncode == 0, before.stderr

    backup = manage("backup", "--dir", tmp_path / "backups", "--keep", "2", **source)
    assert backup.returncode == 0, backup.stderr
    archives = sorted((tmp_path / "backups").glob("aict-backup-*.tar.gz"))
    assert len(archives) == 1

    restored = manage("restore", archives[0], **target)
    assert restored.returncode == 0, restored.stderr
    after = manage(*DUMP, **target)
    assert json.loads(after.stdout) == json.loads(before.stdout)
    assert len(json.loads(after.stdout)) > 100
    assert files(tmp_path / "media-target") == files(tmp_path / "media-source")
    assert any(name.startswith("pages/reunion") for name in files(tmp_path / "media-target"))

    again = manage("restore", archives[0], **target)
    assert again.returncode != 0
    assert "already holds content" in again.stderr
    assert manage("restore", archives[0], "--force", **target).returncode == 0


def test_only_the_newest_archives_are_kept(tmp_path):
    source_url, _target = database_urls(tmp_path)
    source = site(source_url, tmp_path / "media")
    assert manage("migrate", "--noinput", **source).returncode == 0
    for _round in range(4):
        assert manage("backup", "--dir", tmp_path / "b", "--keep", "2", **source).returncode == 0
    assert len(list((tmp_path / "b").glob("aict-backup-*.tar.gz"))) == 2


def test_a_failing_backup_exits_non_zero_with_a_message(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    source_url, _target = database_urls(tmp_path)
    result = manage("backup", "--dir", blocked, **site(source_url, tmp_path / "m"))
    assert result.returncode != 0
    assert "backup failed" in result.stderr


@pytest.mark.parametrize("archive", ["missing.tar.gz"])
def test_restoring_a_missing_archive_says_so(tmp_path, archive):
    _source, target_url = database_urls(tmp_path)
    result = manage("restore", tmp_path / archive, **site(target_url, tmp_path / "m"))
    assert result.returncode != 0
    assert "no archive at" in result.stderr
