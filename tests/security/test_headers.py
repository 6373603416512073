"""Security headers on every public page, a script policy the pages really keep, and nginx
sending the same headers for the pages and files it serves itself."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Page

from eportal.core.security_headers import (
    ADMIN_CSP,
    PERMISSIONS_POLICY,
    PUBLIC_CSP,
    SecurityHeadersMiddleware,
    public_headers,
)
from eportal.demo.loader import load_demo

NGINX_DIR = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
FILE_CSP = "default-src 'none'; sandbox"
# Enough for every page of the demo; a limit so a link loop cannot run forever.
MAX_PAGES = 400
NOT_CRAWLED = ("/admin/", "/documents/", "/media/", "/static/", "/api/v1/", "/rss/", "/sitemap.xml", "/robots.txt")
# Print views and other query-string variants of a page are requested once per path.
EXTRA_QUERIES = ("?in=1", "?trang=2", "?q=k%E1%BA%BF+s%C3%A1ch")


class PageAudit(HTMLParser):
    """Collects what a strict Content-Security-Policy would block or what runs inline."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.links = []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name in {"href", "src", "action", "formaction", "data"} and value and re.sub(
                r"[\s\x00-\x1f]", "", value
            ).lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}> javascript: URL")
        if "style" in attrs:
            self.problems.append(f"<{tag} style={attrs['style']!r}> inline style")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script" and not attrs.get("src"):
            # JSON-LD is a data block: browsers never run it, and CSP does not apply to it.
            if (attrs.get("type") or "").lower() != "application/ld+json":
                self.problems.append(f"inline <script type={attrs.get('type')!r}>")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def audit(html):
    parser = PageAudit()
    parser.feed(html)
    parser.close()
    return parser


def local_path(href):
    parts = urlsplit(href)
    if parts.scheme not in {"", "http"} or parts.netloc not in {"", "testserver", "localhost"}:
        return None
    if not parts.path.startswith("/") or parts.path.startswith(NOT_CRAWLED):
        return None
    return parts.path


def assert_public_headers(response, url):
    assert response["Content-Security-Policy"] == PUBLIC_CSP, url
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY, url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url


@pytest.fixture
def demo(db):
    return load_demo()


@pytest.mark.django_db
def test_every_public_page_sends_the_headers_and_runs_no_inline_script(client, demo):
    page_types = {type(page.specific) for page in Page.objects.live().filter(depth__gt=1)}
    seen_types, seen, todo, problems = set(), set(), ["/"], []
    todo += ["/tim-kiem/?q=k%E1%BA%BF+s%C3%A1ch", "/du-lieu-mo/", "/api/v1/docs", "/luot-truy-cap/",
             "/lien-ket/", "/khong-co-trang-nay/"]
    while todo and len(seen) < MAX_PAGES:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in {301, 302}:
            target = local_path(response["Location"])
            if target:
                todo.append(target)
            continue
        assert response.status_code in {200, 400, 404}, (url, response.status_code)
        assert_public_headers(response, url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        page = getattr(response, "context", None) and response.context.get("page")
        if page is not None:
            seen_types.add(type(page.specific))
        found = audit(response.content.decode())
        problems += [f"{url}: {problem}" for problem in found.problems]
        if "?" not in url:
            todo += [url + query for query in EXTRA_QUERIES if url + query not in seen]
        todo += [path for path in map(local_path, found.links) if path and path not in seen]
    assert not problems, "\n".join(problems)
    assert len(seen) < MAX_PAGES, "the crawl did not finish"
    assert page_types <= seen_types, f"page types never reached: {page_types - seen_types}"
    # The crawl reached the print views and routable sub-pages, not only the page tree.
    assert any(url.endswith("?in=1") for url in seen)


def test_the_audit_catches_what_the_policy_would_block():
    html = (
        '<script>alert(1)</script><a href=" JavaScript:alert(1)">x</a><img src="a.png" onerror="x()">'
        '<p style="color:red">y</p><style>p{}</style>'
        '<script type="application/ld+json">{}</script><script src="/static/js/portal.js"></script>'
    )
    problems = audit(html).problems
    assert len(problems) == 5, problems


@pytest.mark.django_db
def test_error_pages_send_the_public_policy(client, site):
    response = client.get("/khong-co/<script>alert(1)</script>/")
    assert response.status_code == 404
    assert_public_headers(response, "404")


@pytest.mark.django_db
def test_admin_login_works_under_its_own_policy(client, site):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert response["Content-Security-Policy"] == ADMIN_CSP
    assert "frame-ancestors 'self'" in ADMIN_CSP and "object-src 'none'" in ADMIN_CSP
    assert "http" not in ADMIN_CSP and "*" not in ADMIN_CSP


def test_a_policy_chosen_by_the_view_is_kept():
    def sandboxed_view(request):
        response = HttpResponse(b"%PDF-1.4", content_type="application/pdf")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = SecurityHeadersMiddleware(sandboxed_view)(RequestFactory().get("/documents/1/a.pdf"))
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY


def test_public_policy_allows_nothing_inline_nor_from_elsewhere():
    directives = dict(d.split(" ", 1) for d in PUBLIC_CSP.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert directives["form-action"] == "'self' https:"  # see PUBLIC_POLICY
    assert "unsafe" not in PUBLIC_CSP and "http:" not in PUBLIC_CSP and "*" not in PUBLIC_CSP
    assert PUBLIC_CSP.count("https:") == 1
    assert public_headers() == [("Content-Security-Policy", PUBLIC_CSP), ("Permissions-Policy", PERMISSIONS_POLICY)]


@pytest.mark.django_db
def test_hsts_is_sent_over_https(client, site, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    assert client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/")


# nginx ------------------------------------------------------------------------------------


def nginx_locations(conf):
    """{location argument: [(header, value), ...]} of the add_header lines of each location."""
    text = re.sub(r"#[^\n]*", "", (NGINX_DIR / conf).read_text())
    locations = {}
    for match in re.finditer(r"location\s+([^{]+?)\s*\{", text):
        depth, start = 1, match.end()
        end = start
        while depth:
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        body = text[start:end - 1]
        headers = re.findall(r'add_header\s+([\w-]+)\s+("[^"]*"|\S+)(?:\s+always)?\s*;', body)
        locations[match.group(1)] = [(name, value.strip('"')) for name, value in headers]
    return locations


def header_map(pairs):
    result = {}
    for name, value in pairs:
        assert name not in result, f"{name} twice"
        result[name] = value
    return result


def test_nginx_sends_the_apps_headers_with_cached_pages(settings):
    cached = header_map(nginx_locations("eportal-pagecache.conf")["/"])
    assert cached["Content-Security-Policy"] == PUBLIC_CSP
    assert cached["Permissions-Policy"] == PERMISSIONS_POLICY
    assert cached["Cross-Origin-Opener-Policy"] == settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    assert cached["X-Content-Type-Options"] == "nosniff"
    assert cached["Referrer-Policy"] == settings.SECURE_REFERRER_POLICY
    assert cached["X-Frame-Options"] == settings.X_FRAME_OPTIONS
    assert cached["Strict-Transport-Security"] == "max-age=31536000"


def test_nginx_locations_that_pass_to_the_app_add_no_headers_of_their_own():
    # The app sends them; nginx adding its own would send each policy twice.
    locations = nginx_locations("eportal-pagecache.conf")
    for name in ["= /luot-truy-cap/", "/admin/", "@eportal_app"]:
        assert locations[name] == [], name


def test_nginx_serves_static_and_media_files_sandboxed():
    locations = nginx_locations("eportal-site.conf")
    file_locations = [name for name in locations if "/static/" in name or "/media/" in name]
    assert len(file_locations) == 4, file_locations
    for name in file_locations:
        headers = header_map(locations[name])
        assert headers["Content-Security-Policy"] == FILE_CSP, name
        assert headers["X-Content-Type-Options"] == "nosniff", name
