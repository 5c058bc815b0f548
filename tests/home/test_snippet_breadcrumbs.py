"""The snippet listings' first breadcrumb in the admin user's language, whatever language the
request that built the admin's URLs had (officials/snippet_breadcrumbs.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.users.models import UserProfile

from practices.taxonomy import Topic

from .admin_text import visible_texts

HOME = {"es": "Inicio", "pt-br": "Início"}


@pytest.mark.parametrize("language", ["es", "pt-br"])
def test_the_breadcrumb_built_during_an_english_request_reads_in_the_users_language(language):
    with translation.override("en"):  # as when an English request is the worker's first
        built = Topic.snippet_viewset.breadcrumbs_items
    with translation.override(language):
        assert [str(item["label"]) for item in built] == [HOME[language]]


@pytest.mark.parametrize("language", ["es", "pt-br"])
def test_the_topic_listing_shows_home_in_the_secretariats_language(client, db, language):
    user = get_user_model().objects.get(username="secretaria")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    with translation.override("en"):
        client.get("/en/")  # whichever request came first, the listing below speaks the user's language
    texts = visible_texts(client.get("/admin/snippets/practices/topic/").content.decode())
    assert HOME[language] in texts and "Home" not in texts
