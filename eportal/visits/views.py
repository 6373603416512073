"""Báo cáo → Thống kê truy cập: page views of one site for a period, with charts, CSV and XLSX.

Readable with the permission visits.view_visit_statistics (granted to the head of the board,
editors and administrators by migration 0002); a commune's board sees only its own sites.
The period is chosen as in Thống kê biên tập (`ky=2026-Q3`, `ky=2026-07`, `tu=…&den=…`), the
granularity of the time series with `theo=gio|ngay|thang|nam`.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from eportal.core.models import SiteIdentity
from eportal.province.access import chosen_site
from eportal.reports import periods
from eportal.reports.guard import report_view

from . import charts, exports, recording
from . import figures as visit_figures

PERMISSION = "visits.view_visit_statistics"
TITLE = "Thống kê truy cập"
TOP = 20  # rows of each breakdown table on the page (the exports have them all)


def may_view(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin") and user.has_perm(PERMISSION)


_guarded = report_view(may_view)


ALL_SITES = "tat-ca"  # ?site=tat-ca: every site the user may read, added up (a province's board)


def _context(request, sites):
    everything = len(sites) > 1 and request.GET.get("site", "").strip() == ALL_SITES
    # The site whose identity heads the exports: for every site, the installation's default one.
    site = next((s for s in sites if s.is_default_site), sites[0]) if everything else chosen_site(request, sites)
    scope = sites if everything else [site]
    today = timezone.localdate()
    context = {
        "page_title": TITLE, "sites": sites, "site": site, "today": today,
        "all_sites_value": ALL_SITES if len(sites) > 1 else "", "everything": everything,
        "choices": periods.recent_choices(today), "granularities": visit_figures.GRANULARITIES,
        "chosen_granularity": (request.GET.get("theo") or "").strip().lower(),
    }
    try:
        period = periods.parse(request.GET, today)
        granularity = visit_figures.parse_granularity(request.GET, period)
    except periods.PeriodError as error:
        context.update(period_error=str(error), period=None, figures=None)
        return context
    context["choices"] = periods.choices_including(period, today)
    for each in scope:
        recording.flush_pending(each.pk)
    name = f"Tất cả {len(scope)} trang thông tin" if everything else None
    result = visit_figures.compute(scope, period, granularity, today, request=request, name=name)
    query = f"site={ALL_SITES if everything else site.pk}&{period.query_string()}&theo={granularity}"
    context.update(period=period, figures=result, query=query)
    return context


def _error_page(request, context):
    return render(request, "visits/statistics.html", context, status=400)


@_guarded
def statistics(request, sites):
    context = _context(request, sites)
    if context.get("period_error"):
        return _error_page(request, context)
    result = context["figures"]
    series_title = f"Lượt xem {result.granularity_label.lower()}, {result.period.label}"
    context["sections"] = [
        {
            "id": f"visits-{key}", "heading": heading, "column": column, "rows": rows[:TOP], "total_rows": len(rows),
            "chart": charts.bars(f"visits-chart-{key}", rows, f"{heading}, {result.period.label}"),
            "links": key in ("pages", "categories"),
        }
        for key, heading, column, rows in [
            ("pages", "Trang được xem nhiều nhất", "Trang", result.pages),
            ("categories", "Chuyên mục được xem nhiều nhất", "Chuyên mục", result.categories),
            ("referrers", "Nguồn truy cập", "Nguồn", result.referrers),
            ("devices", "Thiết bị", "Thiết bị", result.devices),
        ]
    ]
    context["series_chart"] = charts.time_series("visits-chart-series", result.series, series_title)
    context["series_title"] = series_title
    return render(request, "visits/statistics.html", context)


def _file_name(context, extension):
    period = context["period"]
    name = period.key or f"{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    which = ALL_SITES if context["everything"] else context["site"].pk
    return f'attachment; filename="thong-ke-truy-cap-{which}-{name}.{extension}"'


@_guarded
def csv_export(request, sites):
    context = _context(request, sites)
    if context.get("period_error"):
        return _error_page(request, context)
    response = HttpResponse(exports.csv_bytes(context["figures"]), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = _file_name(context, "csv")
    return response


@_guarded
def xlsx_export(request, sites):
    context = _context(request, sites)
    if context.get("period_error"):
        return _error_page(request, context)
    identity = SiteIdentity.for_site(context["site"])
    content = exports.xlsx_bytes(context["figures"], identity.agency_name)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = _file_name(context, "xlsx")
    return response
