"""The search index: one row per published item a visitor can find.

The rows hold the terms of eportal.search.text; the database's own full-text index is
built on them by migrations (FTS5 on SQLite, GIN on PostgreSQL), see backends.py.
"""

import datetime

from django.db import models
from wagtail.models import Page, Site

# The key's low bits tell entries of the same second apart (see order_key).
_SOURCE_BITS = 23


class Kind(models.TextChoices):
    # Values are the visitor-facing filter slugs.
    ARTICLE = "tin-tuc", "Tin tức"
    DOCUMENT = "van-ban", "Văn bản"
    PROCEDURE = "thu-tuc", "Thủ tục hành chính"
    QUESTION = "hoi-dap", "Hỏi đáp"
    VIDEO = "video", "Video"


def order_key(date: datetime.datetime, source: int = 0) -> int:
    """A key that sorts entries by date: seconds since 1970, then a number of the source
    (2 × page id, or 2 × question id + 1). Being the primary key and the FTS rowid, it
    lets both databases read "the newest matches first" straight from an index."""
    return int(date.timestamp()) * 2**_SOURCE_BITS + source % 2**_SOURCE_BITS


class SearchEntry(models.Model):
    id = models.BigIntegerField(primary_key=True)  # order_key(date, source)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # Exactly one source is set; deleting the source deletes the entry.
    page = models.OneToOneField(Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    question = models.OneToOneField(
        "questions.Question", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The news category an article belongs to, by tree path, so that a category filter
    # takes its sub-categories too.
    category_path = models.CharField(max_length=255, blank=True, default="")
    title = models.CharField(max_length=500)
    subtitle = models.CharField(max_length=255, blank=True, default="")
    url = models.CharField(max_length=500)
    date = models.DateTimeField()
    text = models.TextField(blank=True, help_text="Plain text for excerpts.")
    title_terms = models.TextField()
    body_terms = models.TextField()
    # Site, kind and category as terms, for filtering inside SQLite's FTS index.
    facet_terms = models.TextField(blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["site", "kind"], name="search_site_kind_idx"),
            # A site's newest entries, read straight from the index in a province of many
            # sites (eportal.search.backends.PostgreSQL.ids).
            models.Index(fields=["site", "id"], name="search_site_newest_idx"),
        ]

    def __str__(self):
        return self.title
