import pytest
from django.utils import timezone

from eportal.consultations import demo
from eportal.consultations.models import ConsultationComment, ConsultationIndexPage, ConsultationPage
from eportal.core.models import Agency

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(
            ConsultationPage.objects.values_list("slug", "opens_at", "closes_at", "latest_revision_id")
        ),
        "indexes": ConsultationIndexPage.objects.count(),
        "comments": ConsultationComment.objects.count(),
        "agencies": Agency.objects.count(),
    }


def test_demo_is_idempotent_and_labelled(client, site, home):
    index = demo.load(site, home)
    first = snapshot()
    demo.load(site, home)
    assert snapshot() == first
    assert first["indexes"] == 1 and len(first["pages"]) == 2

    now = timezone.now()
    open_page = ConsultationPage.objects.get(slug=demo.OPEN["slug"])
    closed_page = ConsultationPage.objects.get(slug=demo.CLOSED["slug"])
    assert open_page.live and open_page.state(now) == "dang-lay-y-kien"
    assert closed_page.live and closed_page.state(now) == "da-ket-thuc" and closed_page.summary_of_comments

    html = client.get(index.url).content.decode()
    assert "Dự thảo Kế hoạch thực hiện chuyên đề năm 2027" in html and "Dữ liệu mẫu" in html
    html = client.get(open_page.url).content.decode()
    assert "Dữ liệu mẫu" in html and 'name="text"' in html and "Chỉ thị số 03-CT/TW" in html
    html = client.get(closed_page.url).content.decode()
    assert "Đã kết thúc lấy ý kiến" in html and "Tổng hợp, tiếp thu, giải trình ý kiến" in html
    assert "@example.invalid" not in html
