"""The public "Văn bản" pages: the filtered list, a document's page, its print layout and search."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from eportal.documents.models import LegalDocumentAttachment, LegalDocumentPage
from eportal.documents.validity import Validity

from .conftest import LegalDocumentFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def numbers_in(html):
    """The numbers of the listed documents, in order."""
    return re.findall(r'<td data-label="Số ký hiệu"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def documents(index, agencies, sectors, types):
    make = LegalDocumentFactory
    return {
        "ct03": make(parent=index, number="03-CT/TW", document_type=types["chi-thi"], issuing_body=agencies["TU"],
                     issued_on=datetime.date(2011, 5, 14), sectors=[sectors["party"], sectors["propaganda"]],
                     title="Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh"),
        "tb83": make(parent=index, number="83-TB/HU", document_type=types["thong-bao"], issuing_body=agencies["HU"],
                     issued_on=datetime.date(2014, 8, 20), sectors=[sectors["party"]],
                     title="Thông báo kết luận của Ban Thường vụ Huyện ủy"),
        "qd101": make(parent=index, number="101-QĐ/TW", document_type=types["quy-dinh"], issuing_body=agencies["TU"],
                      issued_on=datetime.date(2007, 6, 7), sectors=[sectors["party"]],
                      title="Về trách nhiệm nêu gương của cán bộ, đảng viên"),
        "old": make(parent=index, number="7-QĐ/HU", document_type=types["quy-dinh"], issuing_body=agencies["HU"],
                    issued_on=datetime.date(2010, 1, 5), expires_on=datetime.date(2012, 1, 1),
                    validity=Validity.EXPIRED, sectors=[sectors["land"]], title="Quy định đã hết hiệu lực"),
        "future": make(parent=index, number="9-KH/HU", document_type=types["ke-hoach"], issuing_body=agencies["HU"],
                       issued_on=TODAY, effective_on=TODAY + datetime.timedelta(days=30),
                       title="Kế hoạch sắp có hiệu lực"),
    }


def test_the_list_shows_the_newest_documents_first(client, index, documents):
    html = client.get(index.url).content.decode()
    assert numbers_in(html) == ["9-KH/HU", "83-TB/HU", "03-CT/TW", "7-QĐ/HU", "101-QĐ/TW"]
    assert "Có 5 văn bản." in html
    for text in ["14/05/2011", "Ban Thường vụ Tỉnh ủy Sóc Trăng", "Chỉ thị",
                 "Còn hiệu lực", "Hết hiệu lực toàn bộ", "Chưa có hiệu lực"]:
        assert text in html
    # The filter form is a plain GET form with labelled fields.
    assert 'method="get"' in html and '<label for="loc-loai">Loại văn bản</label>' in html


@pytest.mark.parametrize("query, expected", [
    ("?loai=chi-thi", ["03-CT/TW"]),
    ("?loai=quy-dinh&sap-xep=cu-nhat", ["101-QĐ/TW", "7-QĐ/HU"]),
    ("?linh-vuc=xay-dung-dang", ["83-TB/HU", "03-CT/TW", "101-QĐ/TW"]),
    ("?nam=2014", ["83-TB/HU"]),
    ("?hieu-luc=het-hieu-luc-toan-bo", ["7-QĐ/HU"]),
    ("?hieu-luc=chua-co-hieu-luc", ["9-KH/HU"]),
    ("?hieu-luc=con-hieu-luc&sap-xep=so-ky-hieu", ["03-CT/TW", "83-TB/HU", "101-QĐ/TW"]),
    ("?sap-xep=so-ky-hieu", ["03-CT/TW", "7-QĐ/HU", "9-KH/HU", "83-TB/HU", "101-QĐ/TW"]),
    ("?sap-xep=cu-nhat", ["101-QĐ/TW", "7-QĐ/HU", "03-CT/TW", "83-TB/HU", "9-KH/HU"]),
    ("?tu-khoa=83-tb", ["83-TB/HU"]),
    ("?tu-khoa=nêu gương", ["101-QĐ/TW"]),
])
def test_filters_and_sorting(client, index, documents, query, expected):
    assert numbers_in(client.get(index.url + query).content.decode()) == expected


def test_filter_by_issuing_body(client, index, documents, agencies):
    html = client.get(f"{index.url}?co-quan={agencies['TU'].pk}&loai=quy-dinh").content.decode()
    assert numbers_in(html) == ["101-QĐ/TW"]
    assert "Cơ quan ban hành: <strong>Ban Thường vụ Tỉnh ủy Sóc Trăng</strong>" in html
    # Only the bodies that issued something are offered.
    assert f'<option value="{agencies["UBND"].pk}"' not in html


@pytest.mark.parametrize("query, notice", [
    ("?loai=khong-co", "Không có văn bản nào thuộc loại “khong-co”. Đã bỏ qua điều kiện này."),
    ("?co-quan=abc", "Không có văn bản nào của cơ quan “abc”. Đã bỏ qua điều kiện này."),
    ("?co-quan=99999999999999999999999", "Không có văn bản nào của cơ quan"),
    ("?linh-vuc=%00%01", None),
    ("?nam=1990", "Không có văn bản nào ban hành năm “1990”. Đã bỏ qua điều kiện này."),
    ("?nam=-1", "Không có văn bản nào ban hành năm “-1”."),
    ("?hieu-luc=con", "Không có tình trạng hiệu lực “con”. Đã bỏ qua điều kiện này."),
    ("?sap-xep=ngau-nhien", "Không có cách sắp xếp “ngau-nhien”. Đã bỏ qua điều kiện này."),
    ("?trang=abc", None),
    ("?trang=999", None),
    ("?loai=" + "x" * 5000, "…”"),
    ("?loai=chi-thi&loai=thong-bao", None),
])
def test_bad_parameters_never_fail(client, index, documents, query, notice):
    response = client.get(index.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    if notice:
        assert notice in html
    assert numbers_in(html)  # the list is still there


def test_active_filters_are_shown_and_removable(client, index, documents):
    html = client.get(index.url + "?loai=quy-dinh&nam=2007&sap-xep=cu-nhat&tu-khoa=nêu").content.decode()
    assert "Đang lọc theo:" in html
    assert "Loại văn bản: <strong>Quy định</strong>" in html
    assert "Năm ban hành: <strong>2007</strong>" in html
    assert "Từ khóa: <strong>nêu</strong>" in html
    # Removing one filter keeps the others and the sort order.
    assert 'href="?nam=2007&amp;tu-khoa=n%C3%AAu&amp;sap-xep=cu-nhat"' in html
    assert 'href="?sap-xep=cu-nhat">Bỏ tất cả điều kiện lọc' in html
    # The form shows the choices made.
    assert '<option value="quy-dinh" selected>' in html and '<option value="cu-nhat" selected>' in html


def test_pagination_keeps_the_filters(client, index, agencies, types):
    for n in range(25):
        LegalDocumentFactory(parent=index, number=f"{n + 1}-TB/HU", document_type=types["thong-bao"])
    LegalDocumentFactory(parent=index, number="1-CT/HU", document_type=types["chi-thi"])
    html = client.get(index.url + "?loai=thong-bao").content.decode()
    assert len(numbers_in(html)) == 20 and "1-CT/HU" not in numbers_in(html)
    assert 'href="?loai=thong-bao&amp;trang=2"' in html
    second = client.get(index.url + "?loai=thong-bao&trang=2").content.decode()
    assert len(numbers_in(second)) == 5
    assert 'href="?loai=thong-bao&amp;trang=1"' in second


def test_only_live_public_documents_are_listed(client, index, documents):
    documents["tb83"].unpublish()
    PageViewRestriction.objects.create(page=documents["ct03"], restriction_type=PageViewRestriction.LOGIN)
    html = client.get(index.url).content.decode()
    assert "83-TB/HU" not in numbers_in(html) and "03-CT/TW" not in numbers_in(html)
    assert "<option value=\"2014\">" not in html  # nor their years among the choices


def test_the_document_page_shows_all_its_metadata(client, documents, pdf_file, docx_file):
    page = documents["tb83"]
    page.signer, page.signer_position, page.note = "Nguyễn Văn Bảy", "T/M Ban Thường vụ, Phó Bí thư", "Ghi chú mẫu"
    page.body = "<p>Ban Thường vụ Huyện ủy kết luận.</p>"
    page.attachments = [LegalDocumentAttachment(document=pdf_file, title="Toàn văn"),
                        LegalDocumentAttachment(document=docx_file)]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    meta = html[html.index('<dl class="document-meta">'):html.index("</dl>")]
    for label, value in [("Số ký hiệu", "83-TB/HU"), ("Loại văn bản", "Thông báo"),
                         ("Cơ quan ban hành", "Ban Thường vụ Huyện ủy Kế Sách"),
                         ("Người ký", "T/M Ban Thường vụ, Phó Bí thư, Nguyễn Văn Bảy"),
                         ("Ngày ban hành", "20/08/2014"), ("Ngày có hiệu lực", "20/08/2014"),
                         ("Tình trạng hiệu lực", "Còn hiệu lực"), ("Lĩnh vực", "Xây dựng Đảng"),
                         ("Trích yếu", "Thông báo kết luận của Ban Thường vụ Huyện ủy"), ("Ghi chú", "Ghi chú mẫu")]:
        assert re.search(rf"<dt>{label}</dt><dd>(<[^>]+>)*{re.escape(value)}", meta), label
    assert "Ngày hết hiệu lực" not in meta
    assert "Ban Thường vụ Huyện ủy kết luận." in html
    # Attachments: the PDF may be viewed in the browser or downloaded; Word files are downloaded.
    files = html[html.index('id="tep-dinh-kem"'):html.index("</section>", html.index('id="tep-dinh-kem"'))]
    assert "Toàn văn" in files and "(PDF, " in files and "Phụ lục" in files and "(DOCX, " in files
    assert f'<a href="{pdf_file.url}">Xem' in files
    assert f'href="{pdf_file.url}" download="{pdf_file.filename}">Tải về' in files
    assert f'href="{docx_file.url}" download="{docx_file.filename}">Tải về' in files
    assert f'<a href="{docx_file.url}">Xem' not in files
    assert "Bản in" in html and 'href="?in=1"' in html
    # The PDF opens in the browser.
    assert client.get(pdf_file.url)["Content-Disposition"].startswith("inline")


def test_the_metadata_links_to_the_filtered_list(client, documents, index, agencies):
    html = client.get(documents["ct03"].url).content.decode()
    assert f'href="{index.url}?loai=chi-thi">Chỉ thị</a>' in html
    assert f'href="{index.url}?co-quan={agencies["TU"].pk}">' in html
    assert f'href="{index.url}?linh-vuc=tuyen-giao">Tuyên giáo</a>' in html


def test_relations_are_shown_both_ways(client, index, documents, agencies, types):
    newer = LegalDocumentFactory(parent=index, number="12-QĐ/HU", document_type=types["quy-dinh"],
                                 issuing_body=agencies["HU"], title="Quy định mới thay thế")
    newer.replaces = [documents["old"]]
    newer.amends = [documents["tb83"]]
    newer.save_revision().publish()

    html = client.get(newer.url).content.decode()
    assert "Văn bản liên quan" in html
    assert re.search(r"<dt>Thay thế</dt><dd><ul><li><a href=\"/van-ban/[^\"]+\">Quy định 7-QĐ/HU</a>", html)
    assert re.search(r"<dt>Sửa đổi, bổ sung</dt><dd><ul><li><a href=\"[^\"]+\">Thông báo 83-TB/HU</a>", html)

    old_html = client.get(documents["old"].url).content.decode()
    assert re.search(r"<dt>Được thay thế bởi</dt><dd><ul><li><a href=\"[^\"]+\">Quy định 12-QĐ/HU</a>", old_html)
    amended_html = client.get(documents["tb83"].url).content.decode()
    assert re.search(r"<dt>Được sửa đổi bởi</dt><dd><ul><li><a href=\"[^\"]+\">Quy định 12-QĐ/HU</a>", amended_html)
    assert "Được thay thế bởi" not in amended_html

    # An unpublished document is not shown as a relation.
    newer.unpublish()
    assert "Được thay thế bởi" not in client.get(documents["old"].url).content.decode()


def test_documents_of_the_same_sector(client, documents):
    html = client.get(documents["tb83"].url).content.decode()
    section = html[html.index('id="van-ban-cung-linh-vuc"'):]
    assert "03-CT/TW" in section and "101-QĐ/TW" in section
    assert "83-TB/HU</a>" not in section and "7-QĐ/HU" not in section
    lonely = client.get(documents["future"].url).content.decode()
    assert "Chưa có văn bản khác cùng lĩnh vực." in lonely


def test_the_print_layout(client, documents, pdf_file):
    page = documents["ct03"]
    page.attachments = [LegalDocumentAttachment(document=pdf_file, title="Toàn văn")]
    page.save_revision().publish()
    html = client.get(page.url + "?in=1").content.decode()
    assert '<body class="print-layout">' in html
    assert "Chỉ thị số 03-CT/TW" in html and "14/05/2011" in html and "Toàn văn (PDF, " in html
    assert '<meta name="robots" content="noindex">' in html
    assert "site-header" not in html and "Liên kết Website" not in html and "Văn bản cùng lĩnh vực" not in html
    assert f'href="{page.url}">« Quay lại trang văn bản' in html
    # The normal page carries print styles too.
    assert "documents.css" in client.get(page.url).content.decode()


def test_search_finds_a_document_by_its_number(documents):
    found = LegalDocumentPage.objects.live().search("83-TB/HU")
    assert documents["tb83"] in list(found)
    assert documents["ct03"].pk in [page.pk for page in Page.objects.live().search("03-CT/TW")]
    assert documents["qd101"] in list(LegalDocumentPage.objects.search("nêu gương"))


def test_a_document_status_follows_the_calendar(client, index, types):
    page = LegalDocumentFactory(parent=index, number="5-KH/HU", issued_on=TODAY - datetime.timedelta(days=10),
                                expires_on=TODAY, document_type=types["ke-hoach"])
    html = client.get(page.url).content.decode()
    assert '<span class="validity validity--het-hieu-luc-toan-bo">Hết hiệu lực toàn bộ</span>' in html
    assert numbers_in(client.get(index.url + "?hieu-luc=het-hieu-luc-toan-bo").content.decode()) == ["5-KH/HU"]
