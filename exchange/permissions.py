"""Who sees which exchange requests: officials their own institution's, the secretariat every one.

An official's institution is the one whose page links to one of their groups
(`InstitutionPage.officials_group`), the group that gives them edit rights on its pages.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from practices.models import InstitutionPage

SEE_ALL = "exchange.see_all_exchangerequest"


def institution_ids_of(user) -> set[int]:
    """The (Spanish-tree) institution pages whose officials' group the user belongs to. Cached on the user."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_exchange_institution_ids"):
        from wagtail.models import Locale

        user._exchange_institution_ids = set(
            InstitutionPage.objects.filter(
                locale=Locale.get_default(), officials_group__in=user.groups.all()
            ).values_list("pk", flat=True)
        )
    return user._exchange_institution_ids


def sees_all(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(SEE_ALL))


class ExchangeRequestPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (view, change, delete) limited to the rows of the user's institution.

    Nobody adds a request in the admin: they come from the public form only.
    """

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def _in_scope(self, user, instance) -> bool:
        return sees_all(user) or (
            instance.institution_id is not None and instance.institution_id in institution_ids_of(user)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self._in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if sees_all(user):
            return queryset
        return queryset.filter(institution_id__in=institution_ids_of(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])
