"""Thống kê biên tập: the figures page, the printable report ("Báo cáo quý") and the XLSX export.

Readable with the permission reports.view_reports (granted to the head of the board, editors
and administrators); the figures are those of one site, chosen among the user's sites.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from eportal.core.models import SiteIdentity
from eportal.province.access import chosen_site

from . import figures as editorial_figures
from . import periods, xlsx
from .guard import report_view

PERMISSION = "reports.view_reports"
TITLE = "Thống kê biên tập"
SIGNER = "Trưởng Ban biên tập"


def may_view(user) -> bool:
    return user.has_perm(PERMISSION)


_guarded = report_view(may_view)


def _context(request, sites):
    site = chosen_site(request, sites)
    today = timezone.localdate()
    context = {"sites": sites, "site": site, "today": today, "choices": periods.recent_choices(today)}
    try:
        period = periods.parse(request.GET, today)
    except periods.PeriodError as error:
        context.update(period_error=str(error), period=None, figures=None)
        return context
    context["choices"] = periods.choices_including(period, today)
    identity = SiteIdentity.for_site(site)
    result = editorial_figures.compute(site, period, today)
    context.update(
        period=period, figures=result, agency_name=identity.agency_name, summary=xlsx.summary_rows(result),
        query=f"site={site.pk}&{period.query_string()}",
    )
    return context


@_guarded
def overview(request, sites):
    context = _context(request, sites)
    context["page_title"] = TITLE
    return render(request, "reports/overview.html", context, status=400 if context.get("period_error") else 200)


@_guarded
def printable(request, sites):
    """The report as a clean A4 document: "Báo cáo quý" for a quarter."""
    context = _context(request, sites)
    if context.get("period_error"):
        return render(request, "reports/overview.html", {**context, "page_title": TITLE}, status=400)
    period = context["period"]
    context["report_title"] = "Báo cáo quý" if period.is_quarter else "Báo cáo thống kê"
    context["signer"] = SIGNER
    return render(request, "reports/printable.html", context)


@_guarded
def workbook(request, sites):
    context = _context(request, sites)
    if context.get("period_error"):
        return render(request, "reports/overview.html", {**context, "page_title": TITLE}, status=400)
    content = xlsx.workbook_bytes(context["figures"], context["agency_name"])
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    period = context["period"]
    name = period.key or f"{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    response["Content-Disposition"] = f'attachment; filename="thong-ke-bien-tap-{name}.xlsx"'
    return response
