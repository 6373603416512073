import datetime

import pytest
from wagtail.models import Page, Site

from eportal.core.models import SiteIdentity
from eportal.core.pages import publish_child
from eportal.news.models import ArticlePage, HomePage, NewsCategoryPage

OTHER_HOST = "xa-ke-an.example"
BANNER = "Trang lưu trữ của Cổng thông tin điện tử UBND Huyện Kế Sách, hoạt động đến 30/06/2025"


def archive(site, until=datetime.date(2025, 6, 30), name="Cổng thông tin điện tử UBND Huyện Kế Sách"):
    identity = SiteIdentity.for_site(site)
    identity.archived, identity.archived_until, identity.archived_name = True, until, name
    identity.save()
    return identity


def unarchive(site):
    identity = SiteIdentity.for_site(site)
    identity.archived = False
    identity.save()


def publish_article(parent, title, slug, body="Nội dung tin bài."):
    return publish_child(parent, ArticlePage(
        title=title, slug=slug, lead="Tóm tắt tin.",
        date=datetime.datetime(2025, 5, 20, 8, 0, tzinfo=datetime.timezone.utc),
        body=ArticlePage.body_from_html(f"<p>{body}</p>"),
    ))


@pytest.fixture
def article(category):
    return publish_article(category, "Huyện Kế Sách sơ kết sáu tháng đầu năm 2025", "so-ket-sau-thang",
                           body="Hội nghị sơ kết công tác sáu tháng đầu năm tại hội trường huyện.")


@pytest.fixture
def archived(site):
    """The default site (the test client's) is the archive of the former district portal."""
    return archive(site)


@pytest.fixture
def other_site(db, site, settings):
    """A second, live portal on its own host name, with its own home page and a category."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, OTHER_HOST]
    home = publish_child(Page.get_first_root_node(), HomePage(title="Trang chủ xã Kế An", slug="xa-ke-an"))
    other = Site.objects.create(hostname=OTHER_HOST, port=80, root_page=home, site_name="Xã Kế An")
    identity = SiteIdentity.for_site(other)
    identity.portal_title = "Cổng thông tin điện tử UBND xã Kế An"
    identity.save()
    publish_child(home, NewsCategoryPage(title="Tin xã", slug="tin-xa"))
    return other
