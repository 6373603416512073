import time

import pytest

from eportal.access import formguard
from eportal.access.models import AccessToInformationPage, PublishedInformationItem
from eportal.access.views import PURPOSE
from eportal.core.models.taxonomy import Agency
from eportal.core.pages import publish_child

from ..editorial.conftest import board, client_for, make_user  # noqa: F401  (fixtures and helpers)


@pytest.fixture
def access_page(home):
    agency = Agency.objects.create(
        name="Văn phòng HĐND và UBND huyện", address="Thị trấn Kế Sách", phone="0299 3000 001",
        email="vanphong@kesach.example",
    )
    page = AccessToInformationPage(
        title="Tiếp cận thông tin", slug="tiep-can-thong-tin",
        intro="Căn cứ Luật Tiếp cận thông tin năm 2016.",
        focal_agency=agency, focal_person="Chánh Văn phòng HĐND và UBND huyện",
        focal_email="tiepcan@kesach.example",
        request_guide="<p>Gửi phiếu yêu cầu trực tuyến hoặc trực tiếp.</p><script>alert(1)</script>",
        complaint_text="<p>Người yêu cầu có quyền khiếu nại, tố cáo.</p>",
        complaint_contact="Thanh tra huyện Kế Sách",
    )
    page.published_items = [
        PublishedInformationItem(title="Thủ tục hành chính", link_url="https://dichvucong.gov.vn/",
                                 place="Bộ phận Một cửa", form="Đăng trên cổng", timing="Thường xuyên"),
        PublishedInformationItem(title="Dự toán ngân sách huyện", place="Bảng niêm yết tại trụ sở UBND huyện",
                                 form="Niêm yết", timing="Hằng năm"),
    ]
    return publish_child(home, page)


def old_token(seconds=60):
    """A form token issued `seconds` ago, as if a person had been filling in the form."""
    return formguard.issue_token(PURPOSE, now=time.time() - seconds)


def request_data(**extra):
    data = {
        "name": "Nguyễn Văn An",
        "address": "Ấp An Phú, xã Kế An, huyện Kế Sách",
        "email": "nguyenvanan@example.com",
        "phone": "0912 345 678",
        "information": "Quyết định phê duyệt kế hoạch sử dụng đất năm 2026 của huyện.",
        "purpose": "Tìm hiểu quy hoạch trước khi xin chuyển mục đích sử dụng đất.",
        "delivery": "email",
        formguard.TOKEN_FIELD: old_token(),
        formguard.HONEYPOT_FIELD: "",
    }
    data.update(extra)
    return data
