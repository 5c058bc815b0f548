"""RSS and Atom feeds: newest published practices of one language tree, all or per country or topic."""

import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from django.db.models import Q
from wagtail.models import Locale

from practices.models import InstitutionPage
from practices.queries import published_practices
from practices.taxonomy import Topic
from tests.factories import make_corpus, make_practice

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """More published practices than a feed holds (50), in every tree, most of them untranslated
    aliases in the en/pt trees, published over three years."""
    return make_corpus(60)


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def newest(queryset, n=50):
    return list(queryset.order_by("-first_published_at", "-pk").values_list("title", flat=True)[:n])


def test_all_practices_feed_is_the_latest_50_published(client, originals):
    channel, items = rss_items(client, "/es/feeds/practices.rss")
    assert len(items) == min(50, originals.count())
    assert [item.findtext("title") for item in items] == newest(originals)
    assert channel.findtext("language") == "es"
    first = originals.order_by("-first_published_at", "-pk").first()
    assert items[0].findtext("link") == first.get_full_url()
    assert items[0].findtext("description") == first.summary


def test_feed_links_to_the_practice_in_the_feed_language(client, en):
    channel, items = rss_items(client, "/en/feeds/practices.rss")
    assert channel.findtext("language") == "en"
    titles = [item.findtext("title") for item in items]
    practices = published_practices(locale=en)
    assert len(titles) == min(50, practices.count())
    assert set(titles) <= set(practices.values_list("title", flat=True))  # the order: next test but one
    assert all("/en/" in item.findtext("link") for item in items)


def test_atom_feed(client, originals):
    response = client.get("/pt/feeds/practices.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == min(50, originals.count())
    assert all("/pt/" in entry.find(f"{ATOM}link").get("href") for entry in entries)
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)


def test_country_feed_has_own_and_partner_practices(client, originals):
    _, items = rss_items(client, "/es/feeds/country/AR.rss")
    expected = originals.filter(pk__in=originals.filter(Q(country__iso2="AR") | Q(partners__iso2="AR")).values("pk"))
    assert [item.findtext("title") for item in items] == newest(expected)
    assert items
    _, lower = rss_items(client, "/es/feeds/country/ar.rss")
    assert len(lower) == len(items)


def test_topic_feed(client, originals):
    topic = Topic.objects.get(slug="digitalizacion")
    channel, items = rss_items(client, "/es/feeds/topic/digitalizacion.rss")
    assert [item.findtext("title") for item in items] == newest(originals.filter(tagged_topics__tag=topic))
    assert items
    assert topic.name in channel.findtext("title")
    assert all(topic.name in [c.text for c in item.findall("category")] for item in items)


def test_drafts_never_appear(client, institution):
    make_practice(institution, title="Borrador no publicado", publish=False)
    _, items = rss_items(client, "/es/feeds/practices.rss")
    assert "Borrador no publicado" not in [item.findtext("title") for item in items]
    published = make_practice(institution, title="Recién publicada en el feed")
    _, items = rss_items(client, "/es/feeds/country/AR.rss")
    assert items[0].findtext("title") == published.title


@pytest.mark.parametrize(
    "url",
    [
        "/es/feeds/country/ZZ.rss",
        "/es/feeds/country/ZZ.atom",
        "/es/feeds/topic/no-such-topic.rss",
        "/es/feeds/topic/nope.atom",
    ],
)
def test_unknown_country_or_topic_is_404(client, url):
    assert client.get(url).status_code == 404


def test_feed_queries_do_not_grow_with_items(client, django_assert_max_num_queries):
    client.get("/es/feeds/practices.rss")
    with django_assert_max_num_queries(6):
        client.get("/es/feeds/practices.rss")


def test_pages_announce_the_feeds(client):
    html = client.get("/es/").content.decode()
    assert 'type="application/atom+xml"' in html and "/es/feeds/practices.atom" in html
    assert 'type="application/rss+xml"' in html and "/es/feeds/practices.rss" in html


def test_untranslated_pages_in_the_english_feed_carry_their_originals_dates(client, en):
    """An alias (a practice nobody translated yet) has no publication date of its own."""
    aliases = published_practices(locale=en).filter(alias_of__isnull=False, first_published_at__isnull=True)
    assert aliases.exists(), "the English tree should hold untranslated practices"
    response = client.get("/en/feeds/practices.atom")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert len(entries) == 50
    assert all(entry.findtext(f"{ATOM}published") for entry in entries)
    _, items = rss_items(client, "/en/feeds/practices.rss")
    assert all(item.findtext("pubDate") for item in items)
    # Newest first by those dates, as in the Spanish feed.
    by_title = {page.title: page for page in published_practices(locale=en).select_related("alias_of")}

    def date(title):
        page = by_title[title]
        return page.first_published_at or page.alias_of.first_published_at

    dates = [date(item.findtext("title")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_a_search_feed_follows_the_words_and_filters(client, es):
    peru = InstitutionPage.objects.get(locale=es, country__iso2="PE")
    make_practice(peru, title="Plan contra el rezago en Lima", summary="Un plan para reducir el rezago.")
    html = client.get("/es/buscar/", {"q": "rezago", "country": "PE"}).content.decode()
    match = re.search(r'<a href="(/es/feeds/search\.atom\?[^"]+)"[^>]*>([^<]+)</a>', html)
    assert match, "the search page's feed link should carry the search"
    url, text = unescape(match.group(1)), unescape(match.group(2))
    assert "q=rezago" in url and "country=PE" in url
    assert "rezago" in text and "Perú" in text
    feed = ET.fromstring(client.get(url).content)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert "rezago" in feed.findtext(f"{ATOM}title")
    expected = published_practices(locale=Locale.objects.get(language_code="es")).filter(country__iso2="PE")
    assert titles and set(titles) <= set(expected.values_list("title", flat=True))
    _, everything = rss_items(client, "/es/feeds/practices.rss")
    assert len(titles) < len(everything)
