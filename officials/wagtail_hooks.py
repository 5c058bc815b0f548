from wagtail import hooks

from .views import InvitationViewSet


@hooks.register("register_admin_viewset")
def register_invitation_viewset():
    return InvitationViewSet()
