"""Visit statistics fed through the real counting path: the counter frame as production serves
it (eportal.wsgi's fast path) and Django's view, with and without Redis.

Each test runs twice: on the database counter, and on a Redis server of its own (then the
visits reach the database when the buffer is flushed, as the timer or the statistics page does).
"""

import datetime
import re
from contextlib import contextmanager
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import caches
from django.core.management import call_command

from eportal.core import hitcounter
from eportal.core.hitcounter import current_total
from eportal.visits import recording
from eportal.visits.models import VisitTally
from eportal.wsgi import application

from ..conftest import PERSON_AGENT
from ..factories import ArticleFactory
from ..servers import RedisServer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("keep_test_connection")]

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36"
TABLET = "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/604.1"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0 Safari/537.36"


@contextmanager
def own_redis(settings, directory):
    """The counter and the cache on a redis-server of the test's own, emptied at its end."""
    server = RedisServer(directory).start()
    try:
        settings.REDIS_URL = server.url
        settings.CACHES = {
            "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": server.url, "KEY_PREFIX": "visits"}
        }
        hitcounter._redis_counters.clear()
        yield server
    finally:
        server.kill()
        hitcounter._redis_counters.clear()
        caches["default"].close()


@pytest.fixture(params=["database", "redis"])
def counting(request, settings, tmp_path):
    if request.param == "redis":
        with own_redis(settings, tmp_path):
            yield request.param
    else:
        settings.REDIS_URL = ""
        yield request.param


class Clock:
    """Frame loads at chosen moments (the statistics' clock; the counter's own is real time)."""

    def __init__(self):
        self.now = None

    def time(self):
        return self.now.timestamp() if self.now else datetime.datetime.now().timestamp()

    def at(self, *args):
        self.now = datetime.datetime(*args, tzinfo=ZONE)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(recording, "time", clock)
    return clock


def load_frame(query="", agent=PERSON_AGENT, address="203.0.113.7", **headers):
    """A browser loading the counter frame of a page: the WSGI application, fast path first."""
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/luot-truy-cap/", "QUERY_STRING": query, "SERVER_NAME": "testserver",
        "SERVER_PORT": "80", "HTTP_HOST": "testserver", "REMOTE_ADDR": address, "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(), "wsgi.errors": BytesIO(), "HTTP_SEC_FETCH_DEST": "iframe", **headers,
    }
    if agent is not None:
        environ["HTTP_USER_AGENT"] = agent
    answer = {}
    response = application(environ, lambda status, headers, exc_info=None: answer.update(status=status))
    body = b"".join(response).decode()
    assert answer["status"] == "200 OK"
    return int(re.search(r'aria-label="(\d+) lượt truy cập"', body).group(1))


def tallies(site, dimension=VisitTally.SITE, period=VisitTally.DAY):
    """{(local start, key): (people, bots)} as the statistics read them."""
    recording.flush_pending(site.pk)
    rows = VisitTally.objects.filter(site=site, dimension=dimension, period=period)
    return {(row.start.astimezone(ZONE).replace(tzinfo=None), row.key): (row.people, row.bots) for row in rows}


def day(*args):
    return datetime.datetime(*args)


def test_people_are_counted_per_hour_day_and_month_and_nothing_resets(counting, site, clock):
    # Late on the last evening of January, then after midnight, then a day later in February.
    for moment, loads in [((2026, 1, 31, 22, 15), 3), ((2026, 1, 31, 23, 59), 2), ((2026, 2, 1, 0, 5), 4), ((2026, 2, 2, 9, 0), 1)]:
        clock.at(*moment)
        for number in range(loads):
            load_frame(address=f"203.0.113.{number}")

    assert tallies(site, period=VisitTally.HOUR) == {
        (day(2026, 1, 31, 22), ""): (3, 0), (day(2026, 1, 31, 23), ""): (2, 0),
        (day(2026, 2, 1, 0), ""): (4, 0), (day(2026, 2, 2, 9), ""): (1, 0),
    }
    assert tallies(site) == {
        (day(2026, 1, 31), ""): (5, 0), (day(2026, 2, 1), ""): (4, 0), (day(2026, 2, 2), ""): (1, 0),
    }
    assert tallies(site, period=VisitTally.MONTH) == {(day(2026, 1, 1), ""): (5, 0), (day(2026, 2, 1), ""): (5, 0)}
    # The counter shown to visitors is the sum of everything, and keeps growing.
    assert current_total(site) == 10

    clock.at(2026, 3, 1, 8, 0)
    assert load_frame() == 11
    assert tallies(site)[day(2026, 1, 31), ""] == (5, 0)  # yesterday's and last month's stay as they were
    assert tallies(site, period=VisitTally.MONTH)[day(2026, 3, 1), ""] == (1, 0)


def test_each_load_is_tallied_by_page_referrer_and_device(counting, site, category, clock):
    article = ArticleFactory(parent=category)
    clock.at(2026, 5, 19, 10, 30)
    load_frame(f"p={article.pk}&r=www.google.com")
    load_frame(f"p={article.pk}&r=testserver", agent=PHONE)  # followed a link inside the portal
    load_frame(f"p={category.pk}", agent=TABLET)  # typed the address
    load_frame(f"p={article.pk}&r=zalo.me", agent=PHONE)

    may = day(2026, 5, 1)
    assert tallies(site, VisitTally.PAGE, VisitTally.MONTH) == {(may, str(article.pk)): (3, 0), (may, str(category.pk)): (1, 0)}
    assert tallies(site, VisitTally.PAGE) == {
        (day(2026, 5, 19), str(article.pk)): (3, 0), (day(2026, 5, 19), str(category.pk)): (1, 0)
    }
    assert tallies(site, VisitTally.REFERRER) == {
        (day(2026, 5, 19), "google.com"): (1, 0), (day(2026, 5, 19), "@"): (1, 0),
        (day(2026, 5, 19), ""): (1, 0), (day(2026, 5, 19), "zalo.me"): (1, 0),
    }
    assert tallies(site, VisitTally.DEVICE, VisitTally.MONTH) == {
        (may, "desktop"): (1, 0), (may, "mobile"): (2, 0), (may, "tablet"): (1, 0)
    }


def test_bots_are_counted_apart_and_never_shown_as_visits(counting, site, settings, clock):
    settings.EPORTAL_VISIT_PERSON_MAX_PER_MINUTE = 5
    clock.at(2026, 6, 2, 14, 0)
    load_frame()
    shown = [
        load_frame(agent=GOOGLEBOT),
        load_frame(agent=HEADLESS),
        load_frame(agent=None),  # no User-Agent at all
        load_frame(agent="curl/8.5.0"),
        load_frame(HTTP_SEC_FETCH_DEST="document"),  # the frame's address opened as a page
    ]
    assert shown == [1, 1, 1, 1, 1]
    # One client loading the frame 12 times in a minute: its first 5 are a person's, the rest a bot's.
    for _ in range(12):
        load_frame(address="198.51.100.9")
    assert current_total(site) == 1 + 5
    assert tallies(site) == {(day(2026, 6, 2), ""): (6, 12)}
    assert tallies(site, period=VisitTally.HOUR) == {(day(2026, 6, 2, 14), ""): (6, 12)}


def test_a_page_of_another_site_or_a_forged_id_counts_for_the_site_only(counting, site, clock):
    from wagtail.models import Page

    other_root = Page.get_first_root_node().add_child(instance=Page(title="Trang khác", slug="trang-khac"))
    clock.at(2026, 7, 1, 9, 0)
    load_frame(f"p={other_root.pk}")
    load_frame("p=99999999")
    load_frame("p=1;DROP&r=<script>")
    assert tallies(site) == {(day(2026, 7, 1), ""): (3, 0)}
    assert tallies(site, VisitTally.PAGE) == {}
    assert tallies(site, VisitTally.REFERRER) == {(day(2026, 7, 1), ""): (3, 0)}


def test_old_daily_rows_of_pages_are_pruned_but_months_and_the_site_stay(counting, site, category, settings, clock):
    settings.EPORTAL_VISIT_DAYS_KEPT = 30
    article = ArticleFactory(parent=category)
    clock.at(2025, 3, 10, 9, 0)
    load_frame(f"p={article.pk}&r=google.com", agent=PHONE)
    clock.at(2025, 4, 20, 9, 0)
    load_frame(f"p={article.pk}")
    recording.flush_pending(site.pk)

    assert recording.prune(today=datetime.date(2025, 4, 25)) == 3  # the page's, referrer's and device's day of March
    assert tallies(site, VisitTally.PAGE) == {(day(2025, 4, 20), str(article.pk)): (1, 0)}
    assert tallies(site, VisitTally.PAGE, VisitTally.MONTH) == {
        (day(2025, 3, 1), str(article.pk)): (1, 0), (day(2025, 4, 1), str(article.pk)): (1, 0)
    }
    assert tallies(site) == {(day(2025, 3, 10), ""): (1, 0), (day(2025, 4, 20), ""): (1, 0)}


def test_the_timer_writes_what_redis_buffers(settings, site, tmp_path, clock):
    with own_redis(settings, tmp_path):
        clock.at(2026, 8, 3, 11, 0)
        for number in range(3):
            load_frame(address=f"192.0.2.{number}")
        assert not VisitTally.objects.exists()  # buffered, not one write per view
        call_command("flush_hit_counter", verbosity=0)
        assert VisitTally.objects.get(site=site, dimension="site", period="d").people == 3


def test_a_failed_write_loses_no_visit(settings, site, tmp_path, clock, monkeypatch):
    from django.db import OperationalError

    with own_redis(settings, tmp_path):
        clock.at(2026, 8, 3, 11, 0)
        load_frame()
        load_frame(agent=GOOGLEBOT)
        real_write = recording.write

        def failing(*args):
            raise OperationalError("database is away")

        monkeypatch.setattr(recording, "write", failing)
        with pytest.raises(OperationalError):
            hitcounter.get_counter().flush_visits(site.pk)
        load_frame()  # arrives while the failed batch waits
        monkeypatch.setattr(recording, "write", real_write)
        assert recording.flush_pending(site.pk) == 2  # the failed batch first
        assert recording.flush_pending(site.pk) == 1  # then what came meanwhile
        assert tallies(site) == {(day(2026, 8, 3), ""): (2, 1)}


def test_a_day_keeps_a_bounded_number_of_referring_hosts(counting, site, settings, clock):
    """Referring hosts are whatever a client sends: made-up ones must not grow the table without end."""
    settings.EPORTAL_VISIT_REFERRERS_PER_DAY = 2
    clock.at(2026, 9, 1, 10, 0)
    for number, host in enumerate(["google.com", "zalo.me", "spam-1.example", "spam-2.example", "google.com", ""]):
        load_frame(f"r={host}", address=f"192.0.2.{number}")
        recording.flush_pending(site.pk)
    clock.at(2026, 9, 2, 10, 0)
    load_frame("r=spam-1.example")

    assert tallies(site, VisitTally.REFERRER) == {
        (day(2026, 9, 1), "google.com"): (2, 0), (day(2026, 9, 1), "zalo.me"): (1, 0),
        (day(2026, 9, 1), "~"): (2, 0), (day(2026, 9, 1), ""): (1, 0),
        (day(2026, 9, 2), "spam-1.example"): (1, 0),  # a new day, a new quota
    }
    assert tallies(site)[day(2026, 9, 1), ""] == (6, 0)  # every view still counts for the site
