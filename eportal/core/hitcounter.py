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
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from redis.exceptions import NoScriptError

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
    meta = request.META
    return visitor_key_for(meta.get("REMOTE_ADDR", ""), meta.get("HTTP_USER_AGENT", ""), timezone.localdate().isoformat())


def visitor_key_for(address: str, user_agent: str, day: str) -> str:
    """A keyed hash of client address and user agent that changes every day.

    No IP address is stored anywhere; yesterday's keys cannot be linked to today's.
    """
    client = "|".join([day, address, user_agent[:300]])
    return hmac.new(settings.SECRET_KEY.encode(), client.encode(), hashlib.sha256).hexdigest()[:32]


_day = (0.0, "")  # (when the day ends, as a timestamp; the day)


def today() -> str:
    """Today's local date, worked out once a day rather than on every hit (the counter frame)."""
    global _day
    now = time.time()
    if now >= _day[0]:
        today = timezone.localdate()
        midnight = timezone.make_aware(datetime.combine(today + timedelta(days=1), datetime.min.time()))
        _day = (midnight.timestamp(), today.isoformat())
    return _day[1]


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


# One round trip per hit: count, mark the visitor online, and read the start value.
# Returns nil while the running total is not in Redis yet (then it is loaded and retried).
# Asks for a flush once EPORTAL_HIT_FLUSH_EVERY hits are pending, at most once a second:
# under a spike the database gets one write a second, not one every few hits.
RECORD_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local total = redis.call('INCR', KEYS[1])
local pending = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[1] - ARGV[3])
local online = redis.call('ZCARD', KEYS[3])
redis.call('EXPIRE', KEYS[3], ARGV[3] * 2)
local flush = 0
if pending >= tonumber(ARGV[4]) and redis.call('SET', KEYS[5], '1', 'NX', 'EX', 1) then flush = 1 end
return {total, flush, online, redis.call('GET', KEYS[4])}
"""


class RedisCounter:
    """Running total in Redis; the database receives the pending hits in batches."""

    def __init__(self):
        from django_redis import get_redis_connection

        self.redis = get_redis_connection("default")
        self.record_script = self.redis.register_script(RECORD_SCRIPT)
        self.local = threading.local()
        self.keys = {}

    def _keys(self, site_id):
        keys = self.keys.get(site_id)
        if keys is None:
            # Through the cache's key function so that KEY_PREFIX separates installations.
            base = cache.make_key(f"hits:{site_id}")
            keys = f"{base}:total", f"{base}:pending", f"{base}:online", f"{base}:flushlock", f"{base}:flushed"
            self.keys[site_id] = keys
        return keys

    def _run_record_script(self, keys, args):
        """EVALSHA on a connection of this thread's own: half the cost of redis-py's full call.

        When sending fails, or the script is not loaded yet, the script did not run: the
        full call reconnects, loads it and runs it. A failure after sending is raised, never
        retried, since the hit may have been counted already.
        """
        connection = getattr(self.local, "connection", None)
        if connection is not None:
            try:
                connection.send_packed_command([self._packed_call(keys, args)], check_health=False)
            except Exception:
                connection.disconnect()
            else:
                try:
                    return connection.read_response()
                except NoScriptError:
                    pass
                except Exception:
                    connection.disconnect()
                    raise
        result = self.record_script(keys=keys, args=args)
        if connection is None:
            self.local.connection = self.redis.connection_pool.make_connection()
        return result

    def _packed_call(self, keys, args):
        """The EVALSHA command in Redis's protocol; its start (script and keys) built once."""
        start = self.keys.get(tuple(keys))
        if start is None:
            start = self.keys[tuple(keys)] = b"".join(
                _bulk(part) for part in ["EVALSHA", self.record_script.sha, str(len(keys)), *keys]
            )
        parts = [str(arg) for arg in args]
        return b"*%d\r\n%s%s" % (3 + len(keys) + len(args), start, b"".join(_bulk(part) for part in parts))

    def _ensure_total(self, site_id):
        total_key, pending_key = self._keys(site_id)[:2]
        if not self.redis.exists(total_key):
            pending = int(self.redis.get(pending_key) or 0)
            self.redis.set(total_key, counted_in_database(site_id) + pending, nx=True)

    def record(self, site_id: int, visitor: str) -> CounterReading:
        return self.record_with_start(site_id, visitor)[0]

    def record_with_start(self, site_id: int, visitor: str):
        """The reading, and the start value when the cache holds it (else None)."""
        total_key, pending_key, online_key, _, flushed_key = self._keys(site_id)
        keys = [total_key, pending_key, online_key, self._start_key(site_id), flushed_key]
        args = [time.time(), visitor, settings.EPORTAL_ONLINE_WINDOW, settings.EPORTAL_HIT_FLUSH_EVERY]
        result = self._run_record_script(keys, args)
        if result is None:
            self._ensure_total(site_id)
            result = self._run_record_script(keys, args)
        total, flush, online, start = result
        if flush:
            self.flush(site_id)
        # django-redis stores integers as plain numbers, anything else pickled.
        start = int(start) if start is not None and start.isdigit() else None
        return CounterReading(total=int(total), online=int(online)), start

    def _start_key(self, site_id):
        key = self.keys.get(("start", site_id))
        if key is None:
            key = self.keys[("start", site_id)] = cache.make_key(_start_value_key(site_id))
        return key

    def counted(self, site_id: int) -> int:
        self._ensure_total(site_id)
        return int(self.redis.get(self._keys(site_id)[0]) or 0)

    def flush(self, site_id: int) -> int:
        """Move pending hits into the database; returns how many were moved."""
        _, pending_key, _, lock_key, _ = self._keys(site_id)
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


def _bulk(text: str) -> bytes:
    data = text.encode()
    return b"$%d\r\n%s\r\n" % (len(data), data)


_redis_counters = {}


def get_counter():
    if not settings.REDIS_URL:
        return DatabaseCounter()
    # One per process and Redis: it holds the connection pool and the registered script.
    counter = _redis_counters.get(settings.REDIS_URL)
    if counter is None:
        counter = _redis_counters[settings.REDIS_URL] = RedisCounter()
    return counter


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
    return record_visit(site, visitor_key(request))


def record_visit(site, visitor: str) -> CounterReading:
    counter = get_counter()
    if isinstance(counter, RedisCounter):
        reading, start = counter.record_with_start(site.pk, visitor)
    else:
        reading, start = counter.record(site.pk, visitor), None
    if start is None:
        start = start_value(site)
    return CounterReading(total=start + reading.total, online=reading.online)


def current_total(site) -> int:
    return start_value(site) + get_counter().counted(site.pk)
