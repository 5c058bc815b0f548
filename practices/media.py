"""Which documents and images a user may use: those of the collections she may choose or change.

The media rule of `officials/visibility.py` (one visibility rule per kind), kept here because the
page forms of this app apply it (`page_forms.py`) and practices imports nothing from officials.
"""

from wagtail.permissions import policy_registry

MEDIA_PERMISSIONS = ["choose", "change"]


def visible_media(user, items):
    policy = policy_registry.get_by_type(items.model)
    return items.filter(pk__in=policy.instances_user_has_any_permission_for(user, MEDIA_PERMISSIONS).values("pk"))
