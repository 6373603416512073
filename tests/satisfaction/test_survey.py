"""The public survey: anonymous, once a day per client, honeypot and CSRF."""

import pytest
from django.test import Client
from django.utils import timezone

from eportal.satisfaction.models import SatisfactionRating

from .conftest import rating_data

pytestmark = pytest.mark.django_db


def test_form_shows_four_criteria_with_labelled_radios(client, survey):
    response = client.get(survey.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Giao diện", "Nội dung thông tin", "Chất lượng dịch vụ / tốc độ", "Hỗ trợ người dùng",
                 "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng",
                 "Ý kiến góp ý", 'name="csrfmiddlewaretoken"', 'name="website"', "css/satisfaction.css"]:
        assert text in html, text
    assert html.count('type="radio"') == 20
    assert "<script" not in html.split('class="survey-form"')[1].split("</form>")[0]


def test_valid_rating_is_saved_anonymously(client, survey):
    response = client.post(survey.url, rating_data(comment="Trang tải nhanh, dễ tìm văn bản."),
                           REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="Mozilla/5.0 (Android)")
    assert response.status_code == 303 and response["Location"].endswith("?cam-on=1")
    rating = SatisfactionRating.objects.get()
    assert (rating.interface, rating.content, rating.service, rating.support) == (5, 4, 3, 4)
    assert rating.date == timezone.localdate() and rating.comment == "Trang tải nhanh, dễ tìm văn bản."
    stored = " ".join(str(value) for value in SatisfactionRating.objects.values()[0].values())
    assert "198.51.100.7" not in stored and "Android" not in stored
    assert {f.name for f in SatisfactionRating._meta.get_fields()} == {
        "id", "date", "interface", "content", "service", "support", "comment"}

    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã đánh giá!" in thanks
    # Comments are never published.
    assert "Trang tải nhanh" not in thanks and "Trang tải nhanh" not in client.get(survey.url).content.decode()


def test_comment_is_optional(client, survey):
    assert client.post(survey.url, rating_data(comment="")).status_code == 303
    assert SatisfactionRating.objects.get().comment == ""


@pytest.mark.parametrize("changes, message", [
    ({"interface": "0"}, "Mức đánh giá “Giao diện” phải từ 1 đến 5."),
    ({"content": "6"}, "Mức đánh giá “Nội dung thông tin” phải từ 1 đến 5."),
    ({"service": "-1"}, "Mức đánh giá “Chất lượng dịch vụ / tốc độ” phải từ 1 đến 5."),
    ({"support": "ba"}, "Mức đánh giá “Hỗ trợ người dùng” phải từ 1 đến 5."),
    ({"support": "4.5"}, "Mức đánh giá “Hỗ trợ người dùng” phải từ 1 đến 5."),
    ({"interface": ""}, "Hãy chọn mức độ hài lòng về “Giao diện”."),
    ({"comment": "x" * 1001}, "Ý kiến góp ý tối đa 1.000 ký tự (bạn đã nhập 1001 ký tự)."),
])
def test_out_of_range_and_missing_values_are_refused(client, survey, changes, message):
    response = client.post(survey.url, rating_data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SatisfactionRating.objects.exists()


def test_a_refused_form_does_not_use_up_the_day(client, survey):
    assert client.post(survey.url, rating_data(interface="9")).status_code == 400
    assert client.post(survey.url, rating_data()).status_code == 303


def test_second_rating_the_same_day_gets_429(client, survey):
    assert client.post(survey.url, rating_data()).status_code == 303
    response = client.post(survey.url, rating_data(interface="1"))
    assert response.status_code == 429
    assert "Bạn đã đánh giá hôm nay, xin cảm ơn." in response.content.decode()
    assert 'class="survey-form"' not in response.content.decode()
    assert SatisfactionRating.objects.count() == 1
    # Another visitor may still rate.
    assert Client(REMOTE_ADDR="203.0.113.50").post(survey.url, rating_data()).status_code == 303
    assert SatisfactionRating.objects.count() == 2


def test_the_limit_resets_the_next_day(client, survey, monkeypatch):
    import datetime

    assert client.post(survey.url, rating_data()).status_code == 303
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert client.post(survey.url, rating_data()).status_code == 303
    assert sorted(SatisfactionRating.objects.values_list("date", flat=True))[-1] == tomorrow


def test_honeypot(client, survey):
    response = client.post(survey.url, rating_data(website="http://spam.example"))
    assert response.status_code == 400
    assert "Không thể nhận biểu mẫu này." in response.content.decode()
    assert not SatisfactionRating.objects.exists()


def test_csrf_is_required(survey):
    client = Client(enforce_csrf_checks=True)
    assert client.post(survey.url, rating_data()).status_code == 403
    assert not SatisfactionRating.objects.exists()
    html = client.get(survey.url).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert client.post(survey.url, rating_data(csrfmiddlewaretoken=token)).status_code == 303


def test_other_methods_are_refused(client, survey):
    assert client.put(survey.url).status_code == 405
    assert client.delete(survey.url).status_code == 405


def test_survey_responses_are_not_cached(client, survey):
    for response in [client.get(survey.url), client.post(survey.url, rating_data(interface="0"))]:
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
