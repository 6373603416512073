"""Writes a parsed legacy article into the page tree: its category, then the article itself."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page, Site

from eportal.core.pages import publish_child
from eportal.core.richtext import clean_rich_text, has_content
from eportal.core.text import vn_slugify
from eportal.news.models import ArticlePage, HomePage, NewsCategoryPage

from .parser import LegacyArticle, legacy_key, normalise

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
SLUG_LENGTH = 100


def home_page_of(site: Site) -> HomePage:
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise ValueError(f"the root page of site {site.hostname!r} is not a home page (HomePage)")
    return home


def article_date(article: LegacyArticle) -> datetime.datetime:
    """The publication time, aware in settings.TIME_ZONE; 00:00 when the dump gives no time."""
    published = article.published
    if not isinstance(published, datetime.datetime):
        published = datetime.datetime.combine(published, datetime.time())
    return timezone.make_aware(published, timezone.get_default_timezone())


def body_html(article: LegacyArticle) -> str:
    return "\n".join(f"<p>{escape(paragraph)}</p>" for paragraph in article.paragraphs)


def clean_blocks(blocks: list[dict]) -> list[dict]:
    """Body blocks as a save would store them: rich text through the article's whitelist,
    empty paragraphs dropped (see eportal.core.richtext.CleanedBodyMixin)."""
    cleaned = []
    for block in blocks:
        if block["type"] == "paragraph":
            value = clean_rich_text(block["value"])
            if not has_content(value):
                continue
            block = {"type": "paragraph", "value": value}
        cleaned.append(block)
    return cleaned


def imported_fields(article: LegacyArticle, blocks: list[dict] | None = None) -> dict:
    fields = {
        "title": article.title,
        "date": article_date(article),
        "body": clean_blocks(blocks) if blocks is not None else ArticlePage.body_from_html(body_html(article)),
        "author_name": article.author_name,
        "author_position": article.author_position,
    }
    if article.lead:
        fields["lead"] = article.lead
    return fields


def comparable_body(blocks) -> list[tuple]:
    return [(block["type"], block["value"]) for block in blocks]


def current_value(page: ArticlePage, name: str):
    """A field of an existing article, comparable with imported_fields()."""
    if name == "body":
        return comparable_body(page.body.raw_data)
    return getattr(page, name)


def new_value(fields: dict, name: str):
    return comparable_body(fields[name]) if name == "body" else fields[name]


def find_category(site: Site, title: str) -> NewsCategoryPage | None:
    """The shallowest category of the site with this title, compared case-insensitively.

    Compared in Python: SQLite's case-insensitive matching only folds ASCII letters.
    """
    wanted = normalise(title).casefold()
    categories = NewsCategoryPage.objects.descendant_of(site.root_page).order_by("path")
    return next((c for c in categories if normalise(c.title).casefold() == wanted), None)


def unique_slug(parent: Page, title: str, fallback: str) -> str:
    base = vn_slugify(title, max_length=SLUG_LENGTH) or fallback
    siblings = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in siblings:
        slug, n = f"{base}-{n}", n + 1
    return slug



def import_article(article: LegacyArticle, site: Site, *, dry_run: bool = False) -> str:
    """Creates or updates the article (and its category); returns created/updated/unchanged.

    Matched by legacy_key, so importing the same dump again changes nothing. With
    dry_run nothing is written and the result says what an import would do.
    """
    return import_page(article, site, dry_run=dry_run)[0]


def import_page(
    article: LegacyArticle, site: Site, *, blocks: list[dict] | None = None, dry_run: bool = False,
) -> tuple[str, ArticlePage | None]:
    """import_article() for any source: `blocks` is the body as stream blocks (HTML pages and
    feeds), else the article's paragraphs. Returns the result and the page (None in a dry run
    that would create it)."""
    key = legacy_key(article)
    fields = imported_fields(article, blocks)
    with transaction.atomic():
        home = home_page_of(site)
        existing = ArticlePage.objects.descendant_of(home).filter(legacy_key=key).order_by("path").first()
        if existing is not None:
            changed = {
                name: value for name, value in fields.items()
                if current_value(existing, name) != new_value(fields, name)
            }
            if not changed:
                return UNCHANGED, existing
            if not dry_run:
                # Starts from the live page: an editor's unpublished draft is not published.
                for name, value in changed.items():
                    setattr(existing, name, value)
                existing.save_revision().publish()
            return UPDATED, existing
        if dry_run:
            return CREATED, None
        category = find_category(site, article.category)
        if category is None:
            slug = unique_slug(home, article.category, "chuyen-muc")
            category = publish_child(home, NewsCategoryPage(title=article.category, slug=slug))
        slug = unique_slug(category, article.title, "tin-bai")
        page = publish_child(category, ArticlePage(slug=slug, legacy_key=key, **fields))
        return CREATED, page
