"""Runs the real portal (granian, DEBUG off, the demo loaded) on a free local port.

The server gets its own database: a SQLite file, or a fresh PostgreSQL database when
DATABASE_URL points at PostgreSQL, because pytest-django's test database is invisible
to another process.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveSite:
    def __init__(self, tmp_path: Path, workers=2, demo="kesach"):
        self.tmp = tmp_path
        self.demo = demo
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.pg_database = None
        self.env = self._environment()
        self.process = None

    def _environment(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="eportal.settings.base",
            EPORTAL_VAR_DIR=str(self.tmp),
            SECRET_KEY="live-site-test-secret-" + uuid.uuid4().hex,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CACHE_KEY_PREFIX="eportal-live-" + uuid.uuid4().hex[:8],
            EPORTAL_ADMIN_PASSWORD="live-site-admin-pass",
            DEBUG="0",
            EPORTAL_REDIS_TIMEOUT="10",  # a loaded CI machine (see eportal/settings/test.py)
        )
        env.pop("STATIC_ROOT", None)
        env.pop("MEDIA_ROOT", None)
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith(("postgres://", "postgresql://")):
            self.pg_database = "eportal_live_" + uuid.uuid4().hex[:10]
            self._admin_sql(url, f'CREATE DATABASE "{self.pg_database}"')
            config = dj_database_url.parse(url)
            env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + self.pg_database
            self.pg_admin_url = url
            assert config["NAME"]
        else:
            env["DATABASE_URL"] = f"sqlite:///{self.tmp / 'live.sqlite3'}"
        return env

    @staticmethod
    def _admin_sql(url, sql):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql)

    def manage(self, *args, check=True):
        return subprocess.run(
            [str(BIN / "python"), "manage.py", *args],
            cwd=ROOT, env=self.env, capture_output=True, text=True, check=check, timeout=300,
        )

    def python(self, code):
        """Run Django code in the server's environment and return its stdout."""
        return self.manage("shell", "--no-imports", "--verbosity", "0", "-c", code).stdout.strip()

    def start(self):
        self.manage("migrate", "--no-input")
        self.manage("collectstatic", "--no-input", "--verbosity", "0")
        self.manage("load_demo", *(["--province"] if self.demo == "province" else []))
        (self.tmp / "media").mkdir(exist_ok=True)
        self.log = open(self.tmp / "server.log", "w")
        self.process = subprocess.Popen(
            [
                str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
                "--port", str(self.port), "--workers", str(self.workers),
                "--blocking-threads", "4", "--no-ws",
                "--static-path-route", "/static", "--static-path-mount", str(self.tmp / "static"),
                "--static-path-route", "/media", "--static-path-mount", str(self.tmp / "media"),
                "eportal.wsgi:application",
            ],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("server exited: " + (self.tmp / "server.log").read_text())
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("server did not answer in 60 s: " + (self.tmp / "server.log").read_text())

    def get(self, path, headers=None):
        from .conftest import PERSON_AGENT

        request = urllib.request.Request(self.base_url + path, headers={"User-Agent": PERSON_AGENT, **(headers or {})})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.pg_database:
            self._admin_sql(self.pg_admin_url, f'DROP DATABASE IF EXISTS "{self.pg_database}" WITH (FORCE)')
