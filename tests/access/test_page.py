import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eportal.access.models import PublishedInformationItem

pytestmark = pytest.mark.django_db


def test_page_shows_list_focal_point_guide_form_link_and_complaints(client, access_page, category):
    item = PublishedInformationItem.objects.create(
        page=access_page, title="Tin bài hoạt động", link_page=category, form="Đăng trên cổng", sort_order=5
    )
    html = client.get(access_page.url).content.decode()
    assert "Danh mục thông tin phải được công khai" in html
    for text in ["Thủ tục hành chính", 'href="https://dichvucong.gov.vn/"', "Bộ phận Một cửa", "Đăng trên cổng",
                 "Thường xuyên", "Dự toán ngân sách huyện", "Bảng niêm yết tại trụ sở UBND huyện", "Hằng năm",
                 item.title, f'href="{category.url}"']:
        assert text in html, text
    # Focal point: the page's own contacts first, else the agency's.
    focal = html.split('id="dau-moi"')[1].split("</section>")[0]
    for text in ["Văn phòng HĐND và UBND huyện", "Chánh Văn phòng HĐND và UBND huyện", "Thị trấn Kế Sách",
                 "0299 3000 001", "tiepcan@kesach.example"]:
        assert text in focal, text
    assert "vanphong@kesach.example" not in focal
    assert "Gửi phiếu yêu cầu trực tuyến hoặc trực tiếp." in html
    assert f'href="{access_page.url}yeu-cau/"' in html
    assert "Khiếu nại, tố cáo" in html and "Người yêu cầu có quyền khiếu nại, tố cáo." in html
    assert "Thanh tra huyện Kế Sách" in html
    assert "<script>alert(1)</script>" not in html and "alert(1)" not in html


def test_an_unpublished_linked_page_is_not_linked(client, access_page, category):
    PublishedInformationItem.objects.create(page=access_page, title="Tin bài", link_page=category, sort_order=5)
    category.unpublish()
    html = client.get(access_page.url).content.decode()
    assert f'href="{category.url}"' not in html


def test_unknown_sub_path_is_404(client, access_page):
    assert client.get(access_page.url + "khong-co/").status_code == 404


@pytest.mark.parametrize("suffix", ["", "yeu-cau/"])
def test_query_count_does_not_grow_with_the_list(client, access_page, category, suffix):
    def measure():
        client.get(access_page.url + suffix)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(access_page.url + suffix).status_code == 200
        return len(queries)

    def add(count):
        for i in range(count):
            PublishedInformationItem.objects.create(
                page=access_page, title=f"Thông tin {i}", link_page=category if i % 2 else None, sort_order=10 + i
            )

    add(3)
    small = measure()
    add(45)
    large = measure()
    assert small == large
    assert large <= 14, large
