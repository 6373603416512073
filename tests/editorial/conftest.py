import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from eportal.editorial import roles

from ..factories import CategoryFactory


def make_user(username, *groups):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@kesach.example", password="mat-khau-thu-nghiem"
    )
    user.groups.set(groups)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def board(db, home):
    """One user per role, and two categories."""
    return make_board(home)


def make_board(home):
    """One user per role, and two categories under `home`."""
    group = {name: Group.objects.get(name=name) for name in roles.ROLES}
    return {
        "contributor": make_user("phongvien", group[roles.CONTRIBUTOR]),
        "other_contributor": make_user("congtacvien", group[roles.CONTRIBUTOR]),
        "editor": make_user("bientapvien", group[roles.EDITOR]),
        "head": make_user("truongban", group[roles.HEAD]),
        "administrator": make_user("quantri", group[roles.ADMINISTRATOR]),
        "news": CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien"),
        "economy": CategoryFactory(parent=home, title="Kinh tế", slug="kinh-te"),
    }


@pytest.fixture
def economy_reporter(board):
    """A reporter whose group may write only in the "Kinh tế" category."""
    group = Group.objects.create(name="Phóng viên chuyên mục Kinh tế")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=board["economy"], permission=Permission.objects.get(codename="add_page")
    )
    return make_user("phongvien_kinhte", group)


def article_form(title="Hội nghị triển khai nhiệm vụ năm 2027", **extra):
    data = {
        "title": title,
        "slug": "hoi-nghi-trien-khai-nhiem-vu",
        "date": "2026-11-20 08:00",
        "lead": "Sáng nay, UBND huyện tổ chức hội nghị.",
        "body": streamfield([]),
        "author_name": "Lê Văn Tám",
        "author_position": "Phóng viên",
        "source": "",
        "tags": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(extra)
    return nested_form_data(data)
