"""The public views run a fixed number of SQL queries, however many questions exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import make_answered, make_question

pytestmark = pytest.mark.django_db

BUDGET = 12


def add(sector, other_sector, start, count):
    for n in range(start, start + count):
        make_answered(sector if n % 2 else other_sector, n, hide_name=n % 3 == 0)
        make_question(sector, title=f"Chưa trả lời {n}")


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm the caches a first request fills
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


def test_public_list_query_count_is_flat(client, index, sector, other_sector):
    add(sector, other_sector, 0, 5)
    first = make_answered(sector, 999)
    urls = {
        "detail": f"{index.url}{first.pk}/",
        "list": index.url,
        "list page 2": index.url + "?trang=2",
        "by sector": index.url + "?linh-vuc=ho-tich",
        "search": index.url + "?q=tra+loi",
        "form": index.url + "gui-cau-hoi/",
        "lookup": index.url + "tra-cuu/",
    }
    small = measure(client, urls)
    add(sector, other_sector, 5, 45)
    large = measure(client, urls)
    assert small == large, "query counts grew with content"
    over = {name: count for name, count in large.items() if count > BUDGET}
    assert not over, f"over budget {BUDGET}: {over}"
