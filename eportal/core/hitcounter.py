"""The "Lượt truy cập" hit counter and the "Đang online" count.

Pages never count themselves: each page embeds the counter frame, and the frame's
request is the one that counts. Pages therefore stay cacheable by nginx or a CDN, and
admin pages, static files, previews and crawlers that do not load frames never count.

With Redis (REDIS_URL) a hit costs no SQL: Redis keeps the running total and the hits
not yet written to the database, which are moved into HitCount in batches. Without
Redis the database is updated atomically on every hit.
"""

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import HitCount, HitCounterSettings, OnlineVisitor

logger = logging.getLogger(__name__)

DIGITS = 8


@dataclass(frozen=True)
class CounterReading:
    total: int
    online: int

    @property
    def digits(self) -> str:
        return f"{self.total:0{DIGITS}d}"


def visitor_key(request) -> str:
    """A keyed hash of client address and user agent that changes every day.

    No IP address is stored anywhere; yesterday's keys cannot be linked to today's.
    """
    day = timezone.localdate().isoformat()
    client = "|".join(
        [day, request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_USER_AGENT", "")[:300]]
    )
    return hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()[:32]


def _add_to_database(site_id: int, amount: int) -> None:
    if not HitCount.objects.filter(site_id=site_id).update(count=F("count") + amount):
        try:
            with transaction.atomic():
                HitCount.objects.create(site_id=site_id, count=amount)
        except IntegrityError:  # created concurrently by another worker
            HitCount.objects.filter(site_id=site_id).update(count=F("count") + amount)


def counted_in_database(site_id: int) -> int:
    return HitCount.objects.filter(site_id=site_id).values_list("count", flat=True).first() or 0


class DatabaseCounter:
    def record(self, site_id: int, visitor: str) -> CounterReading:
        now = timezone.now()
        since = now - timedelta(seconds=settings.EPORTAL_ONLINE_WINDOW)
        with transaction.atomic():
            _add_to_database(site_id, 1)
            total = counted_in_database(site_id)
        OnlineVisitor.objects.bulk_create(
            [OnlineVisitor(site_id=site_id, visitor=visitor, last_seen=now)],
            update_conflicts=True,
            unique_fields=["site", "visitor"],
            update_fields=["last_seen"],
        )
        if total % 100 == 0:  # now and then, not on every hit
            OnlineVisitor.objects.filter(last_seen__lt=since).delete()
        online = OnlineVisitor.objects.filter(site_id=site_id, last_seen__gte=since).count()
        return CounterReading(total=total, online=online)

    def counted(self, site_id: int) -> int:
        return counted_in_database(site_id)

    def flush(self, site_id: int) -> int:
        return 0


class RedisCounter:
    """Running total in Redis; the database receives the pending hits in batches."""

    def __init__(self):
        from django_redis import get_redis_connection

        self.redis = get_redis_connection("default")

    @staticmethod
    def _keys(site_id):
        # Through the cache's key function so that KEY_PREFIX separates installations.
        base = cache.make_key(f"hits:{site_id}")
        return f"{base}:total", f"{base}:pending", f"{base}:online", f"{base}:flushlock"

    def _ensure_total(self, site_id):
        total_key, pending_key, _, _ = self._keys(site_id)
        if not self.redis.exists(total_key):
            pending = int(self.redis.get(pending_key) or 0)
            self.redis.set(total_key, counted_in_database(site_id) + pending, nx=True)

    def record(self, site_id: int, visitor: str) -> CounterReading:
        total_key, pending_key, online_key, _ = self._keys(site_id)
        self._ensure_total(site_id)
        now = timezone.now().timestamp()
        window = settings.EPORTAL_ONLINE_WINDOW
        pipe = self.redis.pipeline()
        pipe.incr(total_key)
        pipe.incr(pending_key)
        pipe.zadd(online_key, {visitor: now})
        pipe.zremrangebyscore(online_key, "-inf", now - window)
        pipe.zcard(online_key)
        pipe.expire(online_key, window * 2)
        total, pending, _, _, online, _ = pipe.execute()
        if pending >= settings.EPORTAL_HIT_FLUSH_EVERY:
            self.flush(site_id)
        return CounterReading(total=int(total), online=int(online))

    def counted(self, site_id: int) -> int:
        self._ensure_total(site_id)
        return int(self.redis.get(self._keys(site_id)[0]) or 0)

    def flush(self, site_id: int) -> int:
        """Move pending hits into the database; returns how many were moved."""
        _, pending_key, _, lock_key = self._keys(site_id)
        if not self.redis.set(lock_key, "1", nx=True, ex=30):
            return 0
        try:
            pending = int(self.redis.get(pending_key) or 0)
            if pending <= 0:
                return 0
            # The database write commits only if Redis accepted the decrement, so a
            # failure on either side leaves the hits pending rather than lost or doubled.
            with transaction.atomic():
                _add_to_database(site_id, pending)
                self.redis.decrby(pending_key, pending)
            return pending
        finally:
            self.redis.delete(lock_key)


def get_counter():
    return RedisCounter() if settings.REDIS_URL else DatabaseCounter()


def _start_value_key(site_id):
    return f"eportal:hitcounter:start:{site_id}"


def start_value(site) -> int:
    key = _start_value_key(site.pk)
    value = cache.get(key)
    if value is None:
        value = HitCounterSettings.for_site(site).start_value
        cache.set(key, value, None)
    return value


def forget_start_value(site_id) -> None:
    cache.delete(_start_value_key(site_id))


def record_hit(request, site) -> CounterReading:
    reading = get_counter().record(site.pk, visitor_key(request))
    return CounterReading(total=start_value(site) + reading.total, online=reading.online)


def current_total(site) -> int:
    return start_value(site) + get_counter().counted(site.pk)
