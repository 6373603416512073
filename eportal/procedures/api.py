"""Read-only open data: the published administrative procedures (django-ninja router).

Mounted by the portal's API; every answer holds only the live, public procedures of the
site the request is addressed to.
"""

from datetime import datetime

from django.core.paginator import Paginator
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Site

from .browse import filtered, published_procedures, read_filters
from .models import Level

router = Router(tags=["Thủ tục hành chính"])

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_ID = 2**63 - 1


class SectorOut(Schema):
    id: int
    name: str
    slug: str


class LifeEventOut(SectorOut):
    pass


class AgencyOut(Schema):
    id: int
    name: str
    address: str
    phone: str
    email: str


class LevelOut(Schema):
    code: str
    label: str


class ProcedureSummaryOut(Schema):
    id: int
    title: str
    code: str
    url: str
    sector: SectorOut | None
    level: LevelOut
    handling_agency: AgencyOut | None
    last_published_at: datetime | None


class ProcedureListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    notices: list[str]
    results: list[ProcedureSummaryOut]


class StepOut(Schema):
    order: int
    title: str
    detail: str


class SubmissionMethodOut(Schema):
    method: str
    label: str
    details: str


class FormTemplateOut(Schema):
    title: str
    url: str
    file_extension: str


class DossierItemOut(Schema):
    name: str
    originals: int
    copies: int
    note: str
    form_template: FormTemplateOut | None


class LegalBasisOut(Schema):
    citation: str
    title: str
    url: str | None


class ProcedureDetailOut(ProcedureSummaryOut):
    summary: str
    life_events: list[LifeEventOut]
    steps: list[StepOut]
    submission_methods: list[SubmissionMethodOut]
    dossier: list[DossierItemOut]
    processing_time: str
    fees: str
    requirements: str
    result: str
    legal_basis: list[LegalBasisOut]
    online_url: str


class ErrorItemOut(Schema):
    loc: list[str]
    msg: str


class ErrorOut(Schema):
    """The portal API's error shape: a Vietnamese message, and per-parameter details if any."""

    detail: str
    errors: list[ErrorItemOut] = []


ERRORS = {404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def _site_procedures(request):
    site = Site.find_for_request(request)
    if site is None:
        raise HttpError(404, "Không tìm thấy cổng thông tin ở địa chỉ này.")
    return published_procedures().filter(path__startswith=site.root_page.path)


def _number(raw, default, maximum):
    """A positive whole number from a query parameter; anything else gives the default."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        return default
    return max(1, min(int(raw), maximum))


def _summary(procedure, request):
    sector, agency = procedure.sector, procedure.handling_agency
    return {
        "id": procedure.pk,
        "title": procedure.title,
        "code": procedure.code,
        "url": procedure.get_full_url(request) or "",
        "sector": sector and {"id": sector.pk, "name": sector.name, "slug": sector.slug},
        "level": {"code": procedure.level, "label": procedure.get_level_display()},
        "handling_agency": agency and {
            "id": agency.pk, "name": agency.name, "address": agency.address,
            "phone": agency.phone, "email": agency.email,
        },
        "last_published_at": procedure.last_published_at,
    }


def _legal_basis(item, request):
    document = item.document
    if document is not None and document.live:
        return {"citation": item.citation, "title": document.title, "url": document.get_full_url(request)}
    return {"citation": item.citation, "title": item.label, "url": None}


def _detail(procedure, request):
    def form(document):
        if document is None:
            return None
        return {
            "title": document.title,
            "url": request.build_absolute_uri(document.url),
            "file_extension": document.file_extension,
        }

    return {
        **_summary(procedure, request),
        "summary": procedure.summary,
        "life_events": [
            {"id": event.pk, "name": event.name, "slug": event.slug} for event in procedure.life_events.all()
        ],
        "steps": [
            {"order": number, "title": step.title, "detail": step.detail}
            for number, step in enumerate(procedure.steps.all(), start=1)
        ],
        "submission_methods": [
            {"method": item.method, "label": item.get_method_display(), "details": item.details}
            for item in procedure.submission_methods.all()
        ],
        "dossier": [
            {
                "name": item.name, "originals": item.originals, "copies": item.copies, "note": item.note,
                "form_template": form(item.form_template),
            }
            for item in procedure.dossier_items.select_related("form_template")
        ],
        "processing_time": procedure.processing_time,
        "fees": procedure.fees,
        "requirements": procedure.requirements,
        "result": procedure.result,
        "legal_basis": [_legal_basis(item, request) for item in procedure.legal_bases.select_related("document")],
        "online_url": procedure.online_url,
    }


@router.get(
    "/", response={200: ProcedureListOut, **ERRORS},
    summary="Danh sách thủ tục hành chính",
    description=(
        "Thủ tục đã công bố, theo thứ tự trên cổng (hoặc theo mức liên quan khi tìm theo từ khóa). "
        "Lọc theo lĩnh vực (`sector`: id hoặc slug), cấp thực hiện (`level`: "
        + ", ".join(f"{value} = {label}" for value, label in Level.choices)
        + "), sự kiện cuộc sống (`life_event`: id hoặc slug) và từ khóa (`q`: tên hoặc mã thủ tục). "
        f"Mỗi trang {PAGE_SIZE} thủ tục (`page_size` tối đa {MAX_PAGE_SIZE}); `page` bắt đầu từ 1. "
        "Lĩnh vực hoặc sự kiện không tồn tại: 404."
    ),
)
def list_procedures(
    request,
    sector: str | None = Query(None, description="Lĩnh vực: id hoặc slug, ví dụ ho-tich."),
    level: Level | None = Query(None, description="Cấp thực hiện: " + ", ".join(Level.values) + "."),
    life_event: str | None = Query(None, description="Sự kiện cuộc sống: id hoặc slug, ví dụ khai-sinh."),
    q: str | None = Query(None, description="Từ khóa (tên thủ tục) hoặc mã thủ tục, ví dụ 1.001193."),
    page: str | None = Query(None, description="Số trang, bắt đầu từ 1."),
    page_size: str | None = Query(None, description=f"Số thủ tục mỗi trang, tối đa {MAX_PAGE_SIZE}."),
):
    filters = read_filters(
        sector=sector, life_event=life_event, level=level and level.value, query=q, blank_query_ok=True,
    )
    if filters.invalid:
        # Like an unknown category of the articles API: what the filter names does not exist.
        raise HttpError(404, " ".join(filters.invalid.values()))
    size = _number(page_size, PAGE_SIZE, MAX_PAGE_SIZE)
    paginator = Paginator(filtered(_site_procedures(request), filters), size)
    number = min(_number(page, 1, paginator.num_pages), paginator.num_pages)
    results = [_summary(procedure, request) for procedure in paginator.page(number).object_list]
    return {
        "count": paginator.count, "page": number, "pages": paginator.num_pages, "page_size": size,
        "notices": filters.notices, "results": results,
    }


@router.get(
    "/{procedure_id}/", response={200: ProcedureDetailOut, **ERRORS},
    summary="Chi tiết một thủ tục hành chính",
    description="Trình tự, cách thức, thành phần hồ sơ (địa chỉ tải mẫu đơn), thời hạn, phí, căn cứ pháp lý.",
)
def get_procedure(request, procedure_id: int = Path(..., ge=1, le=MAX_ID, description="Id của thủ tục.")):
    procedure = _site_procedures(request).select_related("sector", "handling_agency").filter(pk=procedure_id).first()
    if procedure is None:
        raise HttpError(404, "Không có thủ tục hành chính này, hoặc thủ tục chưa được công bố.")
    return _detail(procedure, request)
