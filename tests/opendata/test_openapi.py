"""The OpenAPI document says the truth: its paths answer, its parameters are accepted (and only
they are), and real responses validate against its schemas.

openapi-spec-validator is not installed, so the document's structure is checked here and the
responses are validated by a small checker of the JSON Schema keywords the document uses.
"""

import json

import pytest
from django.urls import Resolver404, resolve

from opendata.api import InstitutionsAPIViewSet, PracticesAPIViewSet, TopicsAPIViewSet
from opendata.exports import IGNORED_PARAMETERS, SEARCH_PARAMETERS

TYPES = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "array": list,
    "object": dict,
    "null": type(None),
}


@pytest.fixture
def document(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.json()


def check(value, schema, document, where="$"):
    """Validate `value` against the subset of JSON Schema 2020-12 the document uses."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return check(value, document["components"]["schemas"][name], document, where)
    if "oneOf" in schema:
        errors = []
        for option in schema["oneOf"]:
            try:
                check(value, option, document, where)
                errors.append(None)
            except AssertionError as error:
                errors.append(error)
        assert errors.count(None) == 1, f"{where}: matches {errors.count(None)} of oneOf"
        return
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(value, TYPES[name]) and not (name in ("integer", "number") and isinstance(value, bool))
            for name in types
        )
        assert ok, f"{where}: {value!r} is not {types}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if isinstance(value, dict):
        for name in schema.get("required", []):
            assert name in value, f"{where}: missing {name}"
        properties = schema.get("properties", {})
        for name, item in value.items():
            if name in properties:
                check(item, properties[name], document, f"{where}.{name}")
            elif "additionalProperties" in schema:
                check(item, schema["additionalProperties"], document, f"{where}.{name}")
            elif properties:
                raise AssertionError(f"{where}: undocumented field {name!r}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            check(item, schema["items"], document, f"{where}[{index}]")


def example(parameter) -> str:
    schema = parameter["schema"]
    if schema.get("type") == "array":
        return schema["items"]["enum"][0]
    if "enum" in schema:
        return schema["enum"][0]
    return {
        "limit": "5",
        "offset": "0",
        "fields": "*",
        "q": "asilo",
        "page": "1",
        "page_size": "5",
        "year": "2021",
        "year_from": "2015",
        "year_to": "2025",
        "code": "AR",
        "slug": "digitalizacion",
    }[parameter["name"]]


def concrete(path: str, practice_id: int, institution_id: int, topic_id: int) -> str:
    ids = {"practices": practice_id, "institutions": institution_id, "topics": topic_id}
    for name, pk in ids.items():
        path = path.replace(f"/{name}/{{id}}/", f"/{name}/{pk}/")
    return path.replace("{lang}", "es").replace("{code}", "AR").replace("{slug}", "digitalizacion")


@pytest.fixture
def ids(institution):
    from practices.taxonomy import Topic
    from tests.factories import make_practice

    topic = Topic.objects.get(slug="digitalizacion")
    return make_practice(institution, topics=[topic], results=1, documents=1).pk, institution.pk, topic.pk


def test_document_structure(document):
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] and document["info"]["version"]
    schemas = document["components"]["schemas"]
    text = json.dumps(document)
    for reference in {part.split('"')[0] for part in text.split('"$ref": "#/components/schemas/')[1:]}:
        assert reference in schemas, reference
    assert len(document["paths"]) >= 15
    for path, item in document["paths"].items():
        operation = item["get"]
        assert operation["summary"] and operation["responses"]["200"], path
        names = [p["name"] for p in operation.get("parameters", [])]
        assert len(names) == len(set(names)), path
        for placeholder in [part.split("}")[0] for part in path.split("{")[1:]]:
            assert placeholder in names, (path, placeholder)


def test_every_path_and_parameter_answers(client, document, ids):
    for path, item in document["paths"].items():
        url = concrete(path, *ids)
        try:
            resolve(url)
        except Resolver404:
            pytest.fail(f"{path} does not resolve")
        assert client.get(url).status_code == 200, path
        for parameter in item["get"].get("parameters", []):
            if parameter["in"] != "query":
                continue
            response = client.get(url, {parameter["name"]: example(parameter)})
            assert response.status_code == 200, (path, parameter["name"], response.content[:300])


def test_documented_parameters_are_exactly_the_accepted_ones(document):
    def documented(path):
        return {p["name"] for p in document["paths"][path]["get"]["parameters"] if p["in"] == "query"}

    def accepted(viewset):
        return viewset().allowed_parameters() - {"format", "_"}

    assert documented("/api/v2/practices/") == accepted(PracticesAPIViewSet)
    assert documented("/api/v2/institutions/") == accepted(InstitutionsAPIViewSet)
    assert documented("/api/v2/topics/") == accepted(TopicsAPIViewSet)
    assert documented("/api/export.json") == SEARCH_PARAMETERS | {"lang"}
    assert documented("/api/export.csv") == SEARCH_PARAMETERS | {"lang", "rows"}
    assert documented("/api/search/") == SEARCH_PARAMETERS | IGNORED_PARAMETERS | {"lang"}


def test_enums_are_the_live_vocabularies(document):
    from practices.taxonomy import Country, Topic

    parameters = {p["name"]: p for p in document["paths"]["/api/v2/practices/"]["get"]["parameters"]}
    assert set(parameters["country"]["schema"]["items"]["enum"]) == set(Country.objects.values_list("iso2", flat=True))
    assert set(parameters["topic"]["schema"]["items"]["enum"]) == set(Topic.objects.values_list("slug", flat=True))


def test_responses_match_the_documented_schemas(client, document, ids):
    practice_id, institution_id, topic_id = ids
    schemas = document["components"]["schemas"]
    cases = [
        ("/api/v2/practices/?fields=*&limit=100", "PracticeListing"),
        ("/api/v2/practices/?locale=en&limit=100", "PracticeListing"),
        (f"/api/v2/practices/{practice_id}/", "Practice"),
        ("/api/v2/institutions/?fields=*&limit=100", "InstitutionListing"),
        (f"/api/v2/institutions/{institution_id}/", "Institution"),
        ("/api/v2/topics/?fields=*&limit=100", "TopicListing"),
        (f"/api/v2/topics/{topic_id}/", "Topic"),
        ("/api/search/?q=asilo&page_size=100", "SearchResponse"),
    ]
    for url, name in cases:
        check(client.get(url).json(), {"$ref": f"#/components/schemas/{name}"}, document, url)
    export = json.loads(b"".join(client.get("/api/export.json").streaming_content))
    check(export, schemas["Export"], document, "export")
    check(client.get("/api/v2/practices/?country=ZZ").json(), schemas["Error"], document, "error")


def test_every_documented_field_is_served(client, document, ids):
    """The other direction: no documented field that responses never carry."""
    practice_id, institution_id, _topic = ids
    schemas = document["components"]["schemas"]
    detail = client.get(f"/api/v2/practices/{practice_id}/").json()
    assert set(schemas["Practice"]["properties"]) == set(detail)
    assert set(schemas["Practice"]["properties"]["meta"]["properties"]) == set(detail["meta"])
    institution = client.get(f"/api/v2/institutions/{institution_id}/").json()
    assert set(schemas["Institution"]["properties"]) == set(institution)
    topic = client.get("/api/v2/topics/?fields=*").json()["items"][0]
    assert set(schemas["Topic"]["properties"]) == set(topic)
    export = json.loads(b"".join(client.get("/api/export.json").streaming_content))
    assert set(schemas["Export"]["properties"]) == set(export)
    assert set(schemas["ExportRecord"]["properties"]) == set(export["results"][0])
    search = client.get("/api/search/").json()
    assert set(schemas["SearchResponse"]["properties"]) == set(search)
    assert set(schemas["SearchResult"]["properties"]) == set(search["results"][0])
