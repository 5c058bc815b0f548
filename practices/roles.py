"""Groups and their rights: one group of officials per institution, and the technical secretariat.

Officials may add and edit pages only below their own institution's page in the Spanish tree,
which holds every original; they edit (translate) its copies in the other trees, and use only
their institution's media collection. They cannot publish: the secretariat reviews and
publishes. Nobody but administrators manages users (in Wagtail that right lets one create superusers).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from .models import InstitutionPage
from .taxonomy import Country, IndicatorType, Keyword, Mechanism, ProcedureStage, Topic

# The names groups get when they are created. Nothing looks a group up by its name afterwards:
# the secretariat is whoever holds REVIEW_PERMISSION, an institution's officials are the group
# its page links to (InstitutionPage.officials_group), so renaming a group changes nothing.
SECRETARIAT_GROUP = "Secretaría técnica"
REVIEW_PERMISSION = "practices.review_practices"
OFFICIAL_PAGE_PERMISSIONS = ("add_page", "change_page")
OFFICIAL_TRANSLATION_PERMISSIONS = ("change_page",)
SECRETARIAT_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
MEDIA_PERMISSIONS = {
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailimages": ("add_image", "change_image", "choose_image"),
}


# Exchange requests (exchange/): officials see and answer their institution's; the secretariat all of them.
EXCHANGE_OFFICIAL_PERMISSIONS = ("view_exchangerequest", "change_exchangerequest")
EXCHANGE_SECRETARIAT_PERMISSIONS = (*EXCHANGE_OFFICIAL_PERMISSIONS, "delete_exchangerequest", "see_all_exchangerequest")


def _exchange_permissions(codenames) -> list[Permission]:
    return [_permission("exchange", codename) for codename in codenames]


INVITATION_PERMISSIONS = ("add_invitation", "view_invitation")


def official_group_name(country: Country) -> str:
    return f"Funcionarios {country.iso2}"


def is_secretariat(user) -> bool:
    """Administrators and whoever holds the review permission (the secretariat's group)."""
    return user.is_authenticated and user.is_active and (user.is_superuser or user.has_perm(REVIEW_PERMISSION))


def _review_permission() -> Permission:
    return _permission(*REVIEW_PERMISSION.split("."))


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return _permission("wagtailcore", codename)


def _admin_access() -> Permission:
    return _permission("wagtailadmin", "access_admin")


def institution_collection(institution: InstitutionPage) -> Collection:
    name = f"{institution.country.iso2} · {institution.acronym or institution.title}"[:255]
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name__startswith=f"{institution.country.iso2} · ").first()
    return existing or root.add_child(name=name)


def _translate() -> Permission:
    return _permission("wagtail_localize", "submit_translation")


def ensure_official_group(institution: InstitutionPage) -> Group:
    group = institution.officials_group
    if group is None:
        group, _ = Group.objects.get_or_create(name=official_group_name(institution.country))
        # On every language tree's page, with UPDATE: no revision, nothing for an editor to see.
        InstitutionPage.objects.filter(translation_key=institution.translation_key).update(officials_group=group)
        institution.officials_group = group
    # Not wagtail-localize's submit_translation: its views check only that global permission,
    # not the page, so it would let an official translate (and publish) any institution's page.
    # The secretariat submits pages for translation; officials then edit the translations of
    # their own pages, which wagtail-localize guards with the page's edit permission.
    group.permissions.add(_admin_access())
    group.permissions.add(*_exchange_permissions(EXCHANGE_OFFICIAL_PERMISSIONS))
    for page in Page.objects.filter(translation_key=institution.translation_key):
        # Originals are written only in the Spanish tree (whatever their language); the copies in
        # the other trees receive translations, which needs edit rights but never adding a page.
        is_original = page.locale_id == Locale.get_default().pk
        for codename in OFFICIAL_PAGE_PERMISSIONS if is_original else OFFICIAL_TRANSLATION_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(codename))
        if not is_original:
            GroupPagePermission.objects.filter(group=group, page=page).exclude(
                permission__codename__in=OFFICIAL_TRANSLATION_PERMISSIONS
            ).delete()
    collection = institution_collection(institution)
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )
    return group


def secretariat_group() -> Group | None:
    """The group that holds the review permission (the first, should someone have made two)."""
    return Group.objects.filter(permissions=_review_permission()).order_by("pk").first()


def ensure_secretariat_group() -> Group:
    group = secretariat_group()
    if group is None:
        group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.add(_admin_access(), _translate(), _review_permission())
    # Inviting officials (officials/): an account limited to one institution, never user management.
    group.permissions.add(*(_permission("officials", codename) for codename in INVITATION_PERMISSIONS))
    # The statistics dashboard (stats/): figures about every institution, so the secretariat's only.
    group.permissions.add(_permission("stats", "view_statistics"))
    # The search index health page (indexing/): whether search finds what is published.
    group.permissions.add(_permission("indexing", "view_index_health"))
    group.permissions.add(*_exchange_permissions(EXCHANGE_SECRETARIAT_PERMISSIONS))
    from curation.models import Commitment
    from search.models import SynonymGroup

    for model in (Topic, Keyword, Country, Mechanism, ProcedureStage, IndicatorType, SynonymGroup, Commitment):
        content_type = ContentType.objects.get_for_model(model)
        group.permissions.add(*Permission.objects.filter(content_type=content_type))
    for home in Page.objects.filter(depth=2):
        for codename in SECRETARIAT_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=_page_permission(codename))
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for codename in (*codenames, codenames[0].replace("add_", "delete_")):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(app_label, codename)
            )
    return group


def ensure_groups() -> None:
    ensure_secretariat_group()
    for institution in InstitutionPage.objects.filter(locale=Locale.get_default()).select_related("country"):
        ensure_official_group(institution)
