"""Read-only open data: the published documents (văn bản), as a django-ninja router.

Mounted by the portal's API (eportal.api) under the prefix "/documents": the list is
`GET <prefix>/` and one document `GET <prefix>/{id}/`. Every answer holds only live,
public documents.

The filters are those of the "Văn bản" page (eportal.documents.listing), under English names;
a type, sector or issuing body that no published document has is answered 404 with the
reason in Vietnamese, a malformed value 422 (by the API's validation).
"""

import datetime
import re
from typing import Literal

from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from .listing import SORTS, DocumentListing, published_documents
from .validity import Validity

router = Router(tags=["Văn bản"])

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
MAX_ID = 2**63 - 1
NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"


class DocumentTypeOut(Schema):
    slug: str
    name: str
    abbreviation: str


class AgencyOut(Schema):
    id: int
    name: str
    short_name: str


class SectorOut(Schema):
    id: int
    slug: str
    name: str


class ValidityOut(Schema):
    code: str
    label: str


class DocumentOut(Schema):
    id: int
    number: str
    title: str
    document_type: DocumentTypeOut | None
    issuing_body: AgencyOut | None
    signer: str
    signer_position: str
    issued_on: datetime.date
    effective_on: datetime.date | None
    expires_on: datetime.date | None
    validity: ValidityOut
    sectors: list[SectorOut]
    url: str


class DocumentListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    results: list[DocumentOut]


class DocumentFilters(Schema):
    type: str | None = Field(
        None, max_length=100, pattern=NO_CONTROL, description="Loại văn bản (slug), ví dụ chi-thi / document type",
    )
    agency: int | None = Field(None, ge=1, le=MAX_ID, description="Mã số cơ quan ban hành / issuing body id")
    sector: str | None = Field(
        None, max_length=200, pattern=NO_CONTROL, description="Lĩnh vực (slug), ví dụ dat-dai / sector",
    )
    year: int | None = Field(None, ge=1900, le=2999, description="Năm ban hành / year of issue")
    validity: Literal[tuple(Validity.values)] | None = Field(
        None, description="Tình trạng hiệu lực hôm nay: "
        + ", ".join(f"{code} = {label}" for code, label in Validity.choices),
    )
    q: str | None = Field(
        None, max_length=100, pattern=NO_CONTROL,
        description="Tìm trong số ký hiệu và trích yếu / search in number and summary",
    )
    sort: Literal[tuple(SORTS)] = Field(
        next(iter(SORTS)), description="Sắp xếp: " + ", ".join(f"{code} = {label}" for code, (label, _) in SORTS.items()),
    )
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Trang / page number")
    page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Số văn bản mỗi trang / items per page")


class AttachmentOut(Schema):
    title: str
    file_type: str
    file_size: int | None
    download_url: str


class DocumentRefOut(Schema):
    id: int
    number: str
    title: str
    url: str


class DocumentDetailOut(DocumentOut):
    body: str
    note: str
    attachments: list[AttachmentOut]
    amends: list[DocumentRefOut]
    replaces: list[DocumentRefOut]
    amended_by: list[DocumentRefOut]
    replaced_by: list[DocumentRefOut]


class ErrorItem(Schema):
    loc: list[str]
    msg: str


class ErrorOut(Schema):
    detail: str
    errors: list[ErrorItem] = []


ERRORS = {404: ErrorOut, 422: ErrorOut}


# Root-relative links of the body (pages, documents, images) made absolute for other sites.
_ROOT_RELATIVE = re.compile(r'(\s(?:src|href)=")(/(?!/))')


def _site_documents(request):
    """The live, public documents of the request's site, with their sectors."""
    site = Site.find_for_request(request)
    if site is None:
        raise HttpError(404, "Không tìm thấy cổng thông tin ở địa chỉ này.")
    return published_documents().descendant_of(site.root_page).prefetch_related("sectors")


def _summary(document, request):
    kind, body, status = document.document_type, document.issuing_body, document.current_status
    return {
        "id": document.pk,
        "number": document.number,
        "title": document.title,
        "document_type": kind and {"slug": kind.slug, "name": kind.name, "abbreviation": kind.abbreviation},
        "issuing_body": body and {"id": body.pk, "name": body.name, "short_name": body.short_name},
        "signer": document.signer,
        "signer_position": document.signer_position,
        "issued_on": document.issued_on,
        "effective_on": document.effective_on,
        "expires_on": document.expires_on,
        "validity": {"code": status.value, "label": status.label},
        "sectors": [{"id": s.pk, "slug": s.slug, "name": s.name} for s in document.sectors.all()],
        "url": document.get_full_url(request) or "",
    }


def _reference(document, request):
    return {"id": document.pk, "number": document.number, "title": document.title,
            "url": document.get_full_url(request) or ""}


def _body(document, request):
    if not document.body:
        return ""
    base = request.build_absolute_uri("/")[:-1]
    return _ROOT_RELATIVE.sub(lambda m: m.group(1) + base + m.group(2), expand_db_html(document.body))


def _detail(document, request):
    return {
        **_summary(document, request),
        "body": _body(document, request),
        "note": document.note,
        "attachments": [
            {
                "title": attachment.label,
                "file_type": attachment.file_type,
                "file_size": attachment.file_size,
                "download_url": request.build_absolute_uri(attachment.document.url),
            }
            for attachment in document.attachments.select_related("document")
        ],
        **{name: [_reference(other, request) for other in others] for name, others in document.relations().items()},
    }


@router.get(
    "/", response={200: DocumentListOut, **ERRORS}, summary="Danh sách văn bản / list documents",
    description="Văn bản đã công bố, mới ban hành trước, có lọc, sắp xếp và phân trang. "
    "Published documents, newest first, with filters, sorting and pagination.",
)
def list_documents(request, filters: Query[DocumentFilters]):
    listing = DocumentListing.read(_site_documents(request), {
        "type": filters.type, "agency": filters.agency, "sector": filters.sector, "year": filters.year,
        "validity": filters.validity, "query": filters.q, "sort": filters.sort,
    })
    unknown = [listing.invalid[name] for name in ("type", "agency", "sector") if name in listing.invalid]
    if unknown:
        raise HttpError(404, " ".join(unknown))
    # A year without documents is a valid question with no answer.
    documents = listing.documents().none() if "year" in listing.invalid else listing.documents()
    count = documents.count()
    offset = (filters.page - 1) * filters.page_size
    items = list(documents[offset:offset + filters.page_size]) if offset < count else []
    return {
        "count": count, "page": filters.page, "pages": -(-count // filters.page_size),
        "page_size": filters.page_size, "results": [_summary(document, request) for document in items],
    }


@router.get(
    "/{document_id}/", response={200: DocumentDetailOut, **ERRORS}, summary="Một văn bản / one document",
    description="Thông tin của văn bản, các tệp đính kèm (địa chỉ tải về) và các văn bản liên quan. "
    "One document with its attachments (download URLs) and related documents.",
)
def get_document(request, document_id: int = Path(..., ge=1, le=MAX_ID, description="Mã số văn bản / document id")):
    document = _site_documents(request).select_related("document_type", "issuing_body").filter(pk=document_id).first()
    if document is None:
        raise HttpError(404, "Không tìm thấy văn bản này, hoặc văn bản chưa được công bố.")
    return _detail(document, request)
