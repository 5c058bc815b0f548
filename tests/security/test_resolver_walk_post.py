"""Every admin URL Django resolves, POSTed as Argentina's official with Mexico's objects.

The GET walk (test_resolver_walk.py) proves that reads do not leak; this one proves that no write
gets through. Each URL the resolver knows is filled with Mexico's ids (same rules as the GET walk)
and POSTed with a body that would act if the view let it: a title, a slug, a name, the
confirmations and the ids of bulk actions. After every POST the database is compared with what it
was: every table's row count (except the few a logged-in request may write for its own user,
listed below) and a fingerprint of each of Mexico's objects. A 500, a change or a response showing
Mexico's unpublished titles is a failure."""

import hashlib

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client

from exchange.models import ExchangeRequest

from . import test_resolver_walk as walk
from .test_resolver_walk import admin_patterns, fill, leaked, with_queries

mexico = walk.objects  # the GET walk's fixture: Mexico's ids by parameter name

# Tables any logged-in request may write for its own user or the site's bookkeeping, each with
# its reason. Everything else must keep its row count through the whole walk.
MAY_CHANGE = {
    "sessions.session": "the official's own session",
    "axes.accessattempt": "login throttling bookkeeping",
    "axes.accesslog": "login throttling bookkeeping",
    "axes.accessfailurelog": "login throttling bookkeeping",
    "wagtailusers.userprofile": "the official's own admin preferences (dismissibles, theme)",
    "wagtailadmin.editingsession": "Wagtail records who has an editor open (it is the official's own row)",
    "practice_search.searchtermstat": "the admin searches are counted by the search log",
    "accounts.accountsession": "the official's own session record (idle timeout)",
    "wagtailadmin.formstate": "Wagtail keeps the official's own unsaved form state",
    "otp_static.staticdevice": "a two-step view may set up the official's own recovery codes",
    "otp_static.statictoken": "a two-step view may set up the official's own recovery codes",
    "otp_totp.totpdevice": "the two-step views set up or remove the official's own authenticator",
    "axes.accessattemptexpiration": "login throttling bookkeeping",
}

# What acting on Mexico's objects would change, field by field.
PAGE_FIELDS = ("title", "draft_title", "slug", "live", "locked", "locked_by_id", "latest_revision_id",
               "has_unpublished_changes", "path", "url_path", "owner_id", "go_live_at", "expire_at")  # fmt: skip
BODY = {
    "title": "Escrito por Argentina",
    "slug": "escrito-por-argentina",
    "name": "Escrito por Argentina",
    "username": "escrito-por-argentina",
    "email": "intruso@example.org",
    "first_name": "Intruso",
    "last_name": "Argentina",
    "action-publish": "action-publish",
    "action-submit": "action-submit",
    "action-workflow-action": "true",
    "workflow-action-name": "approve",
    "comment": "aprobado",
    "confirm": "yes",
    "next": "/admin/",
    "collection": "1",
    "tags": "escrito-por-argentina",
}


def fingerprint(model, pks, fields=None):
    rows = model.objects.filter(pk__in=pks).order_by("pk")
    values = rows.values_list(*(fields or [f.attname for f in model._meta.concrete_fields]))
    return hashlib.sha256(repr(list(values)).encode()).hexdigest()


def counted_tables():
    return sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in MAY_CHANGE
    )


def table_counts(tables):
    """Every watched table's row count in one statement (the walk posts about 1,500 times)."""
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def database_state(ids, tables):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision, TaskState, WorkflowState

    state = table_counts(tables)
    state["mexico:pages"] = fingerprint(Page, ids["page"], PAGE_FIELDS)
    state["mexico:revisions"] = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids["page"]]).count()
    state["mexico:document"] = fingerprint(get_document_model(), ids["document"])
    state["mexico:image"] = fingerprint(get_image_model(), ids["image"])
    state["mexico:task_states"] = fingerprint(TaskState, ids["task_state"])
    state["mexico:workflow_states"] = fingerprint(WorkflowState, ids["workflow_state"])
    state["mexico:requests"] = fingerprint(ExchangeRequest, ids["request"])
    return state


def changed(before, after):
    return {
        key: (before.get(key), after.get(key))
        for key in before.keys() | after.keys()
        if before.get(key) != after.get(key)
    }


def body(ids):
    """The generic body, with the ids bulk actions and choosers read from a POST."""
    return {
        **BODY,
        "id": [str(pk) for pk in ids["ids"]],
        "parent_page": str(ids["page"][0]),
        "new_parent_page": str(ids["page"][0]),
    }


@pytest.mark.django_db
def test_no_admin_url_lets_an_official_write_to_another_institution(mexico, django_user_model):
    objects = mexico
    client = Client(raise_request_exception=False)  # CSRF checks off: the attacker has her own token
    official = django_user_model.objects.get(username="oficial-ar")
    client.force_login(official)
    patterns = list(admin_patterns())
    assert len(patterns) > 300  # the walk really walks
    failures, tried = [], 0
    tables = counted_tables()
    state = database_state(objects, tables)
    data = body(objects)
    for pattern in patterns:
        for url in fill(pattern, objects):
            for full in [f"/{u}" for u in with_queries(pattern, url, objects)]:
                response = client.post(full, data)
                tried += 1
                if (after := database_state(objects, tables)) != state:
                    failures.append((full, response.status_code, "wrote", changed(state, after)))
                    state = after
                if response.status_code >= 500:
                    failures.append((full, response.status_code, "server error"))
                elif found := leaked(response, objects["secrets"]):
                    failures.append((full, response.status_code, found))
                if "_auth_user_id" not in client.session:  # a view logged the official out
                    client.force_login(official)
    print(f"{len(patterns)} admin patterns, {tried} POSTs")
    assert tried > 700
    assert not failures, "\n".join(map(str, failures))
