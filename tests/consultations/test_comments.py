"""The public comment form: open only inside the period, and defended against abuse."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from eportal.consultations import antispam
from eportal.consultations.models import ConsultationComment

from .conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db


def test_comment_inside_the_period_is_kept_pending_and_not_shown(client, open_consultation):
    page = open_consultation
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert 'name="website"' in response.content.decode()

    response = client.post(comment_url(page), comment_data(page))
    assert response.status_code == 302
    assert response["Location"].startswith(page.url + "da-gui/")
    comment = ConsultationComment.objects.get()
    assert comment.page_id == page.pk
    assert comment.status == ConsultationComment.Status.PENDING
    assert comment.name == "Nguyễn Văn An" and comment.article_ref == "Điều 2, khoản 1"
    assert comment.email == "an.nguyen@example.invalid" and comment.phone == "0912 345 678"

    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã gửi góp ý" in thanks
    assert "sau khi Ban biên tập duyệt" in thanks
    page_html = client.get(page.url).content.decode()
    assert "Đề nghị bổ sung thời hạn báo cáo" not in page_html
    assert "Chưa có góp ý nào được công khai." in page_html


@pytest.mark.parametrize(
    "side, message", [("before", "Chưa đến thời gian góp ý."), ("after", "Đã hết thời hạn góp ý.")]
)
def test_comment_outside_the_period_is_refused(client, open_consultation, side, message):
    page = open_consultation
    now = timezone.now()
    if side == "before":
        page.opens_at, page.closes_at = now + timedelta(minutes=1), now + timedelta(days=10)
    else:
        page.opens_at, page.closes_at = now - timedelta(days=10), now - timedelta(seconds=1)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    assert 'name="text"' not in html  # no form outside the period
    assert message in html

    response = client.post(comment_url(page), comment_data(page))
    assert response.status_code == 403
    assert message in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_honeypot_is_refused(client, open_consultation):
    data = comment_data(open_consultation, website="http://spam.example")
    response = client.post(comment_url(open_consultation), data)
    assert response.status_code == 400
    assert "Không gửi được góp ý" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_too_fast_is_refused_and_the_text_is_kept(client, open_consultation):
    response = client.post(comment_url(open_consultation), comment_data(open_consultation, seconds_ago=1))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Góp ý được gửi quá nhanh" in html
    assert "Đề nghị bổ sung thời hạn báo cáo" in html  # kept in the form for a second try
    assert not ConsultationComment.objects.exists()


@pytest.mark.parametrize("token", ["", "khong-hop-le", "abc:def:ghi"])
def test_missing_or_forged_timestamp_is_refused(client, open_consultation, token):
    response = client.post(comment_url(open_consultation), comment_data(open_consultation, started=token))
    assert response.status_code == 400
    assert "Biểu mẫu không hợp lệ" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_timestamp_of_another_page_or_too_old_is_refused(client, open_consultation, closed_consultation):
    data = comment_data(open_consultation, started=antispam.issue_token(closed_consultation, issued_at=0 + 10**9))
    response = client.post(comment_url(open_consultation), data)
    assert response.status_code == 400
    old = comment_data(open_consultation, seconds_ago=antispam.MAX_FORM_AGE_SECONDS + 60)
    response = client.post(comment_url(open_consultation), old)
    assert response.status_code == 400
    assert "Biểu mẫu đã quá hạn" in response.content.decode()
    assert not ConsultationComment.objects.exists()


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"email": "", "phone": ""}, "Vui lòng để lại thư điện tử hoặc số điện thoại"),
        ({"email": "khong-phai-thu"}, "Địa chỉ thư điện tử không hợp lệ."),
        ({"phone": "12ab"}, "Số điện thoại không hợp lệ."),
        ({"name": "  "}, "Vui lòng nhập họ và tên."),
        ({"text": ""}, "Vui lòng nhập nội dung góp ý."),
        ({"text": "ý" * 5001}, "Nội dung góp ý dài tối đa 5000 ký tự"),
    ],
)
def test_invalid_comment_gets_a_vietnamese_message_and_nothing_is_written(client, open_consultation, extra, message):
    response = client.post(comment_url(open_consultation), comment_data(open_consultation, **extra))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Góp ý chưa được gửi" in html
    assert not ConsultationComment.objects.exists()


def test_one_contact_is_enough_and_text_of_5000_characters_is_accepted(client, open_consultation):
    data = comment_data(open_consultation, email="", organisation="", article_ref="", text="ý" * 5000)
    assert client.post(comment_url(open_consultation), data).status_code == 302
    data = comment_data(open_consultation, phone="", text="<script>alert(1)</script>")
    assert client.post(comment_url(open_consultation), data).status_code == 302
    assert ConsultationComment.objects.count() == 2


def test_rate_limit_per_client(client, open_consultation, monkeypatch):
    monkeypatch.setattr(antispam, "RATE_LIMIT", 3)
    url = comment_url(open_consultation)
    for _ in range(3):
        assert client.post(url, comment_data(open_consultation), REMOTE_ADDR="203.0.113.7").status_code == 302
    response = client.post(url, comment_data(open_consultation), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert "quá nhiều góp ý" in response.content.decode()
    assert ConsultationComment.objects.count() == 3
    # Another client is not affected.
    assert client.post(url, comment_data(open_consultation), REMOTE_ADDR="203.0.113.8").status_code == 302


def test_rate_limit_key_is_a_daily_hash_not_the_address(rf, monkeypatch):
    request = rf.post("/", REMOTE_ADDR="203.0.113.7")
    key = antispam.client_key(request)
    assert "203.0.113.7" not in key and len(key) == 32
    assert key == antispam.client_key(rf.post("/", REMOTE_ADDR="203.0.113.7"))
    assert key != antispam.client_key(rf.post("/", REMOTE_ADDR="203.0.113.8"))
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda: tomorrow)
    assert key != antispam.client_key(request)


def test_csrf_is_enforced(open_consultation):
    client = Client(enforce_csrf_checks=True)
    response = client.post(comment_url(open_consultation), comment_data(open_consultation))
    assert response.status_code == 403
    assert not ConsultationComment.objects.exists()

    client.get(open_consultation.url)
    token = client.cookies["csrftoken"].value
    data = comment_data(open_consultation, csrfmiddlewaretoken=token)
    assert client.post(comment_url(open_consultation), data).status_code == 302
    assert ConsultationComment.objects.count() == 1


def test_get_on_the_form_address_goes_back_to_the_page(client, open_consultation):
    response = client.get(comment_url(open_consultation))
    assert response.status_code == 302
    assert response["Location"].startswith(open_consultation.url)
