"""Old portal addresses keep working: a request that would be a 404 and matches a recorded
legacy URL (models.LegacyURL) is answered with a 301 to the imported page.

Liferay serves one article at many addresses, so an address is reduced to keys:

* ``article:<id>`` when the query string holds an articleId: ``articleId=12345`` (as in
  /c/journal/view_article_content?groupId=1&articleId=12345) or ``<namespace>_articleId=12345``
  in any portlet namespace (``_101_INSTANCE_xyz_articleId``, ``_56_articleId``...). Parameter
  order and every other parameter are ignored; the path then names only the listing page,
  so it is not a key;
* ``content:<group>:<slug>`` for an asset publisher friendly URL
  (/web/<group>/<page>/-/asset_publisher/<instance>/content/<slug>): the same article shown by
  another page or portlet instance of the same group;
* ``path:<path>`` otherwise: the path, percent-decoded, NFC, lower case, without the trailing
  slash, ";jsessionid=..." or the query string.

Wagtail's redirects app was not enough: it compares the whole sorted query string, so an
extra or reordered Liferay parameter, or another portlet namespace, would not match.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlsplit

from django.http import HttpResponsePermanentRedirect
from wagtail.models import Site

ARTICLE_ID = re.compile(r"(?:^|_)articleid$", re.IGNORECASE)
ASSET_CONTENT = re.compile(r"^(/(?:web|group)/[^/]+)(?:/[^/]+)*?/-/asset_publisher/[^/]+/content/([^/]+)")
MAX_KEY = 255


def normalise_path(path: str) -> str:
    path = unquote(path.split(";", 1)[0])
    path = unicodedata.normalize("NFC", path).lower()
    path = re.sub(r"/{2,}", "/", path).rstrip("/")
    return path or "/"


def url_keys(url: str) -> list[str]:
    """The lookup keys of an address (absolute URL or path with query), most specific first."""
    parts = urlsplit(url.strip())
    keys = []
    for name, value in parse_qsl(parts.query, keep_blank_values=False):
        if ARTICLE_ID.search(name) and value.strip():
            keys.append(f"article:{value.strip().lower()}")
    if keys:
        return list(dict.fromkeys(keys))[:3]
    path = normalise_path(parts.path)
    if path == "/":
        return []
    match = ASSET_CONTENT.match(path)
    if match:
        keys.append(f"content:{match.group(1)}:{match.group(2)}")
    keys.append(f"path:{path}")
    return [key for key in keys if len(key) <= MAX_KEY]


def record_urls(site: Site, page, urls: list[str]) -> int:
    """Records the original addresses of an imported page; returns how many keys are new.

    A key already recorded for another page is moved to this one (the later import wins).
    """
    from .models import LegacyURL

    new = 0
    for url in urls:
        for key in url_keys(url):
            _, created = LegacyURL.objects.update_or_create(
                site=site, key=key, defaults={"page": page, "url": url[:2000]},
            )
            new += created
    return new


class LegacyRedirectMiddleware:
    """Turns a 404 for a recorded legacy address into a 301 to the page (one query, on 404 only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = self.target(request)
        return HttpResponsePermanentRedirect(target) if target else response

    @staticmethod
    def target(request) -> str | None:
        from .models import LegacyURL

        full_path = request.get_full_path_info()  # without a site's path prefix
        if "\x00" in full_path or "%00" in full_path:  # PostgreSQL refuses NUL in text
            return None
        keys = url_keys(full_path)
        if not keys:
            return None
        site = Site.find_for_request(request)
        if site is None:
            return None
        found = {
            legacy.key: legacy.page
            for legacy in LegacyURL.objects.filter(site=site, key__in=keys).select_related("page")
        }
        for key in keys:
            page = found.get(key)
            if page is not None and page.live:
                url = page.get_url(request)
                if url and url != request.path:
                    return url
        return None
