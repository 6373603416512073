"""Which responses are written for nginx, and where."""

import pytest
from django.contrib.auth import get_user_model

from eportal.pagecache import store

pytestmark = pytest.mark.django_db


def cached_file(page_cache, url, kind="html"):
    return page_cache / "testserver" / url.strip("/") / f"index.{kind}"


def test_anonymous_page_is_written_as_served_and_still_embeds_the_counter(client, page_cache, news):
    url = news["a2"].url
    response = client.get(url)
    path = cached_file(page_cache, url)
    assert path.read_bytes() == response.content
    html = path.read_text()
    assert "Hội nghị hai" in html
    assert f'src="/luot-truy-cap/?p={news["a2"].pk}"' in html  # the counter still counts every view


def test_feeds_and_sitemap_are_written_with_their_own_type(client, page_cache, news):
    client.get("/rss/")
    client.get(news["A"].url + "rss/")
    client.get("/sitemap.xml")
    assert "Hội nghị ba" in cached_file(page_cache, "/rss/", "rss").read_text()
    assert cached_file(page_cache, news["A"].url + "rss/", "rss").exists()
    assert "/tin-huyen/a3/" in (page_cache / "testserver" / "sitemap.xml" / "index.xml").read_text()


@pytest.mark.parametrize("variant", ["query string", "session cookie", "HEAD"])
def test_personal_or_parametrised_requests_are_not_written(client, page_cache, news, variant):
    url = news["A"].url
    if variant == "query string":
        client.get(url + "?trang=2")
    elif variant == "session cookie":
        client.cookies["sessionid"] = "x"
        client.get(url)
    else:
        client.head(url)
    assert not page_cache.exists() or not any(page_cache.rglob("index.*"))


def test_logged_in_editor_gets_a_fresh_page_and_nothing_is_written(client, page_cache, news):
    user = get_user_model().objects.create_superuser("bientap", "b@example.com", "mat-khau-dai-123")
    client.force_login(user)
    assert client.get(news["a1"].url).status_code == 200
    assert not any(page_cache.rglob("index.*"))


def test_hit_counter_404_and_preview_are_never_written(client, page_cache, news):
    client.get("/luot-truy-cap/")
    assert client.get("/khong-co-trang-nay/").status_code == 404
    assert not any(page_cache.rglob("index.*"))


def test_a_render_overtaken_by_a_purge_is_not_kept(page_cache):
    started = store.generation()
    store.purge({"page:1"})  # a publish commits while the page renders
    assert store.write("testserver/x/index.html", b"old", {"page:2"}, started) is False
    assert not (page_cache / "testserver/x/index.html").exists()
    assert store.write("testserver/x/index.html", b"new", {"page:2"}, store.generation()) is True
    assert (page_cache / "testserver/x/index.html").read_bytes() == b"new"


def test_purge_command_requires_all_or_tags(page_cache, news, client):
    from django.core.management import CommandError, call_command

    client.get(news["A"].url)
    with pytest.raises(CommandError):
        call_command("purge_page_cache")
    call_command("purge_page_cache", "--all")
    assert not any(page_cache.rglob("index.*"))
