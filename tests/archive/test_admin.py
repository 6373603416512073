"""An archived site's pages are read-only in the admin, for every role and for superusers."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from eportal.editorial import roles
from eportal.news.models import ArticlePage

from ..editorial.conftest import client_for, make_user
from .conftest import archive, publish_article, unarchive

pytestmark = pytest.mark.django_db

REASON = "thuộc cổng lưu trữ “Cổng thông tin điện tử UBND Huyện Kế Sách” nên chỉ được xem"


@pytest.fixture
def editor(db):
    return client_for(make_user("bientapvien", Group.objects.get(name=roles.EDITOR)))


@pytest.fixture
def head(db):
    return client_for(make_user("truongban", Group.objects.get(name=roles.HEAD)))


@pytest.fixture
def superuser(db):
    user = get_user_model().objects.create_superuser("quantri", "quantri@kesach.example", "mat-khau-thu-nghiem")
    return client_for(user)


def refused(response):
    body = response.content.decode()
    return response.status_code == 403 and REASON in body


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["news", "articlepage", parent.pk])


def test_editor_may_edit_and_create_until_the_site_is_archived(editor, site, category, article):
    assert editor.get(edit_url(article)).status_code == 200
    assert editor.get(add_url(category)).status_code == 200
    archive(site)
    assert refused(editor.get(edit_url(article)))
    assert refused(editor.get(add_url(category)))
    assert refused(editor.post(edit_url(article), {"title": "Đổi tên"}))
    assert Page.objects.get(pk=article.pk).title == "Huyện Kế Sách sơ kết sáu tháng đầu năm 2025"
    unarchive(site)
    assert editor.get(edit_url(article)).status_code == 200


@pytest.mark.parametrize("who", ["head", "superuser"])
def test_publish_unpublish_delete_move_are_refused(request, who, site, home, category, article):
    client = request.getfixturevalue(who)
    other = publish_article(home, "Tin khác", "tin-khac")
    archive(site)

    assert refused(client.post(edit_url(article), {"action-publish": "action-publish", "title": "Sửa"}))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[article.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[article.pk])))
    if who == "superuser":  # the head of the board has no move permission anyway
        assert refused(client.post(reverse("wagtailadmin_pages:move_confirm", args=[other.pk, category.pk])))
    assert refused(client.get(edit_url(home)))
    assert refused(client.get(add_url(category)))

    article.refresh_from_db()
    assert article.live and article.title == "Huyện Kế Sách sơ kết sáu tháng đầu năm 2025"
    assert Page.objects.get(pk=other.pk).get_parent().pk == home.pk
    assert ArticlePage.objects.count() == 2


def test_superuser_bulk_actions_are_refused(superuser, site, category, article):
    archive(site)
    for action in ["delete", "unpublish", "publish"]:
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={article.pk}&next=/admin/"
        assert refused(superuser.post(url)), action
    article.refresh_from_db()
    assert article.live and ArticlePage.objects.filter(pk=article.pk).exists()


def test_superuser_cannot_copy_or_move_pages_into_an_archive(superuser, site, other_site, category):
    outside = publish_article(other_site.root_page, "Tin của xã", "tin-cua-xa")
    archive(site)
    copy = superuser.post(reverse("wagtailadmin_pages:copy", args=[outside.pk]), {
        "new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": category.pk,
    })
    assert refused(copy)
    assert refused(superuser.post(reverse("wagtailadmin_pages:move_confirm", args=[outside.pk, category.pk])))
    assert not Page.objects.filter(slug="ban-sao").exists()
    assert Page.objects.get(pk=outside.pk).get_parent().pk == other_site.root_page_id


def test_other_site_stays_editable(superuser, editor, site, other_site, category):
    outside = publish_article(other_site.root_page, "Tin của xã", "tin-cua-xa")
    archive(site)
    assert editor.get(edit_url(outside)).status_code == 200
    response = superuser.post(reverse("wagtailadmin_pages:delete", args=[outside.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=outside.pk).exists()


def test_only_superusers_see_the_archive_setting(site, superuser):
    administrator = client_for(make_user("quantri2", Group.objects.get(name=roles.ADMINISTRATOR)))
    url = reverse("wagtailsettings:edit", args=["core", "siteidentity", site.pk])
    assert administrator.get(url).status_code == 200
    assert 'name="archived"' not in administrator.get(url).content.decode()
    assert 'name="archived"' in superuser.get(url).content.decode()
    # A posted "archived" from someone else is ignored.
    administrator.post(url, {"portal_title": "Cổng thông tin điện tử", "archived": "on", "archived_until": "2025-06-30"})
    from eportal.core.models import SiteIdentity

    assert not SiteIdentity.objects.get(site=site).archived


def test_superuser_archives_the_site_in_the_settings(site, superuser, client):
    from eportal.core.models import SiteIdentity

    url = reverse("wagtailsettings:edit", args=["core", "siteidentity", site.pk])
    form = {"portal_title": "Cổng thông tin điện tử", "agency_name": "UBND Huyện Kế Sách", "archived": "on"}
    response = superuser.post(url, form)
    assert response.status_code == 200 and "Nhập ngày cuối cùng cổng còn hoạt động." in response.content.decode()
    assert not SiteIdentity.objects.get(site=site).archived

    assert superuser.post(url, {**form, "archived_until": "2025-06-30"}).status_code == 302
    assert "Trang lưu trữ của Cổng thông tin điện tử UBND Huyện Kế Sách, hoạt động đến 30/06/2025" in (
        client.get("/").content.decode()
    )
