"""Publishing, editing, unpublishing, moving or deleting content purges exactly the pages that show it.

Every page is rendered through the test client, so the dependency tags are the ones real
renders record; each test then checks both directions on disk: what is purged, what is kept.
"""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from eportal.core.models import MainMenu, MainMenuItem, SiteIdentity, WebsiteLink, WebsiteLinks

from ..factories import ArticleFactory, VideoFactory, VideoIndexFactory
from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(client, page_cache, news, home):
    """Render every page once; returns a function naming the ones still cached."""
    urls = {name: page.url for name, page in news.items()}
    urls.update({"home": home.url, "rss": "/rss/", "A rss": news["A"].url + "rss/", "B rss": news["B"].url + "rss/",
                 "sitemap": "/sitemap.xml"})

    def render_all():
        for url in urls.values():
            assert client.get(url).status_code == 200

    def still_cached():
        found = set()
        for name, url in urls.items():
            folder = page_cache / "testserver" / url.strip("/")
            if any((folder / f"index.{ext}").exists() for ext in ("html", "rss", "xml")):
                found.add(name)
        return found

    render_all()
    assert still_cached() == set(urls)
    still_cached.all = set(urls)
    return still_cached


def publish(page, **changes):
    page = page.specific
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_new_article_purges_its_listings_home_feeds_sitemap_and_nothing_else(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        new = ArticleFactory.build(title="Tin mới nhất", slug="moi", date=at(20))
        news["A_sub"].add_child(instance=new)
    assert cached.all - cached() == {"A_sub", "A", "home", "rss", "A rss", "sitemap"}


def test_new_article_dated_in_the_past_also_purges_the_articles_whose_earlier_news_it_joins(
    cached, news, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        news["A"].add_child(instance=ArticleFactory.build(title="Tin bổ sung", slug="bo-sung", date=at(2, 12)))
    purged = cached.all - cached()
    assert {"a3", "A", "home", "rss", "A rss", "sitemap"} <= purged
    assert {"a1", "a2", "B", "b1", "b2", "B rss", "s1", "A_sub"}.isdisjoint(purged)


def test_editing_an_article_purges_the_pages_that_show_it(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(news["a2"], title="Hội nghị hai (cập nhật)")
    purged = cached.all - cached()
    # a3 lists a2 under "Tin đã đưa"; a1 is older and does not.
    assert purged == {"a2", "a3", "A", "home", "rss", "A rss", "sitemap"}


def test_saving_a_draft_purges_nothing(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = news["a2"].specific
        page.title = "Bản nháp chưa duyệt"
        page.save_revision()
    assert cached() == cached.all


def test_unpublishing_purges_its_page_and_the_pages_that_listed_it(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        news["b1"].unpublish()
    assert cached.all - cached() == {"b1", "b2", "B", "home", "rss", "B rss", "sitemap"}


def test_moving_purges_both_categories(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        news["b1"].move(news["A"], pos="last-child")
    purged = cached.all - cached()
    assert {"b1", "b2", "A", "B", "home", "rss", "A rss", "B rss", "sitemap"} <= purged
    assert {"a1", "a2", "a3", "s1", "A_sub"}.isdisjoint(purged)


def test_deleting_purges_like_unpublishing(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        news["a1"].delete()
    assert cached.all - cached() == {"a1", "a2", "a3", "A", "home", "rss", "A rss", "sitemap"}


def test_featuring_an_old_article_purges_the_home_page(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(news["a1"], is_featured=True)
    purged = cached.all - cached()
    assert "home" in purged and "B" not in purged and "b1" not in purged


def test_renaming_a_category_purges_its_articles_but_not_the_other_category(cached, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(news["B"], title="Giáo dục - Đào tạo")
    purged = cached.all - cached()
    assert {"B", "b1", "b2", "home", "B rss", "sitemap"} <= purged
    assert {"A", "a1", "a2", "a3", "s1", "A_sub", "A rss"}.isdisjoint(purged)


@pytest.mark.parametrize("change", ["identity", "menu", "links"])
def test_settings_shown_on_every_page_purge_every_page(cached, site, news, change, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        if change == "identity":
            identity = SiteIdentity.for_site(site)
            identity.portal_title = "Cổng thông tin điện tử xã mới"
            identity.save()
        elif change == "menu":
            MainMenuItem.objects.create(menu=MainMenu.for_site(site), link_page=news["B"], sort_order=1)
        else:
            WebsiteLink.objects.create(owner=WebsiteLinks.for_site(site), title="Chính phủ", url="https://chinhphu.vn")
    remaining = cached()
    # Pages purged; the RSS feeds show the portal title only.
    assert not remaining & {"home", "A", "B", "a1", "b2"}


def test_renaming_a_menu_page_purges_every_page(client, page_cache, cached, site, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        MainMenuItem.objects.create(menu=MainMenu.for_site(site), link_page=news["B"], sort_order=1)
    for name in ("a1", "b1"):  # render again with the menu
        client.get(news[name].url)
    assert {"a1", "b1"} <= cached()
    with django_capture_on_commit_callbacks(execute=True):
        publish(news["B"], title="Giáo dục - Đào tạo")
    assert "a1" not in cached()


def test_video_portlet_follows_the_newest_video_only(client, cached, home, news, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        library = VideoIndexFactory(parent=home)
        VideoFactory(parent=library, title="Phóng sự mới", date=at(10))
    for name in ("a1", "b1"):
        client.get(news[name].url)
    with django_capture_on_commit_callbacks(execute=True):
        VideoFactory(parent=library, title="Phóng sự cũ", date=at(1))
    assert {"a1", "b1"} <= cached(), "an older video changes no portlet"
    with django_capture_on_commit_callbacks(execute=True):
        VideoFactory(parent=library, title="Phóng sự mới nhất", date=at(28))
    assert not {"a1", "b1"} & cached()


def test_editing_an_image_purges_only_the_pages_showing_it(client, cached, news, django_capture_on_commit_callbacks):
    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    with django_capture_on_commit_callbacks(execute=True):
        publish(news["b1"], featured_image=image)
    for name in ("b1", "a1"):
        client.get(news[name].url)
    assert {"b1", "a1"} <= cached()
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Ảnh khai giảng"
        image.save()
    assert "b1" not in cached() and "a1" in cached()
