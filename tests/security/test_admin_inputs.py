"""Inputs of the logged-in admin that once cost a 500 or seconds of CPU: a long quoted search,
the external-link chooser posted without a URL, image previews of huge originals."""

import re
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

LONG_QUOTED_QUERY = '"a" ' * 5000


@pytest.fixture
def secretariat(client):
    client.force_login(get_user_model().objects.get(username="secretaria"))
    return client


@pytest.mark.parametrize("url", ["/admin/documents/", "/admin/images/", "/admin/pages/search/"])
def test_a_long_quoted_admin_search_is_shortened_with_a_message(secretariat, url):
    # No time limit here: on a loaded CI machine even a one-word admin search varies from 1 to 20 s.
    response = secretariat.get(url, {"q": LONG_QUOTED_QUERY}, follow=True)
    assert response.status_code == 200
    assert "Su búsqueda se acortó a sus primeros 200 caracteres." in response.content.decode()


def search_terms_sent(client, url, query) -> tuple[int, int]:
    """(SQL statements, full-text terms in them) of one admin search."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, {"q": query})  # warm per-process caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, {"q": query})
    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in context.captured_queries)
    return len(context.captured_queries), len(re.findall(r"to_tsquery|phraseto_tsquery", sql))


@pytest.mark.parametrize("url", ["/admin/pages/search/", "/admin/documents/", "/admin/images/"])
def test_an_adversarial_admin_search_does_the_work_of_ten_words(secretariat, url):
    """200 characters of quoted one-letter phrases reached the engine as 50 phrase terms (in each
    of its statements); now as ten, the work of a ten-phrase search."""
    adversarial = ('"a" ' * 50)[:200]
    statements, terms = search_terms_sent(secretariat, url, adversarial)
    assert (statements, terms) == search_terms_sent(secretariat, url, '"a" ' * 10)
    assert terms <= 10 * statements
    response = secretariat.get(url, {"q": '"a" ' * 11}, follow=True, HTTP_ACCEPT_LANGUAGE="es")
    assert "Su búsqueda se acortó a sus primeras 10 palabras." in response.content.decode()


def test_the_external_link_chooser_posted_without_a_url_shows_the_form_again(secretariat):
    response = secretariat.post("/admin/choose-external-link/", {})
    assert response.status_code == 200
    assert response.json()["step"] == "external_link"


def _upload(client, *, width: int, height: int):
    buffer = BytesIO()
    PillowImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    upload = SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")
    return client.post(
        "/admin/images/add/", {"title": "Grande", "file": upload, "collection": Collection.get_first_root_node().pk}
    )


def test_an_image_over_the_pixel_cap_is_refused_with_a_message(secretariat):
    before = get_image_model().objects.count()
    response = _upload(secretariat, width=6000, height=4500)  # 27 Mpx
    assert response.status_code == 200
    assert get_image_model().objects.count() == before
    assert "Este archivo contiene muchos pixeles" in response.content.decode()  # Wagtail's message


def test_an_image_preview_is_rendered_once_then_served_from_the_cache(secretariat):
    image = get_image_model().objects.create(title="Vista previa", file=get_test_image_file())
    url = f"/admin/images/{image.pk}/preview/fill-100x100/"
    first = secretariat.get(url)
    assert first.status_code == 200
    image.file.storage.delete(image.file.name)  # a second rendering would fail now
    second = secretariat.get(url)
    assert second.status_code == 200
    assert second.content == b"".join(first.streaming_content) if first.streaming else first.content


def test_a_cached_preview_is_not_served_to_who_may_not_change_the_image(secretariat, client, mx):
    url = f"/admin/images/{mx.image.pk}/preview/fill-100x100/"
    assert secretariat.get(url).status_code == 200
    client.force_login(get_user_model().objects.get(username="oficial-ar"))
    assert client.get(url).status_code in (302, 403)
    cache.clear()
