"""A whole installation in miniature: its own PostgreSQL and Redis, and app servers.

Two granian servers on different ports share one database, one Redis, one media folder
and one page cache folder, as two app servers behind one nginx would. The tests stop,
kill and restart the parts; none of this touches the machine's own services.
"""

import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg

from ..conftest import PERSON_AGENT
from ..servers import PostgresServer, RedisServer, free_port, wait_until

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ADMIN_PASSWORD = "Faults-Admin-Pass-2025!"


class AppServer:
    def __init__(self, cluster, name):
        self.cluster = cluster
        self.name = name
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = cluster.tmp / f"{name}.log"
        self.process = None

    def start(self):
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [
                str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(self.port),
                "--workers", "2", "--blocking-threads", "2", "--no-ws", "--respawn-failed-workers",
                "--respawn-interval", "0.5", "--access-log",
                "eportal.wsgi:application",
            ],
            cwd=ROOT, env=self.cluster.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        wait_until(lambda: self.get("/healthz")[0] == 200 and len(self.workers()) == 2, timeout=60,
                   what=f"{self.name} answering")
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def workers(self):
        """PIDs of granian's worker processes."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def get(self, path, timeout=10):
        try:
            request = urllib.request.Request(self.base_url + path, headers={"User-Agent": PERSON_AGENT})
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def log_text(self):
        return self.log_path.read_text(errors="replace")


class AdminSession:
    """A logged-in editor's browser session on one app server."""

    def __init__(self, server):
        self.server = server
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        status, _ = self.request("/admin/login/")
        status, body = self.request(
            "/admin/login/", {"username": "admin", "password": ADMIN_PASSWORD, "next": "/admin/"}
        )
        assert "/admin/login/" not in self.last_url, body[:2000]

    def csrf(self):
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")

    def request(self, path, data=None, timeout=30):
        body = None
        headers = {"Referer": self.server.base_url + path}
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.csrf()}
            body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.server.base_url + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=timeout) as response:
                self.last_url = response.url
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            self.last_url = error.url
            return error.code, error.read().decode("utf-8", "replace")

    def publish(self, page_id):
        return self.request(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/", {"include_descendants": ""})

    def unpublish(self, page_id):
        return self.request(f"/admin/bulk/wagtailcore/page/unpublish/?id={page_id}&next=/admin/", {"include_descendants": ""})


# Six published articles in the first news category, for the editors and visitors of the tests.
ARTICLES = """
import datetime
from django.utils import timezone
from eportal.news.models import ArticlePage, NewsCategoryPage
category = NewsCategoryPage.objects.live().order_by("path").first()
for number in range(6):
    article = ArticlePage(
        title=f"Tin thử nghiệm sự cố số {number}", slug=f"tin-thu-nghiem-su-co-{number}",
        date=timezone.now() - datetime.timedelta(hours=number), lead="Ủy ban nhân dân xã tổ chức hội nghị.",
        body=ArticlePage.body_from_html("<p>Nội dung tin bài thử nghiệm.</p>"),
    )
    category.add_child(instance=article)
    article.save_revision().publish()
"""


class Cluster:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.pg = PostgresServer()
        self.redis = RedisServer(tmp)
        self.servers = []

    def start(self):
        self.pg.init().start()
        self.pg.create_database()
        self.redis.start()
        self.env = self._environment()
        self.manage("migrate", "--no-input")
        self.manage("collectstatic", "--no-input", "--verbosity", "0")
        self.manage("load_demo")
        self.python(
            "from django.contrib.auth import get_user_model; U = get_user_model(); "
            f"U.objects.create_superuser('admin', 'admin@example.vn', {ADMIN_PASSWORD!r})"
        )
        self.python(ARTICLES)
        self.servers = [AppServer(self, "app-a").start(), AppServer(self, "app-b").start()]
        return self

    def _environment(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="eportal.settings.base",
            EPORTAL_VAR_DIR=str(self.tmp / "var"),
            EPORTAL_PAGE_CACHE_DIR=str(self.tmp / "var" / "pagecache"),
            DATABASE_URL=self.pg.url,
            REDIS_URL=self.redis.url,
            SECRET_KEY="faults-" + uuid.uuid4().hex * 2,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CACHE_KEY_PREFIX="faults",
            DEBUG="0",
            DB_CONN_MAX_AGE="60",
            EPORTAL_HIT_FLUSH_EVERY="50",
            EPORTAL_VISIT_PERSON_MAX_PER_MINUTE="0",  # the load is one client, a person's browser
            EPORTAL_SEARCHES_PER_MINUTE="1000000",  # the load is one client
            LOG_LEVEL="INFO",
        )
        for name in ("STATIC_ROOT", "MEDIA_ROOT", "LOG_FORMAT"):
            env.pop(name, None)
        return env

    def manage(self, *args, check=True):
        result = subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def python(self, code):
        return self.manage("shell", "--no-imports", "--verbosity", "0", "-c", code).stdout.strip()

    def sql(self, query, *params):
        with psycopg.connect(self.pg.url, autocommit=True) as connection:
            return connection.execute(query, params).fetchall()

    def counted(self):
        rows = self.sql("SELECT count FROM core_hitcount")
        return sum(row[0] for row in rows)

    def flush_counter(self):
        self.manage("flush_hit_counter", "--verbosity", "0")

    def stop(self):
        for server in self.servers:
            server.stop()
        # The servers' logs outlive pytest's temporary folders, for a failure's post-mortem.
        kept = Path(tempfile.gettempdir()) / "eportal-faults-logs"
        kept.mkdir(exist_ok=True)
        for server in self.servers:
            shutil.copy(server.log_path, kept / server.log_path.name)
        self.redis.kill()
        self.pg.remove()


COUNTER_DIGITS = re.compile(r'aria-label="(\d+) lượt truy cập"')


def shown_total(body):
    match = COUNTER_DIGITS.search(body)
    return int(match.group(1)) if match else None


def wait(seconds):
    time.sleep(seconds)
