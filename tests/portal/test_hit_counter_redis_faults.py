"""The hit counter and the pages when Redis goes away or restarts empty.

Each test runs against a Redis server of its own, which it stops or restarts; the count in
the database must end exact, and the warning must be logged once.
"""

import logging

import pytest
from django.core.cache import caches

from eportal.core import hitcounter
from eportal.core.hitcounter import RedisCounter, counted_in_database, current_total, record_visit
from eportal.core.redis_guard import GuardedConnection, guard

from ..servers import RedisServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(tmp_path, settings):
    server = RedisServer(tmp_path).start()
    settings.REDIS_URL = server.url
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "faults",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_KWARGS": {"connection_class": GuardedConnection},
            },
        }
    }
    settings.EPORTAL_HIT_FLUSH_EVERY = 50
    hitcounter._redis_counters.clear()
    guard.succeeded("reset")
    yield server
    server.kill()
    hitcounter._redis_counters.clear()
    caches["default"].close()
    guard.succeeded("reset")


def visit(site, times, counter=None, visitor="v"):
    for number in range(times):
        record_visit(site, f"{visitor}{number}", counter)


def test_hits_buffered_in_redis_survive_a_restart(redis_server, site):
    visit(site, 120)  # one flush at 50 (flushes are at most one a second), 70 pending
    assert counted_in_database(site.pk) == 50
    redis_server.restart()  # the 70 pending hits and the running total are gone
    visit(site, 5)  # the first may meet the dead connection: then it is counted in the database
    assert counted_in_database(site.pk) >= 120  # the lost 70 were counted again
    assert current_total(site) == 125
    hitcounter.get_counter().flush(site.pk)
    assert counted_in_database(site.pk) == 125


def test_each_process_recounts_only_its_own_hits(redis_server, site):
    first, second = RedisCounter(), RedisCounter()  # two app processes
    visit(site, 30, first, "a")
    visit(site, 40, second, "b")
    first.flush(site.pk)  # all 70 reach the database
    visit(site, 7, first, "a")
    visit(site, 9, second, "b")
    redis_server.restart()
    visit(site, 2, first, "a")  # first learns of the restart and adds back its 7
    assert counted_in_database(site.pk) >= 77
    second.settle()  # as the flush job or the process's exit does
    first.flush(site.pk)
    assert counted_in_database(site.pk) == 88
    assert current_total(site) == 88


def test_hits_already_flushed_are_not_counted_twice(redis_server, site):
    counter = RedisCounter()
    visit(site, 25, counter)
    counter.flush(site.pk)
    redis_server.restart()
    counter.settle()
    assert counted_in_database(site.pk) == 25


def test_redis_down_counts_in_the_database_and_warns_once(redis_server, site, caplog, client):
    visit(site, 10)
    redis_server.kill()
    with caplog.at_level(logging.WARNING, logger="eportal.redis"):
        visit(site, 20)
        for _ in range(3):
            assert client.get("/").status_code == 200  # pages are served from the database
    warnings = [r for r in caplog.records if r.name == "eportal.redis"]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert "unreachable" in warnings[0].getMessage()
    assert counted_in_database(site.pk) == 20  # the 10 earlier hits wait in the dead Redis
    redis_server.start()
    guard.down_until = 0  # do not wait out the retry delay
    visit(site, 1)
    hitcounter.get_counter().flush(site.pk)
    assert counted_in_database(site.pk) == 31  # recounted 10, 20 in the database, 1 new
    assert current_total(site) == 31


def test_total_catches_up_after_an_outage_without_restart(redis_server, site, settings):
    counter = hitcounter.get_counter()
    visit(site, 5)
    # Redis unreachable for a moment but keeping its data: simulate by failing the guard.
    guard.failed(ConnectionError("test"), "test")
    visit(site, 3)  # counted in the database
    guard.succeeded("test")
    visit(site, 1)
    assert current_total(site) == 9
    counter.flush(site.pk)
    assert counted_in_database(site.pk) == 9


def test_content_published_while_redis_was_down_shows_when_it_is_back(redis_server, client, category):
    from ..factories import ArticleFactory

    ArticleFactory(parent=category, title="Bài cũ trước sự cố")
    assert "Bài cũ trước sự cố" in client.get(category.url).content.decode()  # listing cached in Redis
    redis_server.pause()  # unreachable, but it keeps the cached listing
    ArticleFactory(parent=category, title="Bài đăng trong lúc Redis ngừng")  # the new version is not stored
    assert "Bài đăng trong lúc Redis ngừng" in client.get(category.url).content.decode()
    redis_server.resume()
    guard.down_until = 0
    assert "Bài đăng trong lúc Redis ngừng" in client.get(category.url).content.decode()


def test_a_hit_redis_answers_too_late_is_not_counted_twice(redis_server, site):
    visit(site, 3)  # the connection is open and the running total loaded
    redis_server.pause()  # it takes the next hit but answers after the socket timeout
    visit(site, 1)
    assert counted_in_database(site.pk) == 0  # not counted again in the database
    redis_server.resume()
    guard.down_until = 0
    hitcounter.get_counter().flush(site.pk)
    assert counted_in_database(site.pk) == 4  # Redis did count it, once
