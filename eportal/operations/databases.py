"""Dumping and loading the default database: one consistent snapshot, either engine.

PostgreSQL: pg_dump's custom format, taken in an exported snapshot in which the rows are
also counted, so the manifest's counts describe exactly the dump. SQLite: the online
backup API, which copies the database as of one moment while the portal keeps running.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from .errors import BackupError


def current_database():
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        return SqliteDatabase(connection)
    if connection.vendor == "postgresql":
        return PostgresDatabase(connection)
    raise BackupError(f"Backups of {connection.vendor} databases are not supported (PostgreSQL or SQLite).")


class Database:
    engine = ""
    filename = ""

    def __init__(self, connection):
        self.connection = connection

    @property
    def name(self):
        return self.connection.settings_dict["NAME"]

    def existing_tables(self) -> list[str]:
        with self.connection.cursor() as cursor:
            return self.connection.introspection.table_names(cursor)

    def row_counts(self, cursor, tables) -> dict[str, int]:
        quote = self.connection.ops.quote_name
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
        return counts

    def current_row_counts(self, tables) -> dict[str, int]:
        with self.connection.cursor() as cursor:
            return self.row_counts(cursor, tables)

    def check_tools(self) -> None:
        """Fail before anything is changed when a needed program is missing."""


class SqliteDatabase(Database):
    engine = "sqlite"
    filename = "database.sqlite3"

    def existing_tables(self):
        if not self.connection.is_in_memory_db():
            Path(self.name).parent.mkdir(parents=True, exist_ok=True)  # a new installation's var/
        return [t for t in super().existing_tables() if not _is_fts_table(t)]

    def dump(self, target: Path) -> dict[str, int]:
        self.connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            self.connection.connection.backup(destination)
            tables = [row[0] for row in destination.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )]
            counts = {}
            for table in tables:
                if _is_fts_table(table):  # the full-text index, rebuilt from its table's rows
                    continue
                counts[table] = destination.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            return counts
        finally:
            destination.close()

    def load(self, source: Path) -> None:
        target = Path(self.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        connections.close_all()
        backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        destination = sqlite3.connect(target)
        try:
            backup.backup(destination)
        finally:
            destination.close()
            backup.close()


def _is_fts_table(name: str) -> bool:
    # The FTS5 table and its shadow tables (portal_search_fts_data, ..._idx, ...).
    return re.fullmatch(r"portal_search_fts(_\w+)?", name) is not None


class PostgresDatabase(Database):
    engine = "postgresql"
    filename = "database.pgdump"

    def dump(self, target: Path) -> dict[str, int]:
        pg_dump = find_pg_tool("pg_dump", self.server_major())
        if self.connection.in_atomic_block:
            raise BackupError("A backup cannot run inside a database transaction.")
        with transaction.atomic(), self.connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = self.row_counts(cursor, self.connection.introspection.table_names(cursor))
            # Dumped from the very snapshot the rows were counted in.
            self._run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}"])
        return counts

    def check_tools(self):
        find_pg_tool("pg_restore", self.server_major())

    def load(self, source: Path) -> None:
        pg_restore = find_pg_tool("pg_restore", self.server_major())
        self.connection.close()
        self._run([
            pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
            f"--dbname={self.name}", str(source),
        ])

    def server_major(self) -> int:
        self.connection.ensure_connection()
        return self.connection.pg_version // 10000

    def _run(self, command):
        result = subprocess.run(command, env=self._environment(), capture_output=True, text=True)
        if result.returncode != 0:
            raise BackupError(f"{Path(command[0]).name} failed (exit {result.returncode}): {result.stderr.strip()}")

    def _environment(self):
        """Connection settings for libpq's programs; the password never on a command line."""
        config = self.connection.settings_dict
        env = dict(os.environ, PGDATABASE=self.name, PGCONNECT_TIMEOUT="10")
        for variable, value in (
            ("PGUSER", config.get("USER")), ("PGPASSWORD", config.get("PASSWORD")),
            ("PGHOST", config.get("HOST")), ("PGPORT", config.get("PORT")),
            ("PGSSLMODE", (config.get("OPTIONS") or {}).get("sslmode")),
        ):
            if value:
                env[variable] = str(value)
        return env


def find_pg_tool(tool: str, server_major: int) -> str:
    """The server's own version of pg_dump/pg_restore, else one on PATH at least as new."""
    candidates = [
        f"/usr/lib/postgresql/{server_major}/bin/{tool}",  # Debian, Ubuntu
        f"/usr/pgsql-{server_major}/bin/{tool}",  # PGDG packages on RHEL
        shutil.which(tool),
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK) and _major_version(candidate) >= server_major:
            return candidate
    raise BackupError(
        f"{tool} of PostgreSQL {server_major} or newer was not found (looked in /usr/lib/postgresql/"
        f"{server_major}/bin and on PATH). Install the client tools, e.g. `apt install postgresql-client-{server_major}`."
    )


def _major_version(program: str) -> int:
    try:
        output = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return 0
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(match.group(1)) if match else 0
