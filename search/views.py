from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale

from .queries import clean_query, search_practices

PAGE_SIZE = 20


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = search_practices(query=query, locale=Locale.get_active())
    paginator = Paginator(results, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(request, "search/search.html", {"query": query, "results": page, "paginator": paginator})
