"""Every admin URL Django resolves, tried as Argentina's official with Mexico's objects.

The list is not written by hand: the resolver is walked, so an admin URL added by a new app or a
Wagtail upgrade is tried the day it appears. Path parameters are filled with the ids of Mexico's
draft, pending revision, workflow state, document, image, exchange request…; pages that take ids
in the query string (choosers, bulk confirmations) get them there too. No 200 may show an
unpublished title, a document or image title, a file name or a keyword of Mexico's (nor a
message queued for the next page), and no
response may be a server error."""

import os
import re
from itertools import zip_longest
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page, WorkflowState

from exchange.models import ExchangeRequest
from home.demo.exchange import load_demo_requests
from practices.taxonomy import Keyword

from .conftest import SECRETS, readable

SECRET_KEYWORD = "Secreto clave de México"  # found by the searches (?q=secreto) and autocompletes
# Patterns left out, each for a reason: leaving would end the session the walk runs in.
SKIPPED = re.compile(r"^admin/(logout/|\^\.\*/\$)")
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def admin_patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from admin_patterns(entry, pattern)
        elif isinstance(entry, URLPattern) and pattern.startswith("admin/") and not SKIPPED.match(pattern):
            yield pattern


@pytest.fixture
def objects(mx, django_user_model):
    """Mexico's ids by the parameter names Wagtail and our apps use."""
    mx.draft.keywords.add(SECRET_KEYWORD)
    mx.draft.save()
    keyword = Keyword.objects.get(name=SECRET_KEYWORD)
    load_demo_requests()  # Mexico's two demo requests, for its live practice
    request = ExchangeRequest.objects.filter(institution__country__iso2="MX").first()
    workflow_state = WorkflowState.objects.get(pk=mx.task_state.workflow_state_id)
    pages = [mx.draft.pk, mx.submitted.pk, mx.live.pk]
    revisions = [mx.pending_revision.pk, mx.first_revision.pk]
    generic = [mx.draft.pk, mx.pending_revision.pk, mx.document.pk, mx.image.pk, keyword.pk, request.pk]
    return {
        "page": pages,
        "revision": revisions,
        "document": [mx.document.pk],
        "doc": [mx.document.pk],
        "image": [mx.image.pk],
        "task_state": [mx.task_state.pk],
        "task": [mx.task_state.task_id],
        "workflow_state": [workflow_state.pk],
        "collection": [mx.collection.pk],
        "keyword": [keyword.pk],
        "request": [request.pk],
        "generic": generic,
        "ids": sorted({*pages, *generic, mx.task_state.pk}),
        "secrets": [*SECRETS, SECRET_KEYWORD, mx.document.file.name, mx.image.file.name],
    }


# An object id named only `pk` is read from the pattern's prefix.
PK_KINDS = (
    ("page", "page"),
    ("document", "document"),
    ("image", "image"),
    ("keyword", "keyword"),
    ("exchange", "request"),
)
MODEL_PARAMETERS = ("app_label", "app_name", "content_type_app_name", "model_name", "content_type_model_name")


def values_for(name, pattern, objects):
    """Candidate values for one path parameter, chosen by its name."""
    if name in MODEL_PARAMETERS:
        return None  # filled together from the bulk-action registry, see bulk_actions()
    for kind in ("revision", "task_state", "workflow_state", "document", "doc", "image", "collection"):
        if name.startswith(kind):
            return objects[kind]
    if "page" in name or name == "destination_id":
        return objects["page"]
    if name == "task_id":
        return objects["task"]
    if name in ("action", "action_name"):
        return ["delete", "move", "publish", "unpublish", "approve", "reject"]
    if name == "pk":
        return next((objects[kind] for part, kind in PK_KINDS if part in pattern), objects["generic"])
    if name in ("filter_spec",):
        return ["fill-100x100", "original"]
    if name in ("mode",):
        return ["edit"]
    if name in ("uidb64", "token", "session_id", "query_id"):
        return ["x"]
    return objects["generic"]


def bulk_actions():
    """(app label, model name, action) of every registered bulk action."""
    bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")  # scans the apps once
    return sorted(
        (app, model, action)
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    )


def fill(pattern, objects):
    """Concrete URLs for one pattern: each parameter walks its candidates in step with the others."""
    names = [a or b for a, b in PARAMETER.findall(pattern)]
    path = pattern.replace("^", "").replace("$", "").replace("\\", "")
    if not names:
        return [path]
    columns = [values_for(name, pattern, objects) for name in names]
    if None in columns:  # app, model (and action) walk the bulk-action registry's rows together
        rows = bulk_actions()
        for position, name in enumerate(names):
            if name in MODEL_PARAMETERS:
                columns[position] = [row[0 if "app" in name else 1] for row in rows]
            elif name == "action":
                columns[position] = [row[2] for row in rows]
    urls = []
    for row in zip_longest(*columns):
        url = path
        for name, column, value in zip(names, columns, row, strict=True):
            value = column[-1] if value is None else value
            url = re.sub(rf"<(?:\w+:)?{name}>|\(\?P<{name}>[^)]*\)", str(value), url, count=1)
        urls.append(url)
    return urls


def with_queries(pattern, url, objects):
    """Choosers, bulk confirmations and autocompletes read ids and terms from the query string:
    URLs that name no object in their path get them there."""
    if any((a or b) not in (*MODEL_PARAMETERS, "action") for a, b in PARAMETER.findall(pattern)):
        return [url]
    ids = "&".join(f"id={pk}" for pk in objects["ids"])
    return [url, f"{url}?{ids}", f"{url}?q=secreto&term=secreto&p=1"]


def database_state():
    """Row counts and the latest change of what an official's GET must never write."""
    from django.apps import apps

    watched = [
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtailcore.WorkflowState",
        "wagtailcore.TaskState",
        "wagtailcore.PageLogEntry",
        "wagtaildocs.Document",
        "wagtailimages.Image",
        "practices.Keyword",
        "practices.TaggedKeyword",
        "exchange.ExchangeRequest",
        "wagtail_localize.Translation",
        "auth.Group",
        "wagtailcore.Collection",
    ]
    return {name: apps.get_model(name).objects.count() for name in watched}


def leaked(response, secrets):
    """In the page, or in a message it queued for the next page (a refusal that names the page)."""
    body = readable(response) + " ".join(str(message) for message in get_messages(response.wsgi_request))
    return [secret for secret in secrets if secret in body]


def test_no_admin_url_shows_another_institutions_unpublished_content(objects, django_user_model):
    client = Client(raise_request_exception=False)
    client.force_login(django_user_model.objects.get(username="oficial-ar"))
    patterns = list(admin_patterns())
    assert len(patterns) > 300  # the walk really walks
    failures, tried = [], 0
    report = os.environ.get("WALK_REPORT")  # a file to follow the walk's findings while it runs
    state = database_state()
    for pattern in patterns:
        for url in fill(pattern, objects):
            for full in [f"/{u}" for u in with_queries(pattern, url, objects)]:
                response = client.get(full)
                tried += 1
                if (after := database_state()) != state:
                    failures.append((full, response.status_code, "wrote", state, after))
                    state = after
                if response.status_code >= 500:
                    failures.append((full, response.status_code, "server error"))
                elif found := leaked(response, objects["secrets"]):
                    failures.append((full, 200, found))
                if report and failures and failures[-1][0] == full:
                    with Path(report).open("a") as log:
                        log.write(f"{failures[-1]}\n")
    print(f"{len(patterns)} admin patterns, {tried} GETs")
    assert Page.objects.filter(pk=objects["page"][0]).exists()
    assert not failures, "\n".join(map(str, failures))
