"""A feed's own link leads to the search page that lists the same practices, newest first."""

import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlsplit

from practices.taxonomy import Topic
from tests.factories import make_practice


def channel_link(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content).find("channel").findtext("link")


def listed_titles(client, link) -> str:
    response = client.get(link)
    assert response.status_code == 200, link
    return response.content.decode()


def test_a_country_feed_links_to_that_country_s_search_newest_first(client, institution, other_institution):
    ours = make_practice(institution, title="Registro argentino en frontera")
    theirs = make_practice(other_institution, title="Registro mexicano en frontera")
    link = channel_link(client, "/es/feeds/country/ar.rss")
    assert dict(parse_qsl(urlsplit(link).query)) == {"country": "AR", "sort": "newest"}
    page = listed_titles(client, link)
    assert ours.title in page and theirs.title not in page


def test_a_topic_feed_links_to_that_topic_s_search(client, institution):
    topic, other = Topic.objects.order_by("pk")[:2]
    tagged = make_practice(institution, title="Práctica con el tema", topics=[topic])
    untagged = make_practice(institution, title="Práctica con otro tema", topics=[other])
    link = channel_link(client, f"/es/feeds/topic/{topic.slug}.rss")
    assert dict(parse_qsl(urlsplit(link).query)) == {"topic": topic.slug, "sort": "newest"}
    page = listed_titles(client, link)
    assert tagged.title in page and untagged.title not in page


def test_the_feed_of_every_practice_links_to_the_whole_listing_newest_first(client):
    link = channel_link(client, "/en/feeds/practices.rss")
    assert urlsplit(link).path == "/en/search/"
    assert dict(parse_qsl(urlsplit(link).query)) == {"sort": "newest"}


def test_a_search_feed_links_back_to_its_search_without_what_the_page_drops(client, institution):
    link = channel_link(client, "/es/feeds/search.rss?q=registro&country=AR&country=ZZ&year_from=abc&page=3")
    assert dict(parse_qsl(urlsplit(link).query)) == {"q": "registro", "country": "AR", "sort": "newest"}
