"""The "Lượt truy cập" counter counts each page view once and keeps pages cacheable."""

import re

import pytest

from eportal.core.hitcounter import current_total, get_counter
from eportal.core.models import HitCounterSettings

from ..factories import ArticleFactory

pytestmark = pytest.mark.django_db

DIGITS = re.compile(r'<p class="digits"[^>]*>((?:<span>\d</span>){8})</p>')


def shown(response):
    match = DIGITS.search(response.content.decode())
    assert match, response.content.decode()
    return int(re.sub(r"\D", "", match.group(1)))


def test_counter_frame_counts_and_shows_eight_digits(client, site):
    first = shown(client.get("/luot-truy-cap/"))
    second = shown(client.get("/luot-truy-cap/"))
    assert (first, second) == (1, 2)
    assert "Đang online: <strong>1</strong>" in client.get("/luot-truy-cap/").content.decode()


def test_start_value_keeps_the_legacy_count(client, site):
    settings = HitCounterSettings.for_site(site)
    settings.start_value = 528527
    settings.save()
    response = client.get("/luot-truy-cap/")
    assert "<span>0</span><span>0</span><span>5</span><span>2</span><span>8</span><span>5</span><span>2</span><span>8</span>" in response.content.decode()
    assert current_total(site) == 528528


def test_pages_static_and_admin_do_not_count(client, site, category, admin_client):
    article = ArticleFactory(parent=category)
    for url in ["/", category.url, article.url, "/rss/", "/sitemap.xml", "/robots.txt", "/static/css/portal.css"]:
        client.get(url)
    admin_client.get("/admin/")
    assert current_total(site) == 0


def test_pages_embed_the_counter_and_stay_cacheable(client, category):
    article = ArticleFactory(parent=category)
    response = client.get(article.url)
    # The frame names the page (portal.js adds the referring host and loads it; <noscript> without it).
    assert f'data-counter-src="/luot-truy-cap/?p={article.pk}"' in response.content.decode()
    assert f'<noscript><iframe class="hit-counter-frame" src="/luot-truy-cap/?p={article.pk}"' in response.content.decode()
    assert "Set-Cookie" not in response and "no-store" not in response.get("Cache-Control", "")
    frame = client.get("/luot-truy-cap/")
    assert "no-store" in frame["Cache-Control"] or "max-age=0" in frame["Cache-Control"]
    assert frame["X-Frame-Options"] == "SAMEORIGIN"


def test_previews_do_not_count(admin_client, category):
    article = ArticleFactory(parent=category)
    response = admin_client.post(
        f"/admin/pages/{article.pk}/edit/preview/",
        {"title": article.title, "slug": article.slug, "date": "2020-01-01 08:00", "body-count": "0"},
    )
    preview = admin_client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert response.status_code == 200 and preview.status_code == 200
    html = preview.content.decode()
    assert "/luot-truy-cap/" not in html and "Bản xem trước không tính lượt truy cập" in html


def test_counter_refuses_other_methods(client, site):
    assert client.post("/luot-truy-cap/").status_code == 405


def test_online_counts_distinct_visitors(client, site):
    for agent in ["A", "B", "B", "C"]:
        response = client.get("/luot-truy-cap/", HTTP_USER_AGENT=agent)
    assert "Đang online: <strong>3</strong>" in response.content.decode()


def test_buffered_hits_reach_the_database(settings, client, site):
    """With Redis the hits are batched into the database; without it every hit is written."""
    from eportal.core.models import HitCount

    settings.EPORTAL_HIT_FLUSH_EVERY = 5
    for _ in range(7):
        client.get("/luot-truy-cap/")
    counter = get_counter()
    counter.flush(site.pk)
    assert HitCount.objects.get(site=site).count == 7
    assert current_total(site) == 7
