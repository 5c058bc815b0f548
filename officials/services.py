"""Inviting an institution's official: an inactive account in the institution's group and an e-mail
with a link where the official chooses a password."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.users.models import UserProfile

from core.mail import render_message
from practices.models import InstitutionPage
from practices.roles import ensure_official_group

from .models import Invitation
from .tokens import invitation_token


def invitation_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("invitations:accept", kwargs={"uidb64": uid, "token": invitation_token.make_token(user)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invite_official(
    *,
    email: str,
    first_name: str,
    last_name: str,
    institution: InstitutionPage,
    language: str,
    invited_by,
) -> Invitation:
    """Creates the inactive account (no usable password), its invitation, and e-mails the link."""
    User = get_user_model()
    email = User.objects.normalize_email(email).strip()
    with transaction.atomic():
        user = User(username=email.lower(), email=email, first_name=first_name, last_name=last_name, is_active=False)
        user.set_unusable_password()
        user.save()
        user.groups.add(ensure_official_group(institution))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        invitation = Invitation.objects.create(
            user=user, institution=institution, language=language, invited_by=invited_by
        )
    send_invitation(invitation)
    return invitation


def send_invitation(invitation: Invitation) -> None:
    user = invitation.user
    context = {
        "user": user,
        "institution": invitation.institution,
        "invited_by": invitation.invited_by,
        "url": invitation_url(user),
        "days": settings.OFFICIALS_INVITATION_DAYS,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    render_message(
        "officials/email/invitation",
        language=invitation.language,
        context=context,
        to=[user.email],
        html=True,
        from_email=settings.DEFAULT_FROM_EMAIL,
    ).send()


def accept_invitation(invitation: Invitation, *, password_form) -> None:
    """Sets the chosen password and opens the account; the link dies with the old password hash."""
    user = password_form.save(commit=False)
    user.is_active = True
    user.save()
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
