"""The read-only API router, mounted on a throwaway NinjaAPI."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from eportal.procedures.models import DossierItem, LegalBasis, LifeEvent, ProcedureStep, SubmissionMethod

from .factories import ProcedureFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.procedures.urls_api")]

API = "/api/thu-nghiem/procedures/"


@pytest.fixture
def catalogue(index, civil_status, construction, commune):
    form = get_document_model()(title="Tờ khai đăng ký khai sinh")
    form.file.save("to-khai.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    form.save()
    birth = ProcedureFactory(
        parent=index, title="Đăng ký khai sinh", code="1.001193", sector=civil_status, handling_agency=commune,
        level="xa", life_events=list(LifeEvent.objects.filter(slug="khai-sinh")),
        steps=[ProcedureStep(title="Nộp hồ sơ"), ProcedureStep(title="Nhận kết quả", detail="Tại xã.")],
        submission_methods=[SubmissionMethod(method="truc-tuyen", details="Trên Cổng Dịch vụ công quốc gia.")],
        dossier_items=[DossierItem(name="Tờ khai", originals=1, copies=0, form_template=form),
                       DossierItem(name="Giấy chứng sinh", originals=1, copies=1)],
        legal_bases=[LegalBasis(citation="Luật Hộ tịch năm 2014")],
        online_url="https://dichvucong.gov.vn/",
    )
    permit = ProcedureFactory(parent=index, title="Cấp giấy phép xây dựng nhà ở riêng lẻ", sector=construction,
                              level="huyen", life_events=list(LifeEvent.objects.filter(slug="xay-dung-nha-o")))
    draft = ProcedureFactory(parent=index, title="Đăng ký khai tử", sector=civil_status, live=False)
    private = ProcedureFactory(parent=index, title="Thủ tục nội bộ", sector=civil_status)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"birth": birth, "permit": permit, "draft": draft, "private": private, "form": form}


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_list_has_live_public_procedures_only(client, catalogue):
    response = client.get(API)
    data = response.json()
    assert titles(response) == ["Đăng ký khai sinh", "Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    assert (data["count"], data["page"], data["pages"], data["page_size"]) == (2, 1, 1, 20)
    first = data["results"][0]
    assert first["code"] == "1.001193"
    assert first["sector"] == {"id": catalogue["birth"].sector_id, "name": "Hộ tịch", "slug": "ho-tich"}
    assert first["level"] == {"code": "xa", "label": "Cấp xã"}
    assert first["handling_agency"]["name"] == "Ủy ban nhân dân xã Thới An Hội"
    assert first["url"].endswith(catalogue["birth"].url)


def test_list_filters(client, catalogue):
    assert titles(client.get(API, {"sector": "ho-tich"})) == ["Đăng ký khai sinh"]
    assert titles(client.get(API, {"sector": str(catalogue["permit"].sector_id)})) == [
        "Cấp giấy phép xây dựng nhà ở riêng lẻ"
    ]
    assert titles(client.get(API, {"level": "huyen"})) == ["Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    assert titles(client.get(API, {"life_event": "khai-sinh"})) == ["Đăng ký khai sinh"]
    assert titles(client.get(API, {"q": "giấy phép"})) == ["Cấp giấy phép xây dựng nhà ở riêng lẻ"]
    assert titles(client.get(API, {"q": "1.001193"})) == ["Đăng ký khai sinh"]
    assert titles(client.get(API, {"q": "khai sinh", "level": "huyen"})) == []
    assert titles(client.get(API, {"q": ""})) == titles(client.get(API))


@pytest.mark.parametrize("params, message", [
    ({"sector": "khong-co"}, "Không có lĩnh vực đã chọn."),
    ({"sector": "9" * 50}, "Không có lĩnh vực đã chọn."),
    ({"sector": "99999999999999999"}, "Không có lĩnh vực đã chọn."),
    ({"life_event": "x"}, "Không có sự kiện cuộc sống đã chọn."),
])
def test_unknown_sectors_and_life_events_are_not_found(client, catalogue, params, message):
    response = client.get(API, params)
    assert response.status_code == 404
    assert message in response.json()["detail"]


def test_an_unknown_level_is_refused_in_vietnamese(client, catalogue):
    response = client.get(API, {"level": "quoc-gia"})
    assert response.status_code == 422
    data = response.json()
    assert data["detail"] == "Tham số không hợp lệ."
    assert data["errors"][0]["loc"][-1] == "level" and "Tham số “level”" in data["errors"][0]["msg"]


def test_the_schema_lists_the_levels(client):
    schema = client.get("/api/thu-nghiem/openapi.json").json()
    text = str(schema)
    for value in ["xa", "huyen", "tinh", "trung-uong"]:
        assert f"'{value}'" in text


@pytest.mark.parametrize("q", ['"', "*", "((", "AND OR", "💥", "x" * 10_000, "\x00"])
def test_garbage_queries_never_fail(client, catalogue, q):
    response = client.get(API, {"q": q})
    assert response.status_code == 200


def test_a_query_without_words_comes_with_a_notice(client, catalogue):
    data = client.get(API, {"q": "!!!"}).json()
    assert "không có chữ hoặc số" in data["notices"][0]


def test_pagination_never_fails(client, index, civil_status):
    for n in range(5):
        ProcedureFactory(parent=index, sector=civil_status)
    data = client.get(API, {"page_size": "2", "page": "2"}).json()
    assert (data["count"], data["page"], data["pages"], len(data["results"])) == (5, 2, 3, 2)
    assert client.get(API, {"page_size": "2", "page": "99"}).json()["page"] == 3
    for bad in ["abc", "-1", "0", "9" * 40, "1.5"]:
        response = client.get(API, {"page": bad, "page_size": bad})
        assert response.status_code == 200 and response.json()["page"] in (1,)
    assert client.get(API, {"page_size": "100000"}).json()["page_size"] == 100


def test_detail_is_complete(client, catalogue):
    birth = catalogue["birth"]
    response = client.get(f"{API}{birth.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Đăng ký khai sinh" and data["code"] == "1.001193"
    assert [step["title"] for step in data["steps"]] == ["Nộp hồ sơ", "Nhận kết quả"]
    assert data["steps"][1] == {"order": 2, "title": "Nhận kết quả", "detail": "Tại xã."}
    assert data["submission_methods"] == [
        {"method": "truc-tuyen", "label": "Trực tuyến", "details": "Trên Cổng Dịch vụ công quốc gia."}
    ]
    assert [item["name"] for item in data["dossier"]] == ["Tờ khai", "Giấy chứng sinh"]
    assert data["dossier"][0]["form_template"]["url"].endswith(catalogue["form"].url)
    assert data["dossier"][1]["form_template"] is None
    assert data["legal_basis"] == [{"citation": "Luật Hộ tịch năm 2014", "title": "Luật Hộ tịch năm 2014", "url": None}]
    assert data["life_events"][0]["slug"] == "khai-sinh"
    assert data["online_url"] == "https://dichvucong.gov.vn/"
    for key in ["processing_time", "fees", "requirements", "result", "summary"]:
        assert key in data


def test_detail_hides_drafts_private_and_unknown_ids(client, catalogue, index):
    for pk in [catalogue["draft"].pk, catalogue["private"].pk, index.pk, 999999, 2**63 - 1]:
        response = client.get(f"{API}{pk}/")
        assert response.status_code == 404, pk
        assert "Không có thủ tục hành chính này" in response.json()["detail"]
    for bad in ["abc", "0", "-5", str(2**63), "1e3"]:
        response = client.get(f"{API}{bad}/")
        assert response.status_code == 422, bad
        assert response.json()["detail"] == "Tham số không hợp lệ."


def test_the_api_is_read_only(client, catalogue):
    assert client.post(API, {}).status_code == 405
    assert client.delete(f"{API}{catalogue['birth'].pk}/").status_code == 405


def test_the_router_is_documented_in_vietnamese(client):
    schema = client.get("/api/thu-nghiem/openapi.json").json()
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert {tag for op in operations for tag in op["tags"]} == {"Thủ tục hành chính"}
    assert "Danh sách thủ tục hành chính" in {op["summary"] for op in operations}


def test_each_site_lists_its_own_procedures(client, catalogue):
    from wagtail.models import Page, Site

    from eportal.news.models import HomePage

    from .factories import ProcedureIndexFactory

    other_home = HomePage(title="Cổng xã", slug="cong-xa")
    Page.get_first_root_node().add_child(instance=other_home)
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_home)
    other = ProcedureFactory(parent=ProcedureIndexFactory(parent=other_home), title="Thủ tục của xã")

    assert "Thủ tục của xã" not in titles(client.get(API))
    assert client.get(f"{API}{other.pk}/").status_code == 404
    assert titles(client.get(API, HTTP_HOST="127.0.0.1")) == ["Thủ tục của xã"]
    assert client.get(f"{API}{other.pk}/", HTTP_HOST="127.0.0.1").status_code == 200
