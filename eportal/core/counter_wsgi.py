"""The hit counter frame answered before Django's request handling.

Every visitor's page view loads /luot-truy-cap/ (pages themselves come from nginx's
page cache), so this one request must cost almost nothing: the site comes from a small
in-process map, the hit is one Redis round trip (or the database counter without
Redis), and the frame is a fixed HTML string. Anything else - another path or method,
an unknown or disallowed host - goes to Django, which answers it as before.
"""

import time
from html import escape

from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIRequest
from django.core.exceptions import DisallowedHost
from django.db import connections
from django.urls import reverse
from django.utils.http import http_date
from wagtail.models import Site

from eportal.visits.recording import frame_visit

from .hitcounter import record_visit, today, visitor_key_for
from .security_headers import public_headers

SITE_TTL = 10.0  # seconds a host → site lookup is reused by this process

FRAME = """<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="robots" content="noindex">
  <title>Lượt truy cập</title>
  <link rel="stylesheet" href="{stylesheet}">
</head>
<body>
  <p class="digits" aria-label="{total} lượt truy cập">{digits}</p>
  <p class="online">Đang online: <strong>{online}</strong></p>
</body>
</html>
"""


class HitCounterFastPath:
    def __init__(self, application):
        self.application = application
        self.path = reverse("hit_counter")
        self.sites = {}
        self._frame = None

    def _prefix(self, path: str) -> str | None:
        """"" for the counter at the root, the prefix for /<prefix>/luot-truy-cap/ (a component
        site served under a path prefix, eportal.province.addresses), None for other paths."""
        if path == self.path:
            return ""
        if path.endswith(self.path):
            prefix = path[1 : -len(self.path)]
            if prefix and "/" not in prefix:
                return prefix
        return None

    def __call__(self, environ, start_response):
        prefix = self._prefix(environ.get("PATH_INFO", ""))
        if prefix is None or environ.get("REQUEST_METHOD") != "GET":
            return self.application(environ, start_response)
        # With Redis most hits touch no database; Django's request signals, which check and
        # close database connections, are sent only for those that may.
        uses_database = not settings.REDIS_URL
        if uses_database:
            signals.request_started.send(sender=self.__class__, environ=environ)
        try:
            site = self._site(environ, prefix)
            if site is not None:
                visitor = visitor_key_for(self._address(environ), environ.get("HTTP_USER_AGENT", ""), today())
                visit, automated = frame_visit(environ.get("QUERY_STRING", ""), environ, environ.get("HTTP_HOST", ""))
                reading = record_visit(site, visitor, visit=visit, automated=automated)
        finally:
            if uses_database or _database_connected():  # a flush or a site lookup ran
                signals.request_finished.send(sender=self.__class__)
        if site is None:  # Django answers: 404 for an unknown host, 400 for a disallowed one
            return self.application(environ, start_response)
        body = self.frame().format(
            total=reading.total, online=reading.online,
            digits="".join(f"<span>{digit}</span>" for digit in reading.digits),
        ).encode()
        start_response("200 OK", [*self.headers(environ), ("Content-Length", str(len(body)))])
        return [body]

    def frame(self):
        if self._frame is None:
            from django.templatetags.static import static

            self._frame = FRAME.replace("{stylesheet}", escape(static("css/counter.css")))
        return self._frame

    def _site(self, environ, prefix=""):
        key = (environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""), environ.get("SERVER_PORT", ""), prefix)
        cached = self.sites.get(key)
        now = time.monotonic()
        if cached is not None and cached[1] > now:
            return cached[0]
        request = WSGIRequest(environ)
        try:
            request.get_host()  # ALLOWED_HOSTS, which Wagtail's lookup does not check
        except DisallowedHost:
            return None
        if prefix:
            from eportal.province.addresses import addresses, site_by_id

            site_id = addresses().site_of_prefix.get(prefix)
            site = site_by_id(site_id) if site_id else None
        else:
            site = Site.find_for_request(request)
        if site is not None:
            if len(self.sites) > 1000:  # host names are chosen by clients
                self.sites.clear()
            self.sites[key] = (site, now + SITE_TTL)
        return site

    def _address(self, environ):
        """The visitor's address, as eportal.core.middleware.TrustedProxyMiddleware finds it."""
        address = environ.get("REMOTE_ADDR", "")
        if address in settings.EPORTAL_TRUSTED_PROXIES:
            forwarded = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
            if forwarded:
                return forwarded[-1]
        return address

    @staticmethod
    def headers(environ):
        """The headers Django sends with the frame (never_cache, SAMEORIGIN, security middleware)."""
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Expires", _now_http_date()),
            ("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private"),
            ("X-Frame-Options", "SAMEORIGIN"),
            ("X-Robots-Tag", "noindex"),
            *public_headers(),
        ]
        if settings.SECURE_CONTENT_TYPE_NOSNIFF:
            headers.append(("X-Content-Type-Options", "nosniff"))
        if settings.SECURE_REFERRER_POLICY:
            policy = settings.SECURE_REFERRER_POLICY
            headers.append(("Referrer-Policy", policy if isinstance(policy, str) else ",".join(policy)))
        if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
            headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
        if getattr(settings, "SECURE_HSTS_SECONDS", 0) and _is_secure(environ):
            headers.append(("Strict-Transport-Security", f"max-age={settings.SECURE_HSTS_SECONDS}"))
        return headers


_date = (0, "")


def _now_http_date():
    global _date
    now = int(time.time())
    if now != _date[0]:
        _date = (now, http_date(now))
    return _date[1]


def _database_connected():
    return any(connection.connection is not None for connection in connections.all(initialized_only=True))


def _is_secure(environ):
    header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if header:
        return environ.get(header[0]) == header[1]
    return environ.get("wsgi.url_scheme") == "https"
