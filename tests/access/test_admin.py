"""Information requests in the admin: the board handles them; contributors get 403."""

import datetime

import pytest
from django.utils import timezone

from eportal.access.models import InformationRequest
from eportal.access.workdays import request_due_date

from .conftest import client_for

pytestmark = pytest.mark.django_db

INDEX = "/admin/yeu-cau-thong-tin/"
ADD = INDEX + "new/"


def edit_url(request):
    return f"{INDEX}edit/{request.pk}/"


def make_request(**extra):
    data = {"name": "Trần Thị Bình", "address": "Xã Ba Trinh", "email": "binh@example.com",
            "information": "Danh mục dự án đầu tư công năm 2026", "purpose": "Tìm hiểu"}
    data.update(extra)
    return InformationRequest.objects.create(**data)


def admin_form(request=None, **extra):
    data = {
        "name": "Trần Thị Bình", "address": "Xã Ba Trinh", "email": "binh@example.com", "phone": "",
        "information": "Danh mục dự án đầu tư công năm 2026", "purpose": "Tìm hiểu", "delivery": "email",
        "status": "in_progress", "refusal_reason": "", "handling_note": "",
        "received_at": "2026-11-23 09:00", "due_date": "", "answered_on": "",
    }
    if request is not None:
        data["due_date"] = request.due_date.isoformat()
    data.update(extra)
    return data


def errors(response):
    return response.context["form"].errors


@pytest.mark.parametrize("role", ["editor", "head"])
def test_board_sees_contacts_and_updates_the_status(board, role):
    request = make_request(phone="0912 000 111")
    client = client_for(board[role])
    listing = client.get(INDEX).content.decode()
    assert request.reference in listing and "Trần Thị Bình" in listing and "Mới" in listing
    form = client.get(edit_url(request)).content.decode()
    assert "binh@example.com" in form and "0912 000 111" in form

    response = client.post(edit_url(request), admin_form(request, status="provided", handling_note="Đã gửi thư"))
    assert response.status_code == 302, errors(response)
    request.refresh_from_db()
    assert request.status == "provided" and request.answered_on == timezone.localdate()


def test_refusal_needs_a_reason(board):
    request = make_request()
    client = client_for(board["editor"])
    response = client.post(edit_url(request), admin_form(request, status="refused"))
    assert response.status_code == 200
    assert errors(response)["refusal_reason"] == ["Hãy ghi lý do từ chối cung cấp thông tin."]
    request.refresh_from_db()
    assert request.status == "new"

    response = client.post(edit_url(request), admin_form(
        request, status="refused", refusal_reason="Thông tin thuộc bí mật nhà nước (Điều 6 Luật Tiếp cận thông tin)."))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.get_status_display() == "Từ chối" and request.refusal_reason.startswith("Thông tin thuộc")


def test_paper_request_entered_by_the_board_gets_its_due_date(board):
    response = client_for(board["head"]).post(ADD, admin_form(email="", phone="0299 3000 002", delivery="copy"))
    assert response.status_code == 302, errors(response)
    request = InformationRequest.objects.get()
    assert request.due_date == request_due_date(datetime.date(2026, 11, 23)) == datetime.date(2026, 12, 14)


@pytest.mark.parametrize("changes, field, message", [
    ({"email": "", "phone": ""}, "email", "Hãy để lại ít nhất một cách liên lạc: thư điện tử hoặc số điện thoại."),
    ({"due_date": "2026-11-20"}, "due_date", "Hạn trả lời không được trước ngày nhận yêu cầu."),
    ({"phone": "12"}, "phone", "Số điện thoại không hợp lệ (ví dụ: 0299 3870 000)."),
])
def test_admin_validation(board, changes, field, message):
    response = client_for(board["editor"]).post(ADD, admin_form(**changes))
    assert response.status_code == 200
    assert message in errors(response)[field]
    assert not InformationRequest.objects.exists()


def test_overdue_requests_are_marked(board):
    make_request(received_at=timezone.now() - datetime.timedelta(days=60))
    make_request(name="Lê Văn Cường")
    html = client_for(board["editor"]).get(INDEX).content.decode()
    assert html.count("(quá hạn)") == 1


def test_contributor_and_anonymous_cannot_see_requests(board, client):
    request = make_request()
    contributor = client_for(board["contributor"])
    for url in [INDEX, ADD, edit_url(request)]:
        assert contributor.get(url).status_code == 403, url
    response = contributor.post(edit_url(request), admin_form(request, status="refused", refusal_reason="x"))
    assert response.status_code == 403
    assert client.get(INDEX).status_code == 302
    request.refresh_from_db()
    assert request.status == "new"
