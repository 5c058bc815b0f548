from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.password_reset import ThrottledPasswordResetView as PasswordResetView
from core import admin_views
from home import views as home_views
from practices import views as practice_views
from printsheet import views as printsheet_views
from search import views as search_views
from seo import views as seo_views

urlpatterns = [
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("healthz", home_views.health, name="health"),
    path("sitemap.xml", seo_views.sitemap, name="sitemap"),
    path("robots.txt", seo_views.robots, name="robots"),
    path("api/search/", search_views.api_search, name="api_search"),
    path("api/autocomplete/", search_views.api_autocomplete, name="api_autocomplete"),
    path("api/", include("opendata.urls")),
    # Outside the admin: an invited official has no password (and no session) yet.
    path("invitation/", include("officials.urls")),
    # Before the admin: Wagtail's password reset with per-address and per-account limits.
    path("admin/password_reset/", PasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # Before the admin: Wagtail's image preview cached, its external-link chooser safe (core/admin_views.py).
    path("admin/images/<int:image_id>/preview/<str:filter_spec>/", admin_views.preview),
    path("admin/choose-external-link/", admin_views.external_link),
    # Before the admin: Wagtail views narrowed to what each official may see (officials/admin_guards.py).
    path("", include("officials.admin_guards")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language: /es/, /en/, /pt/ (Spanish first).
urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path(_("compare/"), practice_views.compare, name="compare"),
    path(_("about/"), home_views.about, name="about"),
    path(_("indicators/"), practice_views.indicator_index, name="indicator_index"),
    path(format_lazy("{}<slug:slug>/", _("indicators/")), practice_views.indicator_type, name="indicator_type"),
    path(format_lazy("{}/<int:page_id>.pdf", _("case-sheet")), printsheet_views.case_sheet, name="case_sheet"),
    path(_("exchange/"), include("exchange.urls")),
    path(_("alerts/"), include("alerts.urls")),
    path("feeds/", include("opendata.feed_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
