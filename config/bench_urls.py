"""The site's URLs plus the naive search view `make bench` compares the search page against."""

from django.urls import path

from search.bench_views import naive_search

from .urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/naive-search/", naive_search), *site_urlpatterns]
