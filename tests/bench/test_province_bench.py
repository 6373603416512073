import io

import pytest
from django.utils.html import escape
from wagtail.models import Page, Site

from bench import bulk_pages
from eportal.core.models import SiteIdentity
from eportal.news.models import ArticlePage
from eportal.search.models import SearchEntry


@pytest.fixture
def province(db, settings):
    settings.ALLOWED_HOSTS = [".bench.local", "localhost", "testserver"]
    figures = bulk_pages.build([1, 2], 20, stdout=io.StringIO())
    return figures, {n: Site.objects.get(hostname=bulk_pages.hostname(n)) for n in (1, 2)}


def articles_of(site):
    return ArticlePage.objects.descendant_of(site.root_page).live()


def test_bulk_load_makes_two_valid_sites_of_live_articles(province):
    figures, sites = province

    assert figures["articles"] == 40 and figures["articles_per_second"] > 0
    assert all(len(problems) == 0 for problems in Page.find_problems())
    for site in sites.values():
        assert articles_of(site).count() == 20
        assert SiteIdentity.for_site(site).portal_title == bulk_pages.portal_title(int(site.hostname[3:6]))
        assert SearchEntry.objects.filter(site=site).count() == 20
    article = articles_of(sites[2]).first()
    assert article.category_id == article.get_parent().pk and article.first_published_at is not None


def test_a_commune_site_serves_its_own_home_category_and_article(province, client):
    _, sites = province
    host = {"HTTP_HOST": sites[2].hostname}
    article = articles_of(sites[2]).order_by("-date").first()
    category = article.get_parent()
    url = article.url_path[len(sites[2].root_page.url_path) - 1:]

    page = client.get(url, **host)
    assert page.status_code == 200
    assert escape(article.title) in page.content.decode()
    assert escape(bulk_pages.portal_title(2)) in page.content.decode()

    listing = client.get(category.url_path[len(sites[2].root_page.url_path) - 1:], **host)
    assert listing.status_code == 200 and escape(article.title) in listing.content.decode()
    home = client.get("/", **host)
    assert home.status_code == 200 and escape(bulk_pages.portal_title(2)) in home.content.decode()
    # The other site has no page at that address.
    assert client.get(url, HTTP_HOST=sites[1].hostname).status_code == 404


def test_search_on_a_commune_site_finds_its_articles_only(province, client):
    _, sites = province
    mine = articles_of(sites[2]).order_by("-date").first()
    # Both sites hold their own texts: the exact title of an article of site 2 is not on site 1.
    assert not articles_of(sites[1]).filter(title=mine.title).exists()
    theirs = articles_of(sites[1]).order_by("-date").first()

    def results(query, site):
        response = client.get("/tim-kiem/", {"q": query}, HTTP_HOST=site.hostname)
        assert response.status_code == 200
        return response.content.decode()

    # Links to results carry the article's slug; the query itself is echoed on the page.
    assert f"/{mine.slug}/" in results(mine.title, sites[2])
    assert f"/{theirs.slug}/" not in results(theirs.title, sites[2])
    assert f"/{theirs.slug}/" in results(theirs.title, sites[1])
