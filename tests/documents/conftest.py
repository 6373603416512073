import datetime
import io
import zipfile

import factory
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from eportal.core.models import Agency, Sector
from eportal.documents.demo import sample_docx
from eportal.documents.models import DocumentIndexPage, DocumentType, LegalDocumentPage

from ..factories import PageFactory

Document = get_document_model()

# A small but real PDF: header, catalog, one empty page, cross-reference table and trailer.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def xlsx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def stored_document(name, data, title=None):
    return Document.objects.create(title=title or name, file=ContentFile(data, name=name), file_size=len(data))


def district_party_committee():
    return Agency.objects.get_or_create(name="Ban Thường vụ Huyện ủy Kế Sách", defaults={"short_name": "HU"})[0]


class DocumentIndexFactory(PageFactory):
    class Meta:
        model = DocumentIndexPage

    title = "Văn bản"
    slug = "van-ban"


class LegalDocumentFactory(PageFactory):
    """A published document; `sectors` may be passed as a list."""

    class Meta:
        model = LegalDocumentPage

    title = factory.Sequence(lambda n: f"Về việc triển khai nhiệm vụ số {n} của huyện")
    slug = factory.Sequence(lambda n: f"van-ban-{n}")
    number = factory.Sequence(lambda n: f"{n + 1}-KH/HU")
    document_type = factory.LazyFunction(lambda: DocumentType.objects.get(slug="ke-hoach"))
    issuing_body = factory.LazyFunction(lambda: district_party_committee())
    issued_on = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))

    @classmethod
    def _create(cls, model_class, *args, parent, sectors=(), **kwargs):
        page = model_class(*args, **kwargs)
        page.sectors = list(sectors)
        parent.add_child(instance=page)
        return page


@pytest.fixture
def index(home):
    return DocumentIndexFactory(parent=home)


@pytest.fixture
def agencies(db):
    return {
        "HU": district_party_committee(),
        "TU": Agency.objects.create(name="Ban Thường vụ Tỉnh ủy Sóc Trăng", short_name="TU"),
        "UBND": Agency.objects.create(name="Ủy ban nhân dân huyện Kế Sách", short_name="UBND"),
    }


@pytest.fixture
def sectors(db):
    return {
        "party": Sector.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang"),
        "propaganda": Sector.objects.create(name="Tuyên giáo", slug="tuyen-giao"),
        "land": Sector.objects.create(name="Đất đai", slug="dat-dai"),
    }


@pytest.fixture
def types(db):
    return {t.slug: t for t in DocumentType.objects.all()}


@pytest.fixture
def pdf_file(db):
    return stored_document("toan-van.pdf", PDF, "Toàn văn")


@pytest.fixture
def docx_file(db):
    return stored_document("phu-luc.docx", sample_docx(["Phụ lục kèm theo"]), "Phụ lục")


@pytest.fixture
def xlsx_file(db):
    return stored_document("bang-tinh.xlsx", xlsx_bytes(), "Bảng số liệu")
