"""Parts of the installation fail under load; visitors are still served and nothing is lost.

Run by `make test-faults` (about two minutes): each test drives real app servers over HTTP
while it kills or restarts Redis, PostgreSQL or an app worker (tests/faults/cluster.py).
"""

import os
import signal
import threading
import time
from collections import Counter
from urllib.parse import quote

import pytest

from ..servers import wait_until
from .cluster import AdminSession, Cluster, shown_total

pytestmark = pytest.mark.faults


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster = Cluster(tmp_path_factory.mktemp("faults"))
    try:
        yield cluster.start()
    finally:
        cluster.stop()


class Load:
    """Visitors on every app server: page views with their counter frame, until stopped."""

    def __init__(self, servers, paths, threads_per_server=3):
        self.servers = servers
        self.paths = paths
        self.statuses = Counter()
        self.by_path = Counter()
        self.counted = 0  # counter frames answered 200: each one is a hit that must be kept
        self.bodies_with_traceback = 0
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self._run, args=(server, offset), daemon=True)
            for server in servers for offset in range(threads_per_server)
        ]

    def _run(self, server, offset):
        number = offset
        while not self.stopping.is_set():
            path = self.paths[number % len(self.paths)]
            number += 1
            try:
                status, body = server.get(path, timeout=15)
            except OSError:
                status, body = "no answer", ""
            with self.lock:
                self.statuses[status] += 1
                self.by_path[path, status] += 1
                if path == "/luot-truy-cap/" and status == 200:
                    self.counted += 1
                if "Traceback" in body or 'File "' in body:
                    self.bodies_with_traceback += 1

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(30)


def article_paths(cluster, limit=4):
    """Articles only visitors use (the editors of the tests work on the newest ones)."""
    rows = cluster.sql(
        "SELECT url_path FROM wagtailcore_page p JOIN django_content_type c ON c.id = p.content_type_id "
        "WHERE c.model = 'articlepage' AND p.live AND p.slug NOT LIKE 'tin-thu-nghiem-su-co-%%' "
        "ORDER BY p.id LIMIT %s", limit
    )
    return ["/" + row[0].strip("/").split("/", 1)[1] + "/" for row in rows]


def settle_counter(cluster):
    """What the flush timer does, after a few more hits so that every worker notices."""
    for server in cluster.servers:
        for _ in range(20):
            assert server.get("/luot-truy-cap/")[0] == 200
    cluster.flush_counter()
    return 40


def test_a_publish_on_one_server_shows_at_once_on_the_other(cluster):
    app_a, app_b = cluster.servers
    path = article_paths(cluster, 1)[0]
    page_id = cluster.sql("SELECT id FROM wagtailcore_page WHERE url_path LIKE %s", "%" + path)[0][0]
    for server in (app_a, app_b):
        assert server.get(path)[0] == 200  # rendered, so its fragments and file are cached
    cached_file = cluster.tmp / "var" / "pagecache" / "127.0.0.1" / path.strip("/") / "index.html"
    assert cached_file.exists()

    new_title = "Tiêu đề mới sau khi xuất bản lại " + str(time.time_ns())
    cluster.python(
        "from wagtail.models import Page; page = Page.objects.get(pk=%d).specific; "
        "page.title = %r; page.save_revision()" % (page_id, new_title)
    )  # a draft: not shown yet
    assert new_title not in app_b.get(path)[1]

    editor = AdminSession(app_a)
    status, body = editor.publish(page_id)
    assert status == 200, body[:500]
    assert new_title in app_b.get(path)[1]  # at once: no waiting, no restart
    assert not cached_file.exists() or new_title in cached_file.read_text()

    status, body = editor.unpublish(page_id)
    assert status == 200, body[:500]
    assert app_b.get(path)[0] == 404
    editor.publish(page_id)
    assert app_b.get(path)[0] == 200


def test_the_counter_over_two_servers_is_exact(cluster):
    before = cluster.counted()
    cluster.flush_counter()
    before = cluster.counted()
    with Load(cluster.servers, ["/luot-truy-cap/"]) as load:
        time.sleep(4)
    hits = load.counted + settle_counter(cluster)
    assert load.statuses.keys() == {200}, load.statuses
    assert cluster.counted() - before == hits
    shown = shown_total(cluster.servers[1].get("/luot-truy-cap/")[1])
    assert shown == cluster.counted() + 1 + start_value(cluster)


def start_value(cluster):
    rows = cluster.sql("SELECT start_value FROM core_hitcountersettings")
    return rows[0][0] if rows else 0


def test_redis_restarted_under_load(cluster):
    cluster.flush_counter()
    before = cluster.counted()
    paths = ["/", "/luot-truy-cap/", *article_paths(cluster, 3), "/luot-truy-cap/", "/tim-kiem/?q=" + quote("kế sách")]
    with Load(cluster.servers, paths) as load:
        time.sleep(2)
        cluster.redis.kill()  # everything Redis held is gone, pending hits included
        time.sleep(3)  # pages and counting go on from the database
        cluster.redis.start()
        time.sleep(4)
    hits = load.counted + settle_counter(cluster)
    assert set(load.statuses) == {200}, load.statuses  # no visitor saw an error
    assert load.bodies_with_traceback == 0
    assert cluster.counted() - before == hits  # not one hit lost, none counted twice
    for server in cluster.servers:
        log = server.log_text()
        # Once per worker process at most, not once per request.
        assert 1 <= log.count("is unreachable") <= 2 * 2, log[-3000:]


def test_database_restarted_under_load(cluster):
    cluster.flush_counter()
    before = cluster.counted()
    paths = ["/", "/luot-truy-cap/", *article_paths(cluster, 3)]
    editor = AdminSession(cluster.servers[0])
    page_ids = [row[0] for row in cluster.sql(
        "SELECT p.id FROM wagtailcore_page p JOIN django_content_type c ON c.id = p.content_type_id "
        "WHERE p.slug LIKE 'tin-thu-nghiem-su-co-%%' ORDER BY p.id LIMIT 3")]
    stop = threading.Event()
    publishes = Counter()

    def edit():  # an editor publishing and unpublishing while the database goes away
        number = 0
        while not stop.is_set():
            page_id = page_ids[number % len(page_ids)]
            try:
                status, _ = (editor.unpublish if number % 2 else editor.publish)(page_id)
            except OSError:
                status = "no answer"
            publishes[status] += 1
            number += 1

    editing = threading.Thread(target=edit, daemon=True)
    with Load(cluster.servers, paths) as load:
        editing.start()
        time.sleep(2)
        cluster.pg.restart()  # connections in flight are cut
        time.sleep(3)
        recovered_at = load.statuses.total()
        time.sleep(3)
    stop.set()
    editing.join(60)
    for page_id in page_ids:
        editor.publish(page_id)

    # Requests in flight failed cleanly: an error page, never a stack trace.
    assert load.bodies_with_traceback == 0
    assert set(load.statuses) <= {200, 500, 503}, load.statuses
    # And the servers recovered without a restart: every server answers every page now.
    checked_hits = 0
    for server in cluster.servers:
        for path in paths:
            assert server.get(path)[0] == 200, (server.name, path)
            checked_hits += path == "/luot-truy-cap/"
    assert recovered_at > 0
    # No partial write: every live article has its live revision and its search entry.
    assert_pages_consistent(cluster)
    # Hits went to Redis meanwhile; none were lost on the way to the database.
    hits = load.counted + checked_hits + settle_counter(cluster)
    assert cluster.counted() - before == hits, (dict(load.by_path), server_errors(cluster)[-3000:])


def server_errors(cluster):
    """The servers' error lines, for the failure message."""
    lines = []
    for server in cluster.servers:
        lines += [line for line in server.log_text().splitlines() if "ERROR" in line or "Error" in line]
    return "\n".join(lines[-60:])


def assert_pages_consistent(cluster):
    broken = cluster.sql(
        "SELECT p.id FROM wagtailcore_page p JOIN django_content_type c ON c.id = p.content_type_id "
        "WHERE c.model = 'articlepage' AND p.live AND (p.live_revision_id IS NULL OR NOT EXISTS ("
        "  SELECT 1 FROM portal_search_searchentry s WHERE s.page_id = p.id))"
    )
    assert broken == []
    stale = cluster.sql(
        "SELECT s.id FROM portal_search_searchentry s JOIN wagtailcore_page p ON p.id = s.page_id "
        "WHERE NOT p.live"
    )
    assert stale == []


def test_a_worker_killed_mid_request(cluster):
    server = cluster.servers[0]
    cluster.flush_counter()
    before = cluster.counted()
    editor = AdminSession(cluster.servers[1])
    page_ids = [row[0] for row in cluster.sql(
        "SELECT p.id FROM wagtailcore_page p JOIN django_content_type c ON c.id = p.content_type_id "
        "WHERE p.slug LIKE 'tin-thu-nghiem-su-co-%%' ORDER BY p.id DESC LIMIT 2")]
    editor_a = AdminSession(server)
    with Load([server], ["/luot-truy-cap/", "/", *article_paths(cluster, 2)], threads_per_server=4) as load:
        outcomes = Counter()

        def publish_some():
            for number in range(6):
                try:
                    outcomes[editor_a.publish(page_ids[number % 2])[0]] += 1
                except OSError:  # the request the killed worker was handling gets no answer
                    outcomes["no answer"] += 1

        publisher = threading.Thread(target=publish_some)
        publisher.start()
        time.sleep(1)
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)  # mid-request: four visitors and an editor are on it
        wait_until(lambda: len(server.workers()) == 2 and victim not in server.workers(), timeout=30,
                   what="the worker respawned")
        time.sleep(2)
        publisher.join(60)
    assert load.bodies_with_traceback == 0
    assert sum(outcomes.values()) == 6 and set(outcomes) <= {200, "no answer"}, outcomes
    # Requests on the killed worker got no answer; everything after was served.
    assert server.get("/")[0] == 200
    for page_id in page_ids:
        editor.publish(page_id)
    assert_pages_consistent(cluster)
    # Hits already answered were counted in Redis before the answer: none lost.
    hits = load.counted + settle_counter(cluster)
    assert cluster.counted() - before == hits
