"""The page types report names the last edited page of each type, drafts of any institution
included: it is kept for those who publish (the secretariat and administrators)."""

from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

PAGE_TYPES_REPORT_PERMISSIONS = ["publish"]


class PublishersPageTypesUsageReportView(PageTypesUsageReportView):
    any_permission_required = PAGE_TYPES_REPORT_PERMISSIONS


def may_see_page_types_report(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_any_permission(user, PAGE_TYPES_REPORT_PERMISSIONS)


# Matched before Wagtail's own patterns (config/urls.py); Wagtail's URL names still reverse here.
urlpatterns = [
    path(
        "admin/reports/page-types-usage/",
        require_admin_access(PublishersPageTypesUsageReportView.as_view()),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(PublishersPageTypesUsageReportView.as_view(results_only=True)),
    ),
]
