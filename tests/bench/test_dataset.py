import io

import pytest
from django.utils.html import escape
from wagtail.models import Page

from bench import dataset
from eportal.news.models import ArticlePage, NewsCategoryPage


def bench_articles():
    return ArticlePage.objects.filter(legacy_key__startswith=dataset.KEY_PREFIX)


@pytest.mark.django_db
def test_build_adds_live_articles_that_render_in_their_category(client):
    result = dataset.build(50, stdout=io.StringIO())

    assert result["created"] == 50 and result["total"] == 50
    articles = bench_articles()
    assert articles.count() == 50 and articles.live().count() == 50
    assert all(len(problems) == 0 for problems in Page.find_problems())

    categories = NewsCategoryPage.objects.filter(
        pk__in=[a.get_parent().pk for a in articles]
    )
    assert categories.count() >= 5  # spread over the demo's categories
    for category in categories[:4]:
        newest = articles.child_of(category).order_by("-date").first()
        page = client.get(newest.url)
        assert page.status_code == 200
        html = page.content.decode()
        assert escape(newest.title) in html and escape(newest.author_name) in html
        assert newest.body_html.startswith("<p>") and escape(newest.lead) in html
        listing = client.get(category.url)
        assert listing.status_code == 200 and escape(newest.title) in listing.content.decode()


@pytest.mark.django_db
def test_build_again_adds_only_what_is_missing():
    dataset.build(50, stdout=io.StringIO())
    first = set(bench_articles().values_list("legacy_key", "title"))

    result = dataset.build(60, stdout=io.StringIO())

    assert result["created"] == 10 and result["total"] == 60
    assert first < set(bench_articles().values_list("legacy_key", "title"))
    assert all(len(problems) == 0 for problems in Page.find_problems())
    assert dataset.build(60, stdout=io.StringIO())["created"] == 0
    assert bench_articles().count() == 60


def test_command_line_refuses_a_negative_count(capsys):
    with pytest.raises(SystemExit) as exit_info:
        dataset.main(["--articles", "-5"])
    assert exit_info.value.code == 2
    assert "--articles must be zero or more" in capsys.readouterr().err
