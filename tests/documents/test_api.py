"""The documents' API router, mounted on a throw-away NinjaAPI (tests/documents/api_urls.py)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from eportal.documents.models import LegalDocumentAttachment

from .conftest import LegalDocumentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.documents.api_urls")]


@pytest.fixture
def documents(index, agencies, sectors, types, pdf_file):
    ct03 = LegalDocumentFactory(
        parent=index, number="03-CT/TW", document_type=types["chi-thi"], issuing_body=agencies["TU"],
        issued_on=datetime.date(2011, 5, 14), sectors=[sectors["party"], sectors["propaganda"]],
        title="Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        signer="Lê Văn Ký", signer_position="T/M Ban Thường vụ",
    )
    ct03.attachments = [LegalDocumentAttachment(document=pdf_file, title="Toàn văn")]
    ct03.body = "<p>Nội dung chỉ thị.</p>"
    ct03.save_revision().publish()
    tb83 = LegalDocumentFactory(
        parent=index, number="83-TB/HU", document_type=types["thong-bao"], issuing_body=agencies["HU"],
        issued_on=datetime.date(2014, 8, 20), sectors=[sectors["party"]], title="Thông báo kết luận",
    )
    tb83.amends = [ct03]
    tb83.save_revision().publish()
    old = LegalDocumentFactory(
        parent=index, number="7-QĐ/HU", document_type=types["quy-dinh"], issuing_body=agencies["HU"],
        issued_on=datetime.date(2010, 1, 5), expires_on=datetime.date(2012, 1, 1), validity="het-hieu-luc-toan-bo",
        title="Quy định đã hết hiệu lực",
    )
    draft = LegalDocumentFactory(parent=index, number="99-TB/HU", title="Bản nháp", live=False)
    return {"ct03": ct03, "tb83": tb83, "old": old, "draft": draft}


def numbers_of(response):
    assert response.status_code == 200, response.content
    return [item["number"] for item in response.json()["results"]]


def test_the_list_holds_live_public_documents_newest_first(client, documents):
    PageViewRestriction.objects.create(page=documents["old"], restriction_type=PageViewRestriction.LOGIN)
    body = client.get("/api/documents/").json()
    assert [item["number"] for item in body["results"]] == ["83-TB/HU", "03-CT/TW"]
    assert (body["count"], body["page"], body["pages"], body["page_size"]) == (2, 1, 1, 20)
    item = body["results"][1]
    assert item == {
        "id": documents["ct03"].pk,
        "number": "03-CT/TW",
        "title": "Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        "document_type": {"slug": "chi-thi", "name": "Chỉ thị", "abbreviation": "CT"},
        "issuing_body": {"id": documents["ct03"].issuing_body_id, "name": "Ban Thường vụ Tỉnh ủy Sóc Trăng",
                         "short_name": "TU"},
        "signer": "Lê Văn Ký",
        "signer_position": "T/M Ban Thường vụ",
        "issued_on": "2011-05-14",
        "effective_on": "2011-05-14",
        "expires_on": None,
        "validity": {"code": "con-hieu-luc", "label": "Còn hiệu lực"},
        "sectors": [
            {"id": item["sectors"][0]["id"], "slug": "tuyen-giao", "name": "Tuyên giáo"},
            {"id": item["sectors"][1]["id"], "slug": "xay-dung-dang", "name": "Xây dựng Đảng"},
        ],
        "url": "http://testserver/van-ban/" + documents["ct03"].slug + "/",  # the host the client used
    }


@pytest.mark.parametrize("query, expected", [
    ("type=chi-thi", ["03-CT/TW"]),
    ("sector=xay-dung-dang", ["83-TB/HU", "03-CT/TW"]),
    ("year=2010", ["7-QĐ/HU"]),
    ("validity=het-hieu-luc-toan-bo", ["7-QĐ/HU"]),
    ("validity=con-hieu-luc&sort=cu-nhat", ["03-CT/TW", "83-TB/HU"]),
    ("sort=so-ky-hieu", ["03-CT/TW", "7-QĐ/HU", "83-TB/HU"]),
    ("q=83-TB", ["83-TB/HU"]),
])
def test_filters(client, documents, query, expected):
    assert numbers_of(client.get(f"/api/documents/?{query}")) == expected


def test_filter_by_agency(client, documents, agencies):
    assert numbers_of(client.get(f"/api/documents/?agency={agencies['HU'].pk}")) == ["83-TB/HU", "7-QĐ/HU"]


@pytest.mark.parametrize("query, detail", [
    ("type=khong-co", "Không có văn bản nào thuộc loại “khong-co”."),
    ("agency=999999", "Không có văn bản nào của cơ quan “999999”."),
    ("sector=y&type=chi-thi", "Không có văn bản nào thuộc lĩnh vực “y”."),
])
def test_filters_naming_nothing_are_not_found(client, documents, query, detail):
    response = client.get(f"/api/documents/?{query}")
    assert response.status_code == 404
    assert response.json()["detail"] == detail


@pytest.mark.parametrize("query", [
    "agency=abc", "agency=0", "year=abc", "year=99999", "validity=het", "sort=ngau-nhien", "page=0", "page=abc",
    "page_size=100000", "q=" + "x" * 101, "type=%00",
])
def test_malformed_values_are_refused(client, documents, query):
    assert client.get(f"/api/documents/?{query}").status_code == 422


def test_a_year_without_documents_is_an_empty_answer(client, documents):
    body = client.get("/api/documents/?year=1999").json()
    assert (body["count"], body["pages"], body["results"]) == (0, 0, [])


def test_pagination(client, index, documents):
    for n in range(5):
        LegalDocumentFactory(parent=index, number=f"{n + 10}-KH/HU", issued_on=datetime.date(2020, 1, 1 + n))
    body = client.get("/api/documents/?page_size=3&page=2").json()
    assert (body["count"], body["page"], body["pages"], body["page_size"]) == (8, 2, 3, 3)
    assert [item["number"] for item in body["results"]] == ["11-KH/HU", "10-KH/HU", "83-TB/HU"]
    assert client.get("/api/documents/?page_size=3&page=3").json()["results"][-1]["number"] == "7-QĐ/HU"
    assert client.get("/api/documents/?page_size=3&page=4").json()["results"] == []


def test_the_detail_has_attachments_and_relations(client, documents, pdf_file):
    body = client.get(f"/api/documents/{documents['ct03'].pk}/").json()
    assert body["number"] == "03-CT/TW" and body["body"] == "<p>Nội dung chỉ thị.</p>"
    assert body["attachments"] == [{
        "title": "Toàn văn", "file_type": "PDF", "file_size": pdf_file.file_size,
        "download_url": f"http://testserver{pdf_file.url}",
    }]
    assert body["amended_by"] == [{
        "id": documents["tb83"].pk, "number": "83-TB/HU", "title": "Thông báo kết luận",
        "url": "http://testserver/van-ban/" + documents["tb83"].slug + "/",
    }]
    assert body["amends"] == body["replaces"] == body["replaced_by"] == []
    assert client.get(body["attachments"][0]["download_url"]).status_code == 200
    tb83 = client.get(f"/api/documents/{documents['tb83'].pk}/").json()
    assert [ref["number"] for ref in tb83["amends"]] == ["03-CT/TW"]


@pytest.mark.parametrize("which", ["draft", "missing", "huge"])
def test_unpublished_or_missing_documents_are_not_found(client, documents, index, which):
    document_id = {"draft": documents["draft"].pk, "missing": 999999, "huge": 2**63 - 1}[which]
    response = client.get(f"/api/documents/{document_id}/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Không tìm thấy văn bản này, hoặc văn bản chưa được công bố."
    # Another page type is not a document either.
    assert client.get(f"/api/documents/{index.pk}/").status_code == 404
    assert client.get(f"/api/documents/{10**30}/").status_code == 422


def test_the_router_is_documented(client, documents):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/documents/", "/api/documents/{document_id}/"} <= set(schema["paths"])
    assert schema["paths"]["/api/documents/"]["get"]["tags"] == ["Văn bản"]


def test_query_counts_do_not_grow(client, index, documents):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = ["/api/documents/", "/api/documents/?sector=xay-dung-dang&type=chi-thi",
            f"/api/documents/{documents['ct03'].pk}/"]
    before = [count(url) for url in urls]
    for n in range(30):
        page = LegalDocumentFactory(parent=index, number=f"{n + 100}-TB/HU")
        page.sectors = [documents["ct03"].sectors.first()]
        page.amends = [documents["ct03"]]
        page.save_revision().publish()
    assert [count(url) for url in urls] == before
    assert max(before) <= 12, before
