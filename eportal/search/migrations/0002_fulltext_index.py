"""The database's own full-text index over the entries' terms (see eportal.search.backends)."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE portal_search_fts USING fts5(
        title_terms, body_terms, content='portal_search_searchentry', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'")""",
    """CREATE TRIGGER portal_search_fts_insert AFTER INSERT ON portal_search_searchentry BEGIN
        INSERT INTO portal_search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms); END""",
    """CREATE TRIGGER portal_search_fts_delete AFTER DELETE ON portal_search_searchentry BEGIN
        INSERT INTO portal_search_fts(portal_search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms); END""",
    """CREATE TRIGGER portal_search_fts_update AFTER UPDATE ON portal_search_searchentry BEGIN
        INSERT INTO portal_search_fts(portal_search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
        INSERT INTO portal_search_fts(rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER portal_search_fts_update",
    "DROP TRIGGER portal_search_fts_delete",
    "DROP TRIGGER portal_search_fts_insert",
    "DROP TABLE portal_search_fts",
]

# The terms are already normalised, so they become lexemes as they are, without a parser.
_VECTOR = "array_to_tsvector(array_remove(string_to_array({}, ' '), ''))"
ALL_TERMS = "title_terms || ' ' || body_terms"
POSTGRESQL = [
    "ALTER TABLE portal_search_searchentry"
    f" ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS ({_VECTOR.format('title_terms')}) STORED,"
    f" ADD COLUMN all_tsv tsvector GENERATED ALWAYS AS ({_VECTOR.format(ALL_TERMS)}) STORED",
    "CREATE INDEX portal_search_title_tsv ON portal_search_searchentry USING gin (title_tsv)",
    "CREATE INDEX portal_search_all_tsv ON portal_search_searchentry USING gin (all_tsv)",
]
POSTGRESQL_REVERSE = [
    "ALTER TABLE portal_search_searchentry DROP COLUMN title_tsv, DROP COLUMN all_tsv",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
