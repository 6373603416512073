"""Entries keyed by date order, filters as FTS terms, a contentless FTS5 table.

The index is derived data: the old table is dropped and recreated, and the post_migrate
handler of eportal.search fills it again from the published content.
"""

import django.db.models.deletion
from django.db import migrations, models

DROP_OLD = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS portal_search_fts_update",
        "DROP TRIGGER IF EXISTS portal_search_fts_delete",
        "DROP TRIGGER IF EXISTS portal_search_fts_insert",
        "DROP TABLE IF EXISTS portal_search_fts",
    ],
    "postgresql": [],  # the generated columns go with the table
}

# Contentless: the FTS table keeps only its index; the triggers give it the terms and
# take them back ('delete' needs the old values). Its rowid is the entry's date-ordered id.
_FTS_VALUES = "{0}.id, {0}.title_terms, {0}.body_terms, {0}.facet_terms"
CREATE_NEW = {
    "sqlite": [
        """CREATE VIRTUAL TABLE portal_search_fts USING fts5(
            title_terms, body_terms, facet_terms, content='',
            tokenize="unicode61 remove_diacritics 0 tokenchars '_'")""",
        "CREATE TRIGGER portal_search_fts_insert AFTER INSERT ON portal_search_searchentry BEGIN"
        " INSERT INTO portal_search_fts(rowid, title_terms, body_terms, facet_terms)"
        f" VALUES ({_FTS_VALUES.format('new')}); END",
        "CREATE TRIGGER portal_search_fts_delete AFTER DELETE ON portal_search_searchentry BEGIN"
        " INSERT INTO portal_search_fts(portal_search_fts, rowid, title_terms, body_terms, facet_terms)"
        f" VALUES ('delete', {_FTS_VALUES.format('old')}); END",
        "CREATE TRIGGER portal_search_fts_update AFTER UPDATE ON portal_search_searchentry BEGIN"
        " INSERT INTO portal_search_fts(portal_search_fts, rowid, title_terms, body_terms, facet_terms)"
        f" VALUES ('delete', {_FTS_VALUES.format('old')});"
        " INSERT INTO portal_search_fts(rowid, title_terms, body_terms, facet_terms)"
        f" VALUES ({_FTS_VALUES.format('new')}); END",
    ],
    "postgresql": [
        # The terms are already normalised: they become lexemes as they are, without a parser.
        "ALTER TABLE portal_search_searchentry"
        " ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS"
        " (array_to_tsvector(array_remove(string_to_array(title_terms, ' '), ''))) STORED,"
        " ADD COLUMN all_tsv tsvector GENERATED ALWAYS AS"
        " (array_to_tsvector(array_remove(string_to_array(title_terms || ' ' || body_terms, ' '), ''))) STORED",
        # Without a pending list: GIN's fast-update list is scanned whole by every search
        # until a vacuum, which made a search for a missing word take 16 ms at 10,000 rows.
        "CREATE INDEX portal_search_title_tsv ON portal_search_searchentry USING gin (title_tsv) WITH (fastupdate = off)",
        "CREATE INDEX portal_search_all_tsv ON portal_search_searchentry USING gin (all_tsv) WITH (fastupdate = off)",
    ],
}


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_fulltext_index")]

    operations = [
        migrations.RunPython(_run(DROP_OLD), migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchEntry"),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("kind", models.CharField(choices=[("tin-tuc", "Tin tức"), ("van-ban", "Văn bản"), ("thu-tuc", "Thủ tục hành chính"), ("hoi-dap", "Hỏi đáp"), ("video", "Video")], max_length=10)),
                ("category_path", models.CharField(blank=True, default="", max_length=255)),
                ("title", models.CharField(max_length=500)),
                ("subtitle", models.CharField(blank=True, default="", max_length=255)),
                ("url", models.CharField(max_length=500)),
                ("date", models.DateTimeField()),
                ("text", models.TextField(blank=True, help_text="Plain text for excerpts.")),
                ("title_terms", models.TextField()),
                ("body_terms", models.TextField()),
                ("facet_terms", models.TextField(blank=True, default="")),
                ("page", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.page")),
                ("question", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="questions.question")),
                ("site", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.site")),
            ],
            options={"indexes": [models.Index(fields=["site", "kind"], name="search_site_kind_idx")]},
        ),
        migrations.RunPython(_run(CREATE_NEW), migrations.RunPython.noop),
    ]
