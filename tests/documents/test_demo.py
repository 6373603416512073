"""The demo documents: the ones the Kế Sách article names, loaded once, unknowns marked as demo data."""

import io
import zipfile

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from eportal.core.models import Agency, Sector
from eportal.documents import demo
from eportal.documents.models import DocumentIndexPage, LegalDocumentPage
from eportal.media.validators import DOCX, detect_document_type

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once(site, home):
    index = demo.load(site, home)
    counts = (Page.objects.count(), Revision.objects.count(), get_document_model().objects.count(),
              Agency.objects.count(), Sector.objects.count())
    assert demo.load(site, home) == index
    assert (Page.objects.count(), Revision.objects.count(), get_document_model().objects.count(),
            Agency.objects.count(), Sector.objects.count()) == counts

    assert index.url == "/van-ban/" and isinstance(index, DocumentIndexPage) and index.live
    numbers = set(LegalDocumentPage.objects.live().values_list("number", flat=True))
    assert numbers == {"03-CT/TW", "83-TB/HU", "07-KH/TU", "101-QĐ/TW", "55-QĐ/TW", "704-QĐ/TU"}


def test_the_demo_keeps_editors_changes(site, home):
    demo.load(site, home)
    page = LegalDocumentPage.objects.get(number="83-TB/HU")
    page.title = "Trích yếu do biên tập viên sửa"
    page.save_revision().publish()
    Agency.objects.filter(name="Ban Bí thư").update(short_name="BBT")
    demo.load(site, home)
    assert LegalDocumentPage.objects.get(number="83-TB/HU").title == "Trích yếu do biên tập viên sửa"
    assert Agency.objects.get(name="Ban Bí thư").short_name == "BBT"


def test_existing_agencies_and_sectors_are_reused(site, home):
    existing = Agency.objects.create(name="Ban Thường vụ Huyện ủy Kế Sách", short_name="HU")
    sector = Sector.objects.create(name="Tuyên giáo", slug="tuyen-giao-huyen")
    demo.load(site, home)
    assert LegalDocumentPage.objects.get(number="83-TB/HU").issuing_body == existing
    assert sector in LegalDocumentPage.objects.get(number="03-CT/TW").sectors.all()
    assert Agency.objects.filter(name="Ban Thường vụ Huyện ủy Kế Sách").count() == 1


def test_the_demo_documents_as_visitors_see_them(client, site, home):
    demo.load(site, home)
    ct03 = LegalDocumentPage.objects.get(number="03-CT/TW")
    assert ct03.issuing_body.name == "Bộ Chính trị" and ct03.document_type.name == "Chỉ thị"
    assert f"{ct03.issued_on:%d/%m/%Y}" == "14/05/2011"
    html = client.get(ct03.url).content.decode()
    for text in ["Chỉ thị số 03-CT/TW", "Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
                 "Bộ Chính trị khóa XI", "14/05/2011", "Xây dựng Đảng", "Tuyên giáo", "(DOCX, "]:
        assert text in html
    assert Agency.objects.get(name="Ban Thường vụ Huyện ủy Kế Sách").short_name == "HU"
    # What the legacy portal does not tell is marked as demo data.
    for number in ["83-TB/HU", "07-KH/TU", "55-QĐ/TW", "704-QĐ/TU", "101-QĐ/TW"]:
        assert "Dữ liệu mẫu" in LegalDocumentPage.objects.get(number=number).note, number
    listing = client.get("/van-ban/").content.decode()
    assert "“Dữ liệu mẫu” chỉ để minh họa" in listing and "Có 6 văn bản." in listing


def test_the_sample_files_are_real_word_documents_labelled_as_demo(site, home):
    demo.load(site, home)
    attachment = LegalDocumentPage.objects.get(number="03-CT/TW").attachments.get()
    document = attachment.document
    assert document.title == "Dữ liệu mẫu – Chỉ thị 03-CT/TW" and document.file_extension == "docx"
    with document.open_file() as fileobj:
        data = fileobj.read()
    assert detect_document_type(io.BytesIO(data)) == DOCX
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        text = archive.read("word/document.xml").decode()
    assert "DỮ LIỆU MẪU" in text and "Chỉ thị số 03-CT/TW" in text and "không phải bản gốc" in text
    attachment.full_clean()  # the attachment rules accept it
