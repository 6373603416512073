"""A second, empty eportal installation run in subprocesses: the target of a restore.

It gets its own database (a SQLite file, or a fresh PostgreSQL database when the tests
run on PostgreSQL), its own media folders and its own cache key prefix.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


class Installation:
    def __init__(self, folder: Path):
        self.folder = folder
        self.media = folder / "media"
        self.private = folder / "private"
        self.pagecache = folder / "pagecache"
        self.pg_admin_url = None
        source_url = os.environ.get("DATABASE_URL", "")
        if source_url.startswith(("postgres://", "postgresql://")):
            self.pg_admin_url = source_url.rsplit("/", 1)[0] + "/postgres"
            self.pg_name = f"{source_url.rsplit('/', 1)[1]}_restore_{os.getpid()}_{uuid.uuid4().hex[:6]}"
            self._admin_sql(f'CREATE DATABASE "{self.pg_name}"')
            self.database_url = source_url.rsplit("/", 1)[0] + "/" + self.pg_name
        else:
            self.database_url = f"sqlite:///{folder / 'restored.sqlite3'}"

    def _admin_sql(self, sql):
        import psycopg

        with psycopg.connect(self.pg_admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def drop(self):
        if self.pg_admin_url:
            self._admin_sql(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')

    @property
    def environment(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="eportal.settings.base",
            DATABASE_URL=self.database_url,
            EPORTAL_VAR_DIR=str(self.folder / "var"),
            MEDIA_ROOT=str(self.media),
            EPORTAL_PRIVATE_MEDIA_ROOT=str(self.private),
            EPORTAL_PAGE_CACHE_DIR=str(self.pagecache),
            SECRET_KEY="restore-test-" + uuid.uuid4().hex,
            CACHE_KEY_PREFIX="eportal-restore-test-" + uuid.uuid4().hex[:8],
            ALLOWED_HOSTS="testserver,localhost",
            DEBUG="0",
        )
        return env

    def eportal(self, *args):
        return subprocess.run(
            [sys.executable, "-m", "eportal.cli", *args],
            cwd=ROOT, env=self.environment, capture_output=True, text=True, timeout=600,
        )

    def python(self, code: str, settings_module="eportal.settings.base"):
        """Run code in the installation (Django set up) and return what it prints as JSON."""
        result = subprocess.run(
            [sys.executable, "-c", "import django; django.setup()\n" + code],
            cwd=ROOT, env={**self.environment, "DJANGO_SETTINGS_MODULE": settings_module},
            capture_output=True, text=True, timeout=600,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)
