"""Editors create procedures in the real admin; bad input gets a clear Vietnamese message."""

import pytest
from wagtail.models import Page

from eportal.procedures.models import LifeEvent, ProcedureIndexPage, ProcedurePage
from eportal.procedures.models import procedure as procedure_module
from eportal.procedures.panels import legal_document_model

from ..editorial.conftest import client_for
from .conftest import procedure_form
from .factories import ProcedureFactory

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "1"}


def add_url(index):
    return f"/admin/pages/add/procedures/procedurepage/{index.pk}/"


def errors_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_admin_creates_and_publishes_a_procedure(admin_client, index, civil_status, commune):
    events = list(LifeEvent.objects.filter(slug__in=["khai-sinh", "ket-hon"]))
    response = admin_client.post(add_url(index), procedure_form(civil_status, commune, life_events=events, **PUBLISH))
    assert response.status_code == 302, response.content.decode()[:2000]

    page = ProcedurePage.objects.get()
    assert page.live and page.get_parent().pk == index.pk
    assert page.code == "1.001193"
    assert page.sector == civil_status and page.handling_agency == commune
    assert set(page.life_events.values_list("slug", flat=True)) == {"khai-sinh", "ket-hon"}
    assert [step.title for step in page.steps.all()] == ["Nộp hồ sơ", "Nhận kết quả"]
    assert page.dossier_items.get().name == "Tờ khai theo mẫu"
    assert page.legal_bases.get().citation == "Luật Hộ tịch năm 2014"


def test_the_add_form_offers_the_procedure_fields(admin_client, index):
    html = admin_client.get(add_url(index)).content.decode()
    for label in ["Tên thủ tục", "Mã thủ tục", "Trình tự thực hiện", "Thành phần hồ sơ", "Căn cứ pháp lý",
                  "Liên kết nộp hồ sơ trực tuyến", "Sự kiện cuộc sống", "Khai sinh"]:
        assert label in html, label


def test_procedures_live_only_under_their_index(admin_client, home, index):
    assert admin_client.get(f"/admin/pages/add/procedures/procedurepage/{home.pk}/").status_code == 403
    assert admin_client.get(f"/admin/pages/add/procedures/procedureindexpage/{home.pk}/").status_code == 200


@pytest.mark.parametrize("code", ["1001193", "1.0011", "abc", "1.001193a", "1,001193", "01.001193.1"])
def test_a_malformed_code_is_refused(admin_client, index, civil_status, commune, code):
    html = errors_of(admin_client.post(add_url(index), procedure_form(civil_status, commune, code=code, **PUBLISH)))
    assert "Mã thủ tục không đúng định dạng" in html
    assert "ví dụ 1.001193" in html
    assert not ProcedurePage.objects.exists()


def test_a_blank_code_is_allowed(admin_client, index, civil_status, commune):
    assert admin_client.post(add_url(index), procedure_form(civil_status, commune, code="", **PUBLISH)).status_code == 302
    assert admin_client.post(
        add_url(index), procedure_form(civil_status, commune, code="", slug="thu-tuc-khac", **PUBLISH)
    ).status_code == 302
    assert ProcedurePage.objects.filter(code="").count() == 2


def test_a_duplicate_code_is_refused(admin_client, index, civil_status, commune):
    ProcedureFactory(parent=index, code="1.001193")
    response = admin_client.post(add_url(index), procedure_form(civil_status, commune, slug="khac", **PUBLISH))
    assert "Mã thủ tục này đã được dùng cho một thủ tục khác." in errors_of(response)
    assert ProcedurePage.objects.count() == 1


def test_a_code_held_by_another_procedures_pending_draft_is_refused(admin_client, index, civil_status, commune):
    other = ProcedureFactory(parent=index, code="2.000001")
    other.code = "1.001193"
    other.save_revision()  # a draft waiting for approval
    response = admin_client.post(add_url(index), procedure_form(civil_status, commune, slug="khac", **PUBLISH))
    assert "Mã thủ tục này đã được dùng cho một thủ tục khác." in errors_of(response)


def test_editing_keeps_its_own_code(admin_client, index, civil_status, commune):
    page = ProcedureFactory(parent=index, code="1.001193", slug="dang-ky-khai-sinh")
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", procedure_form(civil_status, commune, **PUBLISH))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Đăng ký khai sinh" and page.code == "1.001193"


def test_a_copy_does_not_take_the_code(index):
    page = ProcedureFactory(parent=index, code="1.001193")
    copy = page.copy(update_attrs={"slug": "ban-sao", "title": "Bản sao"})
    assert copy.specific.code == ""


@pytest.mark.parametrize("url", [
    "http://dichvucong.gov.vn/p/home.html",
    "ftp://dichvucong.gov.vn/",
])
def test_an_online_link_without_https_is_refused(admin_client, index, civil_status, commune, url):
    html = errors_of(admin_client.post(add_url(index), procedure_form(civil_status, commune, online_url=url, **PUBLISH)))
    assert "phải bắt đầu bằng https://" in html
    assert not ProcedurePage.objects.exists()


@pytest.mark.parametrize("url", [
    "https://dichvucong.example.com/",
    "https://dichvucong.gov.vn.evil.example/",
    "https://evilgov.vn/",
    "https://gov.vn/",
    "https://user@evil.example/?x=dichvucong.gov.vn",
    "https://dichvucong.gov.vn@evil.example/",
])
def test_an_online_link_outside_gov_vn_is_refused(admin_client, index, civil_status, commune, url):
    html = errors_of(admin_client.post(add_url(index), procedure_form(civil_status, commune, online_url=url, **PUBLISH)))
    assert "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)" in html
    assert not ProcedurePage.objects.exists()


@pytest.mark.parametrize("url", ["https://dichvucong.gov.vn/", "https://dichvucong.soctrang.gov.vn/dichvucong/"])
def test_national_and_provincial_portals_are_accepted(admin_client, index, civil_status, commune, url):
    response = admin_client.post(add_url(index), procedure_form(civil_status, commune, online_url=url, **PUBLISH))
    assert response.status_code == 302
    assert ProcedurePage.objects.get().online_url == url


def test_a_legal_basis_needs_a_document_or_a_citation(admin_client, index, civil_status, commune):
    form = procedure_form(civil_status, commune, legal=[{"document": "", "citation": "  "}], **PUBLISH)
    html = errors_of(admin_client.post(add_url(index), form))
    assert "Hãy chọn một văn bản trên cổng hoặc ghi trích dẫn văn bản." in html
    assert not ProcedurePage.objects.exists()


def test_a_legal_basis_must_be_a_document_page(admin_client, index, civil_status, commune, home, monkeypatch):
    # The index page type stands in for documents.LegalDocumentPage: the rule is tested on its own.
    monkeypatch.setattr(procedure_module, "legal_document_model", lambda: ProcedureIndexPage)
    form = procedure_form(civil_status, commune, legal=[{"document": str(home.pk), "citation": ""}], **PUBLISH)
    assert "Chỉ được chọn một trang văn bản." in errors_of(admin_client.post(add_url(index), form))
    assert not ProcedurePage.objects.exists()

    form = procedure_form(civil_status, commune, legal=[{"document": str(index.pk), "citation": ""}], **PUBLISH)
    assert admin_client.post(add_url(index), form).status_code == 302
    assert ProcedurePage.objects.get().legal_bases.get().document_id == index.pk


def test_the_legal_basis_chooser_offers_legal_documents(admin_client, index):
    if legal_document_model() is None:
        pytest.skip("documents.LegalDocumentPage does not exist yet")
    html = admin_client.get(add_url(index)).content.decode()
    assert "documents.legaldocumentpage" in html.lower()


def test_a_procedure_needs_a_sector_and_an_agency(admin_client, index):
    form = procedure_form(None, None, **PUBLISH)
    html = errors_of(admin_client.post(add_url(index), form))
    assert html.count("Trường này là bắt buộc.") == 2
    assert not Page.objects.filter(slug="dang-ky-khai-sinh").exists()


def test_a_contributor_submits_a_procedure_for_approval(board, index, civil_status, commune):
    client = client_for(board["contributor"])
    response = client.post(add_url(index), procedure_form(civil_status, commune, **{"action-submit": "1"}))
    assert response.status_code == 302
    page = ProcedurePage.objects.get()
    assert not page.live
    assert page.current_workflow_state is not None
    assert client.post(add_url(index), procedure_form(civil_status, commune, slug="khac", code="", **PUBLISH)).status_code == 403


def test_editors_can_preview_a_new_and_an_edited_procedure(admin_client, index, civil_status, commune):
    preview = f"/admin/pages/add/procedures/procedurepage/{index.pk}/preview/"
    response = admin_client.post(preview, procedure_form(civil_status, commune))
    assert response.status_code == 200 and response.json()["is_valid"]
    html = admin_client.get(preview).content.decode()
    assert "Đăng ký khai sinh" in html and "Nộp hồ sơ" in html and "Tờ khai theo mẫu" in html

    page = ProcedureFactory(parent=index, code="1.001193", slug="dang-ky-khai-sinh")
    preview = f"/admin/pages/{page.pk}/edit/preview/"
    response = admin_client.post(preview, procedure_form(civil_status, commune, title="Đăng ký khai sinh lưu động"))
    assert response.status_code == 200 and response.json()["is_valid"]
    assert "Đăng ký khai sinh lưu động" in admin_client.get(preview).content.decode()
