"""Backups that restore: back up the test site, copy it to a scratch database, back that up, wipe it,
restore, and find every practice, document (its bytes), revision and exchange request again."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from backups import services
from exchange.models import ExchangeRequest
from practices.models import InstitutionPage, PracticePage
from tests.backups.state import site_state
from tests.factories import make_practice, translate

ROOT = Path(settings.BASE_DIR)

# On SQLite the test database is an in-memory, shared-cache one, and every test runs inside a write
# transaction (BEGIN IMMEDIATE): a backup, from that connection or a second one, is answered "locked"
# at every step and Python's backup() retries forever. A file database backs up while the site
# writes (backups/services.py); this module runs on PostgreSQL, in CI.
pytestmark = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="SQLite's in-memory test database cannot be backed up from inside a test"
)


@pytest.fixture(scope="module", autouse=True)
def committed_site(django_db_setup, django_db_blocker):
    """Published practices with documents (their files on disk) and indicator rows, a draft, a
    translation and an exchange request, COMMITTED: pg_dump and SQLite's backup read only what is
    committed, not a test's open transaction. Deleted after the module, and checked gone, so the
    rest of the session sees the skeleton only."""
    with django_db_blocker.unblock():
        skeleton = site_state()
        argentina = InstitutionPage.objects.get(locale__language_code="es", country__iso2="AR")
        mexico = InstitutionPage.objects.get(locale__language_code="es", country__iso2="MX")
        practices = [
            make_practice(argentina, title="Turnos en línea para solicitantes", documents=2, results=2, aliases=True),
            make_practice(mexico, title="Entrevistas remotas con garantías", documents=1, results=1),
            make_practice(argentina, title="Borrador de una guía de entrevistas", documents=1, publish=False),
        ]
        translate(practices[0], "en", title="Online appointments for applicants")
        ExchangeRequest.objects.create(
            practice=practices[0],
            practice_title=practices[0].title,
            institution=argentina,
            name="María Pérez",
            requester_institution="Comisión de Refugiados del Paraguay",
            email="maria.perez@example.org",
            message="Queremos conocer cómo organizaron los turnos en línea.",
            language="es",
        )
        documents = [item.document for page in practices for item in page.attachments.all()]
        yield
        ExchangeRequest.objects.filter(practice__in=practices).delete()
        keys = [page.translation_key for page in practices]
        # Aliases and translations first: an original's aliases would otherwise be left behind.
        for page in PracticePage.objects.filter(translation_key__in=keys).order_by("-alias_of_id", "-locale_id"):
            if page.locale_id != argentina.locale_id:
                page.delete()
        for page in PracticePage.objects.filter(translation_key__in=keys):
            page.delete()
        for document in documents:
            document.file.delete(save=False)
            document.delete()
        assert site_state() == skeleton


@pytest.fixture
def scratch_database_url(tmp_path):
    """An empty database of the session's kind, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.get_connection_params()
    name = f"bp_restore_{uuid.uuid4().hex[:12]}"
    admin = {k: v for k, v in params.items() if k in {"host", "port", "user", "password"}}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    user = params.get("user") or "postgres"
    password = f":{params['password']}" if params.get("password") else ""
    yield f"postgres://{user}{password}@{params.get('host') or 'localhost'}:{params.get('port') or 5432}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_every_practice_document_revision_and_request(tmp_path, scratch_database_url):
    before = site_state()
    assert before["practices"] and before["documents"] and before["revisions"] and before["exchange_requests"]
    assert all(before["documents"].values()), "the documents' files are on disk"

    archive = services.backup_site(output_dir=tmp_path / "first")
    manifest = services.read_manifest(archive)
    assert archive.name.startswith("backup-") and manifest["database"]["vendor"] == connection.vendor
    assert manifest["counts"]["practices"] == len(before["practices"])

    env = {
        **os.environ,
        "DATABASE_URL": scratch_database_url,
        "DJANGO_SETTINGS_MODULE": "tests.backups.restore_settings",
        "RESTORE_MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.backups.cycle", str(archive), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])

    wiped = report["wiped"]
    assert not wiped["practices"] and not wiped["documents"] and not wiped["exchange_requests"]
    restored = report["restored"]
    search = restored.pop("search")
    assert search and all(search.values()), search
    assert restored == before
