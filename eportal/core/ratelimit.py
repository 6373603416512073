"""Per-client rate limits of the public forms and the search page, kept in the cache.

No IP address is stored: a client is known by a keyed hash of its address that changes
every day (`client_hash`), and each counter covers one clock window (a minute, an hour).
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def client_hash(request, scope: str) -> str:
    """A keyed hash of the client address, different every day and for every scope."""
    day = timezone.localdate().isoformat()
    client = f"{scope}|{day}|{request.META.get('REMOTE_ADDR', '')}"
    return hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()[:32]


class RateLimit:
    """Counts events of one client in the current clock window of `window` seconds."""

    def __init__(self, scope: str, name: str, client: str, limit: int, window: int = 3600):
        self.key = f"{scope}:{name}:{client}:{int(time.time() // window)}"
        self.limit = limit
        self.window = window

    def count(self) -> int:
        return cache.get(self.key, 0) or 0  # None when Redis is unreachable

    def exceeded(self) -> bool:
        return self.count() >= self.limit

    def hit(self) -> int:
        """Count one event; returns the count of the window so far."""
        cache.add(self.key, 0, self.window)
        try:
            count = cache.incr(self.key)
        except ValueError:  # expired between add() and incr()
            cache.set(self.key, 1, self.window)
            return 1
        # None: the cache (Redis) is unreachable and its errors are ignored. The limit is
        # let go rather than refusing every visitor while Redis is down.
        return count or 0
