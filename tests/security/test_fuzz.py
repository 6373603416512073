"""Property-based fuzzing of every public URL of the demo portal.

Random query strings (GET) and random form bodies (POST) must never give a server
error, a stack trace, or a random marker tag echoed unescaped. The number of examples
per URL is EPORTAL_FUZZ_EXAMPLES (default 8); CI can raise it.
"""

import os
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings, strategies as st
from wagtail.documents import get_document_model

from eportal.about.models import AboutPage, ContactPage
from eportal.consultations.models import ConsultationPage
from eportal.documents.models import LegalDocumentPage
from eportal.news.models import ArticlePage, NewsCategoryPage
from eportal.procedures.models import ProcedurePage
from eportal.questions.models import Question

from . import demo_portal
from .demo_portal import NulGuard, demo, demo_site, text_of  # noqa: F401  (fixtures)

EXAMPLES = int(os.environ.get("EPORTAL_FUZZ_EXAMPLES", "8"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MARKER = "<x-fuzz-"
LEAKS = [
    "Traceback", 'File "/', "IntegrityError", "OperationalError", "ProgrammingError", "DataError",
    "ValueError", "TypeError", "KeyError", "AttributeError", "MultiValueDictKeyError", "DoesNotExist",
    "ValidationError(", "django.", "/site-packages/",
]


def first_url(model, **filters):
    page = model.objects.live().filter(**filters).order_by("path").first()
    return page.url


def question_detail():
    page = demo_portal.questions_page()
    return f"{page.url}{Question.objects.published().order_by('pk').first().pk}/"


def document_file():
    return get_document_model().objects.order_by("pk").first().url


# Every public URL, found in the demo when the test runs.
GET_URLS = {
    "home": lambda: "/",
    "category": lambda: "/tin-tuc-su-kien/",
    "category-rss": lambda: "/tin-tuc-su-kien/rss/",
    "sub-category": lambda: first_url(NewsCategoryPage, depth__gt=3) if NewsCategoryPage.objects.filter(depth__gt=3).exists() else "/kinh-te/",
    "article": lambda: first_url(ArticlePage),
    "videos": lambda: "/video-clip/",
    "documents": lambda: "/van-ban/",
    "document": lambda: first_url(LegalDocumentPage),
    "document-print": lambda: first_url(LegalDocumentPage) + "?in=1",
    "document-file": document_file,
    "procedures": lambda: "/thu-tuc-hanh-chinh/",
    "procedure": lambda: first_url(ProcedurePage),
    "questions": lambda: demo_portal.questions_page().url,
    "question": question_detail,
    "question-form": demo_portal.question_url,
    "question-lookup": lambda: demo_portal.questions_page().url + "tra-cuu/",
    "consultations": lambda: "/lay-y-kien/",
    "consultation": lambda: demo_portal.open_consultation().url,
    "consultation-closed": lambda: first_url(ConsultationPage, closes_at__lte=timezone.now())
    if ConsultationPage.objects.filter(closes_at__lte=timezone.now()).exists() else "/lay-y-kien/",
    "search": lambda: "/tim-kiem/",
    "about": lambda: first_url(AboutPage),
    "contact": lambda: first_url(ContactPage),
    "english": lambda: "/en/",
    "schedule": lambda: "/lich-cong-tac/",
    "access": lambda: demo_portal.access_page().url,
    "access-form": demo_portal.access_url,
    "access-sent": lambda: demo_portal.access_url() + "da-gui/",
    "satisfaction": demo_portal.survey_url,
    "html-sitemap": lambda: "/so-do-cong/",
    "sitemap": lambda: "/sitemap.xml",
    "robots": lambda: "/robots.txt",
    "rss": lambda: "/rss/",
    "open-data": lambda: "/du-lieu-mo/",
    "api-articles": lambda: "/api/v1/articles/",
    "api-article": lambda: f"/api/v1/articles/{ArticlePage.objects.live().first().pk}/",
    "api-documents": lambda: "/api/v1/documents/",
    "api-document": lambda: f"/api/v1/documents/{LegalDocumentPage.objects.live().first().pk}/",
    "api-procedures": lambda: "/api/v1/procedures/",
    "api-procedure": lambda: f"/api/v1/procedures/{ProcedurePage.objects.live().first().pk}/",
    "api-unknown": lambda: "/api/v1/khong-co/",
    "website-link": lambda: "/lien-ket/",
    "hit-counter": lambda: "/luot-truy-cap/",
    "not-found": lambda: "/khong-co-trang-nay/",
}

# Every form a visitor can post, with the fields it expects (drawn from or replaced at random).
POST_FORMS = {
    "question": (demo_portal.question_url, demo_portal.question_data),
    "lookup": (lambda: demo_portal.questions_page().url + "tra-cuu/", lambda: {"ma": "HD-2026-ABCDEFGH"}),
    "comment": (demo_portal.comment_url, demo_portal.comment_data),
    "access-request": (demo_portal.access_url, demo_portal.access_data),
    "survey": (demo_portal.survey_url, demo_portal.survey_data),
    # Not forms: a POST must be refused or ignored, never crash.
    "search": (lambda: "/tim-kiem/", lambda: {"q": "khai sinh"}),
    "website-link": (lambda: "/lien-ket/", lambda: {"url": "https://dichvucong.gov.vn/"}),
    "hit-counter": (lambda: "/luot-truy-cap/", lambda: {}),
    "article": (lambda: first_url(ArticlePage), lambda: {}),
    "api-documents": (lambda: "/api/v1/documents/", lambda: {"q": "x"}),
}

PARAM_NAMES = [
    "q", "trang", "loai", "chuyen-muc", "tu-ngay", "den-ngay", "linh-vuc", "su-kien", "cap", "nam", "co-quan",
    "hieu-luc", "tu-khoa", "sap-xep", "tuan", "in", "url", "ma", "cam-on", "trang-thai", "page", "page_size",
    "type", "agency", "sector", "year", "validity", "sort", "category", "life_event", "level", "next", "format",
]
VIETNAMESE = [
    "Kế Sách", "thủ tục đăng ký khai sinh", "Quyết định 03-CT/TW", "Đất đai", "ke sach", "Ủy ban nhân dân",
    "Hỏi đáp về hộ tịch", "Nghị quyết", "xã Thới An Hội", "đ", "Ấp An Phú",
]
PAYLOADS = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "' OR 1=1--",
    "\"; DROP TABLE questions_question; --", "%", "_", "../../etc/passwd", "%00", "\x00", "{{ 7*7 }}",
    "${7*7}", "{% debug %}", "\r\nSet-Cookie: x=1", "１２３", "\u202e", "\ufeff", "\ud7ff", "😀",
]
ODD_NUMBERS = [
    "0", "-1", "1e309", "NaN", "inf", "9" * 400, "2026-W99", "2026-W00", "31/02/2026", "0000-00-00", "１",
    "2147483648", "-9223372036854775809", "1.5", "0x10",
]

text_values = st.one_of(
    st.sampled_from(VIETNAMESE),
    st.sampled_from(PAYLOADS),
    st.sampled_from(ODD_NUMBERS),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=8),
)


@st.composite
def marked(draw, values=text_values):
    """A value with a marker tag before it, after it or not at all."""
    value = draw(values)
    tag = f"{MARKER}{draw(st.integers(0, 9999))}>"
    return draw(st.sampled_from([value, tag + value, value + tag, tag]))


keys = st.one_of(st.sampled_from(PARAM_NAMES), st.text(min_size=1, max_size=10))
pairs = st.lists(st.tuples(keys, marked()), max_size=6)
raw_tails = st.sampled_from(["", "&", "&&==&", "%zz=%", "=", "q", "q=%E1%BB", "trang=1&trang=2&trang=<x>", "%00=%00"])


def fetch(send, where):
    """The response of `send()`, checked for a NUL character reaching the database on the way."""
    guard = NulGuard()
    with connection.execute_wrapper(guard):
        response = send()
    assert guard.found == [], (where, guard.found)
    return response


def assert_safe(response, where):
    assert response.status_code < 500, where
    content_type = response.get("Content-Type", "")
    if response.status_code in (301, 302, 303, 307, 308) or "json" in content_type:
        return
    body = text_of(response)
    for leak in LEAKS:
        assert leak not in body, (where, leak)
    if content_type.startswith(("text/", "application/xml", "application/rss+xml", "application/xhtml")):
        assert MARKER not in body, (where, "marker echoed unescaped")


@pytest.fixture
def fuzz_settings(settings):
    """No rate limit gets in the way of the fuzzer (each example also starts with an empty cache)."""
    settings.EPORTAL_SEARCHES_PER_MINUTE = 10_000
    settings.EPORTAL_QUESTIONS_PER_HOUR = 10_000
    from ninja.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.allow_request
    SimpleRateThrottle.allow_request = lambda self, request: True
    yield
    SimpleRateThrottle.allow_request = original


@pytest.mark.parametrize("name", list(GET_URLS))
@FUZZ
@given(query=pairs, tail=raw_tails)
def test_random_query_strings(demo, fuzz_settings, client, name, query, tail):
    cache.clear()
    url = GET_URLS[name]()
    path, _, fixed = url.partition("?")
    query_string = "&".join(part for part in [fixed, urlencode(query), tail] if part)
    response = fetch(lambda: client.get(f"{path}?{query_string}"), (name, query_string))
    assert_safe(response, (name, query_string))


@pytest.mark.parametrize("name", list(POST_FORMS))
@FUZZ
@given(data=st.data())
def test_random_form_bodies(demo, fuzz_settings, client, name, data):
    cache.clear()
    make_url, make_fields = POST_FORMS[name]
    fields = make_fields()
    # Keep some real fields (the token among them, so the form gets past the robot checks),
    # replace the others with random values, and add random fields.
    body = {}
    for field, value in fields.items():
        choice = data.draw(st.sampled_from(["keep", "replace", "drop"]), label=field)
        if choice == "keep":
            body[field] = value
        elif choice == "replace":
            body[field] = data.draw(marked(), label=field)
    body.update(data.draw(st.dictionaries(keys, marked(), max_size=4), label="extra"))
    query = data.draw(st.sampled_from(["", "?trang=<x-fuzz-1>", "?next=https://evil.example"]), label="query")
    as_multipart = data.draw(st.booleans(), label="multipart")
    url = make_url() + query
    if as_multipart:
        response = fetch(lambda: client.post(url, body), (name, body))
    else:
        encoded = "&".join(f"{quote(k, safe='')}={quote(str(v), safe='')}" for k, v in body.items())
        response = fetch(
            lambda: client.post(url, encoded, content_type="application/x-www-form-urlencoded"), (name, body)
        )
    assert_safe(response, (name, body))
