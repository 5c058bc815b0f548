"""The admin's password reset, rate-limited (issue 10, "Stronger accounts").

Two limits, both in the shared cache for an hour (accounts/throttling.py):
- per client address: beyond it the form answers 429 with a translated message, whatever
  address was typed (nothing is learnt about which accounts exist);
- per target account: beyond it no further e-mail goes to that account, but the page says what it
  always says ("if an account exists, an e-mail was sent"), so the limit reveals no account and a
  stranger cannot fill someone's mailbox from many addresses.

Served at Wagtail's own URL, matched before the admin's in config/urls.py.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from .throttling import MAIL_WINDOW_SECONDS, client_key, keyed_hash, mail_limits, over_limit

TOO_MANY_RESETS = _(
    "Too many password reset requests from your connection. Wait an hour and try again, "
    "or ask the technical secretariat for help."
)


class ThrottledPasswordResetForm(PasswordResetForm):
    def get_users(self, email):
        for user in super().get_users(email):
            key = f"accounts:reset:account:{keyed_hash(str(user.pk))}"
            if not over_limit(key, limit=mail_limits()["reset_account"], window_seconds=MAIL_WINDOW_SECONDS):
                yield user


class ThrottledPasswordResetView(PasswordResetView):
    form_class = ThrottledPasswordResetForm

    def get_form_class(self):
        return self.form_class

    def post(self, request, *args, **kwargs):
        key = f"accounts:reset:address:{client_key(request)}"
        if over_limit(key, limit=mail_limits()["reset_address"], window_seconds=MAIL_WINDOW_SECONDS):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, TOO_MANY_RESETS)
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(MAIL_WINDOW_SECONDS)
            return response
        return super().post(request, *args, **kwargs)
