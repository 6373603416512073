"""Working days (ngày làm việc) for the answer deadline of citizens' questions.

Monday to Friday are working days. Public holidays (Tết, 30/4, 1/5, 2/9...) are not yet
subtracted: the pure functions take a `holidays` set, and `public_holidays()` reads it
from the EPORTAL_PUBLIC_HOLIDAYS setting (ISO dates), empty by default. Filling that
setting, or replacing `public_holidays()` with a table the board maintains, is all it
takes to count them.
"""

import datetime
from collections.abc import Collection

from django.conf import settings

ANSWER_DEADLINE_WORKING_DAYS = 15
WEEKEND = frozenset({5, 6})  # Saturday, Sunday


def public_holidays() -> frozenset[datetime.date]:
    return frozenset(
        datetime.date.fromisoformat(day) for day in getattr(settings, "EPORTAL_PUBLIC_HOLIDAYS", ())
    )


def is_working_day(day: datetime.date, holidays: Collection[datetime.date] = ()) -> bool:
    return day.weekday() not in WEEKEND and day not in holidays


def add_working_days(start: datetime.date, count: int, holidays: Collection[datetime.date] = ()) -> datetime.date:
    """The date `count` working days after `start` (`start` itself is not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += datetime.timedelta(days=1)
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date, holidays: Collection[datetime.date] = ()) -> int:
    """How many working days lie after `start`, up to and including `end` (0 if end <= start)."""
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count


def answer_due_date(received: datetime.date, holidays: Collection[datetime.date] = ()) -> datetime.date:
    """The last day on which a question received on `received` is answered in time."""
    return add_working_days(received, ANSWER_DEADLINE_WORKING_DAYS, holidays)


def is_overdue(received: datetime.date, today: datetime.date, holidays: Collection[datetime.date] = ()) -> bool:
    """Whether a question received on `received` and still unanswered on `today` is late."""
    return today > answer_due_date(received, holidays)
