"""The OpenAPI 3.1 description of the public API, served at /api/v2/openapi.json.

Written by hand, so that it says what the endpoints promise; the value lists (country codes,
topic slugs…) come from the live vocabularies when it is requested, so they are never stale.
`tests/opendata/test_openapi.py` checks every path and parameter against the running site and
every documented field against real responses.
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from wagtail.models import Locale

from core import params
from core.http import read_only
from practices.choices import FIRST_YEAR
from search.engine import SORTS
from search.facets import FACETS
from search.forms import MAX_PAGE_SIZE, MAX_RESULT_WINDOW

from .api import PRACTICE_FILTERS, InstitutionsAPIViewSet, PracticesAPIViewSet, TopicsAPIViewSet
from .exports import LANGUAGES, ROW_KINDS

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
INTEGER = {"type": "integer"}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
NUMBER_OR_NULL = {"type": ["number", "null"]}
NAMES = {
    "type": "object",
    "description": "The name in Spanish, English and Portuguese (empty while not translated).",
    "properties": {"es": STRING, "en": STRING, "pt": STRING},
    "required": ["es", "en", "pt"],
}
CODED = {
    "type": "object",
    "properties": {"code": STRING, "names": NAMES},
    "required": ["code", "names"],
}
SLUGGED = {
    "type": "object",
    "properties": {"slug": STRING, "names": NAMES},
    "required": ["slug", "names"],
}
ERROR = {
    "type": "object",
    "properties": {"message": STRING, "errors": {"type": "array", "items": STRING}},
    "required": ["message"],
}


TEXT_ORIGIN = {
    "type": "string",
    "enum": ["original", "machine", "reviewed"],
    "description": "original, machine translation not reviewed, or reviewed translation (docs/translation.md).",
}


def _list(items) -> dict:
    return {"type": "array", "items": items}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _parameter(name, description, schema, *, explode_list=False, location="query", required=False) -> dict:
    parameter = {"name": name, "in": location, "description": description, "required": required, "schema": schema}
    if explode_list:
        parameter["style"] = "form"
        parameter["explode"] = True
    return parameter


def _codes_parameter(facet, locale) -> dict:
    codes = [option.code for option in facet.options(locale)]
    return _parameter(
        facet.key,
        f"{facet.label}: one or more codes, repeated or separated by commas; several values combine with OR.",
        _list({"type": "string", "enum": codes}),
        explode_list=True,
    )


def _responses(schema_name: str, *, not_found=False) -> dict:
    """Every operation may answer 400: a NUL character in the address is refused before any view."""
    responses = {"200": {"description": "OK", "content": {"application/json": {"schema": _ref(schema_name)}}}}
    responses["400"] = {
        "description": "A parameter is unknown or has a value that does not exist; the message says which.",
        "content": {"application/json": {"schema": ERROR}},
    }
    if not_found:
        responses["404"] = {
            "description": "No published, public object has this id.",
            "content": {"application/json": {"schema": ERROR}},
        }
    return responses


def _paging() -> list[dict]:
    return [
        _parameter(
            "limit",
            "Results per page (at most the documented maximum).",
            {
                "type": "integer",
                "minimum": 0,
                "maximum": settings.WAGTAILAPI_LIMIT_MAX,
                "default": 20,
            },
        ),
        _parameter("offset", "How many results to skip.", {"type": "integer", "minimum": 0, "default": 0}),
        _parameter(
            "fields",
            "Wagtail's field selection: `*` for every field, `-name` to drop one, `_,name` for only one.",
            STRING,
        ),
    ]


def _order(fields) -> dict:
    return _parameter(
        "order",
        "Order by a field; a leading `-` reverses it. `random` is accepted, but not with `offset` (400).",
        {"type": "string", "enum": [*fields, *(f"-{field}" for field in fields), "random"]},
    )


def _locale_parameter() -> dict:
    return _parameter(
        "locale",
        "Language tree. Without it a listing answers from the Spanish tree, where every original lives, "
        "so each practice appears once.",
        {"type": "string", "enum": list(LANGUAGES), "default": "es"},
    )


def _year(name, description) -> dict:
    return _parameter(name, description, {"type": "integer", "minimum": FIRST_YEAR, "maximum": params.last_year()})


def _search_parameters(locale) -> list[dict]:
    return [
        _parameter("q", "Words to look for (every word must match; at most 200 characters are used).", STRING),
        *(_codes_parameter(facet, locale) for facet in FACETS),
        _year("year_from", "First year the practice started in."),
        _year("year_to", "Last year the practice started in."),
        _parameter("sort", "Order of the results.", {"type": "string", "enum": list(SORTS)}),
    ]


def _lang() -> dict:
    return _parameter(
        "lang",
        "Language of the answer: which tree, translated titles and labels.",
        {"type": "string", "enum": list(LANGUAGES), "default": "es"},
    )


def _page_meta(extra: dict) -> dict:
    return {
        "type": "object",
        "properties": {
            "id": INTEGER,
            "meta": {
                "type": "object",
                "properties": {
                    "type": STRING,
                    "detail_url": {"type": "string", "format": "uri"},
                    "html_url": {"type": ["string", "null"], "format": "uri"},
                    "slug": STRING,
                    "show_in_menus": {"type": "boolean"},
                    "seo_title": STRING,
                    "search_description": STRING,
                    "first_published_at": {"type": ["string", "null"], "format": "date-time"},
                    "last_published_at": {"type": ["string", "null"], "format": "date-time"},
                    "alias_of": {"type": ["object", "null"], "description": "The original page when this is an alias."},
                    "parent": {"type": ["object", "null"], "description": "Detail view only."},
                    "locale": STRING,
                    "translation_key": {"type": "string", "format": "uuid"},
                    "content_language": {"type": "string", "enum": list(LANGUAGES)},
                    "text_origin": TEXT_ORIGIN,
                },
            },
            "title": STRING,
            **extra,
        },
        "required": ["id", "meta"],
    }


def _listing(item_schema: str) -> dict:
    return {
        "type": "object",
        "properties": {
            "meta": {"type": "object", "properties": {"total_count": INTEGER}, "required": ["total_count"]},
            "items": _list(_ref(item_schema)),
        },
        "required": ["meta", "items"],
    }


INDICATOR = {
    "type": "object",
    "properties": {
        "type": {
            "type": ["string", "null"],
            "description": "Slug of the shared indicator type (`/es/indicadores/<slug>/`); null for a free label.",
        },
        "indicator": STRING,
        "baseline": NUMBER_OR_NULL,
        "result": {"type": "number"},
        "change": NUMBER_OR_NULL,
        "change_percent": {
            "type": ["number", "null"],
            "description": "(result - baseline) / baseline in %; null without a baseline or from zero.",
        },
        "unit": STRING,
        "period": STRING,
        "period_start": {"type": ["string", "null"], "format": "date"},
        "period_end": {"type": ["string", "null"], "format": "date"},
        "source": STRING,
    },
    "required": ["type", "indicator", "result"],
}

PRACTICE_FIELDS = {
    "kind": {"type": "string", "enum": ["practice", "lesson"]},
    "status": {"type": "string", "enum": ["idea", "pilot", "implemented", "scaled", "discontinued"]},
    "country": {"oneOf": [CODED, {"type": "null"}]},
    "institution": {
        "type": ["object", "null"],
        "properties": {"id": INTEGER, "slug": STRING, "title": STRING, "acronym": STRING},
    },
    "partners": _list(CODED),
    "topics": _list(SLUGGED),
    "stages": _list(SLUGGED),
    "mechanisms": _list(SLUGGED),
    "year_started": INTEGER,
    "year_ended": NULLABLE_INTEGER,
    "summary": STRING,
    "problem": {"type": "string", "description": "Rich text (see `rich_text_format`)."},
    "approach": _list({"type": "object", "properties": {"type": STRING, "value": {}}}),
    "results": _list(INDICATOR),
    "lessons": _list({"type": "object", "properties": {"type": STRING, "value": STRING}}),
    "resources_staff": STRING,
    "resources_budget": {"type": "string", "enum": ["", "none", "low", "medium", "high"]},
    "resources_time": STRING,
    "support_organizations": STRING,
    "transferability": STRING,
    "documents": _list({"type": "object", "properties": {"title": STRING, "url": {"type": "string", "format": "uri"}}}),
    "contact_name": STRING,
    "original_language": {"type": "string", "enum": list(LANGUAGES)},
    "external_id": STRING,
}

INSTITUTION_FIELDS = {
    "acronym": STRING,
    "country": {"oneOf": [CODED, {"type": "null"}]},
    "mechanisms": _list(SLUGGED),
    "mandate": {"type": "string", "description": "Rich text."},
    "contact": {"type": "string", "description": "Postal address, telephone, office hours."},
    "website": STRING,
    "original_language": {"type": "string", "enum": list(LANGUAGES)},
    "practice_count": {"type": "integer", "description": "Its own published practices in this language tree."},
}

TOPIC = {
    "type": "object",
    "properties": {
        "id": INTEGER,
        "meta": {"type": "object", "properties": {"type": STRING, "detail_url": {"type": "string", "format": "uri"}}},
        "slug": STRING,
        "names": NAMES,
        "description": STRING,
        "practice_count": {"type": "integer", "description": "Published practices (Spanish tree) with this topic."},
    },
    "required": ["id", "meta"],
}

SEARCH_RESULT = {
    "type": "object",
    "properties": {
        "id": INTEGER,
        "external_id": NULLABLE_STRING,
        "title": STRING,
        "url": {"type": "string", "format": "uri"},
        "country": NULLABLE_STRING,
        "institution": NULLABLE_STRING,
        "institution_name": NULLABLE_STRING,
        "kind": STRING,
        "topics": _list(STRING),
        "year_started": INTEGER,
        "status": STRING,
        "summary": STRING,
        "language": STRING,
    },
}

SEARCH_RESPONSE = {
    "type": "object",
    "properties": {
        "count": INTEGER,
        "page": INTEGER,
        "page_size": INTEGER,
        "results": _list(_ref("SearchResult")),
        "facets": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": INTEGER}},
        "messages": _list(STRING),
        "degraded": {"type": "boolean"},
        "corrected_to": {
            **NULLABLE_STRING,
            "description": "When the words typed found nothing, the spelling searched instead (null otherwise).",
        },
    },
    "required": ["count", "page", "page_size", "results", "facets", "messages", "degraded", "corrected_to"],
}

EXPORT_RECORD = {
    "type": "object",
    "properties": {
        "id": INTEGER,
        "external_id": NULLABLE_STRING,
        "title": STRING,
        "url": {"type": "string", "format": "uri"},
        "kind": STRING,
        "kind_code": STRING,
        "status": STRING,
        "status_code": STRING,
        "country_code": NULLABLE_STRING,
        "country": NULLABLE_STRING,
        "institution": NULLABLE_STRING,
        "institution_slug": NULLABLE_STRING,
        "partner_countries": _list(STRING),
        "partner_country_codes": _list(STRING),
        "topics": _list(STRING),
        "topic_slugs": _list(STRING),
        "stages": _list(STRING),
        "mechanisms": _list(STRING),
        "year_started": INTEGER,
        "year_ended": NULLABLE_INTEGER,
        "language": STRING,
        "text_origin": TEXT_ORIGIN,
        "summary": STRING,
        "problem": {"type": "string", "description": "Plain text, one line per paragraph."},
        "approach": {"type": "string", "description": "Plain text."},
        "lessons": _list(STRING),
        "resources_staff": STRING,
        "resources_budget": STRING,
        "resources_time": STRING,
        "support_organizations": STRING,
        "transferability": STRING,
        "contact_name": STRING,
        "contact_institution": NULLABLE_STRING,
        "contact_website": NULLABLE_STRING,
        "first_published_at": NULLABLE_STRING,
        "last_published_at": NULLABLE_STRING,
        "indicators": _list(INDICATOR),
    },
}

EXPORT_RESPONSE = {
    "type": "object",
    "properties": {
        "count": {"type": "integer", "description": "Practices in this file."},
        "result_count": {"type": "integer", "description": "Practices matching the search."},
        "truncated": {"type": "boolean", "description": f"More than {MAX_RESULT_WINDOW:,} matched."},
        "language": STRING,
        "exported": {"type": "string", "format": "date"},
        "query": STRING,
        "filters": {"type": "object", "additionalProperties": _list(STRING)},
        "year_from": NULLABLE_INTEGER,
        "year_to": NULLABLE_INTEGER,
        "sort": STRING,
        "degraded": {"type": "boolean"},
        "results": _list(_ref("ExportRecord")),
    },
    "required": ["count", "result_count", "truncated", "results"],
}

FEED_KINDS = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def _feed_paths() -> dict:
    paths = {}
    language = _parameter(
        "lang",
        "Language tree of the feed.",
        {"type": "string", "enum": list(LANGUAGES)},
        location="path",
        required=True,
    )
    subjects = {
        "practices": ("All newly published practices.", []),
        "country/{code}": (
            "Practices a member state publishes or is a partner in. An unknown code answers 404.",
            [_parameter("code", "ISO 3166-1 alpha-2 code.", STRING, location="path", required=True)],
        ),
        "topic/{slug}": (
            "Practices on one topic. An unknown slug answers 404.",
            [_parameter("slug", "Topic slug (see /api/v2/topics/).", STRING, location="path", required=True)],
        ),
    }
    for subject, (summary, parameters) in subjects.items():
        for extension, media_type in FEED_KINDS.items():
            paths[f"/{{lang}}/feeds/{subject}.{extension}"] = {
                "get": {
                    "tags": ["feeds"],
                    "summary": f"{summary} The latest 50, newest first ({extension.upper()}).",
                    "parameters": [language, *parameters],
                    "responses": {
                        "200": {"description": "The feed.", "content": {media_type: {"schema": STRING}}},
                        "400": {
                            "description": "A NUL character in the address.",
                            "content": {"text/plain": {"schema": STRING}},
                        },
                        "404": {"description": "Unknown country or topic."},
                    },
                }
            }
    return paths


def build_document(request) -> dict:
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    practice_facets = [_codes_parameter(facet, locale) for facet in FACETS if facet.key in PRACTICE_FILTERS]
    years = [
        _year("year", "Year the practice started."),
        _year("year_from", "Started in or after this year."),
        _year("year_to", "Started in or before this year."),
    ]
    facets_by_key = {facet.key: facet for facet in FACETS}
    detail_id = _parameter("id", "Object id.", INTEGER, location="path", required=True)
    export_parameters = [*_search_parameters(locale), _lang()]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Asylum good practices of the Americas: public API",
            "version": "2.0.0",
            "description": (
                "Read-only access to the published good practices of the national asylum institutions of "
                "the Americas. Only published, public content. No authentication. See docs/api.md."
            ),
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "tags": [
            {"name": "api-v2", "description": "Wagtail API v2: practices, institutions, topics."},
            {"name": "search", "description": "The search of the site's search page."},
            {"name": "exports", "description": "Whole result sets as CSV or JSON, streamed."},
            {"name": "feeds", "description": "RSS 2.0 and Atom feeds, per language."},
        ],
        "paths": {
            "/api/v2/practices/": {
                "get": {
                    "tags": ["api-v2"],
                    "summary": "Published practices, newest first",
                    "parameters": [
                        *_paging(),
                        _order(PracticesAPIViewSet.ordering_fields),
                        _locale_parameter(),
                        *practice_facets,
                        *years,
                    ],
                    "responses": _responses("PracticeListing"),
                }
            },
            "/api/v2/practices/{id}/": {
                "get": {
                    "tags": ["api-v2"],
                    "summary": "One published practice with every field",
                    "parameters": [detail_id],
                    "responses": _responses("Practice", not_found=True),
                }
            },
            "/api/v2/institutions/": {
                "get": {
                    "tags": ["api-v2"],
                    "summary": "National asylum institutions (CONAREs)",
                    "parameters": [
                        *_paging(),
                        _order(InstitutionsAPIViewSet.ordering_fields),
                        _locale_parameter(),
                        _codes_parameter(facets_by_key["country"], locale),
                        _codes_parameter(facets_by_key["mechanism"], locale),
                    ],
                    "responses": _responses("InstitutionListing"),
                }
            },
            "/api/v2/institutions/{id}/": {
                "get": {
                    "tags": ["api-v2"],
                    "summary": "One institution",
                    "parameters": [detail_id],
                    "responses": _responses("Institution", not_found=True),
                }
            },
            "/api/v2/topics/": {
                "get": {
                    "tags": ["api-v2"],
                    "summary": "The topic vocabulary, names in es/en/pt",
                    "parameters": [*_paging(), _order(TopicsAPIViewSet.ordering_fields)],
                    "responses": _responses("TopicListing"),
                }
            },
            "/api/v2/topics/{id}/": {
                "get": {
                    "tags": ["api-v2"],
                    "summary": "One topic",
                    "parameters": [detail_id],
                    "responses": _responses("Topic", not_found=True),
                }
            },
            "/api/search/": {
                "get": {
                    "tags": ["search"],
                    "summary": "Faceted search, as on the search page",
                    "description": "Tolerant: a bad value is dropped and explained in `messages`, never an error.",
                    "parameters": [
                        *_search_parameters(locale),
                        _parameter("page", "Page number.", {"type": "integer", "minimum": 1, "default": 1}),
                        _parameter(
                            "page_size",
                            "Results per page.",
                            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20},
                        ),
                        _lang(),
                    ],
                    # Tolerant, but a NUL character in the address is refused before the search (docs/api.md).
                    "responses": _responses("SearchResponse"),
                }
            },
            "/api/export.csv": {
                "get": {
                    "tags": ["exports"],
                    "summary": "Every practice of a search result set as CSV (UTF-8 with BOM), streamed",
                    "description": (
                        "Same parameters as the search page; `page` and `page_size` are ignored. One row per "
                        "practice, or with `rows=indicators` one row per result indicator. At most "
                        f"{MAX_RESULT_WINDOW:,} practices (`X-Export-Truncated: true` when more matched)."
                    ),
                    "parameters": [
                        *export_parameters,
                        _parameter("rows", "What one row is.", {"type": "string", "enum": list(ROW_KINDS)}),
                    ],
                    "responses": {
                        "200": {"description": "CSV file", "content": {"text/csv": {"schema": STRING}}},
                        "400": {
                            "description": "A bad parameter; the plain-text body says which.",
                            "content": {"text/plain": {"schema": STRING}},
                        },
                    },
                }
            },
            "/api/export.json": {
                "get": {
                    "tags": ["exports"],
                    "summary": "Every practice of a search result set as JSON, indicators nested, streamed",
                    "parameters": export_parameters,
                    "responses": _responses("Export"),
                }
            },
            **_feed_paths(),
        },
        "components": {
            "schemas": {
                "Practice": _page_meta(PRACTICE_FIELDS),
                "PracticeListing": _listing("Practice"),
                "Institution": _page_meta(INSTITUTION_FIELDS),
                "InstitutionListing": _listing("Institution"),
                "Topic": TOPIC,
                "TopicListing": _listing("Topic"),
                "SearchResult": SEARCH_RESULT,
                "SearchResponse": SEARCH_RESPONSE,
                "ExportRecord": EXPORT_RECORD,
                "Export": EXPORT_RESPONSE,
                "Indicator": INDICATOR,
                "Error": ERROR,
            }
        },
    }


@read_only
def openapi_json(request):
    with translation.override("en"):  # the description is written in English
        document = build_document(request)
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
