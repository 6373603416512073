"""The "Lượt truy cập" hit counter and the "Đang online" count.

Pages never count themselves: each page embeds the counter frame, and the frame's
request is the one that counts. Pages therefore stay cacheable by nginx or a CDN, and
admin pages, static files, previews and crawlers that do not load frames never count.

With Redis (REDIS_URL) a hit costs no SQL: Redis keeps the running total and the hits
not yet written to the database, which are moved into HitCount in batches. Without
Redis the database is updated atomically on every hit.
"""

import atexit
import hashlib
import hmac
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import Error as DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from redis.exceptions import NoScriptError, RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .models import CounterGeneration, HitCount, HitCounterSettings, OnlineVisitor
from .ratelimit import RateLimit

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


def _over_rate_limit(site_id: int, visitor: str) -> bool:
    """The rate rule of eportal.visits.classify, for installations without Redis."""
    limit = settings.EPORTAL_VISIT_PERSON_MAX_PER_MINUTE
    return limit > 0 and RateLimit("visits", str(site_id), visitor, limit, window=60).hit() > limit


class DatabaseCounter:
    def record(self, site_id: int, visitor: str, visit: str = "", automated: bool = False) -> CounterReading:
        from eportal.visits.recording import record_in_database as tally

        now = timezone.now()
        since = now - timedelta(seconds=settings.EPORTAL_ONLINE_WINDOW)
        if automated or _over_rate_limit(site_id, visitor):
            if visit:
                tally(site_id, visit, person=False)
            online = OnlineVisitor.objects.filter(site_id=site_id, last_seen__gte=since).count()
            return CounterReading(total=counted_in_database(site_id), online=online)
        with transaction.atomic():
            _add_to_database(site_id, 1)
            total = counted_in_database(site_id)
            if visit:
                tally(site_id, visit, person=True)
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


# One round trip per hit: count, mark the visitor online, and read the start value, the
# generation and the flush batch the hit belongs to, and the last batch in the database.
# Returns nil while the running total is not in Redis yet (then it is loaded and retried).
# Asks for a flush once EPORTAL_HIT_FLUSH_EVERY hits are pending, at most once a second:
# under a spike the database gets one write a second, not one every few hits.
# The same call tallies the visit for the statistics (eportal.visits.recording) and decides
# whether it is a bot's: one known by the request (ARGV[7]), or a visitor over the rate
# limit this minute (KEYS[10], a hash of visitors' loads). A bot's load is tallied apart and
# counts neither in the total nor as online; the last element of the answer says which.
RECORD_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local person = ARGV[7] == '0'
if person and tonumber(ARGV[6]) > 0 then
  local rate = redis.call('HINCRBY', KEYS[10], ARGV[2], 1)
  if rate == 1 then redis.call('EXPIRE', KEYS[10], 120) end
  if rate > tonumber(ARGV[6]) then person = false end
end
if not person then
  if ARGV[5] ~= '' then redis.call('HINCRBY', KEYS[9], 'b' .. ARGV[5], 1) end
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[1] - ARGV[3])
  return {tonumber(redis.call('GET', KEYS[1])), 0, redis.call('ZCARD', KEYS[3]), redis.call('GET', KEYS[4]),
          redis.call('GET', KEYS[6]), tonumber(redis.call('GET', KEYS[7]) or '0'),
          tonumber(redis.call('GET', KEYS[8]) or '-1'), 0}
end
if ARGV[5] ~= '' then redis.call('HINCRBY', KEYS[9], 'p' .. ARGV[5], 1) end
local total = redis.call('INCR', KEYS[1])
local pending = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[1] - ARGV[3])
local online = redis.call('ZCARD', KEYS[3])
redis.call('EXPIRE', KEYS[3], ARGV[3] * 2)
local flush = 0
if pending >= tonumber(ARGV[4]) and redis.call('SET', KEYS[5], '1', 'NX', 'EX', 1) then flush = 1 end
return {total, flush, online, redis.call('GET', KEYS[4]), redis.call('GET', KEYS[6]),
        tonumber(redis.call('GET', KEYS[7]) or '0'), tonumber(redis.call('GET', KEYS[8]) or '-1'), 1}
"""

# The visits a flush writes: those a failed flush left (written again), else all tallied so far.
TAKE_VISITS_SCRIPT = """
if redis.call('EXISTS', KEYS[2]) == 0 then
  if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
  redis.call('RENAME', KEYS[1], KEYS[2])
end
return redis.call('HGETALL', KEYS[2])
"""

# The running total from the database (plus hits still pending), and a new generation
# when Redis has none (it restarted or was emptied).
LOAD_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[1], tonumber(ARGV[1]) + tonumber(redis.call('GET', KEYS[2]) or '0'))
if redis.call('SETNX', KEYS[3], ARGV[2]) == 1 then redis.call('SET', KEYS[4], 0) end
return 1
"""

# A flush takes every pending hit and closes the batch they were recorded in; nothing if
# the generation is not the one the caller locked in the database.
TAKE_SCRIPT = """
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return false end
local pending = tonumber(redis.call('GET', KEYS[1]) or '0')
redis.call('SET', KEYS[1], 0)
return {pending, redis.call('INCR', KEYS[3]) - 1}
"""

GIVE_BACK_SCRIPT = """
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('INCRBY', KEYS[1], ARGV[2]) end
"""

COMMITTED_SCRIPT = """
if redis.call('GET', KEYS[2]) == ARGV[1] and tonumber(redis.call('GET', KEYS[1]) or '-1') < tonumber(ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[2])
end
"""

RESYNC_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('SET', KEYS[1], tonumber(ARGV[1]) + tonumber(redis.call('GET', KEYS[2]) or '0'))
end
"""


class RedisCounter:
    """Running total in Redis; the database receives the pending hits in batches.

    Nothing is lost when Redis goes away:
    - unreachable: hits are counted in the database (record_visit falls back), and the
      running total is set again from the database when Redis answers;
    - restarted empty: each process keeps a ledger of the hits it recorded per generation
      and flush batch, and adds back those of batches that never reached the database
      (CounterGeneration tells which did).
    """

    def __init__(self):
        from django_redis import get_redis_connection

        self.redis = get_redis_connection("default")
        self.record_script = self.redis.register_script(RECORD_SCRIPT)
        self.load_script = self.redis.register_script(LOAD_SCRIPT)
        self.take_script = self.redis.register_script(TAKE_SCRIPT)
        self.give_back_script = self.redis.register_script(GIVE_BACK_SCRIPT)
        self.committed_script = self.redis.register_script(COMMITTED_SCRIPT)
        self.resync_script = self.redis.register_script(RESYNC_SCRIPT)
        self.take_visits_script = self.redis.register_script(TAKE_VISITS_SCRIPT)
        self.local = threading.local()
        self.keys = {}
        self.ledger_lock = threading.Lock()
        # site id -> {(generation, batch): hits recorded by this process not yet known flushed}
        self.ledger = {}
        # Sites whose running total lacks hits counted in the database while Redis was down.
        self.stale_totals = set()

    def _keys(self, site_id):
        keys = self.keys.get(site_id)
        if keys is None:
            # Through the cache's key function so that KEY_PREFIX separates installations.
            base = cache.make_key(f"hits:{site_id}")
            keys = SiteKeys(*(f"{base}:{name}" for name in SiteKeys._fields))
            self.keys[site_id] = keys
        return keys

    def _run_record_script(self, keys, args, minute_key):
        """EVALSHA on a connection of this thread's own: half the cost of redis-py's full call.

        When sending fails, or the script is not loaded yet, the script did not run: the
        full call reconnects, loads it and runs it. A failure after sending is raised, never
        retried, since the hit may have been counted already.
        """
        connection = getattr(self.local, "connection", None)
        if connection is not None:
            try:
                connection.send_packed_command([self._packed_call(keys, args, minute_key)], check_health=False)
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
        result = self.record_script(keys=[*keys, minute_key], args=args)
        if connection is None:
            self.local.connection = self.redis.connection_pool.make_connection()
        return result

    def _packed_call(self, keys, args, minute_key):
        """The EVALSHA command in Redis's protocol; its start (script and the site's keys) built once."""
        start = self.keys.get(tuple(keys))
        if start is None:
            start = self.keys[tuple(keys)] = b"".join(
                _bulk(part) for part in ["EVALSHA", self.record_script.sha, str(len(keys) + 1), *keys]
            )
        parts = [minute_key, *(str(arg) for arg in args)]
        return b"*%d\r\n%s%s" % (3 + len(keys) + len(parts), start, b"".join(_bulk(part) for part in parts))

    def _ensure_total(self, site_id):
        keys = self._keys(site_id)
        if self.redis.exists(keys.total):
            return
        generation = uuid.uuid4().hex
        # The row exists before any flush of the generation can look for it.
        CounterGeneration.objects.get_or_create(site_id=site_id, generation=generation)
        self.load_script(
            keys=[keys.total, keys.pending, keys.generation, keys.epoch],
            args=[counted_in_database(site_id), generation],
        )

    def record(self, site_id: int, visitor: str, visit: str = "", automated: bool = False) -> CounterReading:
        return self.record_with_start(site_id, visitor, visit, automated)[0]

    def record_with_start(self, site_id: int, visitor: str, visit: str = "", automated: bool = False):
        """The reading, and the start value when the cache holds it (else None).

        `visit` is the field eportal.visits.recording tallies the load under ("" tallies nothing).
        """
        keys = self._keys(site_id)
        script_keys = [
            keys.total, keys.pending, keys.online, self._start_key(site_id), keys.flushed,
            keys.generation, keys.epoch, keys.committed, keys.visits,
        ]
        now = time.time()
        args = [
            now, visitor, settings.EPORTAL_ONLINE_WINDOW, settings.EPORTAL_HIT_FLUSH_EVERY,
            visit, settings.EPORTAL_VISIT_PERSON_MAX_PER_MINUTE, int(automated),
        ]
        minute_key = f"{keys.rate}:{int(now) // 60}"
        try:
            result = self._run_record_script(script_keys, args, minute_key)
            if result is None:
                self._ensure_total(site_id)
                result = self._run_record_script(script_keys, args, minute_key)
        except RedisTimeoutError as error:
            if "connecting" not in str(error):
                raise HitMaybeCounted(str(error)) from error
            raise
        total, flush, online, start, generation, epoch, committed, person = result
        if person:
            self._note(site_id, generation, epoch, committed)
        if flush:
            try:
                self.flush(site_id)
                self.flush_visits(site_id)
            except DatabaseError as error:
                # The hit is counted; its batch waits in Redis for the next flush.
                logger.warning("Could not write buffered hits of site %s to the database: %s", site_id, error)
        # django-redis stores integers as plain numbers, anything else pickled.
        start = int(start) if start is not None and start.isdigit() else None
        return CounterReading(total=int(total), online=int(online)), start

    def _note(self, site_id, generation, epoch, committed):
        """Add the hit to this process's ledger; settle what an earlier generation lost."""
        lost_generations = ()
        with self.ledger_lock:
            entries = self.ledger.setdefault(site_id, {})
            entries[generation, epoch] = entries.get((generation, epoch), 0) + 1
            if len(entries) > 1:
                for key in [key for key in entries if key[0] == generation and key[1] <= committed]:
                    del entries[key]
                lost_generations = {key[0] for key in entries if key[0] != generation}
        for lost in lost_generations:
            self.recount(site_id, lost)
        if site_id in self.stale_totals:
            try:
                self.resync(site_id)
            except DatabaseError:  # tried again on the next hit, and by the flush timer
                pass

    def recount(self, site_id: int, generation: bytes) -> int:
        """Write to the database this process's hits of a generation Redis lost before they were flushed."""
        with self.ledger_lock:
            entries = self.ledger.get(site_id, {})
            mine = {key: hits for key, hits in entries.items() if key[0] == generation}
            for key in mine:
                del entries[key]
        try:
            with transaction.atomic():
                row = (
                    CounterGeneration.objects.select_for_update()
                    .filter(site_id=site_id, generation=generation.decode())
                    .first()
                )
                flushed = row.flushed_epoch if row is not None else -1
                lost = sum(hits for (_, epoch), hits in mine.items() if epoch > flushed)
                if lost:
                    _add_to_database(site_id, lost)
        except Exception:
            with self.ledger_lock:
                for key, hits in mine.items():
                    entries[key] = entries.get(key, 0) + hits
            logger.exception("Could not recount the hits of site %s that Redis lost; will retry", site_id)
            return 0
        if lost:
            # The new generation's total was read from the database before these were added.
            self.redis.incrby(self._keys(site_id).total, lost)
            logger.warning("Recounted %d hits of site %s that a Redis restart lost", lost, site_id)
        return lost

    def record_in_database(self, site_id: int, visitor: str, visit: str = "", automated: bool = False) -> CounterReading:
        """Count a hit while Redis is unreachable; the running total is resynced when it is back."""
        reading = DatabaseCounter().record(site_id, visitor, visit, automated)
        self.stale_totals.add(site_id)
        return reading

    def resync(self, site_id: int) -> bool:
        """Set the running total to the database's count plus the pending hits.

        Under the flush lock, so that no batch is between Redis and the database meanwhile;
        hits recorded meanwhile are in the pending count read by the same script.
        """
        keys = self._keys(site_id)
        if not self.redis.set(keys.flushlock, "1", nx=True, ex=30):
            return False
        try:
            self.resync_script(keys=[keys.total, keys.pending], args=[counted_in_database(site_id)])
            self.stale_totals.discard(site_id)
        finally:
            self.redis.delete(keys.flushlock)
        return True

    def settle(self) -> None:
        """Recount what a Redis restart lost of this process's hits (at exit; a hit does it too)."""
        for site_id in list(self.ledger):
            try:
                current = self.redis.get(self._keys(site_id).generation)
            except RedisError:
                return
            with self.ledger_lock:
                lost = {key[0] for key in self.ledger.get(site_id, {}) if key[0] != current}
            for generation in lost:
                self.recount(site_id, generation)

    def _start_key(self, site_id):
        key = self.keys.get(("start", site_id))
        if key is None:
            key = self.keys[("start", site_id)] = cache.make_key(_start_value_key(site_id))
        return key

    def counted(self, site_id: int) -> int:
        self._ensure_total(site_id)
        return int(self.redis.get(self._keys(site_id).total) or 0)

    def flush(self, site_id: int) -> int:
        """Move pending hits into the database; returns how many were moved."""
        keys = self._keys(site_id)
        if not self.redis.set(keys.flushlock, "1", nx=True, ex=30):
            return 0
        taken = None
        try:
            generation = self.redis.get(keys.generation)
            if generation is None:
                return 0
            # The generation's row is locked from before the hits leave Redis until they are
            # committed, so a recount after a Redis restart sees either all or none of them.
            with transaction.atomic():
                row, _ = CounterGeneration.objects.get_or_create(site_id=site_id, generation=generation.decode())
                row = CounterGeneration.objects.select_for_update().get(pk=row.pk)
                taken = self.take_script(keys=[keys.pending, keys.generation, keys.epoch], args=[generation])
                if taken is None:
                    return 0
                pending, epoch = int(taken[0]), int(taken[1])
                if pending > 0:
                    _add_to_database(site_id, pending)
                row.flushed_epoch = epoch
                row.save(update_fields=["flushed_epoch"])
        except BaseException:
            if taken is not None and int(taken[0]) > 0:
                self.give_back_script(keys=[keys.pending, keys.generation], args=[generation, int(taken[0])])
            raise
        finally:
            self.redis.delete(keys.flushlock)
        self.committed_script(keys=[keys.committed, keys.generation], args=[generation, epoch])
        return pending


    def flush_visits(self, site_id: int) -> int:
        """Write the visits tallied in Redis into VisitTally; returns how many frame loads were written.

        What a flush takes stays in Redis until the rows are committed, so a failed flush is
        written again by the next one, and nothing is lost while the database is away.
        """
        from eportal.visits.recording import increments, write

        keys = self._keys(site_id)
        if not self.redis.set(keys.visits_lock, "1", nx=True, ex=60):
            return 0
        try:
            taken = self.take_visits_script(keys=[keys.visits, keys.visits_taken])
            if not taken:
                return 0
            counts = {taken[i].decode(): int(taken[i + 1]) for i in range(0, len(taken), 2)}
            write(site_id, increments(site_id, counts))
            self.redis.delete(keys.visits_taken)
        finally:
            self.redis.delete(keys.visits_lock)
        return sum(counts.values())


class HitMaybeCounted(RedisError):
    """Redis received the hit but did not answer in time: it has most likely counted it."""


class SiteKeys(NamedTuple):
    total: str
    pending: str
    online: str
    flushlock: str
    flushed: str
    generation: str
    epoch: str
    committed: str
    visits: str  # tallied visits not yet in the database (eportal.visits)
    visits_taken: str  # visits a flush is writing
    visits_lock: str
    rate: str  # + ":<minute>": frame loads per visitor this minute


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


@atexit.register
def _settle_at_exit():
    for counter in list(_redis_counters.values()):
        try:
            counter.settle()
        except Exception:  # the process is going away; the log says what could not be recounted
            logger.exception("Could not settle the hit counter at exit")


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
    from eportal.visits.recording import frame_visit

    visit, automated = frame_visit(request.META.get("QUERY_STRING", ""), request.META, request.get_host())
    return record_visit(site, visitor_key(request), visit=visit, automated=automated)


def record_visit(site, visitor: str, counter=None, visit: str = "", automated: bool = False) -> CounterReading:
    """Count a frame load: a person's in the total, a bot's apart; `visit` feeds the statistics."""
    counter = counter or get_counter()
    if isinstance(counter, RedisCounter):
        try:
            reading, start = counter.record_with_start(site.pk, visitor, visit, automated)
        except HitMaybeCounted as error:  # counting it again could count it twice
            logger.warning("Redis answered a hit too late (%s); not counted again", error)
            reading, start = CounterReading(total=counted_in_database(site.pk), online=1), None
        except RedisError:  # logged once by eportal.core.redis_guard
            reading, start = counter.record_in_database(site.pk, visitor, visit, automated), None
    else:
        reading, start = counter.record(site.pk, visitor, visit, automated), None
    if start is None:
        start = start_value(site)
    return CounterReading(total=start + reading.total, online=reading.online)


def current_total(site) -> int:
    try:
        counted = get_counter().counted(site.pk)
    except RedisError:
        counted = counted_in_database(site.pk)
    return start_value(site) + counted
