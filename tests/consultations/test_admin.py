"""Editors create consultations through the real admin; bad input gets a Vietnamese message."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from eportal.consultations.models import ConsultationPage
from eportal.core.models import Agency, Sector

from ..editorial.conftest import client_for

pytestmark = pytest.mark.django_db

Document = get_document_model()

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def xlsx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def document(name, content, title=None):
    # Stored directly, as an import or an older upload would be: the page checks it again.
    return Document.objects.create(title=title or name, file=ContentFile(content, name=name))


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%d %H:%M")


def consultation_form(opens_at, closes_at, attachments=(), summary_of_comments="", **extra):
    data = {
        "title": "Dự thảo Kế hoạch cải cách hành chính năm 2027",
        "slug": "du-thao-cai-cach-hanh-chinh-2027",
        "agency": str(Agency.objects.get_or_create(name="Văn phòng HĐND và UBND huyện")[0].pk),
        "sector": str(Sector.objects.get_or_create(name="Nội vụ", slug="noi-vu")[0].pk),
        "summary": "Kế hoạch cải cách hành chính của huyện năm 2027.",
        "opens_at": local(opens_at),
        "closes_at": local(closes_at),
        "body": rich_text("<p><b>Điều 1.</b> Mục tiêu.</p>"),
        "attachments": inline_formset([{"document": str(doc.pk), "title": ""} for doc in attachments]),
        "summary_of_comments": rich_text(summary_of_comments) if summary_of_comments else rich_text(""),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "1",
    }
    data.update(extra)
    return nested_form_data(data)


def add_url(index):
    return f"/admin/pages/add/consultations/consultationpage/{index.pk}/"


def test_editor_creates_a_consultation_with_a_pdf(admin_client, index):
    now = timezone.now()
    pdf = document("du-thao.pdf", PDF, title="Dự thảo kế hoạch")
    response = admin_client.post(
        add_url(index), consultation_form(now - timedelta(days=1), now + timedelta(days=30), attachments=[pdf])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ConsultationPage.objects.get()
    assert page.live and page.get_parent().pk == index.pk
    assert page.agency.name == "Văn phòng HĐND và UBND huyện" and page.sector.name == "Nội vụ"
    assert [a.document_id for a in page.attachments.all()] == [pdf.pk]
    html = admin_client.get(page.url).content.decode()
    assert "Dự thảo kế hoạch" in html and "Đang lấy ý kiến" in html


def test_deadline_before_start_is_refused(admin_client, index):
    now = timezone.now()
    response = admin_client.post(add_url(index), consultation_form(now + timedelta(days=5), now + timedelta(days=1)))
    assert response.status_code == 200
    assert "Hạn góp ý phải sau ngày bắt đầu lấy ý kiến." in response.content.decode()
    assert not ConsultationPage.objects.exists()


def test_summary_of_comments_before_closing_is_refused(admin_client, index):
    now = timezone.now()
    form = consultation_form(
        now - timedelta(days=1), now + timedelta(days=10), summary_of_comments="<p>Đã tiếp thu ý kiến.</p>"
    )
    response = admin_client.post(add_url(index), form)
    assert response.status_code == 200
    assert "Chỉ nhập tổng hợp, tiếp thu, giải trình ý kiến sau khi hết hạn góp ý" in response.content.decode()
    assert not ConsultationPage.objects.exists()


def test_summary_of_comments_after_closing_is_accepted_and_shown(admin_client, closed_consultation):
    page = closed_consultation
    form = consultation_form(
        page.opens_at, page.closes_at, slug=page.slug, title=page.title,
        summary_of_comments="<p>Tiếp thu ý kiến về Điều 2; giải trình về Điều 3.</p>",
    )
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert "giải trình về Điều 3" in page.summary_of_comments
    html = admin_client.get(page.url).content.decode()
    assert "Đã kết thúc lấy ý kiến" in html and "giải trình về Điều 3" in html


@pytest.mark.parametrize(
    "name, content, detail",
    [
        ("du-thao.pdf", b"<html><script>alert(1)</script></html>", "không xác định được"),
        ("bang-tinh.xlsx", xlsx_bytes(), "bảng tính Excel"),
    ],
)
def test_attachment_that_is_not_a_draft_document_is_refused(admin_client, index, name, content, detail):
    now = timezone.now()
    fake = document(name, content, title="Tệp giả")
    response = admin_client.post(
        add_url(index), consultation_form(now - timedelta(days=1), now + timedelta(days=30), attachments=[fake])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tệp “Tệp giả” không phải văn bản PDF, DOC, DOCX hoặc ODT" in html
    assert detail in html
    assert not ConsultationPage.objects.exists()


def test_rich_text_is_cleaned(admin_client, index):
    now = timezone.now()
    page = ConsultationPage(
        title="Dự thảo", slug="du-thao", opens_at=now, closes_at=now + timedelta(days=3),
        body='<p onclick="x()">Điều 1.</p><script>alert(1)</script><a href="javascript:alert(1)">liên kết</a>',
    )
    index.add_child(instance=page)
    page.refresh_from_db()
    assert "script" not in page.body and "onclick" not in page.body and "javascript" not in page.body
    assert "Điều 1." in page.body


def test_contributor_may_draft_a_consultation_but_not_publish(board, index):
    client = client_for(board["contributor"])
    now = timezone.now()
    assert client.post(add_url(index), consultation_form(now, now + timedelta(days=3))).status_code == 403
    form = consultation_form(now, now + timedelta(days=3))
    del form["action-publish"]
    assert client.post(add_url(index), form).status_code == 302
    assert not ConsultationPage.objects.get().live


def test_preview_of_a_new_and_an_existing_consultation(admin_client, index, closed_consultation):
    now = timezone.now()
    preview_url = f"/admin/pages/add/consultations/consultationpage/{index.pk}/preview/"
    form = consultation_form(now - timedelta(days=1), now + timedelta(days=30))
    assert admin_client.post(preview_url, form).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    assert "Dự thảo Kế hoạch cải cách hành chính năm 2027" in html and "Gửi góp ý" in html

    page = closed_consultation
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = consultation_form(page.opens_at, page.closes_at, slug=page.slug, title="Tiêu đề xem trước")
    assert admin_client.post(preview_url, form).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    assert "Tiêu đề xem trước" in html and "Đã kết thúc lấy ý kiến" in html
