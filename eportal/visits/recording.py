"""Turning counter-frame loads into VisitTally rows.

A frame load is described by one short field, "<hour>|<page>|<referrer>|<device>": the
timestamp of the hour it fell in, the page that embeds the frame, where the visitor came
from, and the device class. With Redis the fields are counted in a hash per site, people's
under "p<field>", bots' under "b<field>", by the same script that counts the hit
(eportal.core.hitcounter.RECORD_SCRIPT), and written to the database in batches. Without
Redis each load is written at once. Either way one load becomes a handful of rows' worth of
increments (the site's hour, day and month; the page's, referrer's and device's day and month).
"""

import datetime
import re
import time
from collections import defaultdict
from urllib.parse import unquote_plus
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Subquery
from django.utils import timezone
from wagtail.models import Page, Site

from .classify import automated_by_request, device_class
from .models import VisitTally

HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}\.)*[a-z0-9-]{1,63}$")
DIRECT, INTERNAL, OTHER = "", "@", "~"  # OTHER: hosts past the day's quota of referrers


def frame_visit(query_string: str, headers, host: str) -> tuple[str, bool]:
    """The field describing this frame load, and whether the request itself shows a bot.

    `headers` is a WSGI environ or request.META; the page passes its id as `p` and the
    host of document.referrer as `r` (eportal/static/js/portal.js).
    """
    query = {}
    for part in query_string[:600].split("&")[:8]:  # any junk a client sends is ignored
        name, _, value = part.partition("=")
        query.setdefault(name, unquote_plus(value))
    page = query.get("p", "")
    if not (page.isdigit() and len(page) <= 10):
        page = ""
    user_agent = headers.get("HTTP_USER_AGENT", "")
    field = f"{int(time.time()) // 3600 * 3600}|{page}|{referrer_key(query.get('r', ''), host)}|{device_class(user_agent)}"
    return field, automated_by_request(user_agent, headers.get("HTTP_SEC_FETCH_DEST", ""))


def referrer_key(referrer: str, host: str) -> str:
    referrer = referrer.strip().lower().rstrip(".")
    if not referrer:
        return DIRECT
    referrer = referrer.split(":", 1)[0]
    if referrer == host.split(":", 1)[0].lower():
        return INTERNAL
    if referrer.startswith("www."):
        referrer = referrer[4:]
    return referrer if HOST.match(referrer) and len(referrer) <= 200 else DIRECT


def increments(site_id: int, counts: dict[str, int]) -> dict[tuple, list[int]]:
    """Rows' increments from counted fields: {(dimension, period, start, key): [people, bots]}.

    Page ids that are not pages of the site (a forged or stale frame address) count for the
    site but not as a page. Referring hosts are the only keys a client can make up at will, so
    each day keeps at most EPORTAL_VISIT_REFERRERS_PER_DAY of them; later new hosts of that
    day count under OTHER.
    """
    parsed = []
    for kind_and_field, amount in counts.items():
        try:
            hour, page, referrer, device = kind_and_field[1:].split("|")
            parsed.append((kind_and_field[0] == "p", int(hour), page, referrer, device, int(amount)))
        except ValueError:
            continue
    pages = _pages_of_site(site_id, {item[2] for item in parsed if item[2]})
    zone = ZoneInfo(settings.TIME_ZONE)
    rows = defaultdict(lambda: [0, 0])
    admitted = _admitted_referrers(site_id, parsed, zone)
    for person, hour, page, referrer, device, amount in parsed:
        local = datetime.datetime.fromtimestamp(hour, tz=zone)
        day = _day_of(hour, zone)
        month = day.replace(day=1)
        if referrer not in (DIRECT, INTERNAL) and (day, referrer) not in admitted:
            referrer = OTHER
        column = 0 if person else 1
        rows[VisitTally.SITE, VisitTally.HOUR, local, ""][column] += amount
        for period, start in ((VisitTally.DAY, day), (VisitTally.MONTH, month)):
            rows[VisitTally.SITE, period, start, ""][column] += amount
            if page in pages:
                rows[VisitTally.PAGE, period, start, page][column] += amount
            rows[VisitTally.REFERRER, period, start, referrer][column] += amount
            rows[VisitTally.DEVICE, period, start, device][column] += amount
    return rows


def _day_of(hour: int, zone) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(hour, tz=zone).replace(hour=0, minute=0, second=0, microsecond=0)


def _admitted_referrers(site_id, parsed, zone) -> set[tuple]:
    """(day, host) pairs that get a row of their own: those the day has already, then new ones
    (the most frequent first) while the day's quota lasts. Two queries per day in the batch."""
    amounts = defaultdict(lambda: defaultdict(int))
    for _, hour, _, referrer, _, amount in parsed:
        if referrer not in (DIRECT, INTERNAL, OTHER):
            amounts[_day_of(hour, zone)][referrer] += amount
    admitted = set()
    for day, by_host in amounts.items():
        rows = VisitTally.objects.filter(site_id=site_id, dimension=VisitTally.REFERRER, period=VisitTally.DAY, start=day)
        known = set(rows.filter(key__in=list(by_host)).values_list("key", flat=True))
        room = settings.EPORTAL_VISIT_REFERRERS_PER_DAY - rows.exclude(key__in=[DIRECT, INTERNAL, OTHER]).count()
        new = sorted((host for host in by_host if host not in known), key=lambda host: (-by_host[host], host))
        admitted |= {(day, host) for host in [*known, *new[: max(room, 0)]]}
    return admitted


def _pages_of_site(site_id, page_ids):
    if not page_ids:
        return set()
    root = Site.objects.filter(pk=site_id).values("root_page__path")[:1]
    found = Page.objects.filter(pk__in=[int(p) for p in page_ids]).annotate(root=Subquery(root))
    return {str(pk) for pk in found.filter(path__startswith=F("root")).values_list("pk", flat=True)}


def write(site_id: int, rows: dict[tuple, list[int]]) -> None:
    """Add the increments to VisitTally in one transaction (an upsert per batch of rows)."""
    if not rows:
        return
    table = connection.ops.quote_name(VisitTally._meta.db_table)
    q = connection.ops.quote_name
    columns = ", ".join(q(c) for c in ["site_id", "dimension", "period", "start", "key", "people", "bots"])
    conflict = ", ".join(q(c) for c in ["site_id", "dimension", "period", "start", "key"])
    items = list(rows.items())
    with transaction.atomic(), connection.cursor() as cursor:
        for offset in range(0, len(items), 400):
            batch = items[offset : offset + 400]
            params = []
            for (dimension, period, start, key), (people, bots) in batch:
                params += [site_id, dimension, period, connection.ops.adapt_datetimefield_value(start), key, people, bots]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join(['(%s, %s, %s, %s, %s, %s, %s)'] * len(batch))} "
                f"ON CONFLICT ({conflict}) DO UPDATE SET "
                f"{q('people')} = {table}.{q('people')} + excluded.{q('people')}, "
                f"{q('bots')} = {table}.{q('bots')} + excluded.{q('bots')}",
                params,
            )


def record_in_database(site_id: int, field: str, person: bool) -> None:
    write(site_id, increments(site_id, {("p" if person else "b") + field: 1}))


def prune(today: datetime.date | None = None) -> int:
    """Delete daily rows of pages, referrers and devices older than EPORTAL_VISIT_DAYS_KEPT days."""
    today = today or timezone.localdate()
    zone = timezone.get_current_timezone()
    cutoff = datetime.datetime.combine(
        today - datetime.timedelta(days=settings.EPORTAL_VISIT_DAYS_KEPT), datetime.time.min, tzinfo=zone
    )
    deleted, _ = (
        VisitTally.objects.filter(period=VisitTally.DAY, start__lt=cutoff).exclude(dimension=VisitTally.SITE).delete()
    )
    return deleted


def flush_pending(site_id: int) -> int:
    """Write the visits Redis still buffers for a site (before reading figures); 0 without Redis."""
    from redis.exceptions import RedisError

    from eportal.core.hitcounter import RedisCounter, get_counter

    counter = get_counter()
    if not isinstance(counter, RedisCounter):
        return 0
    try:
        return counter.flush_visits(site_id)
    except RedisError:  # the figures are read without the last minutes' visits
        return 0
