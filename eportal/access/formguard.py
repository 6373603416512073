"""Defences of the portal's public forms, besides Django's CSRF check.

- a honeypot field that people never see and bots fill in;
- a signed timestamp issued with the form: a form sent back sooner than a person could
  fill it in, or much later, or with a forged token, is refused;
- per-client daily limits kept in Django's cache under a keyed hash of the client
  (eportal.core.hitcounter.visitor_key) that changes every day: no IP address is stored.

Each refusal carries a Vietnamese message and its HTTP status.
"""

import time

from django.core import signing
from django.core.cache import cache

from eportal.core.hitcounter import visitor_key

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"
DAY = 24 * 3600


class Refusal(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def issue_token(purpose: str, now: float | None = None) -> str:
    issued = int(time.time() if now is None else now)
    return signing.dumps(issued, salt=f"eportal.formguard.{purpose}")


def check_token(purpose: str, token: str, min_seconds: int, max_age: int = DAY) -> None:
    try:
        issued = signing.loads(token or "", salt=f"eportal.formguard.{purpose}")
    except signing.BadSignature:
        issued = None
    if not isinstance(issued, int):
        raise Refusal("Biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.")
    age = time.time() - issued
    if age > max_age:
        raise Refusal("Biểu mẫu đã quá hạn. Vui lòng kiểm tra lại thông tin và gửi lại.")
    if age < min_seconds:
        raise Refusal("Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại thông tin rồi gửi lại.")


def check_honeypot(data) -> None:
    if data.get(HONEYPOT_FIELD):
        raise Refusal("Không thể nhận biểu mẫu này. Nếu bạn là người gửi, hãy để trống ô “Trang web”.")


class DailyLimit:
    """At most `limit` accepted submissions of one kind per client per day."""

    def __init__(self, purpose: str, limit: int, message: str):
        self.purpose = purpose
        self.limit = limit
        self.message = message

    def _key(self, request) -> str:
        return f"formguard:{self.purpose}:{visitor_key(request)}"

    def check(self, request) -> None:
        if (cache.get(self._key(request)) or 0) >= self.limit:
            raise Refusal(self.message, status=429)

    def take(self, request) -> None:
        """Count one submission; refuses (429) when the limit was reached meanwhile."""
        key = self._key(request)
        cache.add(key, 0, DAY)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, DAY)
            count = 1
        if (count or 0) > self.limit:  # None: Redis is unreachable, the limit is let go
            raise Refusal(self.message, status=429)

    def give_back(self, request) -> None:
        """Undo take() when the submission could not be saved after all."""
        try:
            cache.decr(self._key(request))
        except ValueError:
            pass
