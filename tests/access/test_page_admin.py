"""The access page is created and edited in the admin like any page, and moderated like them."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from eportal.access.models import AccessToInformationPage, GUIDE_FEATURES

from .conftest import client_for

pytestmark = pytest.mark.django_db


def add_url(home):
    return f"/admin/pages/add/access/accesstoinformationpage/{home.pk}/"


def page_form(items, **extra):
    data = {
        "title": "Tiếp cận thông tin",
        "slug": "tiep-can-thong-tin",
        "intro": "Căn cứ Luật Tiếp cận thông tin năm 2016.",
        "published_items": inline_formset(items),
        "focal_agency": "",
        "focal_person": "Chánh Văn phòng",
        "focal_address": "Thị trấn Kế Sách",
        "focal_phone": "0299 3000 001",
        "focal_email": "tiepcan@kesach.example",
        "request_guide": rich_text("<p>Gửi phiếu yêu cầu.</p>", features=GUIDE_FEATURES),
        "complaint_text": rich_text("<p>Quyền khiếu nại.</p>", features=GUIDE_FEATURES),
        "complaint_contact": "Thanh tra huyện",
        "comments": inline_formset([]),
        "seo_title": "", "search_description": "", "go_live_at": "", "expire_at": "",
    }
    data.update(extra)
    return nested_form_data(data)


def item(**extra):
    data = {"title": "Thủ tục hành chính", "link_page": "", "link_url": "https://dichvucong.gov.vn/",
            "place": "Bộ phận Một cửa", "form": "Đăng trên cổng", "timing": "Thường xuyên"}
    data.update(extra)
    return data


def test_head_creates_and_publishes_the_page_with_its_list(board, home, client):
    response = client_for(board["head"]).post(
        add_url(home), page_form([item(), item(title="Dự toán ngân sách", link_url="")], **{"action-publish": "1"})
    )
    assert response.status_code == 302
    page = AccessToInformationPage.objects.get()
    assert page.live
    assert list(page.published_items.values_list("title", flat=True)) == ["Thủ tục hành chính", "Dự toán ngân sách"]
    html = client.get(page.url).content.decode()
    assert "Dự toán ngân sách" in html and "Gửi phiếu yêu cầu." in html


def test_an_item_links_to_a_page_or_an_address_not_both(board, home):
    response = client_for(board["head"]).post(add_url(home), page_form([item(link_page=str(board["news"].pk))]))
    assert response.status_code == 200
    assert "Chỉ chọn một: trang trên cổng hoặc địa chỉ trang web." in response.content.decode()
    assert not AccessToInformationPage.objects.exists()


def test_contributor_drafts_but_cannot_publish(board, home):
    client = client_for(board["contributor"])
    assert client.post(add_url(home), page_form([item()], **{"action-publish": "1"})).status_code == 403
    assert client.post(add_url(home), page_form([item()])).status_code == 302
    assert not AccessToInformationPage.objects.get().live
