"""Cached menu and portlets change as soon as their content changes."""

import pytest

from eportal.core.models import MainMenu, MainMenuItem, WebsiteLink, WebsiteLinks

from ..factories import VideoFactory, VideoIndexFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_link_changes_show_at_once(client, site, commit):
    owner = WebsiteLinks.for_site(site)
    with commit():
        link = WebsiteLink.objects.create(owner=owner, title="Cổng A", url="https://a.gov.vn/")
    assert "Cổng A" in client.get("/").content.decode()
    with commit():
        link.title = "Cổng B"
        link.save()
    html = client.get("/").content.decode()
    assert "Cổng B" in html and "Cổng A" not in html
    with commit():
        link.delete()
    assert "Cổng B" not in client.get("/").content.decode()


def test_menu_follows_page_titles_and_publication(client, site, category, commit):
    with commit():
        MainMenuItem.objects.create(menu=MainMenu.for_site(site), link_page=category, sort_order=0)
    assert f'<a href="{category.url}">Tin tức - Sự kiện</a>' in client.get("/").content.decode()
    with commit():
        category.title = "Tin tức"
        category.save_revision().publish()
    assert f'<a href="{category.url}">Tin tức</a>' in client.get("/").content.decode()
    with commit():
        category.unpublish()
    assert f'href="{category.url}"' not in client.get("/").content.decode()


def test_video_portlet_follows_unpublishing(client, home, commit):
    with commit():
        library = VideoIndexFactory(parent=home)
        video = VideoFactory(parent=library, title="Phóng sự mùa nước nổi")
    assert "Phóng sự mùa nước nổi" in client.get("/").content.decode()
    with commit():
        video.unpublish()
    assert "Phóng sự mùa nước nổi" not in client.get("/").content.decode()
