"""Báo cáo → Thống kê truy cập in the admin: the page, its charts and tables, CSV and XLSX."""

import csv
import re
from io import BytesIO, StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission, Page, Site

from eportal.core.pages import publish_child
from eportal.news.models import HomePage

from ..editorial.conftest import board, client_for, make_user  # noqa: F401
from ..factories import ArticleFactory
from .seeding import at, figures_reads, seed_quarter, visit

pytestmark = pytest.mark.django_db

URL = "/admin/thong-ke-truy-cap/"
Q3 = "ky=2025-Q3"
COMMUNE_HOST = "xa-ba-trinh.example"


@pytest.fixture
def seeded(site, home, board, settings):
    settings.EPORTAL_VISIT_DAYS_KEPT = 100_000  # every day row of 2025 is still there
    return seed_quarter(site, home)


@pytest.fixture
def commune(seeded, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, COMMUNE_HOST]
    home = publish_child(Page.get_first_root_node(), HomePage(title="Trang chủ Xã Ba Trinh", slug="xa-ba-trinh"))
    site = Site.objects.create(hostname=COMMUNE_HOST, port=80, root_page=home, site_name="Xã Ba Trinh")
    visit(site, at(2025, 8, 8), home, "zalo.me", "mobile", people=42)
    group = Group.objects.create(name="Ban biên tập Xã Ba Trinh")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_visit_statistics"]))
    GroupPagePermission.objects.create(
        group=group, page=home,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    return {"site": site, "user": make_user("bbt_xa_ba_trinh", group)}


def rows_of(html, table):
    body = re.search(rf'data-table="{table}">.*?<tbody>(.*?)</tbody>', html, re.S)[1]
    found = re.findall(r'<tr><th scope="row">(.*?)</th><td class="number">(.*?)</td><td class="number">(.*?)</td></tr>', body)
    return [(re.sub(r"<[^>]+>", "", label), people, bots) for label, people, bots in found]


def test_the_head_of_the_board_sees_the_quarter(board, seeded):
    response = client_for(board["head"]).get(f"{URL}?{Q3}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quý III/2025 (01/07/2025 – 30/09/2025)" in html
    assert '<strong data-total="people">10</strong>' in html and '<strong data-total="bots">6</strong>' in html
    # A quarter is shown by day; every chart is an image with a title, followed by a table.
    assert "Lượt xem theo thời gian (theo ngày)" in html
    assert html.count('role="img"') == 5 and html.count("<title id=") == 5
    assert len(rows_of(html, "series")) == 92
    assert rows_of(html, "series")[4] == ("05/07/2025", "5", "1")
    assert rows_of(html, "visits-pages") == [
        ("Khai mạc hội chợ", "4", "5"), ("Mùa lúa bội thu", "3", "1"), (seeded["home"].title, "2", "0"),
        (f"Trang đã xoá (#{seeded['c_id']})", "1", "0"),
    ]
    assert f'<a href="{seeded["b"].url}">Khai mạc hội chợ</a>' in html
    assert rows_of(html, "visits-categories")[0] == ("Tin hoạt động", "4", "5")
    assert rows_of(html, "visits-referrers") == [
        ("Trong cổng", "4", "5"), ("google.com", "3", "1"), ("Vào trực tiếp", "2", "0"), ("facebook.com", "1", "0"),
    ]
    assert rows_of(html, "visits-devices") == [("Máy tính bảng", "4", "5"), ("Điện thoại", "3", "1"), ("Máy tính", "3", "0")]
    site_id = seeded["home"].get_site().pk
    assert f'href="/admin/thong-ke-truy-cap/xlsx/?site={site_id}&amp;{Q3}&amp;theo=ngay"' in html
    assert 'data-note="months"' not in html


def test_granularity_can_be_chosen_and_numbers_are_grouped(board, seeded, site):
    visit(site, at(2025, 7, 20), seeded["a"], "google.com", "desktop", people=1500)
    html = client_for(board["head"]).get(f"{URL}?{Q3}&theo=thang").content.decode()
    assert rows_of(html, "series") == [("07/2025", "1.505", "1"), ("08/2025", "4", "5"), ("09/2025", "1", "0")]
    assert '<option value="thang" selected>Theo tháng</option>' in html
    assert '<strong data-total="people">1.510</strong>' in html


def test_an_old_period_says_it_reads_whole_months(board, seeded, settings):
    settings.EPORTAL_VISIT_DAYS_KEPT = 30
    html = client_for(board["head"]).get(f"{URL}?tu=05/07/2025&den=10/08/2025").content.decode()
    assert 'data-note="months"' in html and "từ 01/07/2025 đến 31/08/2025" in html


def test_the_csv_export(board, seeded):
    response = client_for(board["head"]).get(f"{URL}csv/?{Q3}&theo=thang")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="thong-ke-truy-cap-\d+-2025-Q3.csv"', response["Content-Disposition"])
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Vietnamese
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Bảng", "Mục", "Địa chỉ", "Lượt xem của người truy cập", "Lượt xem của máy tự động (bot)"]
    assert rows[1][0] == "Tổng hợp" and rows[1][3:] == ["10", "6"]
    assert ["Theo thời gian (theo tháng)", "08/2025", "", "4", "5"] in rows
    assert ["Trang", "Khai mạc hội chợ", seeded["b"].url, "4", "5"] in rows
    assert ["Chuyên mục", "Nông nghiệp", seeded["farming"].url, "3", "1"] in rows
    assert ["Nguồn truy cập", "Vào trực tiếp", "", "2", "0"] in rows
    assert ["Thiết bị", "Điện thoại", "", "3", "1"] in rows


def test_the_xlsx_export(board, seeded):
    response = client_for(board["head"]).get(f"{URL}xlsx/?{Q3}&theo=thang")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Tổng hợp", "Theo thời gian", "Trang", "Chuyên mục", "Nguồn truy cập", "Thiết bị"]
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    assert summary["Kỳ báo cáo"] == "Quý III/2025"
    assert summary["Từ ngày"].date().isoformat() == "2025-07-01"
    assert (summary["Lượt xem của người truy cập"], summary["Lượt xem của máy tự động (bot)"]) == (10, 6)
    assert list(book["Theo thời gian"].iter_rows(values_only=True)) == [
        ("Theo tháng", "Lượt xem của người truy cập", "Lượt xem của máy tự động (bot)"),
        ("07/2025", 5, 1), ("08/2025", 4, 5), ("09/2025", 1, 0), ("Tổng cộng", 10, 6),
    ]
    pages = list(book["Trang"].iter_rows(values_only=True))
    assert pages[1] == ("Khai mạc hội chợ", seeded["b"].url, 4, 5)
    assert list(book["Thiết bị"].iter_rows(values_only=True))[1] == ("Máy tính bảng", 4, 5)


def test_days_are_real_dates_in_the_xlsx(board, seeded):
    response = client_for(board["head"]).get(f"{URL}xlsx/?tu=2025-07-05&den=2025-07-06")
    rows = list(load_workbook(BytesIO(response.content))["Theo thời gian"].iter_rows(values_only=True))
    assert rows[0][0] == "Theo giờ" and len(rows) == 1 + 48 + 1
    assert rows[10][0].isoformat() == "2025-07-05T09:00:00" and rows[10][1:] == (3, 1)


@pytest.mark.parametrize(("query", "message"), [
    ("ky=2025-Q9", "Kỳ báo cáo “2025-Q9” không hợp lệ"),
    ("tu=31/02/2025&den=01/03/2025", "Ngày “31/02/2025” không hợp lệ"),
    ("ky=2025-Q3&theo=gio", "Theo giờ chỉ xem được cho khoảng tối đa 31 ngày"),
    ("ky=2025-Q3&theo=tuan", "Cách chia thời gian “tuan” không hợp lệ"),
])
@pytest.mark.parametrize("address", [URL, f"{URL}csv/", f"{URL}xlsx/"])
def test_bad_input_gets_a_message(board, seeded, query, message, address):
    response = client_for(board["head"]).get(f"{address}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and message in html


def test_an_unknown_site_is_not_found(board, seeded):
    client = client_for(board["head"])
    assert client.get(f"{URL}?site=999999&{Q3}").status_code == 404
    assert client.get(f"{URL}csv/?site=abc&{Q3}").status_code == 404


@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_editors_and_administrators_may_read_it(board, seeded, role):
    assert client_for(board[role]).get(f"{URL}?{Q3}").status_code == 200


@pytest.mark.parametrize("address", [URL, f"{URL}csv/", f"{URL}xlsx/"])
def test_a_contributor_is_refused(board, seeded, address):
    assert client_for(board["contributor"]).get(f"{address}?{Q3}").status_code == 403


def test_the_menu_shows_it_to_those_who_may_read_it(board, seeded):
    assert URL in client_for(board["head"]).get("/admin/").content.decode()
    assert URL not in client_for(board["contributor"]).get("/admin/").content.decode()


def test_anonymous_is_sent_to_login(seeded):
    response = Client().get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_commune_board_sees_only_its_site(commune, seeded):
    client = client_for(commune["user"])
    html = client.get(f"{URL}?{Q3}").content.decode()
    assert "Xã Ba Trinh — Quý III/2025" in html
    assert '<select id="site"' not in html  # nothing to choose
    assert rows_of(html, "visits-referrers") == [("zalo.me", "42", "0")]
    province = Site.objects.get(is_default_site=True)
    assert client.get(f"{URL}?site={province.pk}&{Q3}").status_code == 404
    assert client.get(f"{URL}xlsx/?site={province.pk}&{Q3}").status_code == 404


def test_the_province_board_chooses_among_sites(board, commune):
    client = client_for(board["head"])
    html = client.get(f"{URL}?{Q3}").content.decode()
    assert '<select id="site" name="site">' in html and "Xã Ba Trinh" in html
    assert '<strong data-total="people">10</strong>' in html  # the request's own site by default
    html = client.get(f"{URL}?site={commune['site'].pk}&{Q3}").content.decode()
    assert '<strong data-total="people">42</strong>' in html


def test_the_province_board_adds_up_every_site(board, commune):
    client = client_for(board["head"])
    html = client.get(f"{URL}?site=tat-ca&{Q3}").content.decode()
    assert '<option value="tat-ca" selected>Tất cả các trang thông tin</option>' in html
    assert "Tất cả 2 trang thông tin — Quý III/2025" in html
    assert '<strong data-total="people">52</strong>' in html  # 10 of the province, 42 of the commune
    assert ("zalo.me", "42", "0") in rows_of(html, "visits-referrers")
    assert ("google.com", "3", "1") in rows_of(html, "visits-referrers")
    response = client.get(f"{URL}csv/?site=tat-ca&{Q3}")
    assert 'filename="thong-ke-truy-cap-tat-ca-2025-Q3.csv"' in response["Content-Disposition"]
    # A commune's board has one site: nothing to add up.
    assert client_for(commune["user"]).get(f"{URL}?site=tat-ca&{Q3}").status_code == 404


def count_queries(client, address, data_only=False):
    """Queries of one request; `data_only`: those reading the visits and the pages they name
    (the admin's own, e.g. the site address map renewed when another test process publishes
    on a shared Redis, vary with what runs beside)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    if data_only:
        return len(figures_reads(queries.captured_queries))
    return len(queries)


@pytest.mark.parametrize("address", [URL, f"{URL}csv/", f"{URL}xlsx/"])
def test_the_query_count_does_not_grow_with_the_data(board, seeded, site, address):
    client = client_for(board["head"])
    address = f"{address}?{Q3}"
    count_queries(client, address)  # warm the caches (site settings, content types)
    assert count_queries(client, address) <= 30
    before = count_queries(client, address, data_only=True)
    for n in range(25):
        page = ArticleFactory(parent=seeded["news"])
        visit(site, at(2025, 8, 1 + n, n % 24), page, f"nguon-{n}.vn", "mobile", people=n + 1, bots=n % 3)
    assert count_queries(client, address, data_only=True) == before


def test_an_older_month_stays_chosen_in_the_picker(board, seeded):
    html = client_for(board["head"]).get(f"{URL}?ky=2025-07").content.decode()
    assert '<option value="2025-07" selected>Tháng 7/2025</option>' in html


def test_a_title_that_looks_like_a_formula_stays_text_in_the_exports(board, seeded, site):
    trap = '=HYPERLINK("http://evil.example/","Bấm vào đây")'
    article = ArticleFactory(parent=seeded["news"], title=trap, slug="bay")
    visit(site, at(2025, 7, 20), article, people=7)
    client = client_for(board["head"])

    rows = list(csv.reader(StringIO(client.get(f"{URL}csv/?{Q3}").content.decode("utf-8-sig"))))
    assert ["Trang", "'" + trap, article.url, "7", "0"] in rows

    book = load_workbook(BytesIO(client.get(f"{URL}xlsx/?{Q3}").content))
    cell = next(row[0] for row in book["Trang"].iter_rows() if row[0].value == trap)
    assert cell.data_type == "s"  # shown as text, never evaluated
