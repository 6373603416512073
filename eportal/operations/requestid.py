"""A request id for every request: taken from our proxy or made here, logged, sent back.

nginx can pass its own id (proxy_set_header X-Request-ID $request_id), so that its
access log and ours name a request the same way; the header is believed only from the
proxies in EPORTAL_TRUSTED_PROXIES and only when it is a short, plain token.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings

HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

access_logger = logging.getLogger("eportal.access")


@dataclass(frozen=True)
class RequestInfo:
    id: str
    method: str
    path: str


current_request: ContextVar[RequestInfo | None] = ContextVar("eportal_request", default=None)


def current_request_id() -> str:
    info = current_request.get()
    return info.id if info else ""


class RequestIdMiddleware:
    """Must run before TrustedProxyMiddleware, which replaces REMOTE_ADDR by the
    visitor's address: the incoming header is trusted by the address of the proxy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = set(settings.EPORTAL_TRUSTED_PROXIES)

    def __call__(self, request):
        request_id = self._incoming_id(request) or uuid.uuid4().hex
        request.request_id = request_id
        token = current_request.set(RequestInfo(request_id, request.method, request.path))
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            access_logger.info(
                "%s %s %s", request.method, request.path, response.status_code,
                extra={"status_code": response.status_code, "duration_ms": round((time.monotonic() - started) * 1000, 1)},
            )
            return response
        finally:
            current_request.reset(token)

    def _incoming_id(self, request):
        if request.META.get("REMOTE_ADDR") not in self.trusted:
            return None
        value = request.META.get("HTTP_X_REQUEST_ID", "")
        return value if SAFE_ID.fullmatch(value) else None
