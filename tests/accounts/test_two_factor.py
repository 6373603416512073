import re
from base64 import b32decode

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import PASSWORD, csrf_client, is_logged_in, login, post_form

SETUP_URL = "/admin/xac-thuc-hai-buoc/"
VERIFY_URL = "/admin/nhap-ma-xac-thuc/"


def code_for(key: bytes, drift=0):
    return f"{totp(key, drift=drift):06d}"


def enable_two_factor(client):
    """Go through the setup page as the user does: read the key off the page, type a code."""
    html = client.get(SETUP_URL).content.decode()
    assert "<svg" in html and "Mã QR" in html
    shown = re.search(r'class="eportal-otp-key">([A-Z2-7 ]+)<', html).group(1)
    key = b32decode(shown.replace(" ", "") + "=" * (-len(shown.replace(" ", "")) % 8))
    response = post_form(client, SETUP_URL, {"action": "enable", "token": code_for(key)})
    return key, response


@pytest.fixture
def two_factor_user(admin_user):
    """The admin with two-step verification on; returns (user, key)."""
    client = csrf_client()
    assert login(client, "quantri", PASSWORD).status_code == 302
    key, response = enable_two_factor(client)
    assert response.status_code == 200
    return admin_user, key


@pytest.mark.django_db
def test_enabling_shows_qr_code_then_backup_codes(admin_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person retyping takes longer than django-otp's 1 s wait
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    account = client.get("/admin/account/").content.decode()
    assert "Xác thực hai bước" in account and SETUP_URL in account

    html = client.get(SETUP_URL).content.decode()
    shown = re.search(r'class="eportal-otp-key">([A-Z2-7 ]+)<', html).group(1)
    wrong = post_form(client, SETUP_URL, {"action": "enable", "token": "000000"})
    assert "Mã xác thực không đúng" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()
    # Reloading the page keeps the same key (the user may have scanned it already).
    assert shown in wrong.content.decode()

    key, response = enable_two_factor(client)
    html = response.content.decode()
    assert "Đã bật xác thực hai bước" in html and "Mã dự phòng" in html
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", html)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=admin_user, confirmed=True).bin_key == key
    # The session that turned it on stays usable.
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_login_needs_the_code_before_any_admin_page(two_factor_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person retyping takes longer than django-otp's 1 s wait
    user, key = two_factor_user
    client = csrf_client()
    assert login(client, "quantri", PASSWORD).status_code == 302
    for path in ["/admin/", "/admin/pages/", "/admin/account/", SETUP_URL]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY_URL), path
    assert "Nhập mã xác thực" in client.get(VERIFY_URL).content.decode()

    wrong = post_form(client, VERIFY_URL + "?next=/admin/pages/", {"token": "123456", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and "Mã xác thực không đúng" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    right = post_form(client, VERIFY_URL, {"token": code_for(key, drift=1), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_next_cannot_point_off_site(two_factor_user):
    user, key = two_factor_user
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    response = post_form(client, VERIFY_URL, {"token": code_for(key, drift=1), "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_backup_code_works_once(two_factor_user):
    user, _key = two_factor_user
    code = StaticToken.objects.filter(device__user=user).first().token
    first = csrf_client()
    login(first, "quantri", PASSWORD)
    assert post_form(first, VERIFY_URL, {"token": code}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = csrf_client()
    login(second, "quantri", PASSWORD)
    assert post_form(second, VERIFY_URL, {"token": code}).status_code == 200
    assert second.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_five_wrong_codes_log_out_and_lock(two_factor_user):
    user, key = two_factor_user
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    for _ in range(4):
        assert post_form(client, VERIFY_URL, {"token": "000000"}).status_code == 200
    response = post_form(client, VERIFY_URL, {"token": "000000"})
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert not is_logged_in(client)
    page = client.get("/admin/login/").content.decode()
    assert "Đăng nhập tạm thời bị khóa" in page
    assert login(csrf_client(), "quantri", PASSWORD, ip="203.0.113.5").status_code == 429


@pytest.mark.django_db
def test_logging_in_again_does_not_give_fresh_guesses(two_factor_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # waits of minutes, so a slow test machine cannot outlast them
    user, key = two_factor_user
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    for _ in range(3):
        post_form(client, VERIFY_URL, {"token": "000000"})
    again = csrf_client()
    assert login(again, "quantri", PASSWORD).status_code == 302
    response = post_form(again, VERIFY_URL, {"token": code_for(key, drift=1)})
    assert response.status_code == 200
    assert "Vui lòng chờ" in response.content.decode()
    assert again.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_outside_the_admin_a_half_logged_in_user_is_anonymous(two_factor_user, home):
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    response = client.get("/")
    assert response.status_code == 200
    assert response.wsgi_request.user.is_anonymous


@pytest.mark.django_db
def test_turning_off_needs_a_current_code(two_factor_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person retyping takes longer than django-otp's 1 s wait
    user, key = two_factor_user
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    backup = StaticToken.objects.filter(device__user=user).first().token
    post_form(client, VERIFY_URL, {"token": backup})

    refused = post_form(client, SETUP_URL, {"action": "disable", "token": "000000"})
    assert "Mã xác thực không đúng" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    done = post_form(client, SETUP_URL, {"action": "disable", "token": code_for(key, drift=1)})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    fresh = csrf_client()
    login(fresh, "quantri", PASSWORD)
    assert fresh.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_required_two_factor_sends_users_without_it_to_the_setup_page(admin_user, settings):
    settings.EPORTAL_REQUIRE_2FA = True
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP_URL)
    html = client.get(SETUP_URL).content.decode()
    assert "Cổng yêu cầu xác thực hai bước" in html
    enable_two_factor(client)
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_disable_2fa_command_helps_a_user_who_lost_the_phone(two_factor_user):
    call_command("disable_2fa", "quantri")
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    assert client.get("/admin/").status_code == 200
