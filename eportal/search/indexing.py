"""Keeping the search index equal to what is published."""

from django.db import transaction
from wagtail.models import Page

from . import sources
from .models import SearchEntry
from .text import MAX_INDEXED_CHARS, terms

BATCH = 500


def _entry_fields(source: sources.Source) -> dict:
    return {
        "kind": source.kind,
        "site": source.site,
        "category_path": source.category_path,
        "title": source.title[:500],
        "subtitle": source.subtitle[:255],
        "url": source.url[:500],
        "date": source.date,
        "text": source.text[:MAX_INDEXED_CHARS],
        "title_terms": terms(f"{source.title_extra}\n{source.title}"),
        "body_terms": terms(source.text),
    }


def _question_index_page():
    from eportal.questions.models import QuestionIndexPage

    return QuestionIndexPage.objects.live().order_by("path").first()


def index_page(page: Page, roots=None) -> None:
    """Add, update or remove the entry of one page, as it is now."""
    page = page.specific
    source = sources.for_page(page, roots or sources.SiteRoots()) if page.live else None
    if source is None:
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return
    SearchEntry.objects.update_or_create(page_id=page.pk, defaults=_entry_fields(source))


def index_subtree(page: Page) -> None:
    """Re-index a page and its descendants (their addresses change when it moves)."""
    roots = sources.SiteRoots()
    for descendant in page.get_descendants(inclusive=True).live().specific().iterator(chunk_size=BATCH):
        index_page(descendant, roots)


def remove_page(page: Page) -> None:
    SearchEntry.objects.filter(page_id=page.pk).delete()


def index_question(question) -> None:
    source = None
    if question.is_published:
        source = sources.for_question(question, _question_index_page(), sources.SiteRoots())
    if source is None:
        SearchEntry.objects.filter(question_id=question.pk).delete()
        return
    SearchEntry.objects.update_or_create(question_id=question.pk, defaults=_entry_fields(source))


def _searchable_pages():
    from eportal.documents.models import LegalDocumentPage
    from eportal.news.models import ArticlePage, VideoPage
    from eportal.procedures.models import ProcedurePage

    yield ArticlePage.objects.live()
    yield VideoPage.objects.live()
    yield LegalDocumentPage.objects.live().select_related("document_type", "issuing_body")
    yield ProcedurePage.objects.live().prefetch_related("steps")


def rebuild_index(stdout=None) -> int:
    """Replace the whole index with the published content; returns the number of entries."""
    from eportal.questions.models import Question

    roots = sources.SiteRoots()
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        batch = []

        def flush():
            nonlocal count
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            batch.clear()
            if stdout:
                stdout.write(f"  {count} entries indexed")

        for queryset in _searchable_pages():
            for page in queryset.order_by("pk").iterator(chunk_size=BATCH):
                source = sources.for_page(page, roots)
                if source:
                    batch.append(SearchEntry(page_id=page.pk, **_entry_fields(source)))
                if len(batch) >= BATCH:
                    flush()
        index = _question_index_page()
        for question in Question.objects.published().order_by("pk").iterator(chunk_size=BATCH):
            source = sources.for_question(question, index, roots)
            if source:
                batch.append(SearchEntry(question_id=question.pk, **_entry_fields(source)))
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
    return count
