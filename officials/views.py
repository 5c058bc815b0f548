"""The secretariat's list of invitations (admin) and the page where an invited official sets a password."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.throttling import client_key

from .forms import InviteOfficialForm
from .models import Invitation
from .services import accept_invitation
from .tokens import invitation_token


class InviteView(CreateView):
    """The form learns the client's address for its rate limit (officials/forms.py); beyond the
    limit the form is shown again with its message and a 429."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "client": client_key(self.request)}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.rate_limited:
            response.status_code = 429
        return response


class InvitationViewSet(ModelViewSet):
    """Officials → invitations: list and invite. Visible to whoever may add invitations."""

    model = Invitation
    icon = "mail"
    menu_label = gettext_lazy("Officials")
    menu_order = 650
    add_to_admin_menu = True
    name = "officials"
    url_prefix = "officials"
    list_display = ["__str__", "user_name", "institution", "language", "invited_by", "created_at", "state"]
    list_filter = ["institution", "language"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    add_item_label = gettext_lazy("Invite an official")
    add_view_class = InviteView

    def get_form_class(self, for_update=False):
        return InviteOfficialForm

    def get_queryset(self, request):
        return Invitation.objects.select_related("user", "institution", "invited_by")

    def get_urlpatterns(self):
        # An invitation is a record: nothing to edit; an account is managed under Users.
        keep = {"index", "index_results", "add", "inspect", "history", "history_results"}
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in keep]

    def get_common_view_kwargs(self, **kwargs):
        # Rows and the "saved" message lead to the read-only record instead of an edit form.
        return super().get_common_view_kwargs(
            **{"edit_url_name": self.get_url_name("inspect"), "delete_url_name": None, **kwargs}
        )

    def get_index_view_kwargs(self, **kwargs):
        return {**super().get_index_view_kwargs(**kwargs), "edit_url_name": self.get_url_name("inspect")}

    def get_add_view_kwargs(self, **kwargs):
        return {**super().get_add_view_kwargs(**kwargs), "edit_url_name": self.get_url_name("inspect")}

    def get_inspect_view_kwargs(self, **kwargs):
        return {**super().get_inspect_view_kwargs(**kwargs), "edit_url_name": None, "delete_url_name": None}


def _user_from_uid(uidb64: str):
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        return get_user_model().objects.select_related("invitation").get(pk=pk, invitation__accepted_at__isnull=True)
    except (TypeError, ValueError, OverflowError, get_user_model().DoesNotExist):
        return None


@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def accept(request, uidb64: str, token: str):
    user = _user_from_uid(uidb64)
    if user is None or not invitation_token.check_token(user, token):
        # One answer for unknown, used and expired links: nothing to learn about accounts.
        # 400, not 404: LocaleMiddleware would redirect a 404 into the public page tree.
        return render(request, "officials/invitation_invalid.html", status=400)
    invitation = user.invitation
    with translation.override(invitation.language):
        form = SetPasswordForm(user, request.POST or None)
        if request.method == "POST" and form.is_valid():
            accept_invitation(invitation, password_form=form)
            messages.success(
                request, _("Your password is set. You can now sign in with your e-mail address and your new password.")
            )
            return redirect("wagtailadmin_login")
        return render(
            request,
            "officials/invitation_accept.html",
            {"form": form, "invitation": invitation, "username": user.get_username()},
            status=400 if form.errors else 200,
        )
