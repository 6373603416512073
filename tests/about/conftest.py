"""Builders for the "Giới thiệu" section's pages, added live under a parent."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from eportal.about.models import (
    AboutPage, ContactPage, ContactPoint, Department, DepartmentsPage, EnglishContactPoint, EnglishPage,
    Leader, LeadershipPage, SpokespersonPage,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def add(parent, page):
    parent.add_child(instance=page)
    return page


def make_image(title="Ảnh"):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def leader(n, **extra):
    values = {
        "full_name": f"(Dữ liệu mẫu) Lãnh đạo số {n}",
        "position": "Phó Chủ tịch Ủy ban nhân dân huyện",
        "phone": f"0299 3 000 {n:03d}",
        "email": f"lanhdao{n}@kesach.invalid",
        "areas": f"Lĩnh vực số {n}",
    }
    values.update(extra)
    return Leader(**values)


def department(n, **extra):
    values = {
        "name": f"Phòng số {n}",
        "head_title": "Trưởng phòng",
        "head_name": f"(Dữ liệu mẫu) Trưởng phòng số {n}",
        "address": "Thị trấn Kế Sách",
        "phone": f"0299 3 000 {n:03d}",
        "email": f"phong{n}@kesach.invalid",
        "functions": f"Tham mưu về lĩnh vực số {n}.",
    }
    values.update(extra)
    return Department(**values)


@pytest.fixture
def about(home):
    return add(home, AboutPage(
        title="Giới thiệu", slug="gioi-thieu", intro="Giới thiệu về Ủy ban nhân dân huyện.",
        body=AboutPage.body_from_html("<p>Huyện Kế Sách thuộc tỉnh Sóc Trăng.</p>"),
    ))


def leadership_page(parent, leaders, **extra):
    page = LeadershipPage(title="Lãnh đạo", slug="lanh-dao", **extra)
    page.leaders = leaders
    return add(parent, page)


def departments_page(parent, departments, **extra):
    page = DepartmentsPage(title="Các phòng, ban", slug="cac-phong-ban", **extra)
    page.departments = departments
    return add(parent, page)


def contact_page(parent, points=(), **extra):
    values = {"title": "Liên hệ", "slug": "lien-he", "hotline": "0299 3 000 000",
              "hotline_note": "Tiếp nhận phản ánh, kiến nghị."}
    values.update(extra)
    page = ContactPage(**values)
    page.contact_points = list(points) or [
        ContactPoint(unit="Văn phòng HĐND và UBND huyện", address="Thị trấn Kế Sách", phone="0299 3 000 010",
                     email="vanphong@kesach.invalid", hours="Thứ Hai đến thứ Sáu"),
    ]
    return add(parent, page)


def english_page(parent, **extra):
    values = {"title": "About Ke Sach District", "slug": "en",
              "organisation_name": "People's Committee of Ke Sach District",
              "intro": "Ke Sach is a district of Soc Trang province.",
              "address": "Ke Sach Town, Soc Trang Province"}
    values.update(extra)
    page = EnglishPage(**values)
    page.contact_points = [
        EnglishContactPoint(unit="Office of the People's Committee", phone="0299 3 000 010",
                            email="office@kesach.invalid", hours="Monday to Friday"),
    ]
    return add(parent, page)


def spokesperson_page(parent, **extra):
    values = {"title": "Người phát ngôn và cung cấp thông tin cho báo chí", "slug": "nguoi-phat-ngon",
              "full_name": "(Dữ liệu mẫu) Họ và tên", "position": "Chủ tịch Ủy ban nhân dân huyện",
              "phone": "0299 3 000 001", "email": "phatngon@kesach.invalid",
              "decision": "Quyết định số .../QĐ-UBND (dữ liệu mẫu)",
              "duties": "Phát ngôn về hoạt động của Ủy ban nhân dân huyện.\n- Cung cấp thông tin cho báo chí."}
    values.update(extra)
    return add(parent, SpokespersonPage(**values))
