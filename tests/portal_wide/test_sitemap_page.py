"""The "Sơ đồ cổng" page: the tree of sections, as nested lists, without articles."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from eportal.core.models import HtmlSitemapPage
from eportal.core.sitemap_demo import load
from eportal.province.addresses import addresses

from ..factories import ArticleFactory, CategoryFactory, VideoFactory, VideoIndexFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    news = CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien")
    local = CategoryFactory(parent=news, title="Tin huyện", slug="tin-huyen")
    communes = CategoryFactory(parent=local, title="Tin xã Thới An Hội", slug="thoi-an-hoi")
    too_deep = CategoryFactory(parent=communes, title="Ấp Kế An", slug="ap-ke-an")
    hidden = CategoryFactory(parent=home, title="Chuyên mục nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    hidden_child = CategoryFactory(parent=hidden, title="Con của nội bộ", slug="con-noi-bo")
    draft = CategoryFactory(parent=home, title="Bản nháp", slug="ban-nhap", live=False)
    draft_child = CategoryFactory(parent=draft, title="Con của bản nháp", slug="con-ban-nhap")
    library = VideoIndexFactory(parent=home)
    VideoFactory(parent=library, title="Phóng sự xã Ba Trinh")
    for parent in (news, local, communes):
        ArticleFactory(parent=parent, title=f"Tin bài trong {parent.title}")
    return locals()


def clear_cache():
    # As tests/conftest.py does: on a shared Redis, only this process's keys.
    cache.delete_pattern("*") if settings.REDIS_URL else cache.clear()


def sitemap_section(html):
    return html.split('<nav class="html-sitemap"')[1].split("</nav>")[0]


def test_tree_of_sections_to_depth_three(client, site, home, tree):
    page = load(site, home)
    response = client.get(page.url)
    assert response.status_code == 200
    nav = sitemap_section(response.content.decode())
    for name in ["news", "local", "communes", "library"]:
        assert f'<a href="{tree[name].url}">{tree[name].title}</a>' in nav
    assert f'<a href="{page.url}">Sơ đồ cổng</a>' in nav
    for name in ["too_deep", "hidden", "hidden_child", "draft", "draft_child"]:
        assert tree[name].title not in nav, name
    assert "Tin bài trong" not in nav and "Phóng sự" not in nav
    # Nested lists: home > news > local > communes.
    nesting = re.sub(r"\s+", "", nav)
    assert (
        f'<li><ahref="{tree["news"].url}">{tree["news"].title}</a><ul><li><ahref="{tree["local"].url}">'
        f'{tree["local"].title}</a><ul><li><ahref="{tree["communes"].url}">'
    ).replace(" ", "") in nesting


def test_page_types_can_opt_in_or_out(client, site, home, tree, monkeypatch):
    from eportal.news.models import ArticlePage, NewsCategoryPage

    page = load(site, home)
    monkeypatch.setattr(NewsCategoryPage, "show_in_html_sitemap", False, raising=False)
    monkeypatch.setattr(ArticlePage, "show_in_html_sitemap", True, raising=False)
    tree_data = page.section_tree(_request(client, page))
    titles = _titles(tree_data)
    assert tree["news"].title not in titles and tree["library"].title in titles


def _request(client, page):
    return client.get(page.url).wsgi_request


def _titles(node):
    return [node["title"]] + [t for child in node["children"] for t in _titles(child)]


def test_tree_takes_two_queries_whatever_the_content(client, site, home, tree):
    page = load(site, home)
    request = _request(client, page)
    counts = []
    for extra in (0, 40):
        for i in range(extra):
            ArticleFactory(parent=tree["local"])
        CategoryFactory(parent=tree["news"])
        clear_cache()
        addresses()  # the sites' address map: one query per content version, not the tree's
        with CaptureQueriesContext(connection) as queries:
            page.section_tree(request)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 2, [q["sql"] for q in queries.captured_queries]


def test_rendering_is_cached_until_the_next_publication(
    client, site, home, tree, monkeypatch, django_capture_on_commit_callbacks
):
    from eportal.core.models import sitemap_page

    builds = []
    original = sitemap_page.item_page_models
    monkeypatch.setattr(sitemap_page, "item_page_models", lambda: builds.append(1) or original())
    page = load(site, home)
    client.get(page.url)
    client.get(page.url)
    assert len(builds) == 1
    with django_capture_on_commit_callbacks(execute=True):
        new = CategoryFactory(parent=home, title="Chuyên mục mới", slug="chuyen-muc-moi")
        new.save_revision().publish()
    assert "Chuyên mục mới" in sitemap_section(client.get(page.url).content.decode())
    assert len(builds) == 2


def test_footer_links_to_the_sitemap_page(client, site, home):
    assert "Sơ đồ cổng</a>" not in client.get("/").content.decode()
    page = load(site, home)
    clear_cache()
    assert f'<a href="{page.url}">Sơ đồ cổng</a>' in client.get("/").content.decode()


def test_demo_load_is_idempotent(site, home):
    first = load(site, home)
    assert (first.slug, first.title, first.live) == ("so-do-cong", "Sơ đồ cổng", True)
    count = Page.objects.count()
    revisions = first.revisions.count()
    second = load(site, home)
    assert second.pk == first.pk and Page.objects.count() == count and second.revisions.count() == revisions


def test_only_under_the_home_page(admin_client, home, category):
    assert HtmlSitemapPage.can_create_at(home)
    assert not HtmlSitemapPage.can_create_at(category)
    assert admin_client.get(f"/admin/pages/add/core/htmlsitemappage/{home.pk}/").status_code == 200
    assert admin_client.get(f"/admin/pages/add/core/htmlsitemappage/{category.pk}/").status_code in (302, 403)
