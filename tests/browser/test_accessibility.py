"""axe-core finds nothing against WCAG 2.1 AA on any public page type, on a phone and a desktop.

Each page is checked as a visitor meets it: the real server, its CSS and script, the hit
counter frame, and the states that matter (a form sent back with errors, a search with
no result, the error pages).
"""

import pytest

from .axe import axe_violations
from .conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.server]

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# Page types of the tree, by model name, found in the live demo.
TREE_PAGES = [
    "HomePage", "NewsCategoryPage", "ArticlePage", "VideoIndexPage", "VideoPage", "AboutPage",
    "LeadershipPage", "DepartmentsPage", "SpokespersonPage", "ContactPage", "EnglishPage",
    "DocumentIndexPage", "LegalDocumentPage", "ProcedureIndexPage", "ProcedurePage",
    "QuestionIndexPage", "ConsultationIndexPage", "ConsultationPage", "WorkSchedulePage",
    "AccessToInformationPage", "SatisfactionSurveyPage", "HtmlSitemapPage",
]
# Views outside the page tree, and states of pages.
OTHER_PAGES = {
    "article print view": lambda urls: urls["ArticlePage"] + "?in=1",
    "search results": lambda urls: "/tim-kiem/?q=k%E1%BA%BF+s%C3%A1ch",
    "search without results": lambda urls: "/tim-kiem/?q=xyzzyqwv",
    "search with a wrong date": lambda urls: "/tim-kiem/?q=a&tu-ngay=31-02-2025",
    "documents filtered": lambda urls: urls["DocumentIndexPage"] + "?q=ch%E1%BB%89+th%E1%BB%8B",
    "question form": lambda urls: urls["QuestionIndexPage"] + "gui-cau-hoi/",
    "question lookup": lambda urls: urls["QuestionIndexPage"] + "tra-cuu/",
    "question detail": lambda urls: urls["question"],
    "information request form": lambda urls: urls["AccessToInformationPage"] + "yeu-cau/",
    "open data": lambda urls: "/du-lieu-mo/",
    "not found (404)": lambda urls: "/khong-co-trang-nay/",
    "request too large (413, shown by nginx)": lambda urls: "/static/errors/413.html",
}
# Forms sent empty: the server answers with the errors tied to their fields.
FORMS = {
    "question form with errors": lambda urls: urls["QuestionIndexPage"] + "gui-cau-hoi/",
    "comment form with errors": lambda urls: urls["ConsultationPage"],
    "information request with errors": lambda urls: urls["AccessToInformationPage"] + "yeu-cau/",
    "survey with errors": lambda urls: urls["SatisfactionSurveyPage"],
}


def report(violations, what):
    return f"{len(violations)} axe violation(s) on {what}:\n  " + "\n  ".join(violations)


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize("page_type", TREE_PAGES + list(OTHER_PAGES))
def test_page_has_no_axe_violation(live_site, new_context, public_urls, page_type, device, request):
    if page_type == "VideoPage":  # the demo has no video: one with a real clip and captions
        path = request.getfixturevalue("video_page")["url"]
    elif page_type in public_urls:
        path = public_urls[page_type]
    else:
        path = OTHER_PAGES[page_type](public_urls)
    page = new_context(**VIEWPORTS[device]).new_page()
    response = page.goto(live_site.base_url + path)
    assert response.status in (200, 404), (path, response.status)
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    assert not violations, report(violations, f"{page_type} {path} ({device})")


@pytest.mark.parametrize("device", VIEWPORTS)
@pytest.mark.parametrize("form", FORMS)
def test_form_errors_have_no_axe_violation_and_name_their_field(live_site, new_context, public_urls, form, device):
    path = FORMS[form](public_urls)
    page = new_context(**VIEWPORTS[device]).new_page()
    page.goto(live_site.base_url + path)
    target = page.locator("main form[method=post]").first
    # The browser's own checks would stop an empty form; the server's answer is what is tested.
    target.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        target.locator("button[type=submit]").last.click()
    invalid = page.locator("[aria-invalid=true]")
    assert invalid.count() > 0, f"{form}: no field marked invalid"
    for i in range(invalid.count()):
        field = invalid.nth(i)
        # A radio group's message belongs to its fieldset, which a screen reader announces.
        described = field.evaluate(
            "el => el.getAttribute('aria-describedby') || el.closest('fieldset')?.getAttribute('aria-describedby') || ''")
        messages = [page.locator(f"[id='{ref}']") for ref in described.split()]
        texts = " ".join(m.inner_text() for m in messages if m.count())
        assert texts.strip(), f"{form}: field {field.get_attribute('name')} has no error message tied to it"
    violations = axe_violations(page)
    assert not violations, report(violations, f"{form} ({device})")


@pytest.mark.parametrize("status, path", [(500, "/__loi-may-chu__/"), (403, "/__bi-tu-choi__/")])
def test_error_pages_have_no_axe_violation(live_site, new_context, status, path):
    """The 500 and 403 pages, as the server renders them, shown at an address of the site."""
    view = {500: "eportal.operations.views.server_error", 403: "django.views.defaults.permission_denied"}[status]
    module, name = view.rsplit(".", 1)
    args = "" if status == 500 else ", PermissionDenied()"
    body = live_site.python(
        "from django.core.exceptions import PermissionDenied\n"
        "from django.test import RequestFactory\n"
        f"from {module} import {name}\n"
        f"print({name}(RequestFactory(HTTP_HOST='127.0.0.1').get('/'){args}).content.decode())"
    )
    assert "<html" in body
    for device, options in VIEWPORTS.items():
        context = new_context(**options)
        context.route(live_site.base_url + path, lambda route: route.fulfill(
            status=status, body=body, content_type="text/html; charset=utf-8"))
        page = context.new_page()
        page.goto(live_site.base_url + path)
        violations = axe_violations(page)
        assert not violations, report(violations, f"{status} page ({device})")


def test_archived_site_banner_has_no_axe_violation(live_site, new_context, article_path):
    """A former district portal kept as an archive: its banner and closed forms pass axe too."""
    host = live_site.python("from wagtail.models import Site; print(Site.objects.get(is_default_site=True).hostname)")
    live_site.manage("archive_site", host, "--until", "2025-06-30")
    try:
        for device, options in VIEWPORTS.items():
            page = new_context(**options).new_page()
            for path in ["/", article_path, "/hoi-dap/gui-cau-hoi/"]:
                page.goto(live_site.base_url + path)
                banner = page.locator(".archive-banner")
                assert "hoạt động đến 30/06/2025" in banner.inner_text(), path
                violations = axe_violations(page)
                assert not violations, report(violations, f"archived {path} ({device})")
    finally:
        live_site.manage("archive_site", host, "--undo")
