import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from ..editorial.conftest import board  # noqa: F401  (users per role)
from .factories import AgencyFactory, ProcedureIndexFactory, SectorFactory


@pytest.fixture
def index(home):
    return ProcedureIndexFactory(parent=home)


@pytest.fixture
def civil_status(db):
    return SectorFactory(name="Hộ tịch", slug="ho-tich")


@pytest.fixture
def construction(db):
    return SectorFactory(name="Xây dựng", slug="xay-dung")


@pytest.fixture
def commune(db):
    return AgencyFactory(name="Ủy ban nhân dân xã Thới An Hội")


def procedure_form(sector, agency, *, life_events=(), steps=None, dossier=None, legal=None, methods=None, **extra):
    """POST data of the admin's procedure form (create or edit)."""
    data = {
        "title": "Đăng ký khai sinh",
        "slug": "dang-ky-khai-sinh",
        "code": "1.001193",
        "summary": "Đăng ký khai sinh cho trẻ em.",
        "sector": str(sector.pk) if sector else "",
        "level": "xa",
        "handling_agency": str(agency.pk) if agency else "",
        "steps": inline_formset(steps if steps is not None else [
            {"title": "Nộp hồ sơ", "detail": "Tại Bộ phận một cửa."},
            {"title": "Nhận kết quả", "detail": ""},
        ]),
        "submission_methods": inline_formset(methods if methods is not None else [
            {"method": "truc-tiep", "details": "Trong giờ hành chính."},
        ]),
        "dossier_items": inline_formset(dossier if dossier is not None else [
            {"name": "Tờ khai theo mẫu", "originals": "1", "copies": "0", "note": "", "form_template": ""},
        ]),
        "legal_bases": inline_formset(legal if legal is not None else [
            {"document": "", "citation": "Luật Hộ tịch năm 2014"},
        ]),
        "processing_time": "Ngay trong ngày.",
        "fees": "Miễn lệ phí.",
        "requirements": "",
        "result": "Giấy khai sinh.",
        "online_url": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(extra)
    form = nested_form_data(data)
    form["life_events"] = [str(event.pk) for event in life_events]
    return form
