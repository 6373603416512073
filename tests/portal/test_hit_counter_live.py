"""Concurrent page views against the real server (granian, two worker processes)."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.server

VIEWS = 200


def total(live_site):
    return int(live_site.python(
        "from wagtail.models import Site; from eportal.core.hitcounter import current_total; "
        "print(current_total(Site.objects.get(is_default_site=True)))"
    ))


def online(live_site):
    _, body = live_site.get("/luot-truy-cap/", headers={"User-Agent": "visitor-0"})
    return int(re.search(r"Đang online: <strong>(\d+)</strong>", body).group(1))


def test_concurrent_views_are_counted_exactly(live_site):
    online_before = online(live_site)  # counts "visitor-0"
    before = total(live_site)

    def view(i):
        status, body = live_site.get("/luot-truy-cap/", headers={"User-Agent": f"visitor-{i % 20}"})
        assert status == 200
        return int("".join(re.findall(r"<span>(\d)</span>", body)))

    with ThreadPoolExecutor(max_workers=16) as pool:
        shown = list(pool.map(view, range(VIEWS)))

    # Every request saw a distinct total, and none was lost.
    assert len(set(shown)) == VIEWS
    assert max(shown) == before + VIEWS
    assert total(live_site) == before + VIEWS
    assert online(live_site) == online_before + 19  # twenty visitors, one already online


def test_pages_and_static_files_do_not_count_on_the_server(live_site):
    before = total(live_site)
    for path in ["/", "/robots.txt", "/sitemap.xml", "/rss/", "/admin/login/"]:
        live_site.get(path)
    status, _ = live_site.get("/static/css/portal.css")
    assert status == 200
    assert total(live_site) == before
