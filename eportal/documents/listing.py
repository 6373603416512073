"""Filtering and sorting documents: shared by the index page (GET form) and the API.

Each filter offers only the values that published documents have: the types, issuing bodies,
sectors and years actually used. A value outside them (mistyped, out of date, hand-made)
never fails: the page ignores it with a notice in Vietnamese; the API answers 404 with the
notice (an empty list for a year without documents).
Every listing runs a fixed number of queries, however many documents exist.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property

from eportal.core.models import Agency, Sector
from eportal.core.text import clean_text

from . import numbers
from .models import DocumentType, LegalDocumentPage
from .validity import Validity, status_expression

MAX_QUERY_LENGTH = 100
SHOWN_VALUE_LENGTH = 40

# Sort orders: code -> (label, ordering). The first is the default.
SORTS = {
    "moi-nhat": ("Ngày ban hành mới nhất", ("-issued_on", "-number_serial", "-pk")),
    "cu-nhat": ("Ngày ban hành cũ nhất", ("issued_on", "number_serial", "pk")),
    "so-ky-hieu": ("Số ký hiệu", ("number_serial", "number_key", "-issued_on", "pk")),
}
DEFAULT_SORT = next(iter(SORTS))

# The page's GET parameters, by filter name (the API uses the names themselves).
PAGE_PARAMS = {
    "type": "loai",
    "agency": "co-quan",
    "sector": "linh-vuc",
    "year": "nam",
    "validity": "hieu-luc",
    "query": "tu-khoa",
    "sort": "sap-xep",
}


def published_documents(index=None):
    documents = LegalDocumentPage.objects.live().public()
    return documents.child_of(index) if index is not None else documents


def _shown(value):
    return value if len(value) <= SHOWN_VALUE_LENGTH else value[:SHOWN_VALUE_LENGTH] + "…"


@dataclass
class Filter:
    name: str
    label: str
    load: object  # returns the options: (value, label) pairs, values as strings
    refusal: str  # the notice for a value outside the options, with {value}
    value: str = ""

    @cached_property
    def options(self):
        return list(self.load())

    @property
    def param(self):
        return PAGE_PARAMS[self.name]

    @property
    def value_label(self):
        return dict(self.options).get(self.value, "")


@dataclass
class DocumentListing:
    base: object  # the published documents to choose from
    filters: list = field(default_factory=list)
    query: str = ""
    sort: str = DEFAULT_SORT
    # Values that were refused, by filter name: the page ignores them, the API answers 400.
    invalid: dict = field(default_factory=dict)

    @classmethod
    def read(cls, base, values):
        """A listing of `base` filtered by raw `values` (by filter name; missing or blank means none)."""
        listing = cls(base=base)
        # Each filter's options are loaded (one query) when shown or when a value must be checked.
        listing.filters = [
            Filter("type", "Loại văn bản", lambda: (
                (t.slug, t.name) for t in DocumentType.objects.filter(Exists(base.filter(document_type=OuterRef("pk"))))
            ), "Không có văn bản nào thuộc loại “{value}”."),
            Filter("agency", "Cơ quan ban hành", lambda: (
                (str(a.pk), a.name) for a in Agency.objects.filter(Exists(base.filter(issuing_body=OuterRef("pk"))))
            ), "Không có văn bản nào của cơ quan “{value}”."),
            Filter("sector", "Lĩnh vực", lambda: (
                (s.slug, s.name) for s in Sector.objects.filter(Exists(base.filter(sectors=OuterRef("pk"))))
            ), "Không có văn bản nào thuộc lĩnh vực “{value}”."),
            Filter("year", "Năm ban hành", lambda: (
                (str(day.year), str(day.year)) for day in base.dates("issued_on", "year", order="DESC")
            ), "Không có văn bản nào ban hành năm “{value}”."),
            Filter("validity", "Tình trạng hiệu lực", lambda: Validity.choices,
                   "Không có tình trạng hiệu lực “{value}”."),
        ]
        for item in listing.filters:
            value = clean_text(values.get(item.name))
            if not value:
                continue
            if value in dict(item.options):
                item.value = value
            else:
                listing.invalid[item.name] = item.refusal.format(value=_shown(value))
        query = clean_text(values.get("query"))
        if len(query) > MAX_QUERY_LENGTH:
            query = query[:MAX_QUERY_LENGTH]
        listing.query = query
        sort = clean_text(values.get("sort"))
        if sort in SORTS:
            listing.sort = sort
        elif sort:
            listing.invalid["sort"] = f"Không có cách sắp xếp “{_shown(sort)}”."
        return listing

    @classmethod
    def for_page(cls, index, params):
        return cls.read(published_documents(index), {name: params.get(param) for name, param in PAGE_PARAMS.items()})

    def documents(self, today=None):
        """The matching documents, each annotated with its status today (`status_today`)."""
        documents = self.base.annotate(status_today=status_expression(today or timezone.localdate()))
        chosen = {item.name: item.value for item in self.filters if item.value}
        if "type" in chosen:
            documents = documents.filter(document_type__slug=chosen["type"])
        if "agency" in chosen:
            documents = documents.filter(issuing_body_id=int(chosen["agency"]))
        if "sector" in chosen:
            documents = documents.filter(sectors__slug=chosen["sector"])
        if "year" in chosen:
            documents = documents.filter(issued_on__year=int(chosen["year"]))
        if "validity" in chosen:
            documents = documents.filter(status_today=chosen["validity"])
        if self.query:
            documents = documents.filter(Q(number_key__contains=numbers.key(self.query)) | Q(title__icontains=self.query))
        return (
            documents.select_related("document_type", "issuing_body").defer("body")
            .order_by(*SORTS[self.sort][1])
        )

    # --- For the page -----------------------------------------------------------------------

    @property
    def sorts(self):
        return [(code, label) for code, (label, _) in SORTS.items()]

    @property
    def sort_label(self):
        return SORTS[self.sort][0]

    @property
    def notices(self):
        return [f"{message} Đã bỏ qua điều kiện này." for message in self.invalid.values()]

    def _params(self, without=None):
        params = {item.param: item.value for item in self.filters if item.value and item.name != without}
        if self.query and without != "query":
            params[PAGE_PARAMS["query"]] = self.query
        if self.sort != DEFAULT_SORT:
            params[PAGE_PARAMS["sort"]] = self.sort
        return params

    @property
    def active(self):
        """The filters in use: (label, value, query string of the list without it)."""
        active = [(item.label, item.value_label, urlencode(self._params(without=item.name)))
                  for item in self.filters if item.value]
        if self.query:
            active.append(("Từ khóa", self.query, urlencode(self._params(without="query"))))
        return active

    @property
    def cleared(self):
        """The query string of the list without any filter, in the same order."""
        return urlencode({PAGE_PARAMS["sort"]: self.sort} if self.sort != DEFAULT_SORT else {})
