"""Media of another institution's collection, reference data, site settings, users: refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from practices.roles import institution_collection
from tests.refusals import is_refused

from .conftest import leaks

MEDIA_URLS = [
    ("get", "/admin/documents/edit/{document}/"),
    ("post", "/admin/documents/edit/{document}/"),
    ("get", "/admin/documents/delete/{document}/"),
    ("post", "/admin/documents/delete/{document}/"),
    ("get", "/admin/documents/usage/{document}/"),
    ("get", "/admin/documents/chooser/chosen/{document}/"),
    ("get", "/admin/images/{image}/"),
    ("post", "/admin/images/{image}/"),
    ("post", "/admin/images/{image}/delete/"),
    ("get", "/admin/images/{image}/preview/fill-100x100/"),
    ("get", "/admin/images/usage/{image}/"),
    ("get", "/admin/images/chooser/chosen/{image}/"),
]


@pytest.mark.parametrize(("method", "template"), MEDIA_URLS)
def test_an_official_cannot_use_another_institutions_media(ar_client, mx, method, template):
    url = template.format(document=mx.document.pk, image=mx.image.pk)
    response = getattr(ar_client, method)(url, {"title": "x"} if method == "post" else None)
    assert is_refused(response), (url, response.status_code)
    assert not leaks(response)
    mx.document.refresh_from_db()
    mx.image.refresh_from_db()
    assert mx.document.title != "x" and mx.image.title != "x"


def test_an_official_cannot_upload_into_another_institutions_collection(ar_client, mx, institution):
    Document = get_document_model()
    before = Document.objects.filter(collection=mx.collection).count()
    upload = SimpleUploadedFile("intruso.pdf", b"%PDF-1.4 intruso", content_type="application/pdf")
    response = ar_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload, "collection": mx.collection.pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code in (200, 400, 403)
    assert Document.objects.filter(collection=mx.collection).count() == before
    upload = SimpleUploadedFile("intruso.pdf", b"%PDF-1.4 intruso", content_type="application/pdf")
    ar_client.post("/admin/documents/add/", {"title": "Intruso", "file": upload, "collection": mx.collection.pk})
    assert Document.objects.filter(collection=mx.collection).count() == before


def test_an_official_uploads_into_her_own_collection(ar_client, institution):
    Document = get_document_model()
    own = institution_collection(institution)
    upload = SimpleUploadedFile("propio.pdf", b"%PDF-1.4 propio", content_type="application/pdf")
    response = ar_client.post("/admin/documents/add/", {"title": "Propio", "file": upload, "collection": own.pk})
    assert response.status_code == 302
    assert Document.objects.filter(collection=own, title="Propio").exists()


FORBIDDEN = [
    "/admin/snippets/practices/topic/",
    "/admin/snippets/practices/topic/add/",
    "/admin/snippets/practices/country/",
    "/admin/snippets/practices/mechanism/",
    "/admin/snippets/practices/procedurestage/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/collections/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/redirects/",
    "/admin/locales/",
]


@pytest.mark.parametrize("url", FORBIDDEN)
def test_reference_data_settings_and_users_are_closed_to_officials(ar_client, db, url):
    assert is_refused(ar_client.get(url)), url


def test_a_crafted_post_cannot_add_a_topic(ar_client, db):
    from practices.taxonomy import Topic

    before = Topic.objects.count()
    ar_client.post("/admin/snippets/practices/topic/add/", {"name": "Tema intruso", "slug": "tema-intruso"})
    assert Topic.objects.count() == before
