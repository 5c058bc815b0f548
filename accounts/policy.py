"""Who must use two-step verification and who may unlock accounts."""

from django.conf import settings

from practices.roles import is_secretariat


def is_privileged(user) -> bool:
    """Administrators and the technical secretariat (by its permission, not its group's name):
    they publish for everyone and manage reference data (administrators also manage users), so a
    stolen password must not suffice."""
    return is_secretariat(user)


def two_factor_required(user) -> bool:
    return settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED and is_privileged(user)


def can_unlock_accounts(user) -> bool:
    return is_privileged(user)
