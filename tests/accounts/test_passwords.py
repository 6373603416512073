import re
import unicodedata

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

from eportal.accounts.passwords import CharacterClassesValidator, generate_password

from .conftest import PASSWORD, csrf_client, login, post_form

THREE_OF_FOUR = "Mật khẩu phải có ít nhất 3 trong 4 loại ký tự"


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("password", [
    "matkhaurattdai",          # lower only
    "đườngphốhànội",           # lower only, Vietnamese
    "ĐườngPhốHàNội",           # lower + upper
    nfd("ĐườngPhốHàNội"),      # the same typed with combining accents: accents are not symbols
    "12345678-90",             # digit + symbol
])
def test_passwords_with_fewer_than_three_kinds_are_refused(password):
    with pytest.raises(ValidationError) as error:
        CharacterClassesValidator().validate(password)
    assert THREE_OF_FOUR in error.value.messages[0]


@pytest.mark.parametrize("password", [
    "ĐườngPhố2026",            # upper + lower + digit, Vietnamese letters count as letters
    nfd("ĐườngPhố2026"),
    "đường phố 2026",          # lower + symbol (space) + digit
    "KẾ SÁCH-2026",            # upper + symbol + digit
])
def test_passwords_with_three_kinds_pass(password):
    CharacterClassesValidator().validate(password)


def test_generated_passwords_pass_every_rule():
    for _ in range(200):
        validate_password(generate_password())


@pytest.mark.django_db
def test_ensure_admin_generates_a_password_that_passes(monkeypatch, capsys):
    monkeypatch.delenv("EPORTAL_ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    password = capsys.readouterr().out.split("change it after logging in): ")[1].strip()
    user = get_user_model().objects.get(username="admin")
    validate_password(password, user)
    assert user.check_password(password)


def errors_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.django_db
def test_wagtail_change_password_form_explains_in_vietnamese(admin_user):
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    response = post_form(client, "/admin/account/", {
        "password-old_password": PASSWORD,
        "password-new_password1": "abcdefgh",
        "password-new_password2": "abcdefgh",
        "name_email-first_name": "Văn", "name_email-last_name": "Quản Trị",
        "name_email-email": "quantri@kesach.example",
        "locale-preferred_language": "vi", "locale-current_time_zone": "Asia/Ho_Chi_Minh",
        "theme-theme": "system", "theme-density": "default", "theme-contrast": "system",
    })
    text = errors_of(response.content.decode())
    assert response.status_code == 200
    assert THREE_OF_FOUR in text
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự" in text
    assert "This password" not in text
    admin_user.refresh_from_db()
    assert admin_user.check_password(PASSWORD)


@pytest.mark.django_db
def test_wagtail_create_user_form_explains_in_vietnamese(admin_user):
    client = csrf_client()
    login(client, "quantri", PASSWORD)
    response = post_form(client, "/admin/users/new/", {
        "username": "bientap", "email": "bientap@kesach.example",
        "first_name": "Biên", "last_name": "Tập",
        "password1": "bientapvien", "password2": "bientapvien",
    })
    text = errors_of(response.content.decode())
    assert response.status_code == 200
    assert THREE_OF_FOUR in text
    assert "This password" not in text
    assert not get_user_model().objects.filter(username="bientap").exists()

    strong = "Biên-Tập-2026"
    response = post_form(client, "/admin/users/new/", {
        "username": "bientap", "email": "bientap@kesach.example",
        "first_name": "Biên", "last_name": "Tập",
        "password1": strong, "password2": strong,
    })
    assert response.status_code == 302
    assert get_user_model().objects.get(username="bientap").check_password(strong)
