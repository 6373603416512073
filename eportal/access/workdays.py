"""Working days, for the deadline of an information request.

Luật Tiếp cận thông tin 2016, Điều 28: information that cannot be provided at once is
provided within 15 working days of receiving a valid request. Working days here are
Monday to Friday, except the solar-calendar public holidays (1/1, 30/4, 1/5, 2/9) and,
when one of them falls on a weekend, the compensatory day off on the next working day
(Bộ luật Lao động 2019, Điều 112). Lunar holidays (Tết Nguyên đán, Giỗ Tổ Hùng Vương)
and the extra day around 2/9 are fixed each year by the Government: pass them in
`extra_holidays`, or adjust the due date by hand in the admin.
"""

import datetime
from collections.abc import Collection, Iterable
from functools import lru_cache

REQUEST_DEADLINE_DAYS = 15

FIXED_HOLIDAYS = ((1, 1), (4, 30), (5, 1), (9, 2))

_ONE_DAY = datetime.timedelta(days=1)


def _is_weekend(day: datetime.date) -> bool:
    return day.weekday() >= 5


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[datetime.date]:
    """The fixed public holidays of `year`, with the compensatory days off."""
    holidays = sorted(datetime.date(year, month, day) for month, day in FIXED_HOLIDAYS)
    days_off = set(holidays)
    for holiday in holidays:
        if _is_weekend(holiday):
            substitute = holiday + _ONE_DAY
            while _is_weekend(substitute) or substitute in days_off:
                substitute += _ONE_DAY
            days_off.add(substitute)
    return frozenset(days_off)


def is_working_day(day: datetime.date, extra_holidays: Collection[datetime.date] = frozenset()) -> bool:
    return not _is_weekend(day) and day not in public_holidays(day.year) and day not in extra_holidays


def add_working_days(
    start: datetime.date, days: int, extra_holidays: Iterable[datetime.date] = ()
) -> datetime.date:
    """The day on which `days` working days after `start` have passed (`start` itself not counted).

    A request received on Monday 23/11/2026 is due on Monday 14/12/2026 (15 working days).
    """
    if days < 0:
        raise ValueError("days must not be negative")
    extra = frozenset(extra_holidays)
    day = start
    remaining = days
    while remaining:
        day += _ONE_DAY
        if is_working_day(day, extra):
            remaining -= 1
    return day


def request_due_date(received: datetime.date, extra_holidays: Iterable[datetime.date] = ()) -> datetime.date:
    return add_working_days(received, REQUEST_DEADLINE_DAYS, extra_holidays)
