import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

PASSWORD = "Mật-khẩu-Đúng-2026"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        username="quantri", email="quantri@kesach.example", password=PASSWORD
    )


def csrf_client():
    return Client(enforce_csrf_checks=True)


def csrf_token(client, url, **extra):
    html = client.get(url, **extra).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def post_form(client, url, data, ip="192.0.2.10", **extra):
    """POST a form the way a browser does: fetch the page, send its CSRF token back."""
    token = csrf_token(client, url, REMOTE_ADDR=ip, **extra)
    return client.post(url, {"csrfmiddlewaretoken": token, **data}, REMOTE_ADDR=ip, **extra)


def login(client, username, password, ip="192.0.2.10", **extra):
    return post_form(client, LOGIN_URL, {"username": username, "password": password, "next": "/admin/"},
                     ip=ip, **extra)


def is_logged_in(client):
    return "_auth_user_id" in client.session
