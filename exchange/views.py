"""The request form's own page and endpoint, `/<lang>/exchange/<page id>/` (translated path).

GET shows the form on a page of its own (what the comparison's "Request an exchange" opens; a
refresh after an error never answers 405). POST sends; an invalid POST answers 400 with this page,
the form as typed and its errors, and keeps the typed details in the session, so the address can be
opened again without retyping. Success redirects (303) to this page, which then shows what was sent
and offers to ask other institutions about the same subject, with the requester's details filled in.
"""

import logging

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from practices.models import PracticePage

from . import ratelimit
from .forms import HONEYPOT, ExchangeRequestForm
from .services import create_request, other_institutions_on_the_subject

logger = logging.getLogger(__name__)
FORM_ANCHOR = "#exchange-request"
DRAFT_KEY = "exchange-draft"  # what was typed in a form not yet sent, per practice
SENT_KEY = "exchange-sent"  # what was last sent, shown once it is
REQUESTER_FIELDS = ("name", "requester_institution", "country", "country_other", "email")


# No CSRF token: the form sits on practice pages served whole from the shared cache (core/pagecache.py),
# where one visitor's token would be everyone's. The view acts on no session or account (a forged post
# could only send what its author could send herself); the honeypot and the rate limit still apply.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request, page_id: int):
    page = get_object_or_404(PracticePage.objects.live().public(), pk=page_id)
    if request.method != "POST":
        return _form_page(request, page, _unsent_form(request, page), status=200)
    form = ExchangeRequestForm(request.POST)
    client = ratelimit.client_key(request)
    if ratelimit.is_limited(client):
        return _form_page(request, page, form, status=429, limited=True)
    ratelimit.count("attempts", client)
    if form.is_spam():
        # The bot is told what a person is told, so it learns nothing about the trap.
        logger.info("Exchange form: honeypot filled (client %s), nothing saved.", client)
        ratelimit.count("sent", client)
        return _sent(request, page, summary=None)
    if not form.is_valid():
        _keep_draft(request, page, form)
        return _form_page(request, page, form, status=400)
    create_request(page=page, data=form.cleaned_data, language=(get_language() or "es")[:2])
    ratelimit.count("sent", client)
    return _sent(request, page, summary=_summary(form))


def _summary(form) -> dict:
    data = form.cleaned_data
    return {
        **{name: data.get(name, "") for name in REQUESTER_FIELDS},
        "message": data["message"],
        "formats": [str(label) for value, label in form.fields["formats"].choices if value in data["formats"]],
        "country_label": str(dict(form.fields["country"].choices).get(data["country"], "")),
    }


def _sent(request, page, *, summary):
    sent = {"page": page.pk, "summary": summary}
    request.session[SENT_KEY] = sent
    request.session.pop(DRAFT_KEY, None)
    response = redirect(request.path + "?sent=1" + FORM_ANCHOR)
    response.status_code = 303  # see the page with GET; reloading does not send the request twice
    return response


def _keep_draft(request, page, form) -> None:
    request.session[DRAFT_KEY] = {
        "page": page.pk,
        "data": {name: form.data.getlist(name) for name in form.data if name not in (HONEYPOT, "csrfmiddlewaretoken")},
    }


def _unsent_form(request, page) -> ExchangeRequestForm:
    """A form with what was typed here before (a draft), else the requester's details of the last
    request sent (asking another institution needs only a new message)."""
    draft = request.session.get(DRAFT_KEY) if hasattr(request, "session") else None
    if draft and draft.get("page") == page.pk:
        return ExchangeRequestForm(initial={k: v if k == "formats" else v[0] for k, v in draft["data"].items() if v})
    sent = request.session.get(SENT_KEY) if hasattr(request, "session") else None
    if sent and sent.get("summary"):
        return ExchangeRequestForm(initial={name: sent["summary"][name] for name in REQUESTER_FIELDS})
    return ExchangeRequestForm()


def _form_page(request, page, form, *, status: int, limited: bool = False):
    sent = request.session.get(SENT_KEY) if request.GET.get("sent") and hasattr(request, "session") else None
    if sent is not None and sent.get("page") != page.pk:
        sent = None
    context = {
        "page": page,
        "exchange_form": form,
        "exchange_limited": limited,
        "sent": sent is not None,
        "sent_summary": (sent or {}).get("summary"),
        "others": other_institutions_on_the_subject(page) if sent is not None else [],
    }
    response = TemplateResponse(request, "exchange/request_page.html", context, status=status)
    if limited:
        response["Retry-After"] = str(ratelimit.WINDOW_SECONDS)
    return response
