"""`make run DEMO=province`: the province portal, an example commune and the archived
Kế Sách district portal, whose old addresses still lead to its pages."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from wagtail.models import Site

from eportal.legacy.models import LegacyURL
from eportal.legacy.redirects import record_urls
from eportal.news.models import ArticlePage

pytestmark = pytest.mark.django_db

BANNER = "Trang lưu trữ của Cổng thông tin điện tử UBND Huyện Kế Sách, hoạt động đến 30/06/2025"


def test_the_province_demo(client, settings, django_capture_on_commit_callbacks):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "kesach.soctrang.gov.vn"]
    # As in production, committed changes renew the content version (and the prefix map).
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--province", stdout=StringIO())
        call_command("load_demo", "--province", stdout=StringIO())  # a second run changes nothing

    province = client.get("/").content.decode()
    assert "Cổng thông tin điện tử thành phố Cần Thơ (dữ liệu mẫu)" in province
    assert BANNER not in province

    commune = client.get("/xa-ke-sach/").content.decode()
    assert "Cổng thông tin điện tử xã Kế Sách (dữ liệu mẫu)" in commune
    assert "Xã Kế Sách ra quân làm đường giao thông nông thôn" in commune

    archive = client.get("/huyen-ke-sach/").content.decode()
    assert BANNER in archive

    # The seed article's old Liferay address, as the HTML importer records it, answered on
    # the old host and under the archive's prefix.
    site = Site.objects.get(hostname="kesach.soctrang.gov.vn")
    seed = ArticlePage.objects.descendant_of(site.root_page).get()
    old_path = "/web/guest/tin-tuc?p_p_id=101_INSTANCE_abc&_101_INSTANCE_abc_articleId=45678"
    record_urls(site, seed, [f"http://kesach.soctrang.gov.vn{old_path}"])
    legacy = LegacyURL.objects.select_related("page").first()
    for host, path in [("kesach.soctrang.gov.vn", old_path), ("testserver", "/huyen-ke-sach" + old_path)]:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 301, (host, path)
        assert urlsplit(response["Location"]).path.startswith("/huyen-ke-sach/")
        article = client.get(response["Location"], HTTP_HOST=host)
        assert article.status_code == 200
        assert BANNER in article.content.decode()
        assert legacy.page.title in article.content.decode()
