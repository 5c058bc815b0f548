"""schema.org JSON-LD on practice pages: valid JSON, the right facts, and no way out of <script>."""

from wagtail.models import Locale

from practices.taxonomy import Country
from tests.factories import make_practice
from tests.seo.helpers import head_of, path_of


def practice_json_ld(client, page) -> dict:
    head = head_of(client.get(page.get_url()))
    (data,) = head.json_ld
    return data


def test_practice_is_a_report_published_by_its_institution(client, translated_practice):
    data = practice_json_ld(client, translated_practice)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["name"] == translated_practice.title
    assert data["inLanguage"] == "es"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["name"] == translated_practice.institution.title
    assert path_of(data["publisher"]["url"]) == translated_practice.institution.get_url()
    assert data["spatialCoverage"][0]["@type"] == "Country"
    assert data["spatialCoverage"][0]["identifier"] == translated_practice.country.iso2
    assert data["datePublished"] and data["dateModified"]
    assert path_of(data["url"]) == translated_practice.get_url()


def test_translation_declares_its_own_language(client, translated_practice):
    english = translated_practice.get_translation(Locale.objects.get(language_code="en"))
    data = practice_json_ld(client, english)
    assert data["inLanguage"] == "en"
    assert data["name"] == english.title


def test_partner_countries_are_in_the_spatial_coverage(client, institution):
    page = make_practice(institution, partners=Country.objects.filter(iso2__in=["UY", "PY"]))
    data = practice_json_ld(client, page)
    identifiers = [country["identifier"] for country in data["spatialCoverage"]]
    assert identifiers[0] == "AR" and sorted(identifiers[1:]) == ["PY", "UY"]


def test_a_title_cannot_close_the_script_element(client, institution):
    hostile = 'Práctica </script><script>alert("x")</script> & <!-- fin'
    page = make_practice(institution, title=hostile, summary="Resumen </SCRIPT> con \u2028 separador")
    html = client.get(page.get_url()).content.decode()
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script
    data = practice_json_ld(client, page)
    assert data["name"] == hostile
    assert data["description"] == "Resumen </SCRIPT> con \u2028 separador"
