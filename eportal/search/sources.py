"""What of each published item is searched: title, text, date, category and address."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Page, Site

from eportal.core.dates import day_start
from eportal.core.richtext import plain_text

from .models import Kind

@dataclass
class Source:
    kind: str
    title: str
    text: str
    date: datetime.datetime
    url: str
    site: Site | None = None
    subtitle: str = ""
    category_path: str = ""
    title_extra: str = ""  # searched as title, not shown (a document's number)


def _strings(value):
    """Every text inside a StreamField block value (paragraphs, captions, table cells)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _stream_text(stream) -> str:
    raw = getattr(stream, "raw_data", None) or []
    return "\n".join(plain_text(text) for block in raw for text in _strings(block.get("value")))


def _join(*parts) -> str:
    return "\n".join(part for part in parts if part)


class SiteRoots:
    """The sites and their root paths, read once for a batch of pages."""

    def __init__(self):
        self.sites = sorted(
            Site.objects.select_related("root_page"), key=lambda site: len(site.root_page.path), reverse=True
        )

    def url_of(self, page: Page) -> tuple[Site | None, str]:
        for site in self.sites:
            if page.path.startswith(site.root_page.path):
                return site, page.url_path[len(site.root_page.url_path) - 1 :]
        return None, ""


def for_page(page, roots: SiteRoots) -> Source | None:
    """The searchable source of a specific page, or None for pages not searched."""
    from eportal.documents.models import LegalDocumentPage
    from eportal.news.models import ArticlePage, VideoPage
    from eportal.procedures.models import ProcedurePage

    if getattr(page.specific_class, "indexed_elsewhere", False):  # a shared copy: its original is indexed
        return None
    site, url = roots.url_of(page)
    if not url:
        return None
    common = {"title": page.title, "url": url, "site": site}
    if isinstance(page, ArticlePage):
        return Source(
            kind=Kind.ARTICLE, date=page.date, category_path=page.path[: -page.steplen],
            text=_join(page.lead, _stream_text(page.body), page.author_name), **common,
        )
    if isinstance(page, VideoPage):
        return Source(kind=Kind.VIDEO, date=page.date, text=page.description, **common)
    if isinstance(page, LegalDocumentPage):
        kind_name = page.document_type.name if page.document_type_id else ""
        issuer = page.issuing_body.name if page.issuing_body_id else ""
        return Source(
            kind=Kind.DOCUMENT, date=day_start(page.issued_on), title_extra=page.number,
            subtitle=f"Số ký hiệu: {page.number} · Ngày ban hành: {page.issued_on:%d/%m/%Y}",
            text=_join(kind_name, issuer, page.signer, plain_text(page.body), page.note), **common,
        )
    if isinstance(page, ProcedurePage):
        steps = "\n".join(_join(step.title, step.detail) for step in page.steps.all())
        return Source(
            kind=Kind.PROCEDURE, date=page.last_published_at or timezone.now(), title_extra=page.code,
            subtitle=f"Mã thủ tục: {page.code}" if page.code else "",
            text=_join(page.summary, page.requirements, steps, page.processing_time, page.fees, page.result),
            **common,
        )
    return None


def for_question(question, index_page, roots: SiteRoots) -> Source | None:
    if index_page is None:
        return None
    site, url = roots.url_of(index_page)
    return Source(
        kind=Kind.QUESTION, title=question.title, url=f"{url}{question.pk}/", site=site,
        date=question.answered_at or question.received_at,
        text=_join(question.question, plain_text(question.answer)),
    )
