"""The public information request form: valid requests are kept, everything else refused in Vietnamese."""

import pytest
from django.test import Client
from django.utils import timezone

from eportal.access import formguard
from eportal.access.models import InformationRequest
from eportal.access.workdays import request_due_date

from .conftest import old_token, request_data

pytestmark = pytest.mark.django_db


def form_url(page):
    return page.url + "yeu-cau/"


def test_form_page_has_csrf_honeypot_and_token(client, access_page):
    response = client.get(form_url(access_page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gửi yêu cầu cung cấp thông tin" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'name="{formguard.HONEYPOT_FIELD}"' in html and f'name="{formguard.TOKEN_FIELD}"' in html
    for label in ["Họ và tên người yêu cầu", "Địa chỉ", "Thư điện tử", "Điện thoại", "Thông tin cần cung cấp",
                  "Mục đích sử dụng thông tin", "Hình thức nhận thông tin", "Gửi qua thư điện tử"]:
        assert label in html
    assert "chứng minh" not in html.lower() and "căn cước" not in html.lower()  # no national ID asked
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_valid_request_is_saved_with_its_due_date(client, access_page):
    response = client.post(form_url(access_page), request_data())
    assert response.status_code == 303
    request = InformationRequest.objects.get()
    assert request.name == "Nguyễn Văn An" and request.status == InformationRequest.Status.NEW
    assert request.due_date == request_due_date(timezone.localdate())
    assert request.answered_on is None

    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    html = receipt.content.decode()
    assert request.reference in html and request.due_date.strftime("%d/%m/%Y") in html
    # The receipt shows nothing personal, and neither does the public page.
    for private in ["Nguyễn Văn An", "nguyenvanan@example.com", "0912 345 678", "Ấp An Phú"]:
        assert private not in html
        assert private not in client.get(access_page.url).content.decode()


def test_phone_alone_is_enough_contact(client, access_page):
    response = client.post(form_url(access_page), request_data(email="", delivery="on_site"))
    assert response.status_code == 303
    assert InformationRequest.objects.get().phone == "0912 345 678"


def refused(response, status, message):
    assert response.status_code == status
    assert message in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_missing_contact(client, access_page):
    response = client.post(form_url(access_page), request_data(email="", phone=""))
    refused(response, 400, "Hãy để lại ít nhất một cách liên lạc: thư điện tử hoặc số điện thoại.")
    assert "Nguyễn Văn An" in response.content.decode()  # what was typed is kept


@pytest.mark.parametrize("changes, message", [
    ({"name": ""}, "Hãy nhập họ và tên."),
    ({"address": ""}, "Hãy nhập địa chỉ."),
    ({"information": ""}, "Hãy ghi rõ thông tin cần cung cấp."),
    ({"purpose": ""}, "Hãy ghi mục đích sử dụng thông tin."),
    ({"email": "khong-phai-email"}, "Địa chỉ thư điện tử không hợp lệ."),
    ({"phone": "abc"}, "Số điện thoại không hợp lệ"),
    ({"delivery": "fax"}, "Hình thức nhận thông tin không hợp lệ."),
    ({"email": "", "delivery": "email"}, "Bạn chọn nhận thông tin qua thư điện tử: hãy nhập địa chỉ thư điện tử."),
    ({"information": "x" * 5001}, "Nội dung quá dài (tối đa 5.000 ký tự)."),
])
def test_invalid_fields(client, access_page, changes, message):
    refused(client.post(form_url(access_page), request_data(**changes)), 400, message)


def test_honeypot(client, access_page):
    response = client.post(form_url(access_page), request_data(**{formguard.HONEYPOT_FIELD: "http://spam.example"}))
    refused(response, 400, "Không thể nhận biểu mẫu này.")


def test_too_fast(client, access_page):
    response = client.post(form_url(access_page), request_data(**{formguard.TOKEN_FIELD: old_token(seconds=1)}))
    refused(response, 400, "Biểu mẫu được gửi quá nhanh.")
    assert "Nguyễn Văn An" in response.content.decode()


TOKENS = {
    "empty": lambda: "",
    "forged": lambda: "gia-mao:123",
    "another form's": lambda: formguard.issue_token("satisfaction", now=0),
    "expired": lambda: old_token(seconds=2 * 24 * 3600),
}


@pytest.mark.parametrize("kind, message", [
    ("empty", "Biểu mẫu không hợp lệ."),
    ("forged", "Biểu mẫu không hợp lệ."),
    ("another form's", "Biểu mẫu không hợp lệ."),
    ("expired", "Biểu mẫu đã quá hạn."),
])
def test_missing_forged_or_expired_token(client, access_page, kind, message):
    token = TOKENS[kind]()
    refused(client.post(form_url(access_page), request_data(**{formguard.TOKEN_FIELD: token})), 400, message)


def test_rate_limited_per_client_per_day(client, access_page):
    for _ in range(3):
        assert client.post(form_url(access_page), request_data()).status_code == 303
    response = client.post(form_url(access_page), request_data())
    assert response.status_code == 429
    assert "Hôm nay bạn đã gửi nhiều yêu cầu." in response.content.decode()
    assert InformationRequest.objects.count() == 3
    # Another client (another address) is not affected.
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(form_url(access_page), request_data()).status_code == 303


def test_invalid_submissions_do_not_count_towards_the_limit(client, access_page):
    for _ in range(5):
        assert client.post(form_url(access_page), request_data(name="")).status_code == 400
    assert client.post(form_url(access_page), request_data()).status_code == 303


def test_no_ip_address_is_stored(client, access_page):
    client.post(form_url(access_page), request_data(), REMOTE_ADDR="198.51.100.23")
    values = InformationRequest.objects.values()[0]
    assert not any("198.51.100.23" in str(value) for value in values.values())


def test_csrf_is_required(access_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(form_url(access_page), request_data())
    assert response.status_code == 403
    assert not InformationRequest.objects.exists()

    html = client.get(form_url(access_page)).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(form_url(access_page), request_data(csrfmiddlewaretoken=token))
    assert response.status_code == 303
    assert InformationRequest.objects.count() == 1


def test_other_methods_and_bad_receipts(client, access_page):
    assert client.put(form_url(access_page)).status_code == 405
    response = client.get(form_url(access_page) + "da-gui/?ma=gia-mao")
    assert response.status_code == 400
    assert "Đường dẫn này không hợp lệ." in response.content.decode()
    assert client.get(form_url(access_page) + "da-gui/").status_code == 400


def test_nothing_half_written_when_saving_fails(client, access_page, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(InformationRequest, "save", broken_save)
    client.raise_request_exception = False
    response = client.post(form_url(access_page), request_data())
    assert response.status_code == 500
    monkeypatch.undo()
    assert not InformationRequest.objects.exists()
    # The failed attempt did not use up the client's daily quota.
    for _ in range(3):
        assert client.post(form_url(access_page), request_data()).status_code == 303
