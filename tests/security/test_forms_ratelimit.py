"""Each public form and the search page refuse one client who sends too much, and only that client."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.utils import timezone

from eportal.access import views as access_views
from eportal.access.models import InformationRequest
from eportal.consultations import antispam as consultation_antispam
from eportal.core import ratelimit
from eportal.consultations.models import ConsultationComment
from eportal.questions import views as question_views
from eportal.questions.models import Question
from eportal.satisfaction.models import SatisfactionRating

from .demo_portal import (  # noqa: F401  (fixtures)
    access_data, access_url, comment_data, comment_url, demo, demo_site, question_data, question_url,
    questions_page, survey_data, survey_url, text_of,
)

ABUSER = "203.0.113.7"
NEIGHBOUR = "203.0.113.8"
ACCEPTED = (200, 302, 303)


def cache_entries() -> list[str]:
    """Every key and value in the cache, as text (LocMemCache locally, Redis in CI)."""
    if hasattr(cache, "_cache"):
        keys = list(cache._cache.keys())
    else:
        keys = list(cache.keys("*"))
    return [str(key) for key in keys] + [str(cache.get(key)) for key in keys]


@pytest.fixture(autouse=True)
def one_clock_window(monkeypatch):
    """Limits count per clock minute or hour: a slow run must not cross into the next one."""
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    return now


def assert_no_address_stored():
    for entry in cache_entries():
        assert ABUSER not in entry and NEIGHBOUR not in entry


def test_questions_per_client(demo, client, settings):
    settings.EPORTAL_QUESTIONS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(question_url(), question_data(), REMOTE_ADDR=ABUSER).status_code == 200
    before = Question.objects.count()
    refused = client.post(question_url(), question_data(), REMOTE_ADDR=ABUSER)
    assert refused.status_code == 429
    assert "Bạn đã gửi quá nhiều câu hỏi trong một giờ" in text_of(refused)
    assert Question.objects.count() == before
    assert client.post(question_url(), question_data(), REMOTE_ADDR=NEIGHBOUR).status_code == 200
    assert_no_address_stored()


def test_tracking_code_guessing_per_client(demo, client, monkeypatch):
    monkeypatch.setattr(question_views, "LOOKUP_MISSES_PER_HOUR", 3)
    url = questions_page().url + "tra-cuu/"
    for _ in range(3):
        assert client.post(url, {"ma": "HD-2026-AAAAAAAA"}, REMOTE_ADDR=ABUSER).status_code == 404
    refused = client.post(url, {"ma": "HD-2026-AAAAAAAA"}, REMOTE_ADDR=ABUSER)
    assert refused.status_code == 429
    assert "tra cứu sai mã quá nhiều lần" in text_of(refused)
    assert client.post(url, {"ma": "HD-2026-AAAAAAAA"}, REMOTE_ADDR=NEIGHBOUR).status_code == 404
    assert_no_address_stored()


def test_comments_per_client(demo, client, monkeypatch):
    monkeypatch.setattr(consultation_antispam, "RATE_LIMIT", 2)
    for _ in range(2):
        assert client.post(comment_url(), comment_data(), REMOTE_ADDR=ABUSER).status_code == 302
    before = ConsultationComment.objects.count()
    refused = client.post(comment_url(), comment_data(), REMOTE_ADDR=ABUSER)
    assert refused.status_code == 429
    assert "Bạn đã gửi quá nhiều góp ý" in text_of(refused)
    assert ConsultationComment.objects.count() == before
    assert client.post(comment_url(), comment_data(), REMOTE_ADDR=NEIGHBOUR).status_code == 302
    assert_no_address_stored()


def test_survey_once_a_day_per_client(demo, client):
    assert client.post(survey_url(), survey_data(), REMOTE_ADDR=ABUSER).status_code == 303
    refused = client.post(survey_url(), survey_data(), REMOTE_ADDR=ABUSER)
    assert refused.status_code == 429
    assert "Bạn đã đánh giá hôm nay" in text_of(refused)
    assert SatisfactionRating.objects.count() == 1
    assert client.post(survey_url(), survey_data(), REMOTE_ADDR=NEIGHBOUR).status_code == 303
    assert_no_address_stored()


def test_information_requests_per_client(demo, client, monkeypatch):
    monkeypatch.setattr(access_views.DAILY_LIMIT, "limit", 2)
    for _ in range(2):
        assert client.post(access_url(), access_data(), REMOTE_ADDR=ABUSER).status_code == 303
    refused = client.post(access_url(), access_data(), REMOTE_ADDR=ABUSER)
    assert refused.status_code == 429
    assert "Hôm nay bạn đã gửi nhiều yêu cầu" in text_of(refused)
    assert InformationRequest.objects.count() == 2
    assert client.post(access_url(), access_data(), REMOTE_ADDR=NEIGHBOUR).status_code == 303
    assert_no_address_stored()


def test_searches_per_client(demo, client, settings):
    settings.EPORTAL_SEARCHES_PER_MINUTE = 3
    for word in ["khai sinh", "kết hôn", "xây dựng"]:
        response = client.get("/tim-kiem/", {"q": word}, REMOTE_ADDR=ABUSER)
        assert response.status_code == 200 and "Tìm thấy" in text_of(response)
    refused = client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR=ABUSER)
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    html = text_of(refused)
    assert "Bạn tìm kiếm quá nhiều lần trong một phút" in html
    assert "Tìm thấy" not in html
    assert 'value="khai sinh"' in html  # the box keeps the words for a later try
    # The empty search page (just the form) is not counted, and another client is not affected.
    assert client.get("/tim-kiem/", REMOTE_ADDR=ABUSER).status_code == 200
    assert client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR=NEIGHBOUR).status_code == 200
    assert_no_address_stored()


def test_the_search_limit_defaults_to_sixty_a_minute(demo, client):
    for _ in range(60):
        assert client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR=ABUSER).status_code == 200
    assert client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR=ABUSER).status_code == 429


def test_the_search_limit_starts_again_next_minute(demo, client, settings, monkeypatch):
    settings.EPORTAL_SEARCHES_PER_MINUTE = 1
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    assert client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR=ABUSER).status_code == 200
    assert client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR=ABUSER).status_code == 429
    monkeypatch.setattr(time, "time", lambda: now + 60)
    assert client.get("/tim-kiem/", {"q": "khai sinh"}, REMOTE_ADDR=ABUSER).status_code == 200


@pytest.mark.parametrize("scope", ["search", "questions", "consultations"])
def test_client_hashes_differ_per_scope_and_day(rf, scope, monkeypatch):
    request = rf.get("/", REMOTE_ADDR=ABUSER)
    key = ratelimit.client_hash(request, scope)
    assert ABUSER not in key and len(key) == 32
    assert key == ratelimit.client_hash(rf.get("/", REMOTE_ADDR=ABUSER), scope)
    assert key != ratelimit.client_hash(rf.get("/", REMOTE_ADDR=NEIGHBOUR), scope)
    assert key != ratelimit.client_hash(request, "other-scope")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda: tomorrow)
    assert key != ratelimit.client_hash(request, scope)
