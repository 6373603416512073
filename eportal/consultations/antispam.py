"""Defences of the public comment form: a signed start time and a per-client rate limit.

No IP address is stored: the rate limit is keyed on a keyed hash of the address that
changes every day, and it lives only in the cache.
"""

import time

from django.core import signing

from eportal.core import ratelimit

SALT = "eportal.consultations.comment-form"
# A person needs at least this long to read a form and write a comment.
MIN_FILL_SECONDS = 3
# A form older than this is refused: reload the page for a fresh one.
MAX_FORM_AGE_SECONDS = 2 * 24 * 3600
# Comment submissions a client may make per window, whatever their outcome.
RATE_LIMIT = 10
RATE_WINDOW_SECONDS = 3600


class FormTimingError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def issue_token(page, issued_at=None):
    return signing.dumps({"p": page.pk, "t": round(issued_at if issued_at is not None else time.time(), 3)}, salt=SALT)


def check_token(token, page):
    """Raise FormTimingError unless `token` was issued for `page` long enough ago."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_FORM_AGE_SECONDS)
    except signing.SignatureExpired:
        raise FormTimingError("Biểu mẫu đã quá hạn. Vui lòng tải lại trang rồi gửi góp ý.") from None
    except signing.BadSignature:
        raise FormTimingError("Biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi gửi góp ý.") from None
    if not isinstance(data, dict) or data.get("p") != page.pk or not isinstance(data.get("t"), (int, float)):
        raise FormTimingError("Biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi gửi góp ý.")
    age = time.time() - data["t"]
    if age > MAX_FORM_AGE_SECONDS:
        raise FormTimingError("Biểu mẫu đã quá hạn. Vui lòng tải lại trang rồi gửi góp ý.")
    if age < MIN_FILL_SECONDS:
        raise FormTimingError(
            "Góp ý được gửi quá nhanh sau khi mở trang. Vui lòng kiểm tra lại nội dung rồi bấm “Gửi góp ý” lần nữa."
        )


def client_key(request):
    """A keyed hash of the client's address, different every day."""
    return ratelimit.client_hash(request, "consultations")


def allow_submission(request):
    """Count one submission of this client; False once it is over the limit."""
    limit = ratelimit.RateLimit("consultations", "comments", client_key(request), RATE_LIMIT, RATE_WINDOW_SECONDS)
    return limit.hit() <= RATE_LIMIT
