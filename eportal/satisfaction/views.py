"""The public survey (a SatisfactionSurveyPage serves it) and the board's results view."""

import datetime

from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from eportal.access import formguard
from eportal.core.archive import closed_when_archived
from eportal.editorial.permissions import forbidden

from .forms import SurveyForm
from .models import SatisfactionRating
from .results import summarize

ONCE_A_DAY = formguard.DailyLimit("satisfaction", limit=1, message="Bạn đã đánh giá hôm nay, xin cảm ơn.")
RESULTS_PERMISSION = "satisfaction.view_results"
DEFAULT_DAYS = 30


def _render(request, page, form, message="", status=200, thanks=False):
    context = page.get_context(request)
    context.update({
        "form": form,
        "refusal": message,
        "thanks": thanks,
        "show_form": status != 429,  # already rated today: the message is the whole answer
        "honeypot_field": formguard.HONEYPOT_FIELD,
    })
    return TemplateResponse(request, page.get_template(request), context, status=status)


@closed_when_archived
def survey(request, page):
    # The form carries a CSRF token and the answers differ per visitor: never cached.
    response = _survey(request, page)
    add_never_cache_headers(response)
    return response


def _survey(request, page):
    if request.method in ("GET", "HEAD"):
        return _render(request, page, SurveyForm(), thanks=request.GET.get("cam-on") == "1")
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    form = SurveyForm(request.POST)
    try:
        formguard.check_honeypot(request.POST)
        ONCE_A_DAY.check(request)
    except formguard.Refusal as refusal:
        return _render(request, page, form, refusal.message, refusal.status)
    if not form.is_valid():
        return _render(request, page, form, "Đánh giá chưa được gửi. Vui lòng xem lại các mục bên dưới.", 400)
    try:
        ONCE_A_DAY.take(request)
    except formguard.Refusal as refusal:
        return _render(request, page, form, refusal.message, refusal.status)
    try:
        with transaction.atomic():
            SatisfactionRating.objects.create(date=timezone.localdate(), **form.cleaned_data)
    except Exception:
        ONCE_A_DAY.give_back(request)
        raise
    return HttpResponseRedirect(page.url + "?cam-on=1", status=303)


def parse_day(value: str) -> datetime.date:
    """A day from an <input type="date"> (2026-11-23) or as people write it (23/11/2026)."""
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if 2000 <= day.year <= 2100:
            return day
    raise ValueError(value)


def chosen_period(params, today):
    """(start, end, message): the period asked for, or the last 30 days with a note why."""
    default = (today - datetime.timedelta(days=DEFAULT_DAYS - 1), today)
    raw_start, raw_end = params.get("tu", "").strip(), params.get("den", "").strip()
    if not raw_start and not raw_end:
        return (*default, "")
    try:
        start = parse_day(raw_start) if raw_start else default[0]
        end = parse_day(raw_end) if raw_end else today
    except ValueError:
        return (*default, "Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy). Đang hiển thị 30 ngày gần nhất.")
    if start > end:
        return (*default, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc. Đang hiển thị 30 ngày gần nhất.")
    return start, end, ""


class ResultsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "satisfaction/admin/results.html"
    page_title = "Kết quả đánh giá mức độ hài lòng"
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(RESULTS_PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end, message = chosen_period(self.request.GET, timezone.localdate())
        context.update({"start": start, "end": end, "period_message": message, "summary": summarize(start, end)})
        return context
