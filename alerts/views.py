"""Public endpoints of followed searches: subscribe (POST), confirm (GET link), unsubscribe (a page
with a button, and the RFC 8058 one-click POST that mail clients send)."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import ratelimit, services
from .emails import settings_expiry_days
from .forms import SubscribeForm
from .models import Subscription
from .searches import describe, normalise_query, parse

logger = logging.getLogger(__name__)


def _language() -> str:
    return (get_language() or "es")[:2]


@require_GET
def follow(request):
    """The form on a page of its own: where the search page's form lands again with its errors."""
    query = normalise_query(parse(request.GET.urlencode(), language=_language()))
    return _form_page(request, SubscribeForm(initial={"query": query}), query=query)


# No CSRF token: the form sits on search pages served whole from the shared cache (core/pagecache.py).
# Nothing is subscribed without the confirmation link sent to the address (double opt-in), and the
# view acts on no session or account; the honeypot and the rate limit still apply.
@csrf_exempt
@require_POST
def subscribe(request):
    form = SubscribeForm(request.POST)
    query = request.POST.get("query", "")[:4000]
    client = ratelimit.client_key(request)
    if ratelimit.is_limited(client):
        return _form_page(request, form, query=query, status=429, limited=True)
    ratelimit.count(client)
    if form.is_spam():
        # The bot is told what a person is told, so it learns nothing about the trap.
        logger.info("Search alerts: honeypot filled (client %s), nothing saved.", client)
        return _sent()
    if not form.is_valid():
        return _form_page(request, form, query=query, status=400)
    try:
        services.subscribe(email=form.cleaned_data["email"], query=form.cleaned_data["query"], language=_language())
    except services.SearchTooLong:
        form.add_error(None, _("This search is too long to follow; remove some filters."))
        return _form_page(request, form, query=query, status=400)
    return _sent()


def _sent():
    response = redirect("alerts:sent")
    response.status_code = 303  # reloading the next page does not send the form again
    return response


def _form_page(request, form, *, query: str, status: int = 200, limited: bool = False):
    parameters = parse(query, language=_language())
    context = {
        "form": form,
        "description": describe(parameters),
        "search_url": reverse("search") + (f"?{query}" if query else ""),
        "limited": limited,
    }
    response = render(request, "alerts/follow.html", context, status=status)
    if limited:
        response["Retry-After"] = str(ratelimit.WINDOW_SECONDS)
    return response


@require_GET
def sent(request):
    return render(request, "alerts/sent.html", {"days": settings_expiry_days()})


@require_GET
def confirm(request, signed: str):
    subscription = services.confirm(signed)
    if subscription is None:
        return render(request, "alerts/confirm_failed.html", status=400)
    parameters = parse(subscription.query, language=subscription.language)
    context = {
        "description": describe(parameters),
        "search_url": reverse("search") + (f"?{subscription.query}" if subscription.query else ""),
    }
    return render(request, "alerts/confirmed.html", context)


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET only shows a button: link checkers and mail scanners open links, and must not unsubscribe."""
    if request.method == "POST":
        services.unsubscribe(token)
        return render(request, "alerts/unsubscribed.html")
    subscription = Subscription.objects.filter(unsubscribe_token=token).first()
    if subscription is None:
        # Already gone (or never was): say so kindly, not a bare 404 page.
        return render(request, "alerts/unsubscribed.html", {"already": True}, status=404)
    parameters = parse(subscription.query, language=subscription.language)
    return render(request, "alerts/unsubscribe.html", {"description": describe(parameters), "token": token})


@csrf_exempt  # RFC 8058: the mail client posts without a session; the secret token is the proof
@require_POST
def one_click(request, token: str):
    if request.POST.get("List-Unsubscribe") != "One-Click":
        return HttpResponseBadRequest(_("This address only accepts one-click unsubscribe requests."))
    services.unsubscribe(token)
    return HttpResponse(_("You are unsubscribed."), content_type="text/plain; charset=utf-8")
