import pytest
from wagtail.models import Page, Revision

from eportal.access import demo
from eportal.access.models import AccessToInformationPage, PublishedInformationItem
from eportal.core.models.taxonomy import Agency

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(client, site, home, category):
    page = demo.load(site, home)
    counts = (Page.objects.count(), Revision.objects.count(), PublishedInformationItem.objects.count(),
              Agency.objects.count())
    demo.load(site, home)
    assert counts == (Page.objects.count(), Revision.objects.count(), PublishedInformationItem.objects.count(),
                      Agency.objects.count())
    assert AccessToInformationPage.objects.get().slug == "tiep-can-thong-tin" and page.live

    html = client.get(page.url).content.decode()
    for text in ["Tin bài", "Văn bản quy phạm pháp luật", "Thủ tục hành chính", "ngân sách", "Quy hoạch",
                 "đầu tư công", "Văn phòng HĐND và UBND huyện", "(Dữ liệu mẫu)", f'href="{category.url}"']:
        assert text in html, text
    assert client.get(page.url + "yeu-cau/").status_code == 200
