from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.db.models import F

from .conftest import PASSWORD, csrf_client, is_logged_in, login

LOCKED = "Đăng nhập tạm thời bị khóa vì nhập sai quá nhiều lần"
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng"


def assert_locked_page(response):
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in html and "15 phút" in html
    assert "Account locked" not in html and "Traceback" not in html
    assert 'name="password"' in html  # still Wagtail's login page, not a bare error


def fail_times(count, username="quantri", ips=None, **extra):
    client = csrf_client()
    for i in range(count):
        ip = ips[i] if ips else "192.0.2.10"
        response = login(client, username, "sai-mat-khau", ip=ip, **extra)
    return response


@pytest.mark.django_db
def test_wrong_passwords_from_many_addresses_lock_the_account(admin_user):
    ips = [f"198.51.100.{i}" for i in range(1, 6)]
    for i, ip in enumerate(ips[:4]):
        response = login(csrf_client(), "quantri", "sai-mat-khau", ip=ip)
        assert response.status_code == 200 and WRONG in response.content.decode()
    assert_locked_page(login(csrf_client(), "quantri", "sai-mat-khau", ip=ips[4]))

    client = csrf_client()
    response = login(client, "quantri", PASSWORD, ip="203.0.113.99")
    assert_locked_page(response)
    assert not is_logged_in(client)


@pytest.mark.django_db
def test_wrong_passwords_for_many_accounts_lock_the_address(admin_user):
    client = csrf_client()
    for i in range(5):
        response = login(client, f"khong-co-{i}", "sai-mat-khau", ip="192.0.2.66")
    assert_locked_page(response)

    assert_locked_page(login(csrf_client(), "quantri", PASSWORD, ip="192.0.2.66"))
    other = csrf_client()
    assert login(other, "quantri", PASSWORD, ip="192.0.2.67").status_code == 302
    assert is_logged_in(other)


@pytest.mark.django_db
def test_forged_forwarded_for_does_not_give_a_fresh_address(admin_user):
    for i in range(5):
        response = login(csrf_client(), f"khong-co-{i}", "sai", ip="192.0.2.70",
                         HTTP_X_FORWARDED_FOR=f"10.9.8.{i}")
    assert_locked_page(response)
    assert_locked_page(login(csrf_client(), "quantri", PASSWORD, ip="192.0.2.70",
                             HTTP_X_FORWARDED_FOR="10.1.1.1"))


@pytest.mark.django_db
def test_behind_our_proxy_each_visitor_is_counted_apart(admin_user, settings):
    settings.EPORTAL_TRUSTED_PROXIES = ["127.0.0.1"]
    for i in range(5):
        response = login(csrf_client(), f"khong-co-{i}", "sai", ip="127.0.0.1",
                         HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert_locked_page(response)
    # The visitor prepends a made-up address; nginx appends the real one, which is believed.
    assert_locked_page(login(csrf_client(), "quantri", PASSWORD, ip="127.0.0.1",
                             HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7"))
    other = csrf_client()
    assert login(other, "quantri", PASSWORD, ip="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(admin_user):
    fail_times(4)
    assert login(csrf_client(), "quantri", PASSWORD).status_code == 302
    fail_times(4)
    client = csrf_client()
    assert login(client, "quantri", PASSWORD).status_code == 302
    assert is_logged_in(client)


@pytest.mark.django_db
def test_the_lock_ends_after_the_cool_off(admin_user):
    fail_times(5)

    def minutes_pass(minutes):
        AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))

    minutes_pass(14)
    assert_locked_page(login(csrf_client(), "quantri", PASSWORD))
    # That refused attempt counted as a failure too (it restarts the cool-off).
    minutes_pass(16)
    client = csrf_client()
    assert login(client, "quantri", PASSWORD).status_code == 302
    assert is_logged_in(client)


@pytest.mark.django_db
def test_axes_reset_unlocks(admin_user):
    fail_times(5)
    call_command("axes_reset")
    assert login(csrf_client(), "quantri", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_force_login_and_test_client_login_still_work(admin_user, client):
    assert client.login(username="quantri", password=PASSWORD)
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
