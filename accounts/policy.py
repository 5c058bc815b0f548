"""Who must use two-step verification and who may unlock accounts."""

from django.conf import settings

from practices.roles import SECRETARIAT_GROUP


def is_privileged(user) -> bool:
    """Administrators and the technical secretariat: they publish for everyone and manage
    reference data (administrators also manage users), so a stolen password must not suffice."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_accounts_privileged", None)
    if cached is None:
        cached = user.is_superuser or user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user._accounts_privileged = cached
    return cached


def two_factor_required(user) -> bool:
    return settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED and is_privileged(user)


def can_unlock_accounts(user) -> bool:
    return is_privileged(user)
