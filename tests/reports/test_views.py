"""The "Thống kê biên tập" admin page, the printable quarterly report and the XLSX export."""

import re
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.models import Site

from eportal.consultations.models import ConsultationPage

from ..consultations.conftest import CommentFactory
from ..factories import ArticleFactory
from .conftest import AGENCY, EXPECTED, answered, at, client_for, question

pytestmark = pytest.mark.django_db

Q3 = "ky=2025-Q3"


def rows_of(html, breakdown):
    table = re.search(rf'data-breakdown="{breakdown}">.*?<tbody>(.*?)</tbody>', html, re.S)[1]
    return re.findall(r'<tr><th scope="row">(.*?)</th><td class="number">(\d+)</td></tr>', table)


def summary_of(html):
    return dict(re.findall(r'<th scope="row">(.*?)</th><td class="number">(.*?)</td>', html))


def test_the_head_of_the_board_sees_the_quarter(portal):
    response = client_for(portal["board"]["head"]).get(f"/admin/thong-ke-bien-tap/?{Q3}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quý III/2025 (01/07/2025 – 30/09/2025)" in html
    assert rows_of(html, "category") == [("Tin tức - Sự kiện", "3"), ("Kinh tế", "2")]
    assert rows_of(html, "author") == [("Nguyễn Thị Lan", "3"), ("(Không ghi tác giả)", "1"), ("Trần Văn Bình", "1")]
    assert rows_of(html, "month") == [("07/2025", "1"), ("08/2025", "2"), ("09/2025", "2")]
    summary = summary_of(html)
    assert summary["Câu hỏi quá hạn chưa trả lời (15 ngày làm việc)"] == "2"
    assert summary["Thời gian trả lời trung bình (ngày)"] == "20,7"
    assert summary["Thời gian trung bình từ gửi duyệt đến xuất bản (ngày)"] == "1,5"
    assert summary["Góp ý dự thảo nhận được"] == "3"
    assert f'href="/admin/thong-ke-bien-tap/bao-cao/?site={portal["site"].pk}&amp;{Q3}"' in html
    assert "Báo cáo quý (bản in)" in html


def test_the_report_menu_shows_the_page_to_editors_only(portal):
    assert "/admin/thong-ke-bien-tap/" in client_for(portal["board"]["editor"]).get("/admin/").content.decode()
    assert "/admin/thong-ke-bien-tap/" not in client_for(portal["board"]["contributor"]).get("/admin/").content.decode()


@pytest.mark.parametrize("address", ["/admin/thong-ke-bien-tap/", "/admin/thong-ke-bien-tap/bao-cao/", "/admin/thong-ke-bien-tap/xlsx/"])
def test_a_contributor_is_refused(portal, address):
    assert client_for(portal["board"]["contributor"]).get(f"{address}?{Q3}").status_code == 403
    assert client_for(portal["board"]["administrator"]).get(f"{address}?{Q3}").status_code == 200


def test_the_printable_quarterly_report(portal):
    response = client_for(portal["board"]["head"]).get(f"/admin/thong-ke-bien-tap/bao-cao/?{Q3}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Báo cáo quý</h1>" in html
    assert AGENCY in html
    assert "Thống kê hoạt động biên tập Quý III/2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)" in html
    assert re.search(r"Ngày \d\d tháng \d\d năm \d{4}", html)
    assert '<p class="report__signer">Trưởng Ban biên tập</p>' in html
    assert "size: A4" in html and "@media print" in html
    assert "wagtail" not in html.lower()  # a clean document, not the admin's layout
    assert rows_of(html, "category") == [("Tin tức - Sự kiện", "3"), ("Kinh tế", "2")]
    summary = dict(re.findall(r'<th scope="row">(.*?)</th><td class="number">(.*?)</td>', html))
    assert summary["Văn bản đã đăng"] == "2"
    assert summary["Câu hỏi nhận được"] == "7"
    assert summary["— trả lời quá hạn"] == "2"


def test_a_month_prints_as_a_plain_report(portal):
    html = client_for(portal["board"]["head"]).get("/admin/thong-ke-bien-tap/bao-cao/?ky=2025-08").content.decode()
    assert "<h1>Báo cáo thống kê</h1>" in html
    assert "Tháng 8/2025" in html


def test_the_xlsx_export(portal):
    response = client_for(portal["board"]["head"]).get(f"/admin/thong-ke-bien-tap/xlsx/?{Q3}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="thong-ke-bien-tap-2025-Q3.xlsx"'
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Tổng hợp", "Theo chuyên mục", "Theo tác giả", "Theo tháng"]
    values = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    assert values["Cơ quan"] == AGENCY
    assert values["Kỳ báo cáo"] == "Quý III/2025"
    assert values["Từ ngày"].date().isoformat() == "2025-07-01"
    assert values["Tin bài đã đăng"] == EXPECTED["articles"]
    assert values["Câu hỏi đã trả lời"] == EXPECTED["questions_answered"]
    assert values["Câu hỏi quá hạn chưa trả lời (15 ngày làm việc)"] == EXPECTED["questions_overdue"]
    assert values["Thời gian trả lời trung bình (ngày làm việc)"] == EXPECTED["average_answer_working_days"]
    assert values["Dự thảo đưa ra lấy ý kiến"] == EXPECTED["consultations"]
    assert list(book["Theo tác giả"].iter_rows(values_only=True)) == [
        ("Tác giả", "Số tin bài"), ("Nguyễn Thị Lan", 3), ("(Không ghi tác giả)", 1), ("Trần Văn Bình", 1),
        ("Tổng cộng", 5),
    ]


def test_a_bad_period_gets_a_message(portal):
    response = client_for(portal["board"]["head"]).get("/admin/thong-ke-bien-tap/xlsx/?ky=2025-Q9")
    assert response.status_code == 400
    assert "Kỳ báo cáo “2025-Q9” không hợp lệ" in response.content.decode()


def test_a_commune_board_sees_only_its_site(commune, portal):
    client = client_for(commune["user"])
    html = client.get(f"/admin/thong-ke-bien-tap/?{Q3}").content.decode()
    assert "Xã Ba Trinh — Quý III/2025" in html
    assert 'name="site"' in html and "<select id=\"site\"" not in html  # nothing to choose
    assert rows_of(html, "author") == [("Lê Thị Hoa", "1")]
    province = Site.objects.get(is_default_site=True)
    assert client.get(f"/admin/thong-ke-bien-tap/?site={province.pk}&{Q3}").status_code == 404
    assert client.get(f"/admin/thong-ke-bien-tap/xlsx/?site={province.pk}&{Q3}").status_code == 404


def test_the_province_board_chooses_among_sites(commune, portal):
    client = client_for(portal["board"]["head"])
    html = client.get(f"/admin/thong-ke-bien-tap/?{Q3}").content.decode()
    assert '<select id="site" name="site">' in html and "Xã Ba Trinh" in html
    html = client.get(f"/admin/thong-ke-bien-tap/?site={commune['site'].pk}&{Q3}").content.decode()
    assert rows_of(html, "author") == [("Lê Thị Hoa", "1")]


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("address", ["/admin/thong-ke-bien-tap/", "/admin/thong-ke-bien-tap/bao-cao/", "/admin/thong-ke-bien-tap/xlsx/"])
def test_the_query_count_does_not_grow_with_content(portal, address):
    client = client_for(portal["board"]["head"])
    address = f"{address}?{Q3}"
    count_queries(client, address)  # warm the caches (site settings, content types)
    before = count_queries(client, address)

    news = portal["board"]["news"]
    consultation = ConsultationPage.objects.first()
    for n in range(12):
        ArticleFactory(parent=news, author_name=f"Phóng viên {n}", date=at(2025, 7 + n % 3, 3 + n))
        question(at(2025, 7, 2 + n))
        answered(at(2025, 8, 1 + n), at(2025, 9, 1 + n))
        CommentFactory(page=consultation, created_at=at(2025, 8, 3 + n))
    after = count_queries(client, address)
    assert after == before
    assert before <= 30


def test_an_older_quarter_stays_chosen_in_the_picker(portal):
    html = client_for(portal["board"]["head"]).get("/admin/thong-ke-bien-tap/?ky=2019-Q2").content.decode()
    assert '<option value="2019-Q2" selected>Quý II/2019</option>' in html
