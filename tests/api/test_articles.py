"""GET /api/v1/articles/ and /api/v1/articles/{id}/: live public articles, filters, errors."""

import pytest
from wagtail.models import PageViewRestriction

from ..factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/articles/"


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_list_is_newest_first_with_details(client, news):
    response = client.get(LIST)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=60"
    data = response.json()
    assert (data["count"], data["page"], data["num_pages"], data["next"], data["previous"]) == (3, 1, 1, None, None)
    assert titles(response) == [news["nong_thon"].title, news["chi_thi"].title, news["thong_bao"].title]
    item = data["items"][1]
    assert item == {
        "id": news["chi_thi"].pk,
        "title": "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        "slug": news["chi_thi"].slug,
        "url": "http://testserver" + news["chi_thi"].url,
        "date": "2015-11-11T08:00:00+07:00",
        "lead": "Dữ liệu mẫu: Chỉ thị 03-CT/TW của Bộ Chính trị khóa XI.",
        "author": "Trần Văn Bình, Văn phòng HĐND và UBND huyện",
        "source": "",
        "category": {
            "id": news["tin_tuc"].pk, "title": "Tin tức - Sự kiện", "slug": "tin-tuc-su-kien",
            "url": "http://testserver" + news["tin_tuc"].url,
        },
        "image": None,
    }
    assert "Học tập".encode() in response.content  # readable UTF-8, not \u escapes


def test_only_live_public_articles(client, news, home):
    ArticleFactory(parent=news["tin_tuc"], title="Bản nháp chưa duyệt", live=False)
    unpublished = ArticleFactory(parent=news["tin_tuc"], title="Tin đã gỡ")
    unpublished.unpublish()
    private = CategoryFactory(parent=home, title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    hidden = ArticleFactory(parent=private, title="Tin nội bộ")
    listed = titles(client.get(LIST))
    assert len(listed) == 3
    for title in ["Bản nháp chưa duyệt", "Tin đã gỡ", "Tin nội bộ"]:
        assert title not in listed
    assert client.get(f"{LIST}{hidden.pk}/").status_code == 404
    assert client.get(f"{LIST}{unpublished.pk}/").status_code == 404
    assert client.get(LIST, {"category": "noi-bo"}).status_code == 404


@pytest.mark.parametrize("value", ["tin-tuc-su-kien", "id"])
def test_filter_by_category_includes_subcategories(client, news, value):
    category = news["tin_tuc"].pk if value == "id" else value
    assert titles(client.get(LIST, {"category": category})) == [news["chi_thi"].title, news["thong_bao"].title]
    assert titles(client.get(LIST, {"category": "tin-huyen"})) == [news["thong_bao"].title]


def test_unknown_category_is_a_vietnamese_404(client, news):
    for value in ["khong-co", "999999", "99999999999999999999999999", "²", "Ω"]:
        response = client.get(LIST, {"category": value})
        assert response.status_code == 404, value
        assert response.json()["detail"].startswith("Không tìm thấy chuyên mục")


def test_articles_cannot_be_taken_for_categories(client, news):
    assert client.get(LIST, {"category": news["chi_thi"].pk}).status_code == 404


def test_search_in_title_and_lead(client, news):
    assert titles(client.get(LIST, {"q": "83-TB/HU"})) == [news["thong_bao"].title]
    assert titles(client.get(LIST, {"q": "Xuân Hòa"})) == [news["nong_thon"].title]
    assert titles(client.get(LIST, {"q": "Dữ liệu   mẫu Chỉ"})) == [news["chi_thi"].title]
    assert titles(client.get(LIST, {"q": "100%_"})) == []
    assert len(titles(client.get(LIST, {"q": "   "}))) == 3


def test_date_range_is_inclusive_in_local_time(client, news):
    assert titles(client.get(LIST, {"date_from": "2015-11-11", "date_to": "2015-11-11"})) == [news["chi_thi"].title]
    assert titles(client.get(LIST, {"date_from": "2015-01-01"})) == [news["nong_thon"].title, news["chi_thi"].title]
    assert titles(client.get(LIST, {"date_to": "2015-11-10"})) == [news["thong_bao"].title]
    assert titles(client.get(LIST, {"date_from": "2016-01-01", "date_to": "2015-01-01"})) == []
    # Days beyond what the database holds mean no bound, never an error.
    assert len(titles(client.get(LIST, {"date_from": "0001-01-01", "date_to": "9999-12-31"}))) == 3


def test_pagination(client, news):
    for i in range(4):
        ArticleFactory(parent=news["kinh_te"])
    first = client.get(LIST, {"page_size": 3, "q": ""}).json()
    assert (first["count"], first["num_pages"], len(first["items"])) == (7, 3, 3)
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/articles/?page_size=3&q=&page=2"
    last = client.get(LIST, {"page_size": 3, "page": 3}).json()
    assert len(last["items"]) == 1 and last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/articles/?page_size=3&page=2"
    seen = [i["id"] for p in (1, 2, 3) for i in client.get(LIST, {"page_size": 3, "page": p}).json()["items"]]
    assert len(set(seen)) == 7
    beyond = client.get(LIST, {"page_size": 3, "page": 50}).json()
    assert beyond["items"] == [] and beyond["previous"].endswith("page=3")


@pytest.mark.parametrize("params, field, message", [
    ({"page": "abc"}, "page", "Tham số “page” phải là số nguyên."),
    ({"page": "0"}, "page", "Tham số “page” phải lớn hơn hoặc bằng 1."),
    ({"page": "10" * 20}, "page", "Tham số “page” phải nhỏ hơn hoặc bằng 10000."),
    ({"page": "1.5"}, "page", "Tham số “page” phải là số nguyên."),
    ({"page_size": "1000"}, "page_size", "Tham số “page_size” phải nhỏ hơn hoặc bằng 100."),
    ({"date_from": "11/11/2015"}, "date_from", "Tham số “date_from” phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)."),
    ({"date_to": "2015-02-30"}, "date_to", "Tham số “date_to” phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)."),
    ({"date_from": "0"}, "date_from", "Tham số “date_from” phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)."),
    ({"date_to": "1700000000"}, "date_to", "Tham số “date_to” phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)."),
    ({"q": ["tin", "bài"]}, "q", "Tham số “q” chỉ được có một giá trị."),
    ({"page": ["1", "2"]}, "page", "Tham số “page” chỉ được có một giá trị."),
    ({"q": "x" * 201}, "q", "Tham số “q” dài quá 200 ký tự."),
    ({"q": "tin\x00"}, "q", "Tham số “q” chứa ký tự không được phép."),
    ({"category": "tin\x00"}, "category", "Tham số “category” chứa ký tự không được phép."),
])
def test_bad_parameters_are_a_vietnamese_422(client, news, params, field, message):
    response = client.get(LIST, params)
    assert response.status_code == 422
    assert response.json() == {"detail": "Tham số không hợp lệ.", "errors": [{"loc": ["query", field], "msg": message}]}


def test_detail(client, news, image):
    article = news["chi_thi"]
    article.featured_image = image
    article.body = article.body_from_html('<p>Xem <a href="/tin-tuc-su-kien/">chuyên mục</a>.</p>')
    article.save()
    article.tags.add("Chỉ thị 03-CT/TW", "Hồ Chí Minh")
    article.save_revision().publish()
    response = client.get(f"{LIST}{article.pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    data = response.json()
    assert data["title"] == article.title and data["category"]["slug"] == "tin-tuc-su-kien"
    assert 'href="http://testserver/tin-tuc-su-kien/"' in data["body"]
    assert data["tags"] == ["Chỉ thị 03-CT/TW", "Hồ Chí Minh"]
    assert data["image"].startswith("http://testserver/") and data["updated"].endswith("+07:00")


@pytest.mark.parametrize("path, status", [
    ("999999/", 404), ("0/", 422), ("-1/", 422), ("abc/", 422), ("9" * 30 + "/", 422), ("1.5/", 422),
])
def test_detail_errors(client, news, path, status):
    response = client.get(LIST + path)
    assert response.status_code == status
    detail = response.json()["detail"]
    assert detail.startswith("Không tìm thấy") if status == 404 else detail == "Tham số không hợp lệ."


def test_category_pages_are_not_articles(client, news):
    response = client.get(f"{LIST}{news['tin_tuc'].pk}/")
    assert response.status_code == 404 and response.json()["detail"] == "Không tìm thấy tin bài."


def test_unknown_addresses_answer_json(client, db):
    response = client.get("/api/v1/khong-co/")
    assert response.status_code == 404 and response.json()["detail"] == "Không tìm thấy."
    redirect = client.get("/api/v1/articles?page=2")
    assert redirect.status_code == 301 and redirect["Location"] == "/api/v1/articles/?page=2"


def test_read_only(client, news):
    for method in (client.post, client.put, client.delete):
        assert method(LIST).status_code == 405
