"""Files that could run script in the portal's origin: refused at upload, or served inert.

Editors' uploads go through the admin (eportal.media.forms checks content); citizens'
attachments through the public question form (eportal.questions.validators).
"""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import PngImagePlugin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from eportal.questions.models import Question

from .demo_portal import demo, demo_site, question_data, question_url  # noqa: F401  (fixtures)

Document = get_document_model()
Image = get_image_model()

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# Starts like a GIF and is valid JavaScript: the classic image/script polyglot.
GIF_JS = b"GIF89a/*\x01\x00\x01\x00\x00\xff\x00,*/=alert(1);//" + b"\x00" * 20
# A real PDF header with an HTML document after it: fine as a PDF, dangerous as text/html.
PDF_HTML = PDF + b"<html><script>alert(document.domain)</script></html>\n"


def png_with_script():
    """A valid PNG that carries HTML in a text chunk."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), (10, 120, 40)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def collection(db):
    return Collection.get_first_root_node()


def stored(root: Path):
    return [path for path in root.rglob("*") if path.is_file()]


def upload(client, kind, name, content, collection):
    return client.post(
        f"/admin/{kind}/add/", {"title": "Tệp thử", "file": SimpleUploadedFile(name, content), "collection": collection.pk,
                                # an image's alt text, required by the image library
                                "description": "Biểu đồ kết quả thu ngân sách"},
    )


def refusal(response):
    assert response.status_code == 200, "the form is shown again"
    return " ".join(response.context["form"].errors.get("file", []))


@pytest.mark.parametrize("name, content", [
    ("thong-bao.pdf", HTML), ("thong-bao.docx", HTML), ("bao-cao.pdf", SVG), ("bao-cao.pdf", GIF_JS),
    ("trang.html", HTML), ("trang.htm", HTML), ("anh.svg", SVG), ("trang.xhtml", HTML),
])
def test_editors_cannot_upload_script_as_a_document(admin_client, collection, media_root, name, content):
    response = upload(admin_client, "documents", name, content, collection)
    message = refusal(response)
    assert "Không nhận" in message or "nội dung" in message, message
    assert Document.objects.count() == 0 and stored(media_root) == []


@pytest.mark.parametrize("name, content", [
    ("anh.png", SVG), ("anh.jpg", HTML), ("anh.gif", GIF_JS), ("anh.png", HTML), ("anh.svg", SVG),
    ("anh.webp", PDF_HTML),
])
def test_editors_cannot_upload_script_as_an_image(admin_client, collection, media_root, name, content):
    response = upload(admin_client, "images", name, content, collection)
    assert refusal(response)
    assert Image.objects.count() == 0 and stored(media_root) == []


def test_an_image_carrying_html_is_stored_as_an_image_and_published_re_encoded(admin_client, collection, media_root):
    assert upload(admin_client, "images", "bieu-do.png", png_with_script(), collection).status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(".png")  # served by nginx from its extension: image/png
    rendition = image.get_rendition("width-10")
    with rendition.file.open("rb") as handle:
        assert b"<script" not in handle.read()


def test_a_pdf_polyglot_is_served_as_pdf_that_cannot_run_script(admin_client, client, collection, media_root):
    assert upload(admin_client, "documents", "cong-van.pdf", PDF_HTML, collection).status_code == 302
    response = client.get(Document.objects.get().url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_spreadsheet_is_downloaded_not_opened(admin_client, client, collection, media_root):
    from tests.media.test_uploads import xlsx_bytes

    assert upload(admin_client, "documents", "so-lieu.xlsx", xlsx_bytes(), collection).status_code == 302
    response = client.get(Document.objects.get().url)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "html" not in response["Content-Type"]


@pytest.mark.parametrize("name, content", [
    ("to-khai.pdf", HTML), ("anh.png", SVG), ("anh.gif", GIF_JS), ("anh.jpg", HTML), ("trang.html", HTML),
    ("anh.svg", SVG), ("to-khai.doc", HTML),
])
def test_citizens_cannot_attach_script(demo, client, settings, name, content):
    before = Question.objects.count()
    response = client.post(question_url(), {**question_data(), "attachment": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["attachment"])
    assert "Không nhận loại tệp này" in errors or "nội dung không đúng loại tệp" in errors
    assert Question.objects.count() == before
    private = Path(settings.EPORTAL_PRIVATE_MEDIA_ROOT)
    assert not private.exists() or stored(private) == []


def test_a_citizens_pdf_polyglot_reaches_the_board_as_a_sandboxed_download(demo, client, admin_client):
    response = client.post(question_url(), {**question_data(), "attachment": SimpleUploadedFile("don.pdf", PDF_HTML)})
    assert response.status_code == 200
    question = Question.objects.order_by("-pk").first()
    download = admin_client.get(f"/admin/hoi-dap/attachment/{question.pk}/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"
