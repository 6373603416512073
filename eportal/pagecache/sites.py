"""The request's Site and its (specific) root page from the cache, for anonymous reads.

Wagtail looks the site up and loads the root page twice (base, then specific) on every
request: three queries before routing starts. Visitors' requests take both from the
cache, keyed by the content version that every publish, move or site change renews.
Editors (with a session) and writes keep Wagtail's own lookup.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from eportal.core.fragments import content_version, new_content_version, request_version

TIMEOUT = 24 * 3600


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        post_save.connect(_site_changed, sender=Site, dispatch_uid="pagecache-site-saved")
        post_delete.connect(_site_changed, sender=Site, dispatch_uid="pagecache-site-deleted")

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self.get_response(request)
        # Every cached fragment of this request uses the version read here.
        token = request_version.set(content_version())
        try:
            site = cached_site(request)
            if site is not None:
                request._wagtail_site = site
            return self.get_response(request)
        finally:
            request_version.reset(token)


def cached_site(request):
    key = f"site:{request._get_raw_host()}:{request.get_port()}:{content_version()}"
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is None:
            return None
        site.root_page = site.root_page.specific
        cache.set(key, site, TIMEOUT)
    return site


def _site_changed(**kwargs):
    new_content_version()
