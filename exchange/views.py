"""The public form's endpoint: POST only; redirects back to the practice, or shows it again with the errors."""

import logging

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from practices.models import PracticePage

from . import ratelimit
from .forms import ExchangeRequestForm
from .services import create_request

logger = logging.getLogger(__name__)
FORM_ANCHOR = "#exchange-request"


# No CSRF token: the form sits on practice pages served whole from the shared cache (core/pagecache.py),
# where one visitor's token would be everyone's. The view acts on no session or account (a forged post
# could only send what its author could send herself); the honeypot and the rate limit still apply.
@csrf_exempt
@require_POST
def submit(request, page_id: int):
    page = get_object_or_404(PracticePage.objects.live().public(), pk=page_id)
    form = ExchangeRequestForm(request.POST)
    client = ratelimit.client_key(request)
    if ratelimit.is_limited(client):
        return _show_again(request, page, form, status=429, limited=True)
    ratelimit.count("attempts", client)
    if form.is_spam():
        # The bot is told what a person is told, so it learns nothing about the trap.
        logger.info("Exchange form: honeypot filled (client %s), nothing saved.", client)
        ratelimit.count("sent", client)
        return _sent(request, page)
    if not form.is_valid():
        return _show_again(request, page, form, status=400)
    create_request(page=page, data=form.cleaned_data, language=(get_language() or "es")[:2])
    ratelimit.count("sent", client)
    return _sent(request, page)


def _sent(request, page):
    messages.success(
        request,
        _("Your request was sent to the institution. We have sent you a confirmation by e-mail."),
        extra_tags="exchange",
    )
    response = redirect(page.get_url(request) + FORM_ANCHOR)
    response.status_code = 303  # see the page with GET; reloading does not send the request twice
    return response


def _show_again(request, page, form, *, status: int, limited: bool = False):
    """The practice page itself, with the form as typed and its errors (or the rate-limit message)."""
    response = page.serve(request)
    response.context_data["exchange_form"] = form
    response.context_data["exchange_limited"] = limited
    response.status_code = status
    if limited:
        response["Retry-After"] = str(ratelimit.WINDOW_SECONDS)
    return response
