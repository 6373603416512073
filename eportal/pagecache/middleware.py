import logging

from django.conf import settings
from django.utils.cache import cc_delim_re

from . import store
from .recorder import recording

logger = logging.getLogger(__name__)

# Views whose anonymous responses are the same for every visitor.
CACHEABLE_VIEWS = {"wagtail_serve", "news_feed", "sitemap"}
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store", "max-age=0"}


class PageCacheMiddleware:
    """Write anonymous page, feed and sitemap responses to EPORTAL_PAGE_CACHE_DIR for nginx.

    Only a GET without query string and without session or CSRF cookie is written, and
    only a 200 that sets no cookie and does not vary by cookie (a page with a form uses
    the CSRF token, which sets both). The tags recorded while it rendered say which
    content changes must delete it (see recorder and signals).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.personal_cookies = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}

    def __call__(self, request):
        if not self._may_cache_request(request):
            return self.get_response(request)
        started = store.generation()
        with recording() as tags:
            response = self.get_response(request)
        try:
            self._store(request, response, tags, started)
        except Exception:  # a full disk must not turn a good page into an error
            logger.exception("Could not write %s to the page cache", request.path)
        return response

    def _may_cache_request(self, request):
        return (
            store.cache_dir() is not None
            and request.method == "GET"
            and not request.META.get("QUERY_STRING")
            and not self.personal_cookies.intersection(request.COOKIES)
        )

    def _store(self, request, response, tags, started):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in CACHEABLE_VIEWS or not self._may_cache_response(request, response):
            return
        relative = store.relative_path(request.get_host(), request.path, response.get("Content-Type", ""))
        if relative is None:
            return
        tags = set(tags) | {store.CHROME}
        if match.url_name == "sitemap":
            tags.add("sitemap")
        store.write(relative, response.content, tags, started)

    def _may_cache_response(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if getattr(request, "is_preview", False):
            return False
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
        if "cookie" in vary or "*" in vary:
            return False
        cache_control = {v.strip().lower() for v in cc_delim_re.split(response.get("Cache-Control", ""))}
        return not cache_control & UNCACHEABLE_DIRECTIVES
