"""Keeping robots out of the question form without a third-party CAPTCHA.

* a honeypot field people leave empty (it is hidden by CSS and labelled "Để trống ô này");
* a signed form token recording when the form was shown: a form sent back within
  MIN_FILL_SECONDS was not filled in by a person, and a token is accepted only once;
* a per-client limit of questions an hour, counted in the cache under a keyed hash of the
  client address that changes every day (no IP address is stored);
* a simple sum to solve, always when EPORTAL_QUESTIONS_CHALLENGE is on, otherwise once a
  client has sent CHALLENGE_AFTER questions within the hour.
"""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from eportal.core import ratelimit

TOKEN_SALT = "eportal.questions.form"
MIN_FILL_SECONDS = 3
TOKEN_MAX_AGE = 24 * 3600
HONEYPOT_FIELD = "website"

NUMBER_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def client_hash(request) -> str:
    """A keyed hash of the client address, different every day: rate limits without storing IPs."""
    return ratelimit.client_hash(request, "questions")


def submissions_per_hour() -> int:
    return getattr(settings, "EPORTAL_QUESTIONS_PER_HOUR", 5)


def challenge_after() -> int:
    return getattr(settings, "EPORTAL_QUESTIONS_CHALLENGE_AFTER", 3)


class RateLimit(ratelimit.RateLimit):
    """Counts events of one client in the current clock hour."""

    def __init__(self, name: str, client: str, limit: int):
        super().__init__("questions", name, client, limit, window=3600)


@dataclass(frozen=True)
class Challenge:
    a: int
    b: int

    @property
    def text(self) -> str:
        return f"{NUMBER_WORDS[self.a].capitalize()} cộng {NUMBER_WORDS[self.b]} bằng mấy? (ghi bằng chữ số)"

    @property
    def answer(self) -> int:
        return self.a + self.b

    @classmethod
    def random(cls):
        return cls(secrets.randbelow(9) + 1, secrets.randbelow(9) + 1)


@dataclass(frozen=True)
class FormToken:
    started: float
    nonce: str
    challenge: Challenge | None

    @property
    def age(self) -> float:
        return time.time() - self.started

    @property
    def used_key(self) -> str:
        return f"questions:token-used:{self.nonce}"


def make_token(challenge: Challenge | None = None, started: float | None = None) -> str:
    data = {"t": started if started is not None else time.time(), "n": secrets.token_hex(12)}
    if challenge:
        data["c"] = [challenge.a, challenge.b]
    return signing.dumps(data, salt=TOKEN_SALT, compress=True)


class TokenError(Exception):
    pass


def read_token(value) -> FormToken:
    """The signed form token sent back, or TokenError with the Vietnamese reason (forged, expired)."""
    if not value or not isinstance(value, str) or len(value) > 500:
        raise TokenError("Biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi gửi lại câu hỏi.")
    try:
        data = signing.loads(value, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        started = float(data["t"])
        nonce = str(data["n"])
        challenge = Challenge(*[int(x) for x in data["c"]]) if data.get("c") else None
    except signing.SignatureExpired:
        raise TokenError("Biểu mẫu đã hết hạn. Vui lòng tải lại trang rồi gửi lại câu hỏi.") from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise TokenError("Biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi gửi lại câu hỏi.") from None
    token = FormToken(started, nonce, challenge)
    if token.age > TOKEN_MAX_AGE:
        raise TokenError("Biểu mẫu đã hết hạn. Vui lòng tải lại trang rồi gửi lại câu hỏi.")
    return token


TOO_FAST = "Câu hỏi được gửi quá nhanh sau khi mở biểu mẫu. Vui lòng kiểm tra lại nội dung và gửi lại."


def too_fast(token: FormToken) -> bool:
    """Sent back sooner than a person can fill the form in."""
    return token.age < MIN_FILL_SECONDS


def claim_token(token: FormToken) -> bool:
    """Marks the token as used; False if it already was (the same form sent twice)."""
    return cache.add(token.used_key, 1, TOKEN_MAX_AGE)


def release_token(token: FormToken) -> None:
    cache.delete(token.used_key)


def challenge_required(submissions: RateLimit) -> bool:
    return getattr(settings, "EPORTAL_QUESTIONS_CHALLENGE", False) or submissions.count() >= challenge_after()
