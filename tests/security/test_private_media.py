"""Files of unpublished work, fetched by every path a visitor could try: Wagtail's document serve
URL, the /media/ path as nginx would answer it (its configuration read from docker/nginx.conf),
and image renditions. Published pages' documents stay downloadable by anyone."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from officials.private_media import has_token
from practices.models import PracticeDocument
from practices.roles import institution_collection
from tests.factories import make_practice

NGINX_CONF = Path(settings.BASE_DIR) / "docker" / "nginx.conf"


def nginx_location(path: str) -> str:
    """The body of the prefix location nginx picks for `path` (the longest matching prefix)."""
    locations = re.findall(r"location\s+(=?)\s*(\S+)\s*\{(.*?)\n    \}", NGINX_CONF.read_text(), re.S)
    matching = [
        (prefix, body) for exact, prefix, body in locations if path == prefix or (not exact and path.startswith(prefix))
    ]
    return max(matching, key=lambda match: len(match[0]))[1]


def served_by_nginx_from_disk(path: str) -> bool:
    body = nginx_location(path)
    return "alias" in body and not re.search(r"^\s*internal;", body, re.M)


def user_client(username=None):
    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def mx_documents(other_institution):
    """A document of a draft, one of a published practice, one attached to nothing: all in
    Mexico's collection."""
    Document = get_document_model()
    collection = institution_collection(other_institution)

    def document(title, name):
        return Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4 x", name=name), collection=collection)

    of_draft, of_published, loose = (
        document("Anexo del borrador", "anexo-borrador.pdf"),
        document("Anexo publicado", "anexo-publicado.pdf"),
        document("Documento suelto", "suelto.pdf"),
    )
    draft = make_practice(other_institution, publish=False, title="Borrador con anexo", slug="borrador-anexo")
    draft.attachments = [PracticeDocument(document=of_draft)]
    draft.save()  # the never-published draft's own row names it, as the editor's first save does
    published = make_practice(other_institution, title="Práctica con anexo", slug="practica-anexo")
    published.attachments = [PracticeDocument(document=of_published)]
    published.save_revision().publish()
    return {"draft": of_draft, "published": of_published, "loose": loose}


@pytest.mark.parametrize("who", [None, "oficial-ar"])
@pytest.mark.parametrize("which", ["draft", "loose"])
def test_an_unpublished_document_is_not_served_to_the_public_or_another_institution(mx_documents, who, which):
    document = mx_documents[which]
    response = user_client(who).get(document.url)
    assert response.status_code == 404
    assert b"PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


@pytest.mark.parametrize("who", ["oficial-mx", "secretaria"])
def test_an_unpublished_document_is_served_to_its_institution_and_the_secretariat(mx_documents, who):
    assert user_client(who).get(mx_documents["draft"].url).status_code == 200


def test_a_published_practices_document_is_served_to_anyone(mx_documents):
    response = user_client().get(mx_documents["published"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_nginx_never_serves_documents_or_original_images_from_disk(mx_documents):
    for document in mx_documents.values():
        assert document.file.url.startswith("/media/documents/")
        assert not served_by_nginx_from_disk(document.file.url)
        assert user_client().get(document.file.url).status_code == 404  # nor does Django
    image = get_image_model().objects.create(title="Imagen", file=get_test_image_file())
    assert image.file.url.startswith("/media/original_images/")
    assert not served_by_nginx_from_disk(image.file.url)
    assert served_by_nginx_from_disk(image.get_rendition("fill-100x100").url)  # renditions stay public


@override_settings(
    SENDFILE_BACKEND="officials.sendfile_accel", SENDFILE_ROOT=settings.MEDIA_ROOT, SENDFILE_URL="/media/"
)
def test_in_production_django_checks_and_nginx_sends_the_file_from_its_internal_location(mx_documents):
    from wagtail.utils.sendfile import _get_sendfile

    _get_sendfile.clear()
    try:
        response = user_client().get(mx_documents["published"].url)
        assert response.status_code == 200 and response.content == b""
        assert response["X-Accel-Redirect"] == mx_documents["published"].file.url
        assert "internal;" in nginx_location(response["X-Accel-Redirect"])
        assert user_client().get(mx_documents["draft"].url).status_code == 404
    finally:
        _get_sendfile.clear()


def test_original_images_and_their_renditions_have_unguessable_names(db):
    Image = get_image_model()
    first, second = (Image.objects.create(title="Foto", file=get_test_image_file(filename="foto.png")) for _ in "12")
    for image in (first, second):
        name = Path(image.file.name).name
        assert name != "foto.png" and name.endswith("_foto.png")
        token = name.removesuffix("_foto.png")
        assert len(token) >= 20
        assert token in image.get_rendition("fill-100x100").file.name
    assert first.file.name != second.file.name


def image_under_its_uploaded_name(title="Foto secreta", name="foto-secreta-del-borrador.png"):
    """An image as uploaded before the token: its original stored under the uploaded name, with a
    rendition named after it."""
    from django.core.files.storage import default_storage

    Image = get_image_model()
    image = Image.objects.create(title=title, file=get_test_image_file(filename=name))
    tokened = image.file.name
    with default_storage.open(tokened, "rb") as source:
        old = default_storage.save(f"original_images/{name}", source)  # storage.save adds no token
    default_storage.delete(tokened)
    Image.objects.filter(pk=image.pk).update(file=old)
    image.refresh_from_db()
    # Django may add a suffix if an earlier run left a file of that name; still no token.
    assert image.file.name == old and old.startswith("original_images/foto") and not has_token(old)
    rendition = image.get_rendition("max-165x165")
    assert Path(rendition.file.name).name.startswith(Path(old).stem)
    return image, old, rendition.file.name


def test_originals_uploaded_before_the_token_are_renamed_by_the_command_and_stay_usable(db):
    from django.core.files.storage import default_storage
    from django.core.management import call_command

    image, old, old_rendition = image_under_its_uploaded_name()
    with default_storage.open(old, "rb") as original:
        content = original.read()
    out = io.StringIO()
    call_command("rename_image_originals", stdout=out)
    assert "1 original image(s) renamed" in out.getvalue()
    image.refresh_from_db()
    name = Path(image.file.name).name
    assert name.endswith("_" + Path(old).name) and has_token(image.file.name)
    assert not default_storage.exists(old) and not default_storage.exists(old_rendition)
    with default_storage.open(image.file.name, "rb") as renamed:
        assert renamed.read() == content
    assert not image.renditions.exists()  # rendered again on demand, under the new name
    assert name.removesuffix("_" + Path(old).name) in image.get_rendition("max-165x165").file.name
    # Idempotent: a second run moves nothing.
    kept = image.file.name
    out = io.StringIO()
    call_command("rename_image_originals", stdout=out)
    assert "0 original image(s) renamed" in out.getvalue()
    image.refresh_from_db()
    assert image.file.name == kept
    default_storage.delete(kept)


def test_the_data_migration_renames_originals_with_its_historical_models(db):
    """The migration runs on every database once (the test database has no image then): run its
    function here on one image uploaded before the token."""
    import importlib

    from django.core.files.storage import default_storage
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    image, old, _rendition = image_under_its_uploaded_name(name="foto-otra.png")
    migration = importlib.import_module("officials.migrations.0002_rename_image_originals")
    state = MigrationLoader(connection).project_state(("officials", "0002_rename_image_originals"))
    migration.rename(state.apps, None)
    image.refresh_from_db()
    assert has_token(image.file.name) and not default_storage.exists(old)
    assert default_storage.exists(image.file.name)
    default_storage.delete(image.file.name)
