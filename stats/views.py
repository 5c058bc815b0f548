"""The secretariat's statistics dashboard (Wagtail admin), and each of its tables as CSV."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.auth import permission_required

from core import params

from . import figures

PERMISSION = "stats.view_statistics"


def may_see_statistics(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm(PERMISSION)


def _period(request) -> int:
    value = request.GET.get("days")
    if value is None or value == "":
        return figures.DEFAULT_PERIOD
    try:
        days = params.integer(value, name="days")
    except params.BadParameter:
        days = None
    if days in figures.PERIODS:
        return days
    messages.warning(
        request,
        _("“%(value)s” is not one of the periods offered; the last %(days)s days are shown.")
        % {"value": value[:40], "days": figures.DEFAULT_PERIOD},
    )
    return figures.DEFAULT_PERIOD


def _tables(context) -> dict:
    tables = [
        *context["practice_tables"],
        context["timeline"],
        *context["search_tables"],
        *context["exchange_tables"],
        context["views"],
    ]
    return {table.key: table for table in tables}


@permission_required(PERMISSION)
def dashboard(request):
    days = _period(request)
    context = figures.dashboard(days)
    download = request.GET.get("download")
    status = 200
    if download is not None:
        table = _tables(context).get(download)
        if table is not None:
            response = HttpResponse(table.to_csv(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="estadisticas-{table.key}-{days}d.csv"'
            return response
        messages.error(request, _("There is no table by that name to download."))
        status = 400
    context.update(
        days=days,
        periods=[(period, period == days) for period in figures.PERIODS],
        zero_share=_share(context["search_totals"]),
    )
    return TemplateResponse(request, "stats/dashboard.html", context, status=status)


def _share(totals) -> int:
    return round(totals["zero_results"] * 100 / totals["searches"]) if totals["searches"] else 0
