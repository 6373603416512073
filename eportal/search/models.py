"""The search index: one row per published item a visitor can find.

The rows hold the terms of eportal.search.text; the database's own full-text index is
built on them by migrations (FTS5 on SQLite, GIN on PostgreSQL), see backends.py.
"""

from django.db import models
from wagtail.models import Page, Site


class Kind(models.TextChoices):
    # Values are the visitor-facing filter slugs.
    ARTICLE = "tin-tuc", "Tin tức"
    DOCUMENT = "van-ban", "Văn bản"
    PROCEDURE = "thu-tuc", "Thủ tục hành chính"
    QUESTION = "hoi-dap", "Hỏi đáp"
    VIDEO = "video", "Video"


class SearchEntry(models.Model):
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

    class Meta:
        indexes = [
            models.Index(fields=["kind", "date"], name="search_kind_date_idx"),
            models.Index(fields=["category_path"], name="search_category_idx"),
            models.Index(fields=["date"], name="search_date_idx"),
        ]

    def __str__(self):
        return self.title
