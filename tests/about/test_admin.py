"""Editors create the section's pages through the real admin; bad contact data is refused in Vietnamese."""

import html

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from eportal.about.models import AboutPage, ContactPage, DepartmentsPage, EnglishPage, LeadershipPage, SpokespersonPage
from eportal.about.validators import EMAIL_MESSAGE, HOTLINE_MESSAGE, PHONE_MESSAGE

from ..editorial.conftest import board, client_for  # noqa: F401  (fixture)
from .conftest import make_image

pytestmark = pytest.mark.django_db

COMMON = {
    "comments": inline_formset([]),
    "seo_title": "", "search_description": "", "go_live_at": "", "expire_at": "",
}


def add_url(model, parent):
    return f"/admin/pages/add/about/{model._meta.model_name}/{parent.pk}/"


def form(**fields):
    return nested_form_data({**COMMON, **fields})


def leader_row(**extra):
    row = {"full_name": "(Dữ liệu mẫu) Họ và tên", "position": "Chủ tịch Ủy ban nhân dân huyện", "photo": "",
           "phone": "0299 3 000 001", "email": "chutich@kesach.invalid", "areas": "Phụ trách chung"}
    row.update(extra)
    return row


def department_row(**extra):
    row = {"agency": "", "name": "Phòng Tư pháp", "head_title": "Trưởng phòng", "head_name": "(Dữ liệu mẫu) Họ và tên",
           "address": "Thị trấn Kế Sách", "phone": "0299 3 000 012", "email": "tuphap@kesach.invalid",
           "functions": "Tham mưu về công tác tư pháp."}
    row.update(extra)
    return row


def errors_of(response):
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


def test_about_page_with_text_and_a_map_is_created_and_cleaned(admin_client, home):
    image = make_image("Bản đồ hành chính huyện")
    body = streamfield([
        ("paragraph", rich_text('<p>Chức năng của UBND huyện.</p><p><a href="javascript:alert(1)">bấm</a></p>')),
        ("map", {"image": image.pk, "caption": "Bản đồ hành chính huyện Kế Sách", "description": "Các xã, thị trấn"}),
    ])
    response = admin_client.post(add_url(AboutPage, home), form(
        title="Giới thiệu", slug="gioi-thieu", intro="Giới thiệu chung", body=body, **{"action-publish": "1"},
    ))
    assert response.status_code == 302
    page = AboutPage.objects.get(slug="gioi-thieu")
    assert page.live
    assert "javascript" not in str(page.body.raw_data)
    assert [block.block_type for block in page.body] == ["paragraph", "map"]


def test_leaders_with_bad_phone_or_email_are_refused_with_vietnamese_messages(admin_client, about):
    response = admin_client.post(add_url(LeadershipPage, about), form(
        title="Lãnh đạo", slug="lanh-dao", intro="",
        leaders=inline_formset([leader_row(phone="12345"), leader_row(email="chutich@")]),
    ))
    text = errors_of(response)
    assert PHONE_MESSAGE in text
    assert EMAIL_MESSAGE in text
    assert not LeadershipPage.objects.exists()


def test_a_published_leader_needs_a_name_and_a_position(admin_client, about):
    response = admin_client.post(add_url(LeadershipPage, about), form(
        title="Lãnh đạo", slug="lanh-dao", intro="",
        leaders=inline_formset([leader_row(full_name="", position="")]), **{"action-publish": "1"},
    ))
    text = errors_of(response)
    assert "Trường này là bắt buộc." in text
    assert not LeadershipPage.objects.exists()


def test_leadership_page_is_created_with_its_leaders(admin_client, about):
    photo = make_image("Ảnh chân dung")
    response = admin_client.post(add_url(LeadershipPage, about), form(
        title="Lãnh đạo", slug="lanh-dao", intro="Lãnh đạo UBND huyện",
        leaders=inline_formset([
            leader_row(photo=photo.pk),
            leader_row(position="Phó Chủ tịch Ủy ban nhân dân huyện", phone="0912.345.678", email=""),
        ]),
    ))
    assert response.status_code == 302
    page = LeadershipPage.objects.get()
    assert [leader.position for leader in page.leaders.all()] == [
        "Chủ tịch Ủy ban nhân dân huyện", "Phó Chủ tịch Ủy ban nhân dân huyện",
    ]
    assert page.leaders.first().photo == photo


def test_departments_are_validated(admin_client, about):
    response = admin_client.post(add_url(DepartmentsPage, about), form(
        title="Các phòng, ban", slug="cac-phong-ban", intro="",
        departments=inline_formset([
            department_row(phone="0299 3 000"),
            department_row(email="tuphap at kesach"),
            department_row(name=""),
        ]),
    ))
    text = errors_of(response)
    assert PHONE_MESSAGE in text and EMAIL_MESSAGE in text
    assert "Nhập tên phòng, ban hoặc chọn cơ quan trong danh mục dùng chung." in text
    assert not DepartmentsPage.objects.exists()

    response = admin_client.post(add_url(DepartmentsPage, about), form(
        title="Các phòng, ban", slug="cac-phong-ban", intro="",
        departments=inline_formset([department_row(), department_row(name="Phòng Nội vụ", phone="")]),
    ))
    assert response.status_code == 302
    assert DepartmentsPage.objects.get().departments.count() == 2


def test_spokesperson_page_validates_contacts(admin_client, about):
    data = dict(title="Người phát ngôn và cung cấp thông tin cho báo chí", slug="nguoi-phat-ngon", intro="",
                full_name="(Dữ liệu mẫu) Họ và tên", position="Chủ tịch Ủy ban nhân dân huyện",
                phone="phone", email="x@y", decision="", decision_page="", duties="")
    text = errors_of(admin_client.post(add_url(SpokespersonPage, about), form(**data)))
    assert PHONE_MESSAGE in text and EMAIL_MESSAGE in text
    data.update(phone="0299 3 000 001", email="phatngon@kesach.invalid", decision_page=about.pk)
    assert admin_client.post(add_url(SpokespersonPage, about), form(**data)).status_code == 302
    assert SpokespersonPage.objects.get().decision_page.pk == about.pk


def test_contact_page_validates_hotline_and_contact_points(admin_client, home):
    def post(hotline, phone, email):
        return admin_client.post(add_url(ContactPage, home), form(
            title="Liên hệ", slug="lien-he", intro="", hotline=hotline, hotline_note="", show_editorial_board="on",
            contact_points=inline_formset([{"unit": "Văn phòng", "address": "", "phone": phone, "email": email,
                                            "hours": ""}]),
        ))

    text = errors_of(post("99", "0299 3 000", "vanphong"))
    assert HOTLINE_MESSAGE in text and PHONE_MESSAGE in text and EMAIL_MESSAGE in text
    assert not ContactPage.objects.exists()
    assert post("1800 1234", "0299 3 000 010", "vanphong@kesach.invalid").status_code == 302
    assert ContactPage.objects.get().contact_points.count() == 1


def test_english_page_is_created(admin_client, home, about):
    response = admin_client.post(add_url(EnglishPage, home), form(
        title="About Ke Sach District", slug="en", organisation_name="People's Committee of Ke Sach District",
        intro="Ke Sach is a district of Soc Trang province.", body=streamfield([]), address="",
        vietnamese_page=about.pk,
        contact_points=inline_formset([{"unit": "Office", "address": "", "phone": "0299 3 000 010",
                                        "email": "office@kesach.invalid", "hours": ""}]),
    ))
    assert response.status_code == 302
    assert EnglishPage.objects.get().vietnamese_page.pk == about.pk


def test_page_types_are_placed_where_they_belong(home, about):
    assert ContactPage in home.specific_class.allowed_subpage_models()
    assert EnglishPage in home.specific_class.allowed_subpage_models()
    assert LeadershipPage not in home.specific_class.allowed_subpage_models()
    allowed = set(AboutPage.allowed_subpage_models())
    assert {LeadershipPage, DepartmentsPage, SpokespersonPage, AboutPage} <= allowed
    assert ContactPage not in allowed


def test_a_contributor_submits_a_leadership_page_for_approval(board, about):  # noqa: F811
    client = client_for(board["contributor"])
    response = client.post(add_url(LeadershipPage, about), form(
        title="Lãnh đạo", slug="lanh-dao", intro="", leaders=inline_formset([leader_row()]),
        **{"action-submit": "1"},
    ))
    assert response.status_code == 302
    page = LeadershipPage.objects.get()
    assert not Page.objects.get(pk=page.pk).live
    assert page.current_workflow_state is not None


@pytest.mark.parametrize("model, parent_name, label", [
    (AboutPage, "home", "Nội dung"),
    (LeadershipPage, "about", "Lĩnh vực phụ trách"),
    (DepartmentsPage, "about", "Chức năng, nhiệm vụ"),
    (SpokespersonPage, "about", "Quyết định giao nhiệm vụ phát ngôn"),
    (ContactPage, "home", "Đường dây nóng"),
    (EnglishPage, "home", "Tên cơ quan bằng tiếng Anh"),
])
def test_admin_forms_open_in_vietnamese(admin_client, home, about, model, parent_name, label):
    parent = {"home": home, "about": about}[parent_name]
    response = admin_client.get(add_url(model, parent))
    assert response.status_code == 200
    assert label in html.unescape(response.content.decode())


def test_existing_pages_open_in_the_editor(admin_client, site, home):
    from eportal.about import demo

    for page in demo.load(site, home).values():
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
