"""A backup restores: every row and every uploaded file comes back, on the database in use."""

import hashlib
import json
from pathlib import Path

import pytest

from tests.helpers import fresh_database, manage, run_python

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


def test_backup_then_restore_into_a_fresh_database_and_media_folder(tmp_path, site_template):
    # The source: a migrated database with the initial content, as `make run` leaves it.
    source = site(fresh_database(tmp_path, "source", site_template), tmp_path / "media-source")
    target = site(fresh_database(tmp_path, "target"), tmp_path / "media-target")
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


def test_only_the_newest_archives_are_kept(tmp_path, site_template):
    source = site(fresh_database(tmp_path, "source", site_template), tmp_path / "media")
    for _round in range(4):
        assert manage("backup", "--dir", tmp_path / "b", "--keep", "2", **source).returncode == 0
    assert len(list((tmp_path / "b").glob("aict-backup-*.tar.gz"))) == 2


def test_a_failing_backup_exits_non_zero_with_a_message(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    source = site(fresh_database(tmp_path, "source"), tmp_path / "m")
    result = manage("backup", "--dir", blocked, **source)
    assert result.returncode != 0
    assert "backup failed" in result.stderr


@pytest.mark.parametrize("archive", ["missing.tar.gz"])
def test_restoring_a_missing_archive_says_so(tmp_path, archive):
    target = site(fresh_database(tmp_path, "target"), tmp_path / "m")
    result = manage("restore", tmp_path / archive, **target)
    assert result.returncode != 0
    assert "no archive at" in result.stderr
