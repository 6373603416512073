"""The list of consultations: states, counts, filters, and a query count that does not grow."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eportal.consultations.models import ConsultationComment

from .conftest import CommentFactory, ConsultationFactory

pytestmark = pytest.mark.django_db

Status = ConsultationComment.Status
BUDGETS = {"index": 15, "index filtered": 15, "index page 2": 15, "consultation": 15, "consultation closed": 15}


def test_listing_groups_states_newest_first_with_published_comment_counts(client, index):
    now = timezone.now()
    old_open = ConsultationFactory(parent=index, title="Dự thảo mở trước", opens_at=now - timedelta(days=9))
    new_open = ConsultationFactory(parent=index, title="Dự thảo mở sau", opens_at=now - timedelta(days=1))
    upcoming = ConsultationFactory(
        parent=index, title="Dự thảo sắp lấy ý kiến",
        opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=20),
    )
    closed = ConsultationFactory(
        parent=index, title="Dự thảo đã xong", opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=30)
    )
    draft = ConsultationFactory(parent=index, title="Dự thảo chưa xuất bản", live=False)
    for status in (Status.APPROVED, Status.APPROVED, Status.PENDING, Status.HIDDEN):
        CommentFactory(page=closed, status=status)
    CommentFactory(page=new_open, status=Status.APPROVED)

    html = client.get(index.url).content.decode()
    positions = [html.index(p.title) for p in (new_open, old_open, upcoming, closed)]
    assert positions == sorted(positions)
    assert html.index("Đang lấy ý kiến") < html.index("Sắp diễn ra") < html.index("Đã kết thúc")
    assert draft.title not in html
    assert "Đang lấy ý kiến (2)" in html and "Sắp diễn ra (1)" in html and "Đã kết thúc (1)" in html
    closed_item = html[html.index(closed.title):]
    assert "Số góp ý đã công khai: <strong>2</strong>" in closed_item
    assert f"{timezone.localtime(closed.opens_at):%d/%m/%Y}" in closed_item

    html = client.get(index.url, {"trang-thai": "da-ket-thuc"}).content.decode()
    assert closed.title in html and new_open.title not in html and upcoming.title not in html
    html = client.get(index.url, {"trang-thai": "sap-dien-ra"}).content.decode()
    assert upcoming.title in html and closed.title not in html


@pytest.mark.parametrize("params", [{"trang-thai": "khong-co"}, {"trang-thai": "1' OR 1=1"}, {"trang": "x"},
                                    {"trang": "-5"}, {"trang": "9" * 30}, {"trang-thai": "da-ket-thuc", "trang": "99"}])
def test_bad_parameters_never_fail(client, open_consultation, params):
    response = client.get(open_consultation.get_parent().url, params)
    assert response.status_code == 200


def test_pagination_keeps_the_state_filter(client, index, monkeypatch):
    monkeypatch.setattr(type(index.specific), "PER_PAGE", 2)
    now = timezone.now()
    for n in range(3):
        ConsultationFactory(parent=index, opens_at=now - timedelta(days=40 + n), closes_at=now - timedelta(days=30))
    html = client.get(index.url, {"trang-thai": "da-ket-thuc"}).content.decode()
    assert "?trang-thai=da-ket-thuc&amp;trang=2" in html


def test_closed_consultation_shows_the_end_the_count_and_the_summary(client, closed_consultation):
    CommentFactory(page=closed_consultation, status=Status.APPROVED, name="Võ Thị Em")
    CommentFactory(page=closed_consultation, status=Status.PENDING)
    html = client.get(closed_consultation.url).content.decode()
    assert "Đã kết thúc lấy ý kiến" in html
    assert "Có 1 góp ý được công khai." in html
    assert "Tổng hợp, tiếp thu, giải trình ý kiến" in html
    assert "Cơ quan soạn thảo tiếp thu ý kiến về Điều 2." in html
    assert "Võ Thị Em" in html
    assert 'name="text"' not in html


def test_upcoming_consultation_has_no_form(client, upcoming_consultation):
    html = client.get(upcoming_consultation.url).content.decode()
    assert "Chưa đến thời gian góp ý." in html and 'name="text"' not in html
    assert "Tổng hợp, tiếp thu" not in html


def add_content(index, count):
    now = timezone.now()
    pages = []
    for n in range(count):
        if n % 3 == 0:
            opens, closes = now - timedelta(days=60 + n), now - timedelta(days=30)
        elif n % 3 == 1:
            opens = now + timedelta(days=2 + n)
            closes = opens + timedelta(days=30)
        else:
            opens, closes = now - timedelta(days=1 + n), now + timedelta(days=20)
        pages.append(ConsultationFactory(parent=index, opens_at=opens, closes_at=closes))
    for n, page in enumerate(pages):
        CommentFactory(page=page, status=Status.APPROVED if n % 2 else Status.PENDING)
    return pages


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm the caches a visitor's first request fills
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_consultations_and_comments(
    client, index, open_consultation, closed_consultation
):
    urls = {
        "index": index.url,
        "index filtered": index.url + "?trang-thai=dang-lay-y-kien",
        "index page 2": index.url + "?trang=2",
        "consultation": open_consultation.url,
        "consultation closed": closed_consultation.url,
    }
    add_content(index, 3)
    for page in (open_consultation, closed_consultation):
        for n in range(5):
            CommentFactory(page=page, status=Status.APPROVED)
    small = measure(client, urls)

    add_content(index, 45)
    for page in (open_consultation, closed_consultation):
        for n in range(45):
            CommentFactory(page=page, status=Status.APPROVED)
    large = measure(client, urls)

    assert small == large, "query counts grew with content"
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
