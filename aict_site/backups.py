"""Backups that restore: the database, copied consistently while the site runs, and the media.

SQLite is copied with its online backup API; PostgreSQL with `pg_dump -Fc`. Both go, with the
uploaded files and a manifest, into one dated archive in BACKUP_DIR; the newest BACKUP_KEEP
archives are kept. Restoring refuses a database or media folder that already holds content
unless told to overwrite it.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from .project_apps import content_models, visitor_record_models

PREFIX = "aict-backup-"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for the scheduler."""


def pg_environment():
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env, [
        *(["-h", str(db["HOST"])] if db.get("HOST") else []),
        *(["-p", str(db["PORT"])] if db.get("PORT") else []),
        *(["-U", str(db["USER"])] if db.get("USER") else []),
    ]


def run(command, env=None):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed") from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()[:500]}") from None


def dump_database(target):
    vendor = connection.vendor
    if vendor == "sqlite":
        source = sqlite3.connect(connection.settings_dict["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
    elif vendor == "postgresql":
        env, options = pg_environment()
        run(["pg_dump", "-Fc", *options, "-f", str(target), connection.settings_dict["NAME"]], env)
    else:
        raise BackupError(f"no backup method for {vendor}")


def create(directory=None, keep=None):
    """Write a new archive and prune the old ones; returns the archive's path."""
    directory = Path(directory or settings.BACKUP_DIR)
    keep = settings.BACKUP_KEEP if keep is None else keep
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    archive = directory / f"{PREFIX}{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / DUMPS[connection.vendor]
        dump_database(dump)
        manifest = {"created": stamp, "database": connection.vendor}
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
            info = tarfile.TarInfo("manifest.json")
            data = json.dumps(manifest).encode()
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        partial.rename(archive)  # a half-written archive never looks like a backup
    for old in sorted(directory.glob(f"{PREFIX}*.tar.gz"))[:-keep]:
        old.unlink()
    return archive


def content_tables():
    """Tables that are empty in a database just migrated and hold rows once the site is used:
    accounts, visitors' records and public content (a model with its own page); data
    migrations fill others (départements, roles), which say nothing of use."""
    models = [
        get_user_model(),
        *visitor_record_models(),
        *(model for model in content_models() if hasattr(model, "get_absolute_url")),
    ]
    return [model._meta.db_table for model in models]


def database_has_content():
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in content_tables():
            if table in tables:
                cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
                if cursor.fetchone():
                    return True
    return False


def media_has_files():
    media = Path(settings.MEDIA_ROOT)
    return media.is_dir() and any(path.is_file() for path in media.rglob("*"))


def restore(archive, force=False):
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"no archive at {archive}")
    if not force and database_has_content():
        raise BackupError(
            "the database already holds content: restore into an empty one, or use --force"
        )
    if not force and media_has_files():
        raise BackupError(
            "the media folder is not empty: restore into an empty one, or use --force"
        )
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive) as tar:
        tar.extractall(tmp, filter="data")
        manifest = json.loads((Path(tmp) / "manifest.json").read_text())
        if manifest["database"] != connection.vendor:
            raise BackupError(
                f"this archive holds a {manifest['database']} database, not {connection.vendor}"
            )
        restore_database(Path(tmp) / DUMPS[connection.vendor])
        media = Path(settings.MEDIA_ROOT)
        if force and media.is_dir():
            shutil.rmtree(media)
        if (Path(tmp) / "media").is_dir():
            shutil.copytree(Path(tmp) / "media", media, dirs_exist_ok=True)
    return manifest


def restore_database(dump):
    connection.close()
    if connection.vendor == "sqlite":
        target = Path(connection.settings_dict["NAME"])
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        source = sqlite3.connect(dump)
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
    else:
        env, options = pg_environment()
        run(["pg_restore", "--clean", "--if-exists", "--no-owner", *options,
             "-d", connection.settings_dict["NAME"], str(dump)], env)  # fmt: skip
