"""RSS and Atom feeds: newest published practices of one language tree, all or per country or topic."""

import xml.etree.ElementTree as ET

import pytest
from django.db.models import Q

from practices.queries import published_practices
from practices.taxonomy import Topic
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)

ATOM = "{http://www.w3.org/2005/Atom}"


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
    assert [item.findtext("title") for item in items] == newest(published_practices(locale=en))
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
