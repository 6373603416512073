"""A procedure's page: everything a citizen needs, in order, printable."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from eportal.procedures.models import DossierItem, LegalBasis, LifeEvent, ProcedureStep, SubmissionMethod

from .factories import ProcedureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_template(db):
    document = get_document_model()(title="Tờ khai đăng ký khai sinh")
    document.file.save("to-khai-khai-sinh.pdf", ContentFile(b"%PDF-1.4\n%mau to khai\n%%EOF\n"), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.fixture
def birth(index, civil_status, commune, form_template):
    return ProcedureFactory(
        parent=index, title="Đăng ký khai sinh", code="1.001193", sector=civil_status, handling_agency=commune,
        life_events=list(LifeEvent.objects.filter(slug="khai-sinh")),
        summary="Đăng ký khai sinh cho trẻ em.",
        steps=[ProcedureStep(title=t, detail=f"Chi tiết {t}") for t in
               ["Bước một: chuẩn bị hồ sơ", "Bước hai: nộp hồ sơ", "Bước ba: nhận kết quả"]],
        submission_methods=[SubmissionMethod(method="truc-tiep", details="Tại Bộ phận một cửa của xã.")],
        dossier_items=[
            DossierItem(name="Tờ khai đăng ký khai sinh theo mẫu", originals=1, copies=0, form_template=form_template),
            DossierItem(name="Giấy chứng sinh", originals=1, copies=2, note="Bản sao có chứng thực."),
        ],
        legal_bases=[LegalBasis(citation="Luật Hộ tịch năm 2014")],
        requirements="Người đi đăng ký mang theo giấy tờ tùy thân.",
        online_url="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
    )


def test_the_page_shows_everything_in_order(client, index, birth):
    response = client.get(birth.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Mã thủ tục", "1.001193", "Hộ tịch", "Cấp xã", "Ủy ban nhân dân xã Thới An Hội",
                 "Khai sinh", "Trình tự thực hiện", "Cách thức thực hiện", "Thành phần hồ sơ",
                 "Thời hạn giải quyết", "Trong ngày làm việc.", "Phí, lệ phí", "Không thu phí.",
                 "Yêu cầu, điều kiện thực hiện", "Kết quả thực hiện", "Giấy xác nhận.", "Căn cứ pháp lý",
                 "Luật Hộ tịch năm 2014", "Tại Bộ phận một cửa của xã."]:
        assert text in html, text
    steps = re.search(r'<ol class="procedure__steps">(.*?)</ol>', html, re.S).group(1)
    positions = [steps.index(t) for t in ["Bước một", "Bước hai", "Bước ba"]]
    assert positions == sorted(positions)
    # Breadcrumbs back to the index.
    assert f'href="{index.url}"' in html and "Vị trí trang" in html


def test_the_dossier_is_a_table_with_download_links(client, birth, form_template):
    html = client.get(birth.url).content.decode()
    table = re.search(r'<table class="procedure__dossier">(.*?)</table>', html, re.S).group(1)
    assert "Tờ khai đăng ký khai sinh theo mẫu" in table and "Giấy chứng sinh" in table
    assert "Bản sao có chứng thực." in table
    assert f'href="{form_template.url}"' in table
    assert "Tải mẫu" in table and "(PDF" in table
    assert client.get(form_template.url).status_code == 200


def test_the_online_link_is_prominent(client, birth):
    html = client.get(birth.url).content.decode()
    assert re.search(r'<a class="procedure__online" href="https://dichvucong\.gov\.vn/[^"]*"[^>]*>Nộp hồ sơ trực tuyến</a>', html)
    assert "không tiếp nhận hồ sơ" in html


def test_without_online_link_the_page_says_how_to_submit(client, index, civil_status, commune):
    page = ProcedureFactory(parent=index, sector=civil_status, handling_agency=commune, online_url="")
    html = client.get(page.url).content.decode()
    assert "Nộp hồ sơ trực tuyến" not in html
    assert 'href="#cach-thuc"' in html
    assert "Nộp hồ sơ trực tiếp tại Ủy ban nhân dân xã Thới An Hội." in html


def test_the_page_is_print_friendly(client, birth):
    html = client.get(birth.url).content.decode()
    assert 'href="/static/css/procedures.css"' in html
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/procedures.css"), encoding="utf-8").read()
    assert "@media print" in css and ".layout__side" in css


def test_text_is_escaped(client, index):
    page = ProcedureFactory(parent=index, summary="<script>alert(1)</script>",
                            steps=[ProcedureStep(title="<b>Bước</b>")])
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;b&gt;Bước&lt;/b&gt;" in html


def test_a_legal_basis_links_its_page_when_live(client, index, home):
    target = ProcedureFactory(parent=index, title="Một trang của cổng")  # any live page stands in for a document
    page = ProcedureFactory(parent=index, legal_bases=[LegalBasis(document=target, citation="")])
    assert f'<a href="{target.url}">Một trang của cổng</a>' in client.get(page.url).content.decode()
    target.unpublish()
    html = client.get(page.url).content.decode()
    assert f'href="{target.url}"' not in html and "Một trang của cổng" in html


def test_the_publication_date_is_shown_day_month_year_in_vietnam_time(client, birth):
    birth.save_revision().publish()
    birth.refresh_from_db()
    birth.last_published_at = datetime.datetime(2026, 3, 31, 18, 30, tzinfo=datetime.UTC)  # 01:30 on 1 April in Hà Nội
    birth.save(update_fields=["last_published_at"])
    html = client.get(birth.url).content.decode()
    assert "Cập nhật: <time" in html and ">01/04/2026</time>" in html
