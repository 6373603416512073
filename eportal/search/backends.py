"""Term lookups in the database's full-text index, as SQL conditions on an entry's id.

Both backends answer the same question — which entries hold all of these terms, in the
title or anywhere — from an inverted index, never by scanning text:
SQLite with the FTS5 table of migration 0002, PostgreSQL with its GIN-indexed tsvector
columns. Terms come from eportal.search.text and contain only letters, digits and "_",
so quoting them cannot be escaped by a visitor's input.
"""

from django.db import connection

ENTRY_ID = '"portal_search_searchentry"."id"'


def _sqlite(terms, title_only):
    column = "title_terms : " if title_only else ""
    expression = " AND ".join(f'{column}"{term}"' for term in terms)
    return f"{ENTRY_ID} IN (SELECT rowid FROM portal_search_fts WHERE portal_search_fts MATCH %s)", [expression]


def _postgresql(terms, title_only):
    column = "title_tsv" if title_only else "all_tsv"
    expression = " & ".join(f"'{term}'" for term in terms)
    return f"{ENTRY_ID} IN (SELECT id FROM portal_search_searchentry WHERE {column} @@ %s::tsquery)", [expression]


def holding(terms, *, title_only=False) -> tuple[str, list]:
    """SQL true for the entries holding every one of `terms` (in the title, if title_only)."""
    if connection.vendor == "postgresql":
        return _postgresql(terms, title_only)
    if connection.vendor == "sqlite":
        return _sqlite(terms, title_only)
    raise NotImplementedError(f"Search needs SQLite or PostgreSQL, not {connection.vendor}.")
