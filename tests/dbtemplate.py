"""A PostgreSQL template of the migrated test database with its skeleton, reused by the next session.

Migrating an empty database takes 30–75 s on a loaded 2-core machine and the skeleton another
10–40 s; copying a template (`CREATE DATABASE … TEMPLATE`) takes a second or two. The template's
name carries a hash of every file that decides what the migrations and the skeleton write (the
first-party Python and data files outside tests/, and the fixtures that build the skeleton), so
any change to them builds a new one, and the old ones are dropped. CI starts from nothing and
builds it once, as before. SQLite runs, or TEST_DB_TEMPLATE=0, build everything every time.
"""

import hashlib
import os
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import connections

ROOT = Path(__file__).resolve().parents[1]
SKIPPED_DIRS = {".git", ".venv", "node_modules", "static", "templates", "locale", "docs", "media", "staticfiles"}
HASHED_SUFFIXES = {".py", ".json", ".jsonl", ".csv"}
# The files of tests/ that build the skeleton; the rest of tests/ changes nothing in it.
SKELETON_TEST_FILES = ("tests/conftest.py", "tests/dbtemplate.py")


def enabled() -> bool:
    return (
        settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
        and os.environ.get("TEST_DB_TEMPLATE", "1") != "0"
    )


def source_hash() -> str:
    digest = hashlib.sha256()
    files = [ROOT / name for name in SKELETON_TEST_FILES]
    for directory, dirs, names in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(".") and d != "tests")
        files += [Path(directory) / n for n in sorted(names) if Path(n).suffix in HASHED_SUFFIXES]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def template_name() -> str:
    """Named after the test database (`test_<NAME>`); called before the test database replaces NAME."""
    config = settings.DATABASES["default"]
    test_name = config.get("TEST", {}).get("NAME") or "test_" + config["NAME"]
    return f"{test_name}_tpl_{source_hash()}"


def _server():
    """A connection to the server's maintenance database (CREATE/DROP DATABASE cannot run in the test one)."""
    config = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        autocommit=True,
    )


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def exists(name: str) -> bool:
    with _server() as server:
        return server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def use_if_ready(name: str) -> bool:
    """Points the test database's creation at the template `name` when it exists."""
    if not exists(name):
        return False
    settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = name
    connections["default"].settings_dict.setdefault("TEST", {})["TEMPLATE"] = name
    return True


def save(name: str) -> None:
    """Copies the test database, as it is now, into the template `name`; drops older templates."""
    source = connections["default"].settings_dict["NAME"]  # the test database, once created
    connections.close_all()  # the copy needs the source without sessions
    with _server() as server:
        stale = server.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [source.replace("_", r"\_") + r"\_tpl\_%", name],
        ).fetchall()
        for (old,) in stale:
            server.execute(f"DROP DATABASE IF EXISTS {_quoted(old)}")
        server.execute(f"CREATE DATABASE {_quoted(name)} TEMPLATE {_quoted(source)}")
