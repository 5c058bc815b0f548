"""The secretariat's read-only view of followed searches: counts, and the list with addresses.

Officials never see it: the addresses are personal data that only the secretariat (and
administrators) may read.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render

from practices.roles import is_secretariat

from .models import Subscription

PAGE_SIZE = 50


def may_see_alerts(user) -> bool:
    return is_secretariat(user)


def index(request):
    if not may_see_alerts(request.user):
        raise PermissionDenied
    counts = (
        Subscription.objects.values("language")
        .annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        .order_by("language")
    )
    page = Paginator(Subscription.objects.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("p"))
    return render(request, "alerts/admin/index.html", {"counts": list(counts), "page_obj": page})
