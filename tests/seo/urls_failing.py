"""The site's URLs plus one view that fails, to see the 500 page through the whole stack."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from tests.seo.test_error_pages import failing_view

urlpatterns = i18n_patterns(path("falla/", failing_view), prefix_default_language=True) + site_urlpatterns
