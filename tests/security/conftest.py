"""Argentina's official tries to reach Mexico's content through the real admin URLs.

Mexico has a draft never published, a published practice with a pending draft under a secret
title, a submission in the review workflow, a locked page, and a document and an image in its
own collection. Every secret title below must never appear in a response to Argentina."""

import html
import json
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from practices.roles import institution_collection
from tests.factories import make_practice

SECRETS = (
    "Borrador secreto de México",
    "Título secreto en revisión",
    "Envío secreto de México",
    "Documento interno de México",
    "Imagen interna de México",
)


@pytest.fixture
def mx(other_institution):
    User = get_user_model()
    mx_official = User.objects.get(username="oficial-mx")
    draft = make_practice(other_institution, publish=False, title=SECRETS[0], slug="borrador-secreto")
    live = make_practice(other_institution, title="Práctica pública de México", slug="practica-publica-mx")
    live.title = SECRETS[1]
    pending_revision = live.save_revision(user=mx_official)
    submitted = make_practice(other_institution, publish=False, title=SECRETS[2], slug="envio-secreto")
    submitted.get_workflow().start(submitted, mx_official)
    live.refresh_from_db()
    live.locked, live.locked_by, live.locked_at = True, mx_official, timezone.now()
    live.save(update_fields=["locked", "locked_by", "locked_at"])
    collection = institution_collection(other_institution)
    document = get_document_model().objects.create(
        title=SECRETS[3], file=ContentFile(b"%PDF-1.4 interno", name="interno-mx.pdf"), collection=collection
    )
    image = get_image_model().objects.create(title=SECRETS[4], file=get_test_image_file(), collection=collection)
    return SimpleNamespace(
        institution=other_institution,
        official=mx_official,
        draft=draft,
        live=live,
        pending_revision=pending_revision,
        first_revision=live.revisions.order_by("created_at", "pk").first(),
        submitted=submitted,
        task_state=submitted.current_workflow_task_state,
        collection=collection,
        document=document,
        image=image,
    )


@pytest.fixture
def ar_client(db):
    client = Client()
    client.force_login(get_user_model().objects.get(username="oficial-ar"))
    return client


def readable(response) -> str:
    """The text a person would read: JSON (modal choosers, the admin API) decoded, HTML as is."""
    body = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        body += json.dumps(json.loads(body), ensure_ascii=False)
    return html.unescape(body)


def leaks(response) -> list[str]:
    body = readable(response)
    return [secret for secret in SECRETS if secret in body]
