import time

import pytest
from django.conf import settings as django_settings

from eportal.accounts.middleware import LAST_ACTIVITY_KEY

from .conftest import PASSWORD, csrf_client, is_logged_in, login, post_form


def set_last_activity(client, seconds_ago):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds_ago
    session.save()


def test_sessions_end_with_the_browser_and_after_eight_hours():
    assert django_settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert django_settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert django_settings.EPORTAL_SESSION_IDLE_MINUTES == 30


@pytest.mark.django_db
def test_idle_admin_session_is_logged_out(admin_user):
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    set_last_activity(client, 29 * 60)
    assert client.get("/admin/").status_code == 200

    set_last_activity(client, 31 * 60)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/pages/"
    assert not is_logged_in(client)
    page = client.get(response["Location"]).content.decode()
    assert "Phiên làm việc đã kết thúc vì không hoạt động quá 30 phút" in page


@pytest.mark.django_db
def test_idle_limit_comes_from_the_setting(admin_user, settings):
    settings.EPORTAL_SESSION_IDLE_MINUTES = 5
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    set_last_activity(client, 6 * 60)
    assert client.get("/admin/").status_code == 302
    assert not is_logged_in(client)


@pytest.mark.django_db
def test_activity_is_written_at_most_once_a_minute(admin_user):
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    set_last_activity(client, 10)
    before = client.session[LAST_ACTIVITY_KEY]
    client.get("/admin/")
    assert client.session[LAST_ACTIVITY_KEY] == before

    set_last_activity(client, 120)
    client.get("/admin/")
    assert client.session[LAST_ACTIVITY_KEY] >= int(time.time()) - 5


@pytest.mark.django_db
def test_changing_the_password_logs_out_other_sessions(admin_user):
    here, elsewhere = csrf_client(), csrf_client()
    login(here, "quantri", PASSWORD)
    login(elsewhere, "quantri", PASSWORD, ip="192.0.2.20")
    assert elsewhere.get("/admin/").status_code == 200

    new_password = "Mật-khẩu-Mới-2027"
    response = post_form(here, "/admin/account/", {
        "password-old_password": PASSWORD,
        "password-new_password1": new_password,
        "password-new_password2": new_password,
        "locale-preferred_language": "vi",
        "locale-current_time_zone": "Asia/Ho_Chi_Minh",
        "theme-theme": "system", "theme-density": "default", "theme-contrast": "system",
        "name_email-first_name": "Văn", "name_email-last_name": "Quản Trị", "name_email-email": "quantri@kesach.example",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    admin_user.refresh_from_db()
    assert admin_user.check_password(new_password)
    assert here.get("/admin/").status_code == 200
    assert elsewhere.get("/admin/").status_code == 302
