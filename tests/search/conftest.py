import datetime

import pytest
from django.utils import timezone

from eportal.core.pages import publish_child
from eportal.news.models import ArticlePage, NewsCategoryPage
from eportal.search.backends import Filters
from eportal.search.query import search
from eportal.search.text import parse_query


def day(year, month, date):
    return timezone.make_aware(datetime.datetime(year, month, date, 8, 0))


def publish_article(parent, title, body="", date=None, lead="", slug=None):
    page = ArticlePage(
        title=title, slug=slug or f"tin-{ArticlePage.objects.count() + 1}", lead=lead,
        date=date or day(2024, 1, 1),
        body=ArticlePage.body_from_html(f"<p>{body}</p>") if body else None,
    )
    return publish_child(parent, page)


def found(text, **filters):
    """Titles of the entries found for `text`, best first."""
    results = search(parse_query(text), Filters(**filters))
    return [entry.title for entry in results[: results.count()]]


@pytest.fixture
def news(home):
    return publish_child(home, NewsCategoryPage(title="Tin tức - Sự kiện", slug="tin-tuc"))
