"""Chromium, enforcing the headers of eportal.core.security_headers, reports nothing blocked
on the public pages, and the admin still works under its own, looser policy."""

import uuid

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.server]

PASSWORD = "mat-khau-kiem-tra-csp-2026"
NAVIGATION_TIMEOUT = 30_000
# Collected in every document of the page, frames included.
WATCH_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.top.__cspViolations = window.top.__cspViolations || [];
  window.top.__cspViolations.push(`${location.pathname}: ${event.effectiveDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture(scope="module")
def policy_urls(public_urls):
    """One live page of every type, its print view, and the views outside the page tree."""
    pages = sorted(set(public_urls.values()))
    return pages + [public_urls["ArticlePage"] + "?in=1", public_urls["LegalDocumentPage"] + "?in=1",
                    "/tim-kiem/?q=k%E1%BA%BF+s%C3%A1ch", "/du-lieu-mo/", "/api/v1/docs", "/khong-co-trang-nay/"]


def watched_page(new_context):
    context = new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    return page, messages


def violations(page, messages):
    page.wait_for_load_state("load")
    reported = page.evaluate("window.__cspViolations || []")
    return reported + [text for text in messages if "Content Security Policy" in text]


def test_public_pages_break_no_rule_of_their_policy(live_site, new_context, policy_urls):
    page, messages = watched_page(new_context)
    found = []
    for url in policy_urls:
        response = page.goto(live_site.base_url + url)
        assert response.status in {200, 404}, url
        assert "script-src 'self';" in response.headers["content-security-policy"], url
        found += [f"{url}: {v}" for v in violations(page, messages)]
        messages.clear()
    assert not found, "\n".join(found)


def test_the_hit_counter_frame_still_shows_inside_the_page(live_site, new_context):
    page, messages = watched_page(new_context)
    page.goto(live_site.base_url + "/")
    digits = page.frame_locator("iframe.hit-counter-frame").locator("p.digits > span")
    expect(digits).to_have_count(8)
    assert not violations(page, messages)


def test_another_site_cannot_frame_the_portal(live_site, new_context):
    page, messages = watched_page(new_context)
    # about:blank is not the portal's origin: the portal refuses to be its frame.
    page.set_content(f'<iframe src="{live_site.base_url}/"></iframe>')
    page.wait_for_timeout(1500)
    frame = page.frames[1]
    assert "Lượt truy cập" not in frame.content()


@pytest.fixture
def editor(live_site):
    username = "csp_" + uuid.uuid4().hex[:8]
    live_site.python(f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser({username!r}, {username + "@kesach.example"!r}, {PASSWORD!r})
""")
    yield username
    live_site.python(f"""
from django.contrib.auth import get_user_model
get_user_model().objects.filter(username={username!r}).delete()
""")


def test_the_admin_works_under_its_policy(live_site, new_context, editor):
    page, messages = watched_page(new_context)
    page.goto(live_site.base_url + "/admin/login/")
    page.locator("input[name='username']").fill(editor)
    page.locator("input[name='password']").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type='submit']").click()
    expect(page).to_have_url(live_site.base_url + "/admin/")
    article_id = live_site.python("from eportal.news.models import ArticlePage; print(ArticlePage.objects.first().pk)")
    found = violations(page, messages)
    for path in [f"/admin/pages/{article_id}/edit/", "/admin/pages/", "/admin/images/multiple/add/",
                 "/admin/documents/", "/admin/snippets/"]:
        messages.clear()
        response = page.goto(live_site.base_url + path)
        assert response.status == 200, path
        found += [f"{path}: {v}" for v in violations(page, messages)]
    # The rich-text editor is a script-built widget: it is there only if the scripts ran.
    page.goto(live_site.base_url + f"/admin/pages/{article_id}/edit/")
    expect(page.locator(".Draftail-Editor").first).to_be_visible()
    found += violations(page, messages)
    assert not found, "\n".join(found)
