"""The rights each app gives the two kinds of group, declared in one registry.

Every app declares, from its `AppConfig.ready`, which of its permissions the technical
secretariat's group and each institution's officials' group get; `practices/roles.py` creates the
groups and grants what was declared (`setup_site`, a new institution page). So practices, which
knows the groups, imports none of the apps that add rights to them, and an app's rights are
written next to the app.

Permissions are named "app_label.codename"; `secretariat_models` names models ("app_label.model")
whose every permission (add, change, delete, view) the secretariat gets: the reference data.
"""

_officials: set[str] = set()
_secretariat: set[str] = set()
_secretariat_models: set[str] = set()


def declare(*, officials=(), secretariat=(), secretariat_models=()) -> None:
    """Called by an app's `AppConfig.ready`; declaring twice changes nothing."""
    _officials.update(officials)
    _secretariat.update(secretariat)
    _secretariat_models.update(model.lower() for model in secretariat_models)


def official_permissions() -> list[str]:
    return sorted(_officials)


def secretariat_permissions() -> list[str]:
    return sorted(_secretariat)


def secretariat_models() -> list[str]:
    return sorted(_secretariat_models)
