"""Backups of the whole site: the database and the uploaded media, and putting them back.

A backup is one folder, `youlin-<UTC time>/`, holding:

* `database.sqlite3`: on SQLite, a consistent copy taken with SQLite's online backup API
  while the site keeps serving (editors may be publishing);
* `database.dump`: on PostgreSQL, `pg_dump --format=custom`, which `pg_restore` reads;
* `media.tar.gz`: the uploaded images and documents, when they are on the local disk
  (on S3 the bucket's own versioning or replication is the backup);
* `backup.json`: what was backed up, when, and from which database engine.

`manage.py backup` writes one; `manage.py restore FOLDER` puts one back into an empty
database (and media folder), refusing to overwrite content unless told to.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection

MANIFEST = "backup.json"


class BackupError(Exception):
    """Something the person running the command can fix; the message says what."""


def _engine():
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _pg_environment():
    """pg_dump/pg_restore's connection settings from Django's, passed by environment."""
    db = connection.settings_dict
    env = dict(os.environ)
    for key, name in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if db.get(name):
            env[key] = str(db[name])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _run(command, **kwargs):
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _media_root():
    """The local media folder, or None when media is not on this machine's disk."""
    try:
        return Path(default_storage.path(""))
    except NotImplementedError:
        return None


def backup(destination, now=None):
    """Write a backup folder under `destination`; returns its path."""
    engine = _engine()
    stamp = (now or datetime.datetime.now(datetime.UTC)).strftime("%Y%m%d-%H%M%S")
    folder = Path(destination) / f"youlin-{stamp}"
    folder.mkdir(parents=True, exist_ok=False)
    if engine == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            connection.connection.backup(target)
        target.close()
        database = "database.sqlite3"
    else:
        database = "database.dump"
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--file={folder / database}",
                connection.settings_dict["NAME"],
            ],
            env=_pg_environment(),
        )
    media = _media_root()
    has_media = media is not None and media.is_dir()
    if has_media:
        with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
            archive.add(media, arcname="media")
    (folder / MANIFEST).write_text(
        json.dumps(
            {"engine": engine, "database": database, "media": has_media, "taken_at": stamp},
            indent=2,
        )
    )
    return folder


def database_has_content():
    """True when the database already holds pages beyond Wagtail's initial two."""
    tables = connection.introspection.table_names()
    if "wagtailcore_page" not in tables:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page")
        return cursor.fetchone()[0] > 2


def restore(folder, force=False):
    """Put the backup in `folder` back into the current database and media folder."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a Youlin backup ({MANIFEST} unreadable).") from error
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; the site uses {engine}."
        )
    if database_has_content() and not force:
        raise BackupError(
            "The database already has content: restore into an empty one, or --force."
        )
    source = folder / manifest["database"]
    if engine == "sqlite":
        connection.ensure_connection()
        backup_db = sqlite3.connect(source)
        with backup_db:
            backup_db.backup(connection.connection)
        backup_db.close()
    else:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ],
            env=_pg_environment(),
        )
    if manifest.get("media"):
        media = _media_root()
        if media is None:
            raise BackupError("The backup has media files but media is not on the local disk.")
        media.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / "media.tar.gz", "r:gz") as archive:
            for member in archive.getmembers():
                if not member.name.startswith("media/") or ".." in Path(member.name).parts:
                    continue
                member.name = member.name.removeprefix("media/")
                archive.extract(member, media, filter="data")
    return manifest


def default_destination():
    return Path(os.environ.get("BACKUP_DIR", settings.BASE_DIR / "backups"))
