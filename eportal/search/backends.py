"""Reading the full-text index: count and list the entries of one rank tier.

A tier is a set of conditions "holds these terms" (in the title, or anywhere) that must
be true, and others that must be false. Both backends answer from an inverted index and
read matches newest first from the date-ordered key (the entry id), so listing the top
of a tier stops after the rows it needs, whatever the number of matches:

- SQLite: one FTS5 MATCH expression on the contentless table of migration 0003, with the
  filters as facet terms and the date range as a rowid range;
- PostgreSQL: the GIN-indexed tsvector columns, and the filters as plain columns.

Terms come from eportal.search.text and contain only letters, digits and "_", so quoting
them cannot be escaped by a visitor's input.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection

from .models import order_key


@dataclass(frozen=True)
class Condition:
    terms: tuple[str, ...]
    title_only: bool = False


@dataclass(frozen=True)
class Tier:
    must: tuple[Condition, ...]
    must_not: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Filters:
    site_id: int | None = None  # None: every site
    kind: str = ""
    category_path: str = ""
    date_from: datetime.datetime | None = None  # inclusive
    date_to: datetime.datetime | None = None  # exclusive

    def key_range(self):
        low = order_key(self.date_from) if self.date_from else None
        high = order_key(self.date_to) if self.date_to else None
        return low, high


def facet_terms(site_id, kind, category_path, steplen=4) -> str:
    """The filter values of an entry as FTS terms (each ancestor of its category too)."""
    found = [f"site_{site_id or 0}", f"kind_{kind.replace('-', '')}"]
    found += [f"cat_{category_path[:end].lower()}" for end in range(steplen, len(category_path) + 1, steplen)]
    return " ".join(found)


class SQLite:
    TABLE = "portal_search_fts"

    @contextmanager
    def bulk_load(self):
        yield

    @staticmethod
    def _condition(condition: Condition) -> str:
        column = "title_terms : " if condition.title_only else ""
        return "(" + " AND ".join(f'{column}"{term}"' for term in condition.terms) + ")"

    def _where(self, tier: Tier, filters: Filters):
        must = [self._condition(c) for c in tier.must]
        if filters.site_id is not None:
            must.append(f'(facet_terms : "site_{filters.site_id}")')
        if filters.kind:
            must.append(f'(facet_terms : "kind_{filters.kind.replace("-", "")}")')
        if filters.category_path:
            must.append(f'(facet_terms : "cat_{filters.category_path.lower()}")')
        expression = "(" + " AND ".join(must) + ")"
        for condition in tier.must_not:
            expression += f" NOT {self._condition(condition)}"
        sql, params = f"{self.TABLE} MATCH %s", [expression]
        low, high = filters.key_range()
        if low is not None:
            sql, params = sql + " AND rowid >= %s", [*params, low]
        if high is not None:
            sql, params = sql + " AND rowid < %s", [*params, high]
        return sql, params

    def count(self, tier, filters, cap: int) -> int:
        where, params = self._where(tier, filters)
        sql = f"SELECT count(*) FROM (SELECT rowid FROM {self.TABLE} WHERE {where} LIMIT %s)"
        return _fetch_one(sql, [*params, cap])

    def ids(self, tier, filters, limit: int, offset: int) -> list[int]:
        where, params = self._where(tier, filters)
        sql = f"SELECT rowid FROM {self.TABLE} WHERE {where} ORDER BY rowid DESC LIMIT %s OFFSET %s"
        return _fetch_column(sql, [*params, limit, offset])


class PostgreSQL:
    TABLE = "portal_search_searchentry"
    # As created by migration 0003; dropped and built again around a full rebuild, which
    # is many times faster than updating them row by row.
    INDEXES = {
        "portal_search_title_tsv": f"CREATE INDEX portal_search_title_tsv ON {TABLE} USING gin (title_tsv) WITH (fastupdate = off)",
        "portal_search_all_tsv": f"CREATE INDEX portal_search_all_tsv ON {TABLE} USING gin (all_tsv) WITH (fastupdate = off)",
    }

    @contextmanager
    def bulk_load(self):
        with connection.cursor() as cursor:
            for name in self.INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
        yield
        with connection.cursor() as cursor:
            # Check the deferred foreign keys now: PostgreSQL builds no index on a table
            # with pending trigger events.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for sql in self.INDEXES.values():
                cursor.execute(sql)
            cursor.execute(f"ANALYZE {self.TABLE}")

    @staticmethod
    def _condition(condition: Condition):
        column = "title_tsv" if condition.title_only else "all_tsv"
        return f"{column} @@ %s::tsquery", " & ".join(f"'{term}'" for term in condition.terms)

    # The newest rows a tier read looks at first (see ids).
    WINDOW = 300

    def _where(self, tier: Tier, filters: Filters, *, terms=True, columns=True):
        parts, params = [], []
        if terms:
            self._term_parts(tier, parts, params)
            if columns and filters.site_id is not None:
                # The site is a term of all_tsv too (migration 0004): the full-text index
                # then yields this site's matches only, however many sites share the table.
                parts.append("all_tsv @@ %s::tsquery")
                params.append(f"'site_{filters.site_id}'")
        if columns:
            self._column_parts(filters, parts, params)
        return " AND ".join(parts) or "TRUE", params

    def _term_parts(self, tier, parts, params):
        for condition in tier.must:
            sql, value = self._condition(condition)
            parts.append(sql)
            params.append(value)
        for condition in tier.must_not:
            sql, value = self._condition(condition)
            parts.append(f"NOT ({sql})")
            params.append(value)

    @staticmethod
    def _column_parts(filters, parts, params):
        if filters.site_id is not None:
            parts.append("site_id = %s")
            params.append(filters.site_id)
        if filters.kind:
            parts.append("kind = %s")
            params.append(filters.kind)
        if filters.category_path:
            parts.append("category_path LIKE %s")
            params.append(filters.category_path + "%")
        low, high = filters.key_range()
        if low is not None:
            parts.append("id >= %s")
            params.append(low)
        if high is not None:
            parts.append("id < %s")
            params.append(high)

    def count(self, tier, filters, cap: int) -> int:
        where, params = self._where(tier, filters)
        return _fetch_one(f"SELECT count(*) FROM (SELECT 1 FROM {self.TABLE} WHERE {where} LIMIT %s) AS tier", [*params, cap])

    def ids(self, tier, filters, limit: int, offset: int) -> list[int]:
        # The planner cannot know how many rows hold several terms at once and often
        # reads thousands of rows' terms to sort them, when the newest few hundred rows
        # would have given the page. So look there first: if the newest WINDOW rows hold
        # the page, it is the right page; otherwise ask the indexes for the whole tier.
        if offset + limit <= self.WINDOW:
            columns, column_params = self._where(tier, filters, terms=False)
            terms, term_params = self._where(tier, filters, columns=False)
            sql = (
                f"SELECT id FROM (SELECT id, title_tsv, all_tsv FROM {self.TABLE} WHERE {columns}"
                f" ORDER BY id DESC LIMIT {self.WINDOW}) AS newest WHERE {terms} ORDER BY id DESC LIMIT %s OFFSET %s"
            )
            found = _fetch_column(sql, [*column_params, *term_params, limit, offset])
            if len(found) == limit:
                return found
        where, params = self._where(tier, filters)
        sql = f"SELECT id FROM {self.TABLE} WHERE {where} ORDER BY id DESC LIMIT %s OFFSET %s"
        return _fetch_column(sql, [*params, limit, offset])


def _fetch_one(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _fetch_column(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def current():
    if connection.vendor == "postgresql":
        return PostgreSQL()
    if connection.vendor == "sqlite":
        return SQLite()
    raise NotImplementedError(f"Search needs SQLite or PostgreSQL, not {connection.vendor}.")
