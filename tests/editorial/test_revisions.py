"""Revisions can be compared and an earlier one brought back."""

import pytest
from wagtail.models import Page

from ..factories import ArticleFactory
from .conftest import article_form, client_for

pytestmark = pytest.mark.django_db


def test_head_compares_and_reverts_revisions(board):
    page = ArticleFactory(parent=board["news"], live=False, title="Bản đầu tiên")
    head = client_for(board["head"])
    for title in ["Bản thứ hai", "Bản thứ ba"]:
        assert head.post(f"/admin/pages/{page.pk}/edit/", article_form(title=title, slug=page.slug)).status_code == 302
    first, second = page.revisions.order_by("created_at")[:2]
    compare = head.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    body = compare.content.decode()
    assert "Bản thứ hai" in body and "Bản thứ ba" in body

    # Reverting loads the old revision into the editor; saving it makes it the latest.
    revert = head.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200 and "Bản thứ hai" in revert.content.decode()
    head.post(f"/admin/pages/{page.pk}/edit/", article_form(title="Bản thứ hai", slug=page.slug))
    assert Page.objects.get(pk=page.pk).get_latest_revision_as_object().title == "Bản thứ hai"


def test_a_new_article_can_be_previewed_before_its_first_save(board):
    client = client_for(board["contributor"])
    url = f"/admin/pages/add/news/articlepage/{board['news'].pk}/preview/"
    assert client.post(url, article_form(title="Bản xem trước tin mới")).status_code == 200
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Bản xem trước tin mới" in preview.content.decode()
