"""Roles are enforced by the server: forbidden actions get 403, not a hidden button."""

import pytest
from wagtail.models import Page

from eportal.news.models import ArticlePage

from ..factories import ArticleFactory
from .conftest import article_form, client_for

pytestmark = pytest.mark.django_db


def add_url(category):
    return f"/admin/pages/add/news/articlepage/{category.pk}/"


def test_contributor_writes_a_draft_but_cannot_publish(board):
    client = client_for(board["contributor"])
    response = client.post(add_url(board["news"]), article_form(**{"action-publish": "1"}))
    assert response.status_code == 403
    assert not ArticlePage.objects.exists()

    response = client.post(add_url(board["news"]), article_form())
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert not page.live and page.owner == board["contributor"]
    response = client.post(f"/admin/pages/{page.pk}/edit/", article_form(slug=page.slug, **{"action-publish": "1"}))
    assert response.status_code == 403
    page.refresh_from_db()
    assert not page.live


def test_contributor_cannot_edit_others_work_or_unpublish(board):
    published = ArticleFactory(parent=board["news"], owner=board["other_contributor"])
    client = client_for(board["contributor"])
    assert client.get(f"/admin/pages/{published.pk}/edit/").status_code == 403
    assert client.post(f"/admin/pages/{published.pk}/edit/", article_form(slug=published.slug)).status_code == 403
    assert client.get(f"/admin/pages/{published.pk}/unpublish/").status_code == 403
    assert client.post(f"/admin/pages/{published.pk}/delete/").status_code == 403
    assert Page.objects.get(pk=published.pk).live


def test_reporter_limited_to_a_category_cannot_reach_another(board, economy_reporter):
    client = client_for(economy_reporter)
    assert client.get(add_url(board["economy"])).status_code == 200
    assert client.get(add_url(board["news"])).status_code == 403
    assert client.post(add_url(board["news"]), article_form()).status_code == 403
    elsewhere = ArticleFactory(parent=board["news"])
    assert client.get(f"/admin/pages/{elsewhere.pk}/edit/").status_code == 403
    assert not ArticlePage.objects.filter(owner=economy_reporter).exists()


def test_editor_edits_any_draft_but_cannot_publish(board):
    draft = ArticleFactory(parent=board["news"], owner=board["contributor"], live=False)
    client = client_for(board["editor"])
    response = client.post(f"/admin/pages/{draft.pk}/edit/", article_form(title="Tiêu đề đã biên tập", slug=draft.slug))
    assert response.status_code == 302
    assert Page.objects.get(pk=draft.pk).get_latest_revision_as_object().title == "Tiêu đề đã biên tập"
    assert client.post(f"/admin/pages/{draft.pk}/edit/", article_form(slug=draft.slug, **{"action-publish": "1"})).status_code == 403
    assert not Page.objects.get(pk=draft.pk).live


def test_only_the_administrator_manages_users_and_settings(board):
    for role in ["contributor", "editor", "head"]:
        client = client_for(board[role])
        assert client.get("/admin/users/").status_code in (302, 403), role
        assert client.get("/admin/settings/core/siteidentity/").status_code in (302, 403), role
    admin = client_for(board["administrator"])
    assert admin.get("/admin/users/").status_code == 200
    assert admin.get(f"/admin/settings/core/siteidentity/{board['news'].get_site().pk}/").status_code == 200
    assert admin.get(add_url(board["news"])).status_code == 403


def test_head_of_board_publishes_and_unpublishes(board):
    draft = ArticleFactory(parent=board["news"], live=False)
    client = client_for(board["head"])
    response = client.post(f"/admin/pages/{draft.pk}/edit/", article_form(slug=draft.slug, **{"action-publish": "1"}))
    assert response.status_code == 302
    assert Page.objects.get(pk=draft.pk).live
    assert client.post(f"/admin/pages/{draft.pk}/unpublish/").status_code == 302
    assert not Page.objects.get(pk=draft.pk).live
