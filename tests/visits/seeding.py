"""Known visits of Quý III/2025, and just outside it, written through eportal.visits.recording.

Pages: a news category "Tin hoạt động" with a sub-category "Nông nghiệp"; article A in the
sub-category, article B in the category, the home page (in no category) and article C, which is
deleted after its visit was counted.
"""

import datetime

from django.utils import timezone

from eportal.visits.recording import increments, write

from ..factories import ArticleFactory, CategoryFactory


def at(year, month, day, hour=8, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def visit(site, when, page=None, referrer="", device="desktop", people=0, bots=0):
    """`people` and `bots` frame loads of `page` in the hour of `when`."""
    field = f"{int(when.timestamp()) // 3600 * 3600}|{page.pk if page else ''}|{referrer}|{device}"
    counts = {}
    if people:
        counts["p" + field] = people
    if bots:
        counts["b" + field] = bots
    write(site.pk, increments(site.pk, counts))


def seed_quarter(site, home):
    news = CategoryFactory(parent=home, title="Tin hoạt động", slug="tin-hoat-dong")
    farming = CategoryFactory(parent=news, title="Nông nghiệp", slug="nong-nghiep")
    a = ArticleFactory(parent=farming, title="Mùa lúa bội thu", slug="mua-lua")
    b = ArticleFactory(parent=news, title="Khai mạc hội chợ", slug="hoi-cho")
    c = ArticleFactory(parent=news, title="Tin đã gỡ", slug="tin-da-go")
    visit(site, at(2025, 7, 5, 9, 30), a, "google.com", "mobile", people=3, bots=1)
    visit(site, at(2025, 7, 5, 10, 10), home, "", "desktop", people=2)
    visit(site, at(2025, 8, 10, 20), b, "@", "tablet", people=4, bots=5)
    visit(site, at(2025, 9, 30, 23, 30), c, "facebook.com", "desktop", people=1)
    visit(site, at(2025, 10, 1, 0, 10), a, "google.com", "desktop", people=100)  # the next quarter
    visit(site, at(2025, 6, 30, 23, 50), a, "google.com", "desktop", people=50)  # the previous one
    c_id = c.pk
    c.delete()
    return {"news": news, "farming": farming, "a": a, "b": b, "c_id": c_id, "home": home}


def figures_reads(captured_queries) -> list[dict]:
    """The queries reading the statistics and the pages and categories they name (by their
    title column). Page links may also renew cached site data (root paths, the address map)
    when other test processes publish on a shared Redis: that is not the figures' cost."""
    return [
        query for query in captured_queries
        if ("visits_visittally" in query["sql"] or '"wagtailcore_page"."title"' in query["sql"])
        and "wagtailcore_site" not in query["sql"]
    ]
