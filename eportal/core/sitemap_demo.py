"""Demo content: the "Sơ đồ cổng" page under the home page (idempotent)."""

from .models import HtmlSitemapPage
from .pages import publish_child

SLUG = "so-do-cong"
TITLE = "Sơ đồ cổng"
INTRO = "Các chuyên mục và trang của cổng thông tin điện tử."


def load(site, home):
    page = HtmlSitemapPage.objects.child_of(home).filter(slug=SLUG).first()
    if page is None:
        page = publish_child(home, HtmlSitemapPage(title=TITLE, slug=SLUG, intro=INTRO, show_in_menus=False))
    return page
