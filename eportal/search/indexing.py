"""Keeping the search index equal to what is published."""

from django.db import transaction
from wagtail.models import Page, Site

from . import backends, sources
from .backends import facet_terms
from .models import SearchEntry, order_key
from .text import MAX_INDEXED_CHARS, terms

BATCH = 500


def _entry(source: sources.Source, *, page_id=None, question_id=None) -> SearchEntry:
    return SearchEntry(
        id=order_key(source.date, 2 * page_id if page_id else 2 * question_id + 1),
        page_id=page_id, question_id=question_id, **_entry_fields(source),
    )


def _entry_fields(source: sources.Source) -> dict:
    site_id = source.site.pk if source.site else None
    return {
        "facet_terms": facet_terms(site_id, source.kind, source.category_path),
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


def _question_index_page(site_id=None):
    """The Q&A page a question is answered on: the one of the question's site."""
    from eportal.questions.models import QuestionIndexPage

    pages = QuestionIndexPage.objects.live().order_by("path")
    site = Site.objects.select_related("root_page").filter(pk=site_id).first() if site_id else None
    if site is not None:
        pages = pages.filter(path__startswith=site.root_page.path)
    return pages.first()


def index_page(page: Page, roots=None) -> None:
    """Add, update or remove the entry of one page, as it is now."""
    page = page.specific
    source = sources.for_page(page, roots or sources.SiteRoots()) if page.live else None
    if source is None:
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return
    # The id follows the date, so an edit replaces the row rather than updating it.
    SearchEntry.objects.filter(page_id=page.pk).delete()
    _entry(source, page_id=page.pk).save(force_insert=True)


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
        source = sources.for_question(question, _question_index_page(question.site_id), sources.SiteRoots())
    if source is None:
        SearchEntry.objects.filter(question_id=question.pk).delete()
        return
    SearchEntry.objects.filter(question_id=question.pk).delete()
    _entry(source, question_id=question.pk).save(force_insert=True)


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
    with transaction.atomic(), backends.current().bulk_load():
        SearchEntry.objects.all().delete()
        batch = []

        def flush():
            nonlocal count
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            batch.clear()
            if stdout:
                stdout.write(f"  {count} entries indexed\n")

        for queryset in _searchable_pages():
            for page in queryset.order_by("pk").iterator(chunk_size=BATCH):
                source = sources.for_page(page, roots)
                if source:
                    batch.append(_entry(source, page_id=page.pk))
                if len(batch) >= BATCH:
                    flush()
        index_pages = {}
        for question in Question.objects.published().order_by("pk").iterator(chunk_size=BATCH):
            if question.site_id not in index_pages:
                index_pages[question.site_id] = _question_index_page(question.site_id)
            source = sources.for_question(question, index_pages[question.site_id], roots)
            if source:
                batch.append(_entry(source, question_id=question.pk))
            if len(batch) >= BATCH:
                flush()
        if batch:
            flush()
    return count


def fill_if_empty(**kwargs) -> None:
    """After migrate: an empty index beside published content (a new or upgraded
    installation) is filled, so search works without a manual rebuild."""
    if SearchEntry.objects.exists():
        return
    if any(queryset.exists() for queryset in _searchable_pages()):
        rebuild_index()
