"""The visit figures of one site (or several added up) for one reporting period, in a fixed number of queries.

What is read (eportal.visits.models.VisitTally; every time in Asia/Ho_Chi_Minh):

- the totals and the time series come from the site's own rows (hours, days and months,
  kept for ever): exact for any period;
- pages, categories, referrers and devices come from day rows, or from month rows when the
  period is made of whole months. Day rows of these are pruned after EPORTAL_VISIT_DAYS_KEPT
  days: for a period that starts before that, the whole months it touches are read, and
  `breakdown_note` says so (the page shows it).

Four queries whatever the amount of data: the site's rows, the breakdown rows, the pages
named by page rows, and the news categories above them.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page

from eportal.news.models import NewsCategoryPage
from eportal.reports.periods import Period, PeriodError

from .classify import DEVICES
from .models import VisitTally
from .recording import DIRECT, INTERNAL, OTHER

# Granularity of the time series: the value of the `theo=` URL parameter.
HOUR, DAY, MONTH, YEAR = "gio", "ngay", "thang", "nam"
GRANULARITIES = {HOUR: "Theo giờ", DAY: "Theo ngày", MONTH: "Theo tháng", YEAR: "Theo năm"}
# The longest period (in days) each fine granularity is offered for: a chart stays readable.
MAX_DAYS = {HOUR: 31, DAY: 366}

DIRECT_LABEL = "Vào trực tiếp"
INTERNAL_LABEL = "Trong cổng"
OTHER_LABEL = "Nguồn khác (quá số nguồn ghi nhận trong ngày)"
NO_CATEGORY = "(Ngoài chuyên mục)"


def deleted_page_label(page_id) -> str:
    return f"Trang đã xoá (#{page_id})"


def vn_number(value: int) -> str:
    """1234567 -> "1.234.567" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


@dataclass
class Row:
    label: str
    people: int = 0
    bots: int = 0
    url: str = ""

    @property
    def people_text(self) -> str:
        return vn_number(self.people)

    @property
    def bots_text(self) -> str:
        return vn_number(self.bots)


@dataclass
class Point(Row):
    start: datetime.datetime | None = None  # local, aware


@dataclass
class VisitFigures:
    site_name: str
    period: Period
    granularity: str
    people: int = 0
    bots: int = 0
    series: list[Point] = field(default_factory=list)
    pages: list[Row] = field(default_factory=list)
    categories: list[Row] = field(default_factory=list)
    referrers: list[Row] = field(default_factory=list)
    devices: list[Row] = field(default_factory=list)
    # The days the breakdowns (pages, categories, referrers, devices) cover: the period's own,
    # or the whole months around it when its day rows are no longer kept.
    breakdown_start: datetime.date | None = None
    breakdown_end: datetime.date | None = None
    breakdown_note: str = ""

    @property
    def granularity_label(self) -> str:
        return GRANULARITIES[self.granularity]

    @property
    def people_text(self) -> str:
        return vn_number(self.people)

    @property
    def bots_text(self) -> str:
        return vn_number(self.bots)


def default_granularity(period: Period) -> str:
    days = (period.end - period.start).days + 1
    if days <= 2:
        return HOUR
    if days <= 92:
        return DAY
    return MONTH


def parse_granularity(params, period: Period) -> str:
    """The granularity asked for by `theo=` (or the period's default); PeriodError if unusable."""
    raw = (params.get("theo") or "").strip().lower()
    if not raw:
        return default_granularity(period)
    if raw not in GRANULARITIES:
        raise PeriodError(f"Cách chia thời gian “{raw}” không hợp lệ (chọn theo giờ, ngày, tháng hoặc năm).")
    days = (period.end - period.start).days + 1
    if raw in MAX_DAYS and days > MAX_DAYS[raw]:
        raise PeriodError(
            f"{GRANULARITIES[raw]} chỉ xem được cho khoảng tối đa {MAX_DAYS[raw]} ngày; kỳ này có {days} ngày. "
            "Hãy chọn cách chia khác hoặc kỳ ngắn hơn."
        )
    return raw


def compute(sites, period: Period, granularity: str | None = None, today: datetime.date | None = None,
            request=None, name: str | None = None) -> VisitFigures:
    """The figures; `request` (optional) lets page links carry the right host or path prefix."""
    today = today or timezone.localdate()
    granularity = granularity or default_granularity(period)
    sites = list(sites) if isinstance(sites, (list, tuple)) else [sites]  # one site, or several added up
    name = name or sites[0].site_name or sites[0].hostname
    figures = VisitFigures(site_name=name, period=period, granularity=granularity)
    site_ids = [site.pk for site in sites]
    _series(figures, site_ids, period, granularity)
    _breakdowns(figures, site_ids, period, today, request)
    return figures


def _month_aligned(period: Period) -> bool:
    return period.start.day == 1 and (period.end + datetime.timedelta(days=1)).day == 1


def _local(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


def _series(figures: VisitFigures, site_ids, period: Period, granularity: str):
    first, after = period.bounds()
    if granularity == HOUR:
        stored = VisitTally.HOUR
    elif granularity == DAY or not _month_aligned(period):
        stored = VisitTally.DAY
    else:
        stored = VisitTally.MONTH
    rows = VisitTally.objects.filter(
        site__in=site_ids, dimension=VisitTally.SITE, period=stored, start__gte=first, start__lt=after
    ).values_list("start", "people", "bots")

    buckets = {point.start: point for point in _buckets(period, granularity)}
    for start, people, bots in rows:
        point = buckets.get(_bucket_start(timezone.localtime(start), granularity))
        if point is None:  # cannot happen for rows inside the period; never fail on odd data
            continue
        point.people += people
        point.bots += bots
    figures.series = list(buckets.values())
    figures.people = sum(point.people for point in figures.series)
    figures.bots = sum(point.bots for point in figures.series)


def _bucket_start(moment: datetime.datetime, granularity: str) -> datetime.datetime:
    moment = moment.replace(minute=0, second=0, microsecond=0)
    if granularity == HOUR:
        return moment
    moment = moment.replace(hour=0)
    if granularity == DAY:
        return moment
    moment = moment.replace(day=1)
    return moment if granularity == MONTH else moment.replace(month=1)


def _buckets(period: Period, granularity: str) -> list[Point]:
    """Every hour, day, month or year of the period, in order, each with its label."""
    first, after = period.bounds()
    result = []
    if granularity in (HOUR, DAY):
        step = datetime.timedelta(hours=1 if granularity == HOUR else 24)
        fmt = "%H:00 %d/%m/%Y" if granularity == HOUR else "%d/%m/%Y"
        moment = first
        while moment < after:
            result.append(Point(label=moment.strftime(fmt), start=moment))
            moment += step
    elif granularity == MONTH:
        for year, month in period.months():
            result.append(Point(label=f"{month:02d}/{year}", start=_local(datetime.date(year, month, 1))))
    else:
        for year in range(period.start.year, period.end.year + 1):
            result.append(Point(label=str(year), start=_local(datetime.date(year, 1, 1))))
    return result


def _breakdown_source(figures: VisitFigures, period: Period, today: datetime.date) -> str:
    kept_from = today - datetime.timedelta(days=settings.EPORTAL_VISIT_DAYS_KEPT)
    if _month_aligned(period):
        figures.breakdown_start, figures.breakdown_end = period.start, period.end
        return VisitTally.MONTH
    if period.start >= kept_from:
        figures.breakdown_start, figures.breakdown_end = period.start, period.end
        return VisitTally.DAY
    last_year, last_month = period.months()[-1]
    figures.breakdown_start = period.start.replace(day=1)
    figures.breakdown_end = (
        datetime.date(last_year + last_month // 12, last_month % 12 + 1, 1) - datetime.timedelta(days=1)
    )
    figures.breakdown_note = (
        "Số liệu theo trang, chuyên mục, nguồn truy cập và thiết bị được tính theo cả tháng, "
        f"từ {figures.breakdown_start:%d/%m/%Y} đến {figures.breakdown_end:%d/%m/%Y}: "
        f"số liệu theo ngày chỉ được giữ {vn_number(settings.EPORTAL_VISIT_DAYS_KEPT)} ngày."
    )
    return VisitTally.MONTH


def _breakdowns(figures: VisitFigures, site_ids, period: Period, today: datetime.date, request):
    stored = _breakdown_source(figures, period, today)
    first = _local(figures.breakdown_start)
    after = _local(figures.breakdown_end + datetime.timedelta(days=1))
    rows = (
        VisitTally.objects.filter(
            site__in=site_ids, dimension__in=[VisitTally.PAGE, VisitTally.REFERRER, VisitTally.DEVICE],
            period=stored, start__gte=first, start__lt=after,
        )
        .values("dimension", "key")
        .annotate(people=Sum("people"), bots=Sum("bots"))
    )
    by_dimension = defaultdict(dict)
    for row in rows:
        by_dimension[row["dimension"]][row["key"]] = (row["people"] or 0, row["bots"] or 0)

    figures.referrers = _sorted(
        Row(_referrer_label(key), people, bots) for key, (people, bots) in by_dimension[VisitTally.REFERRER].items()
    )
    figures.devices = _sorted(
        Row(DEVICES.get(key, key or "?"), people, bots) for key, (people, bots) in by_dimension[VisitTally.DEVICE].items()
    )
    _pages_and_categories(figures, by_dimension[VisitTally.PAGE], request)


def _referrer_label(key: str) -> str:
    if key == OTHER:
        return OTHER_LABEL
    if key == DIRECT:
        return DIRECT_LABEL
    if key == INTERNAL:
        return INTERNAL_LABEL
    return key


def _pages_and_categories(figures: VisitFigures, counts: dict[str, tuple[int, int]], request):
    ids = {int(key) for key in counts if key.isdigit()}
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=ids).only("id", "title", "path", "depth", "url_path")
    } if ids else {}

    steplen = Page.steplen
    ancestor_paths = {
        page.path[:length] for page in pages.values() for length in range(steplen, len(page.path) + 1, steplen)
    }
    categories = {
        category.path: category
        for category in NewsCategoryPage.objects.filter(path__in=ancestor_paths).only(
            "id", "title", "path", "depth", "url_path"
        )
    } if ancestor_paths else {}

    page_rows, category_rows = [], {}
    for key, (people, bots) in counts.items():
        page = pages.get(int(key)) if key.isdigit() else None
        if page is None:
            page_rows.append(Row(deleted_page_label(key), people, bots))
            category = None
        else:
            page_rows.append(Row(page.title, people, bots, _url(page, request)))
            category = next(
                (categories[page.path[:length]] for length in range(len(page.path), 0, -steplen)
                 if page.path[:length] in categories),
                None,
            )
        category_key = category.pk if category is not None else None
        if category_key not in category_rows:
            category_rows[category_key] = (
                Row(category.title, url=_url(category, request)) if category is not None else Row(NO_CATEGORY)
            )
        category_rows[category_key].people += people
        category_rows[category_key].bots += bots
    figures.pages = _sorted(page_rows)
    figures.categories = _sorted(category_rows.values())


def _url(page, request) -> str:
    return page.get_url(request=request) or ""  # "" for a page outside every site


def _sorted(rows) -> list[Row]:
    return sorted(rows, key=lambda row: (-row.people, -row.bots, row.label))
