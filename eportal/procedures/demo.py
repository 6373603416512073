"""Demo content for Thủ tục hành chính: an index page and five common procedures.

Idempotent: pages are found by slug, taxonomy by name; what exists is left as editors made it.
"""

import io
import zipfile

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from wagtail.documents import get_document_model

from eportal.core.models import Agency, Sector
from eportal.core.pages import publish_child
from eportal.core.text import vn_slugify

from . import demo_content as content
from .models import (
    DossierItem, LegalBasis, LifeEvent, ProcedureIndexPage, ProcedurePage, ProcedureStep, SubmissionMethod,
)

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def odt_bytes(paragraphs):
    """A minimal OpenDocument text file holding the given paragraphs."""
    body = "".join(f"<text:p>{escape(text)}</text:p>" for text in paragraphs)
    content_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODT_MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # OpenDocument: "mimetype" first and uncompressed.
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content_xml, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ensure_form_template():
    Document = get_document_model()
    document = Document.objects.filter(title=content.FORM_TITLE).first()
    if document is None:
        document = Document(title=content.FORM_TITLE)
        document.file.save(content.FORM_FILENAME, ContentFile(odt_bytes(content.FORM_TEXT)), save=False)
        document._set_document_file_metadata()
        document.save()
    return document


def ensure_taxonomy():
    sectors = {}
    for order, name in enumerate(content.SECTORS):
        sectors[name], _ = Sector.objects.get_or_create(
            name=name, defaults={"slug": vn_slugify(name), "sort_order": 100 + order}
        )
    agencies = {}
    for name, defaults in content.AGENCIES.items():
        agencies[name], _ = Agency.objects.get_or_create(name=name, defaults=defaults)
    return sectors, agencies


def ensure_index(home):
    index = ProcedureIndexPage.objects.child_of(home).filter(slug=content.INDEX["slug"]).first()
    return index or publish_child(home, ProcedureIndexPage(**content.INDEX))


def build_procedure(data, sectors, agencies, form):
    return ProcedurePage(
        title=data["title"],
        slug=data["slug"],
        summary=f"{data['summary']}\n\n{content.DEMO_NOTE}",
        sector=sectors[data["sector"]],
        level=data["level"],
        handling_agency=agencies[data["agency"]],
        life_events=list(LifeEvent.objects.filter(slug__in=data["life_events"])),
        steps=[ProcedureStep(title=title, detail=detail) for title, detail in data["steps"]],
        submission_methods=[SubmissionMethod(method=method, details=details) for method, details in data["methods"]],
        dossier_items=[
            DossierItem(
                name=name, originals=originals, copies=copies, note=note, form_template=form if has_form else None,
            )
            for name, originals, copies, note, has_form in data["dossier"]
        ],
        processing_time=content.TIME_GENERAL,
        fees=content.FEES_GENERAL,
        requirements=data["requirements"],
        result=data["result"],
        legal_bases=[LegalBasis(citation=citation) for citation in data["legal"]],
        online_url=content.NATIONAL_PORTAL if data["online"] else "",
    )


def load(site, home):
    with transaction.atomic():
        index = ensure_index(home)
        existing = set(ProcedurePage.objects.child_of(index).values_list("slug", flat=True))
        missing = [data for data in content.PROCEDURES if data["slug"] not in existing]
        if missing:
            sectors, agencies = ensure_taxonomy()
            form = ensure_form_template()
            for data in missing:
                publish_child(index, build_procedure(data, sectors, agencies, form))
    return index
