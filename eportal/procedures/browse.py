"""Reading visitors' filters and querying procedures, shared by the index page and the API.

Bad filter values never fail: on the page an unknown field or life event, a level that
does not exist or a query without letters is ignored and explained in Vietnamese; the API
answers 404 for a field or life event that does not exist.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count, Q

from eportal.core.models import Sector
from eportal.core.text import clean_text

from .models import Level, LifeEvent, ProcedurePage
from .validators import CODE_PATTERN

MAX_QUERY_LENGTH = 100
# Longest slug or id worth a database lookup (ids beyond 18 digits overflow a bigint).
MAX_KEY_LENGTH = 200
MAX_ID_DIGITS = 18
# Parameter values are cut to this many characters before anything else is done with them.
MAX_RAW_LENGTH = 1000


@dataclass
class Filters:
    sector: Sector | None = None
    life_event: LifeEvent | None = None
    level: str = ""
    query: str = ""  # as shown back to the visitor
    search_terms: str = ""  # words only: what is sent to the search backend
    code: str = ""  # the query, when it is a procedure code
    # Filter values that name nothing, by filter: ignored by the page, 404 in the API.
    invalid: dict[str, str] = field(default_factory=dict)
    # Remarks about the text query.
    notices: list[str] = field(default_factory=list)

    @property
    def messages(self):
        ignored = [f"{message} Đã bỏ qua điều kiện này." for message in self.invalid.values()]
        return ignored + self.notices

    @property
    def level_label(self):
        return Level(self.level).label if self.level else ""

    @property
    def active(self):
        return bool(self.sector or self.life_event or self.level or self.search_terms or self.code)


def _clean_text(raw):
    return clean_text(str(raw or "")[:MAX_RAW_LENGTH])


def _find(model, raw):
    """A sector or life event by slug, or by id when the value is a plain number."""
    value = _clean_text(raw)
    if not value or len(value) > MAX_KEY_LENGTH:
        return None
    lookup = Q(slug=value)
    if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
        lookup |= Q(pk=int(value))
    return model.objects.filter(lookup).first()


def _read_query(raw, filters, blank_ok):
    if raw is None or (blank_ok and not _clean_text(raw)):
        return
    text = _clean_text(raw)
    if not text:
        filters.notices.append("Bạn chưa nhập từ khóa. Hãy nhập tên thủ tục hoặc mã thủ tục, ví dụ: khai sinh.")
        return
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        filters.notices.append(f"Từ khóa quá dài nên chỉ tìm theo {MAX_QUERY_LENGTH} ký tự đầu.")
    filters.query = text
    if CODE_PATTERN.match(text):
        filters.code = text
        return
    words = re.findall(r"[^\W_]+", text)
    if not words:
        filters.notices.append(
            f"Từ khóa “{text}” không có chữ hoặc số nên không tìm được. "
            "Hãy nhập tên thủ tục hoặc mã thủ tục, ví dụ: khai sinh."
        )
        return
    filters.search_terms = " ".join(words)


def read_filters(*, sector=None, life_event=None, level=None, query=None, blank_query_ok=False):
    """Filters from raw parameter values. A blank query is remarked on only when it is all there is."""
    filters = Filters()
    blank_query_ok = blank_query_ok or any(_clean_text(value) for value in (sector, life_event, level))
    if _clean_text(sector):
        filters.sector = _find(Sector, sector)
        if filters.sector is None:
            filters.invalid["sector"] = "Không có lĩnh vực đã chọn."
    if _clean_text(life_event):
        filters.life_event = _find(LifeEvent, life_event)
        if filters.life_event is None:
            filters.invalid["life_event"] = "Không có sự kiện cuộc sống đã chọn."
    level = _clean_text(level)
    if level:
        if level in Level.values:
            filters.level = level
        else:
            filters.invalid["level"] = "Không có cấp thực hiện đã chọn."
    _read_query(query, filters, blank_query_ok)
    return filters


def published_procedures(index=None):
    queryset = ProcedurePage.objects.live().public()
    return queryset.descendant_of(index) if index is not None else queryset


def filtered(queryset, filters):
    """Apply the filters; a text query returns Wagtail search results ordered by relevance."""
    if filters.sector:
        queryset = queryset.filter(sector=filters.sector)
    if filters.level:
        queryset = queryset.filter(level=filters.level)
    if filters.life_event:
        # Through a subquery on the page id: search backends only filter on indexed fields.
        links = ProcedurePage.life_events.through.objects.filter(lifeevent=filters.life_event)
        queryset = queryset.filter(id__in=links.values("procedurepage_id"))
    queryset = queryset.select_related("sector", "handling_agency")
    if filters.code:
        return queryset.filter(code=filters.code).order_by("path")
    if filters.search_terms:
        return queryset.search(filters.search_terms, operator="and")
    return queryset.order_by("path")


def browse_context(index, filters):
    """What the index page shows: the filter choices with counts, and the matching procedures."""
    base = published_procedures(index)
    ids = base.values("pk")
    sectors = (
        Sector.objects.filter(procedure_pages__in=ids)
        .annotate(procedure_count=Count("procedure_pages"))
        .order_by("sort_order", "name")
    )
    life_events = (
        LifeEvent.objects.filter(procedures__in=ids)
        .annotate(procedure_count=Count("procedures"))
        .order_by("sort_order", "name")
    )
    level_counts = dict(base.order_by().values_list("level").annotate(n=Count("pk")))
    levels = [(value, label, level_counts[value]) for value, label in Level.choices if level_counts.get(value)]
    return {
        "filters": filters,
        "sectors": list(sectors),
        "life_events": list(life_events),
        "levels": levels,
        "results": filtered(base, filters),
    }
