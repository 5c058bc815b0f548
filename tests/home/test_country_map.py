"""The map of the member states: server-drawn links whose counts are the search's own."""

import re

import pytest

from home.map import build_map, legend_for, shade_for, shapes
from practices.choices import PracticeKind
from practices.models import InstitutionPage
from tests.factories import make_practice

LINK = re.compile(r'<a href="([^"]+)" class="country-map__country[^"]*" aria-label="([^"]+)" data-country="(\w\w)">')


def map_links(html: str) -> dict[str, tuple[str, str]]:
    return {code: (href.replace("&amp;", "&"), label) for href, label, code in LINK.findall(html)}


def found(client, url) -> int:
    html = client.get(url).content.decode()
    return int(re.search(r'id="results-heading"[^>]*>\s*(\d+)', html).group(1))


def test_the_shapes_file_holds_the_17_member_states_with_its_source():
    data = shapes()
    assert sorted(data["countries"]) == sorted("AR BZ BR CL CO CR DO EC SV GT GY HN MX PA PY PE UY".split())
    assert "Natural Earth" in data["source"] and "public domain" in data["licence"]
    # The small states get a marker of a size one can hit.
    assert {"BZ", "SV", "CR", "PA"} <= set(data["markers"])


def test_shades_and_legend_agree():
    assert shade_for(0, 12) == 0
    assert [shade_for(n, 12) for n in (1, 3, 4, 6, 7, 9, 10, 12)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert [step.label for step in legend_for(12)] == ["0", "1–3", "4–6", "7–9", "10–12"]
    assert [(step.shade, step.label) for step in legend_for(1)] == [(0, "0"), (4, "1")]
    assert [step.label for step in legend_for(0)] == ["0"]


def test_build_map_orders_countries_by_name_and_names_their_counts():
    country_map = build_map(counts={"CO": 12, "BZ": 1}, names={"CO": "Colombia", "BZ": "Belize"}, link=str.lower)
    labels = {country.code: country.label for country in country_map.countries}
    assert labels["CO"].startswith("Colombia: 12")
    names = [country.name for country in country_map.countries]
    assert names == sorted(names, key=str.casefold)  # codes without a name stand for themselves
    assert next(c for c in country_map.countries if c.code == "BZ").url == "bz"


def practices_of(es, iso2: str, *kinds: str):
    institution = InstitutionPage.objects.get(locale=es, country__iso2=iso2)
    return [make_practice(institution, kind=kind) for kind in kinds]


def test_home_map_links_every_member_state_to_its_search_with_the_same_count(client, es):
    practices_of(es, "CO", PracticeKind.PRACTICE, PracticeKind.LESSON)
    html = client.get("/es/").content.decode()
    links = map_links(html)
    assert len(links) == 17
    href, label = links["CO"]
    assert href == "/es/buscar/?country=CO"
    count = int(re.search(r": (\d+) \w+", label).group(1))
    assert count == 2
    assert found(client, href) == count
    # Belize has its accessible name and its ordinary link in the list beside the map.
    assert re.search(r'<li><a href="/es/buscar/\?country=BZ">Belice: \d+ \w+', html)
    assert "<script" not in html.split('class="country-map"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_home_map_speaks_the_visitors_language(client):
    html = client.get("/pt/").content.decode()
    href, label = map_links(html)["BR"]
    assert href == "/pt/busca/?country=BR"
    assert re.match(r"Brasil: \d+ \w+", label)


def test_search_map_follows_the_current_filters(client, es):
    practices_of(es, "MX", PracticeKind.PRACTICE, PracticeKind.LESSON, PracticeKind.PRACTICE)
    everything = map_links(client.get("/es/buscar/").content.decode())
    lessons_html = client.get("/es/buscar/?kind=lesson&page=1").content.decode()
    lessons = map_links(lessons_html)
    assert len(lessons) == 17
    href, label = lessons["MX"]
    # The other filters kept, back to page 1; the facets in their one order (SearchParameters.to_query).
    assert href == "/es/buscar/?country=MX&kind=lesson"
    lesson_count = int(re.search(r": (\d+) \w+", label).group(1))
    all_count = int(re.search(r": (\d+) \w+", everything["MX"][1]).group(1))
    assert (lesson_count, all_count) == (1, 3)
    assert found(client, href) == lesson_count


@pytest.mark.django_db
def test_search_map_marks_the_selected_country(client):
    html = client.get("/es/buscar/?country=AR").content.decode()
    assert re.search(
        r'class="country-map__country country-map__country--\d country-map__country--selected"'
        r' aria-label="Argentina: \d+ \w+ \(',
        html,
    )
    assert "country-map__country--selected" not in html.split('data-country="AR"')[1]
    assert 'aria-current="true">Argentina' in html
