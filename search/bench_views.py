"""The search view `wagtail start` writes (search/views.py of its project template), for `make bench`:
live pages, `.search()`, ten per page, no facets. Only routed by config.bench_urls."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page


def naive_search(request):
    search_query = request.GET.get("q", None)
    page = request.GET.get("page", 1)
    if search_query:
        search_results = Page.objects.live().search(search_query)
    else:
        search_results = Page.objects.none()
    paginator = Paginator(search_results, 10)
    try:
        search_results = paginator.page(page)
    except PageNotAnInteger:
        search_results = paginator.page(1)
    except EmptyPage:
        search_results = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request, "search/bench_naive_search.html", {"search_query": search_query, "search_results": search_results}
    )
