"""Báo cáo → Đánh giá mức độ hài lòng: exact numbers, periods, permissions, fixed query count."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eportal.satisfaction.models import SatisfactionRating
from eportal.satisfaction.results import summarize

from .conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/admin/danh-gia-hai-long/"


def rate(day, interface, content, service, support, comment=""):
    return SatisfactionRating.objects.create(
        date=day, interface=interface, content=content, service=service, support=support, comment=comment
    )


@pytest.fixture
def known_ratings():
    today = timezone.localdate()
    rate(today, 5, 4, 3, 1, "Nên thêm mục hỏi đáp.")
    rate(today, 5, 5, 2, 1)
    rate(today - datetime.timedelta(days=3), 4, 3, 2, 1, "<b>Giao diện đẹp</b>")
    rate(today - datetime.timedelta(days=29), 1, 3, 5, 2)
    rate(today - datetime.timedelta(days=30), 1, 1, 1, 1, "Cũ, ngoài 30 ngày")  # outside the default period
    return today


def section(html, field):
    return html.split(f'id="tieu-chi-{field}"')[1].split("</section>")[0]


def row(html, field, score):
    part = html.split(f'data-field="{field}" data-score="{score}"')[1].split("</tr>")[0]
    count = part.split('satisfaction-bars__count">')[1].split("<")[0]
    percent = part.split('satisfaction-bars__percent">')[1].split("<")[0]
    width = part.split('style="width: ')[1].split('"')[0]
    return count, percent, width


def test_numbers_are_exact_for_the_default_30_days(board, known_ratings):
    response = client_for(board["head"]).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    start = known_ratings - datetime.timedelta(days=29)
    assert f"Từ {start:%d/%m/%Y} đến {known_ratings:%d/%m/%Y}" in html
    assert '<strong class="satisfaction-results__total">4</strong>' in html
    averages = {
        "interface": "3,75",  # (5 + 5 + 4 + 1) / 4
        "content": "3,75",    # (4 + 5 + 3 + 3) / 4
        "service": "3,00",    # (3 + 2 + 2 + 5) / 4
        "support": "1,25",    # (1 + 1 + 1 + 2) / 4
    }
    for field, average in averages.items():
        assert f'data-field="{field}">{average}</strong>' in section(html, field), field
    assert row(html, "interface", 5) == ("2", "50,0%", "50.0%")
    assert row(html, "interface", 4) == ("1", "25,0%", "25.0%")
    assert row(html, "interface", 1) == ("1", "25,0%", "25.0%")
    assert row(html, "interface", 3) == ("0", "0,0%", "0.0%")
    assert row(html, "support", 1) == ("3", "75,0%", "75.0%")
    assert row(html, "service", 2) == ("2", "50,0%", "50.0%")
    assert row(html, "content", 3) == ("2", "50,0%", "50.0%")
    # The board reads the comments (escaped); the old one is outside the period.
    assert "Nên thêm mục hỏi đáp." in html and "&lt;b&gt;Giao diện đẹp&lt;/b&gt;" in html
    assert "Cũ, ngoài 30 ngày" not in html
    for label in ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"]:
        assert label in html
    # Bars are plain HTML: no script, no chart library.
    assert "<script" not in html.split('class="satisfaction-results"')[1]


def test_summary_function_matches(known_ratings):
    summary = summarize(known_ratings - datetime.timedelta(days=30), known_ratings)
    assert summary["total"] == 5
    support = next(c for c in summary["criteria"] if c["field"] == "support")
    assert support["average"] == pytest.approx(1.2)
    assert [d["count"] for d in support["distribution"]] == [4, 1, 0, 0, 0]


def test_chosen_period_in_both_date_spellings(board, known_ratings):
    client = client_for(board["head"])
    day = known_ratings - datetime.timedelta(days=3)
    for params in [{"tu": day.isoformat(), "den": day.isoformat()},
                   {"tu": day.strftime("%d/%m/%Y"), "den": day.strftime("%d/%m/%Y")}]:
        html = client.get(URL, params).content.decode()
        assert '<strong class="satisfaction-results__total">1</strong>' in html
        assert 'data-field="interface">4,00</strong>' in html
    html = client.get(URL, {"tu": (known_ratings - datetime.timedelta(days=60)).isoformat()}).content.decode()
    assert '<strong class="satisfaction-results__total">5</strong>' in html


def test_a_period_without_ratings(board):
    html = client_for(board["head"]).get(URL, {"tu": "2020-01-01", "den": "2020-01-31"}).content.decode()
    assert '<strong class="satisfaction-results__total">0</strong>' in html
    assert "Chưa có lượt đánh giá nào trong khoảng thời gian này." in html


@pytest.mark.parametrize("params, message", [
    ({"tu": "32/13/2026"}, "Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy). Đang hiển thị 30 ngày gần nhất."),
    ({"tu": "abc", "den": "2026-11-01"}, "Ngày không hợp lệ"),
    ({"den": "9999-12-31"}, "Ngày không hợp lệ"),
    ({"tu": "2026-11-20", "den": "2026-11-01"}, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."),
])
def test_bad_dates_show_a_message_and_the_last_30_days(board, known_ratings, params, message):
    response = client_for(board["head"]).get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert '<strong class="satisfaction-results__total">4</strong>' in html


@pytest.mark.parametrize("role, status", [
    ("contributor", 403), ("other_contributor", 403), ("editor", 403), ("head", 200), ("administrator", 200),
])
def test_only_the_head_and_administrators_see_results(board, role, status):
    assert client_for(board[role]).get(URL).status_code == status


def test_superuser_sees_results_and_anonymous_is_sent_to_login(client, db):
    admin = get_user_model().objects.create_superuser("sieuquantri", "a@kesach.example", "mat-khau-dai-du")
    assert client_for(admin).get(URL).status_code == 200
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_reports_menu_lists_the_results_only_for_those_allowed(board):
    assert URL in client_for(board["head"]).get("/admin/").content.decode()
    assert URL not in client_for(board["editor"]).get("/admin/").content.decode()


def test_query_count_is_fixed(board):
    client = client_for(board["head"])
    today = timezone.localdate()

    def measure():
        client.get(URL)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    def add(count):
        SatisfactionRating.objects.bulk_create([
            SatisfactionRating(date=today - datetime.timedelta(days=i % 40), interface=1 + i % 5,
                               content=1 + (i * 2) % 5, service=1 + (i * 3) % 5, support=5, comment=f"Ý kiến {i}")
            for i in range(count)
        ])

    add(5)
    small = measure()
    add(95)
    large = measure()
    assert small == large
    assert large <= 12, large


def test_database_refuses_scores_out_of_range(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        rate(timezone.localdate(), 6, 3, 3, 3)
