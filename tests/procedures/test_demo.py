"""The demo procedures: loaded once, marked as demo data, and shown on the portal."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from eportal.core.models import Agency, Sector
from eportal.media.validators import validate_document_upload
from eportal.procedures import demo, demo_content
from eportal.procedures.models import ProcedureIndexPage, ProcedurePage

pytestmark = pytest.mark.django_db


def snapshot():
    return (Page.objects.count(), Revision.objects.count(), Sector.objects.count(), Agency.objects.count(),
            get_document_model().objects.count())


def test_load_is_idempotent(site, home):
    index = demo.load(site, home)
    first = snapshot()
    assert demo.load(site, home).pk == index.pk
    assert snapshot() == first
    assert ProcedurePage.objects.child_of(index).live().count() == 5


def test_load_keeps_editors_changes(site, home):
    index = demo.load(site, home)
    page = ProcedurePage.objects.get(slug="dang-ky-khai-sinh")
    page.title = "Đăng ký khai sinh (đã sửa)"
    page.save_revision().publish()
    ProcedurePage.objects.get(slug="dang-ky-ket-hon").delete()
    demo.load(site, home)
    assert ProcedurePage.objects.get(slug="dang-ky-khai-sinh").title == "Đăng ký khai sinh (đã sửa)"
    assert ProcedurePage.objects.child_of(index).count() == 5  # the deleted one comes back
    assert ProcedureIndexPage.objects.count() == 1


def test_demo_procedures_are_labelled_and_complete(site, home, client):
    index = demo.load(site, home)
    assert index.slug == "thu-tuc-hanh-chinh"
    titles = set(ProcedurePage.objects.values_list("title", flat=True))
    assert {"Đăng ký khai sinh", "Đăng ký kết hôn", "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
            "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Đăng ký thành lập hộ kinh doanh"} == titles
    assert set(Sector.objects.values_list("name", flat=True)) >= set(demo_content.SECTORS)
    assert set(Agency.objects.values_list("name", flat=True)) >= {
        "Ủy ban nhân dân cấp xã", "Ủy ban nhân dân huyện Kế Sách", "Phòng Tư pháp huyện Kế Sách"
    }
    for page in ProcedurePage.objects.all():
        assert demo_content.DEMO_NOTE in page.summary
        assert page.code == ""  # no invented national codes
        assert page.steps.count() and page.dossier_items.count() and page.legal_bases.count()
        html = client.get(page.url).content.decode()
        assert "Dữ liệu mẫu" in html and page.title in html
    online = ProcedurePage.objects.exclude(online_url="")
    assert online.exists() and all(p.online_url == "https://dichvucong.gov.vn/" for p in online)
    assert ProcedurePage.objects.filter(online_url="").exists()
    assert "Đăng ký khai sinh" in client.get(index.url).content.decode()


def test_the_demo_form_template_is_a_valid_document(site, home, client):
    demo.load(site, home)
    document = get_document_model().objects.get(title=demo_content.FORM_TITLE)
    with document.file.open("rb") as fh:
        data = fh.read()
    upload = SimpleUploadedFile(demo_content.FORM_FILENAME, data)
    assert validate_document_upload(upload) == "application/vnd.oasis.opendocument.text"
    page = ProcedurePage.objects.get(slug="dang-ky-khai-sinh")
    assert document.url in client.get(page.url).content.decode()
    assert client.get(document.url).status_code == 200
