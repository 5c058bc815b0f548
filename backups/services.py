"""One archive holds the whole site: the database, the media files and a manifest (docs/operations.md, *Backups*).

    backup-20261128T041500Z.tar.gz
        manifest.json          when, which database engine, schema version, counts, sha256 of every file
        database/db.dump       PostgreSQL: pg_dump custom format (restored with pg_restore)
        database/db.sqlite3    SQLite: a consistent copy taken with SQLite's online backup API
        media/...              MEDIA_ROOT as it was (documents, original images, renditions)

Restoring replaces the database and the media directory with the archive's, then rebuilds the
search index (the engine's index is not in the archive: it is derived from the database).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from exchange.models import ExchangeRequest
from practices.models import PracticePage

FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def backup_site(*, output_dir: Path) -> Path:
    """Write a timestamped archive into `output_dir` and return its path."""
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    archive = output_dir / f"backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="backup-") as work:
        work = Path(work)
        database_file = _dump_database(work / "database")
        media_root = Path(settings.MEDIA_ROOT)
        media_files = sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {
                "vendor": connection.vendor,
                "file": f"database/{database_file.name}",
                "sha256": _sha256(database_file),
                "last_migration": _last_migration(),
            },
            "media": {
                str(p.relative_to(media_root)): {"size": p.stat().st_size, "sha256": _sha256(p)} for p in media_files
            },
            "counts": _counts(),
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            manifest_file = work / MANIFEST
            manifest_file.write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
            tar.add(manifest_file, arcname=MANIFEST)
            tar.add(database_file, arcname=manifest["database"]["file"])
            for path in media_files:
                tar.add(path, arcname=f"media/{path.relative_to(media_root)}")
        partial.rename(archive)  # a half-written archive never carries the final name
    return archive


def read_manifest(archive: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        member = tar.extractfile(MANIFEST)
        if member is None:
            raise BackupError(f"{archive} has no {MANIFEST}: not a backup of this site")
        return json.load(member)


def restore_site(*, archive: Path, rebuild_index: bool = True) -> dict:
    """Replace the database and the media directory with the archive's; return its manifest."""
    manifest = read_manifest(archive)
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}")
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"The archive holds a {vendor} database; this site runs on {connection.vendor}")
    with tempfile.TemporaryDirectory(prefix="restore-") as work:
        work = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")  # no absolute paths, links out or devices
        _verify(work, manifest)
        _restore_database(work / manifest["database"]["file"])
        _restore_media(work / "media")
    # What this process and the shared cache remember about the replaced database is wrong now
    # (content type ids, facet options, site root paths…).
    ContentType.objects.clear_cache()
    for cache in caches.all():
        cache.clear()
    if rebuild_index:
        call_command("update_index", verbosity=0)
    return manifest


def _verify(work: Path, manifest: dict) -> None:
    """Every file as it was written: a truncated or altered archive stops before anything is replaced."""
    expected = {manifest["database"]["file"]: manifest["database"]["sha256"]}
    expected.update({f"media/{name}": meta["sha256"] for name, meta in manifest["media"].items()})
    for name, digest in expected.items():
        path = work / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(f"{name} is missing or damaged in the archive")


# --- database -------------------------------------------------------------------------------


def _dump_database(directory: Path) -> Path:
    directory.mkdir()
    if connection.vendor == "postgresql":
        target = directory / "db.dump"
        _run_pg(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)])
        return target
    if connection.vendor == "sqlite":
        target = directory / "db.sqlite3"
        # A connection of its own: SQLite's backup of a connection that holds a write transaction
        # (Django's, inside an atomic block; BEGIN IMMEDIATE takes the write lock at once) answers
        # "locked" at every step, and Python's backup() retries that forever. A second connection
        # copies what is committed, consistently even while the site writes.
        params = connection.get_connection_params()
        source = sqlite3.connect(params["database"], uri=params.get("uri", False))
        try:
            with sqlite3.connect(target) as copy:
                source.backup(copy)
            copy.close()
        finally:
            source.close()
        return target
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}")


def _restore_database(source: Path) -> None:
    if connection.vendor == "postgresql":
        # An empty schema first: tables added since the backup must not survive beside it.
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        connection.close()
        _run_pg(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", str(source)])
        return
    with sqlite3.connect(source) as backup:
        connection.ensure_connection()
        backup.backup(connection.connection)
    backup.close()
    connection.close()


def _run_pg(command: list[str]) -> None:
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    arguments = [f"--host={db.get('HOST') or 'localhost'}", f"--username={db.get('USER') or 'postgres'}"]
    if db.get("PORT"):
        arguments.append(f"--port={db['PORT']}")
    arguments.append(f"--dbname={db['NAME']}")
    result = subprocess.run([command[0], *arguments, *command[1:]], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _last_migration() -> str:
    last = MigrationRecorder.Migration.objects.order_by("-applied", "-pk").first()
    return f"{last.app}.{last.name}" if last else ""


def _counts() -> dict[str, int]:
    from wagtail.documents import get_document_model
    from wagtail.models import Revision

    return {
        "practices": PracticePage.objects.count(),
        "live_practices": PracticePage.objects.live().count(),
        "documents": get_document_model().objects.count(),
        "revisions": Revision.objects.count(),
        "exchange_requests": ExchangeRequest.objects.count(),
    }


# --- media ----------------------------------------------------------------------------------


def _restore_media(source: Path) -> None:
    # The directory's contents, not the directory: in production it is a mounted volume.
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    if source.exists():
        shutil.copytree(source, media_root, dirs_exist_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
