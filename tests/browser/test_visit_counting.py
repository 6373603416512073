"""The counter frame in a real browser tells the statistics which page was read, where the
visitor came from and on what device; a headless browser is counted as a bot, not a visit."""

import json
import re

import pytest
from playwright.sync_api import expect

from ..conftest import PERSON_AGENT

pytestmark = pytest.mark.browser

PHONE_AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36"


def figures(live_site, page_id):
    """People and bots of today, for the site, the page, and per referrer and device."""
    out = live_site.python(
        "import json; from django.utils import timezone; from wagtail.models import Site; "
        "from eportal.visits.models import VisitTally; from eportal.visits.recording import flush_pending; "
        "site = Site.objects.get(is_default_site=True); flush_pending(site.pk); "
        "rows = VisitTally.objects.filter(site=site, period='d', start__date__gte=timezone.now().date() - timezone.timedelta(days=1)); "
        f"print(json.dumps([[r.dimension, r.key, r.people, r.bots] for r in rows if r.dimension != 'page' or r.key == '{page_id}']))"
    )
    totals = {}
    for dimension, key, people, bots in json.loads(out):
        before = totals.get((dimension, key), (0, 0))
        totals[dimension, key] = (before[0] + people, before[1] + bots)
    return totals


def shown_total(page):
    digits = page.frame_locator("iframe.hit-counter-frame").locator("p.digits > span")
    expect(digits).to_have_count(8)
    return int("".join(digits.all_inner_texts()))


def test_a_visit_from_a_search_engine_on_a_phone_is_tallied(live_site, new_context, article_path):
    page_id = live_site.python(
        "from eportal.news.models import ArticlePage; print(ArticlePage.objects.live().get().pk)"
    ).strip()
    before = figures(live_site, page_id)

    page = new_context(user_agent=PHONE_AGENT, viewport={"width": 390, "height": 800}).new_page()
    page.goto(live_site.base_url + article_path, referer="https://www.google.com/")
    first = shown_total(page)
    src = page.locator("iframe.hit-counter-frame").get_attribute("src")
    assert src == f"/luot-truy-cap/?p={page_id}&r=www.google.com", src

    after = figures(live_site, page_id)
    gained = {key: (people - before.get(key, (0, 0))[0], bots - before.get(key, (0, 0))[1])
              for key, (people, bots) in after.items()}
    assert gained[("site", "")] == (1, 0)
    assert gained[("page", page_id)] == (1, 0)
    assert gained[("referrer", "google.com")] == (1, 0)
    assert gained[("device", "mobile")] == (1, 0)

    # Following a link inside the portal: the next view comes "from the portal".
    page.goto(live_site.base_url + "/", referer=live_site.base_url + article_path)
    assert shown_total(page) == first + 1
    assert re.search(r"[?&]r=127\.0\.0\.1", page.locator("iframe.hit-counter-frame").get_attribute("src"))


def test_a_headless_browser_is_a_bot_and_does_not_raise_the_counter(live_site, new_context, article_path):
    person = new_context(user_agent=PERSON_AGENT).new_page()
    person.goto(live_site.base_url + article_path)
    shown = shown_total(person)
    before = figures(live_site, "")[("site", "")]

    robot = new_context().new_page()  # Playwright's own User-Agent: HeadlessChrome
    robot.goto(live_site.base_url + article_path)
    assert shown_total(robot) == shown  # it sees the count without adding to it

    people, bots = figures(live_site, "")[("site", "")]
    assert (people, bots) == (before[0], before[1] + 1)
