"""Documents are written through the real admin: the head publishes, a contributor's goes to approval."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from eportal.documents.models import DocumentType, LegalDocumentPage
from eportal.editorial import roles

from ..editorial.conftest import client_for, make_user
from .conftest import LegalDocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db):
    group = {name: Group.objects.get(name=name) for name in roles.ROLES}
    return {
        "contributor": make_user("phongvien", group[roles.CONTRIBUTOR]),
        "editor": make_user("bientapvien", group[roles.EDITOR]),
        "head": make_user("truongban", group[roles.HEAD]),
    }


@pytest.fixture
def form(types, agencies, sectors, pdf_file):
    def build(**extra):
        data = {
            "number": "83-TB/HU",
            "document_type": types["thong-bao"].pk,
            "issuing_body": agencies["HU"].pk,
            "title": "Thông báo kết luận về phát huy vai trò lãnh đạo của các chi bộ ấp",
            "slug": "",
            "signer": "Nguyễn Văn Bảy",
            "signer_position": "T/M Ban Thường vụ, Phó Bí thư",
            "issued_on": "2014-06-10",
            "effective_on": "",
            "expires_on": "",
            "validity": "con-hieu-luc",
            "sectors": [sectors["party"].pk],
            "attachments": inline_formset([{"document": pdf_file.pk, "title": "Toàn văn"}]),
            "body": rich_text("<p>Ban Thường vụ Huyện ủy kết luận như sau.</p>"),
            "amends": [],
            "replaces": [],
            "note": "",
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
        }
        data.update(extra)
        # Multiple choices are repeated keys (nested_form_data would number them).
        choices = {name: data.pop(name) for name in ("sectors", "amends", "replaces")}
        return {**nested_form_data(data), **choices}
    return build


def add_url(index):
    return f"/admin/pages/add/documents/legaldocumentpage/{index.pk}/"


def test_the_head_of_the_board_publishes_a_document(users, index, form, sectors, pdf_file):
    response = client_for(users["head"]).post(add_url(index), form(**{"action-publish": "1"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = LegalDocumentPage.objects.get()
    assert page.live and page.slug == "83-tb-hu" and page.url == "/van-ban/83-tb-hu/"
    assert page.effective_on == page.issued_on  # "from the issue date"
    assert [s.pk for s in page.sectors.all()] == [sectors["party"].pk]
    attachment = page.attachments.get()
    assert (attachment.document, attachment.title) == (pdf_file, "Toàn văn")
    assert page.number_key == "83-tb/hu" and page.number_serial == 83


def test_a_contributor_submits_a_document_for_approval(users, index, form):
    client = client_for(users["contributor"])
    assert client.post(add_url(index), form(**{"action-publish": "1"})).status_code == 403
    assert not LegalDocumentPage.objects.exists()

    response = client.post(add_url(index), form(**{"action-submit": "1"}))
    assert response.status_code == 302
    page = LegalDocumentPage.objects.get()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.current_task_state.task.name == roles.EDITOR_TASK
    # The editor sees it waiting, named by its number.
    assert "83-TB/HU – Thông báo kết luận" in client_for(users["editor"]).get("/admin/").content.decode()


@pytest.mark.parametrize("field, value, message", [
    ("number", "", "Hãy nhập số ký hiệu của văn bản, ví dụ 83-TB/HU."),
    ("number", "TB/83", "Số ký hiệu “TB/83” không đúng dạng."),
    ("title", "", "Hãy nhập trích yếu của văn bản."),
    ("document_type", "", "Hãy chọn loại văn bản."),
    ("issuing_body", "", "Hãy chọn cơ quan ban hành."),
    ("issued_on", "", "Hãy nhập ngày ban hành."),
    ("effective_on", "2014-06-01", "Ngày có hiệu lực (01/06/2014) không được trước ngày ban hành (10/06/2014)."),
    ("expires_on", "2014-06-10", "Ngày hết hiệu lực phải sau ngày có hiệu lực (10/06/2014)."),
    ("validity", "het-hieu-luc-toan-bo", "Văn bản hết hiệu lực toàn bộ cần có ngày hết hiệu lực"),
    ("validity", "chua-co-hieu-luc", None),  # allowed: no effective date given
])
def test_the_admin_form_refuses_with_vietnamese_messages(users, index, form, field, value, message):
    extra = {field: value}
    if field == "validity" and value == "chua-co-hieu-luc":
        response = client_for(users["head"]).post(add_url(index), form(**extra, **{"action-publish": "1"}))
        assert response.status_code == 302
        return
    response = client_for(users["head"]).post(add_url(index), form(**extra, **{"action-publish": "1"}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LegalDocumentPage.objects.exists()


def test_a_duplicate_number_of_the_same_body_is_refused(users, index, form, agencies):
    LegalDocumentFactory(parent=index, number="83-TB/HU", issuing_body=agencies["HU"], title="Thông báo đã đăng")
    response = client_for(users["head"]).post(add_url(index), form(number="83-tb/hu", **{"action-publish": "1"}))
    assert response.status_code == 200
    assert "Ban Thường vụ Huyện ủy Kế Sách đã có văn bản số 83-TB/HU (“Thông báo đã đăng”)." in response.content.decode()
    assert LegalDocumentPage.objects.count() == 1


def test_a_spreadsheet_cannot_be_attached(users, index, form, xlsx_file):
    data = form(attachments=inline_formset([{"document": xlsx_file.pk, "title": ""}]), **{"action-publish": "1"})
    response = client_for(users["head"]).post(add_url(index), data)
    assert response.status_code == 200
    assert (
        "Văn bản chỉ đính kèm được tệp PDF, DOC hoặc DOCX; tệp “Bảng số liệu” là bảng tính Excel."
        in response.content.decode()
    )
    assert not LegalDocumentPage.objects.exists()


def test_relations_are_chosen_in_the_editor(users, index, form, agencies):
    old = LegalDocumentFactory(parent=index, number="12-QĐ/HU", issuing_body=agencies["HU"], title="Quy định cũ")
    client = client_for(users["head"])
    response = client.post(add_url(index), form(number="20-QĐ/HU", replaces=[old.pk], **{"action-publish": "1"}))
    assert response.status_code == 302
    newer = LegalDocumentPage.objects.get(number="20-QĐ/HU")
    assert list(old.replaced_by.all()) == [newer]

    # The editor of a document never offers the document itself.
    html = client.get(f"/admin/pages/{old.pk}/edit/").content.decode()
    assert f'value="{newer.pk}"' in html and f'value="{old.pk}"' not in html
    assert "20-QĐ/HU (HU, 10/06/2014) – Thông báo kết luận" in html
    # Now the old document may be declared wholly expired: a document replaces it.
    old.validity = "het-hieu-luc-toan-bo"
    old.full_clean()


def test_the_admin_lists_documents_with_number_and_type(users, index, agencies, types):
    LegalDocumentFactory(parent=index, number="03-CT/TW", issuing_body=agencies["TU"], document_type=types["chi-thi"],
                         title="Về tiếp tục đẩy mạnh việc học tập")
    client = client_for(users["contributor"])
    html = client.get("/admin/van-ban/").content.decode()
    for text in ["Số ký hiệu", "Loại văn bản", "03-CT/TW", "Chỉ thị", "Ban Thường vụ Tỉnh ủy Sóc Trăng"]:
        assert text in html
    filtered = client.get(f"/admin/van-ban/?document_type={types['nghi-quyet'].pk}").content.decode()
    assert "03-CT/TW" not in filtered
    # The explorer names documents by number too.
    assert "03-CT/TW – Về tiếp tục" in client.get(f"/admin/pages/{index.pk}/").content.decode()


def test_the_board_manages_document_types(users):
    client = client_for(users["head"])
    assert client.get("/admin/snippets/documents/documenttype/").status_code == 200
    response = client.post("/admin/snippets/documents/documenttype/add/", {
        "name": "Quy chế phối hợp", "abbreviation": "QCPH", "slug": "quy-che-phoi-hop", "sort_order": "500",
    })
    assert response.status_code == 302
    assert DocumentType.objects.filter(slug="quy-che-phoi-hop").exists()
    assert client_for(users["contributor"]).get("/admin/snippets/documents/documenttype/add/").status_code == 403


def test_the_usual_types_are_seeded():
    abbreviations = dict(DocumentType.objects.values_list("name", "abbreviation"))
    assert {"Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Kế hoạch": "KH", "Thông báo": "TB",
            "Công văn": "CV", "Quy định": "QĐ", "Hướng dẫn": "HD", "Báo cáo": "BC"}.items() <= abbreviations.items()


def test_the_editor_groups_fields_in_vietnamese(users, index):
    html = client_for(users["contributor"]).get(add_url(index)).content.decode()
    for heading in ["Số ký hiệu, loại văn bản và trích yếu", "Người ký", "Ngày tháng và hiệu lực", "Lĩnh vực",
                    "Tệp đính kèm", "Quan hệ với văn bản khác", "Trích yếu", "Sửa đổi, bổ sung văn bản",
                    "Thay thế văn bản", "Để trống thì đường dẫn được tạo từ số ký hiệu"]:
        assert heading in html, heading
