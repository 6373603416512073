"""Reporting periods: a quarter, a month or any range of days, with their Vietnamese labels.

A period is a range of whole days in the portal's time zone (Asia/Ho_Chi_Minh): its first
and last day are both in. `bounds()` gives the aware datetimes [start, end) that queries use.

In a URL a period is written `ky=2026-Q3` (a quarter), `ky=2026-07` (a month), or
`tu=2026-07-01&den=2026-08-15` (any range; dd/mm/yyyy is accepted too).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_DAYS = 366 * 5


class PeriodError(ValueError):
    """Bad period input; the message is in Vietnamese, for the page."""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive
    label: str
    key: str = ""  # "2026-Q3" or "2026-07"; empty for a custom range

    @property
    def is_quarter(self) -> bool:
        return bool(QUARTER_RE.match(self.key))

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Aware datetimes [first day 00:00, day after the last 00:00) in the current time zone."""
        zone = timezone.get_current_timezone()
        first = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        after = datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        return first, after

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        result, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def query_string(self) -> str:
        if self.key:
            return f"ky={self.key}"
        return f"tu={self.start.isoformat()}&den={self.end.isoformat()}"


def quarter(year: int, number: int) -> Period:
    if number not in ROMAN:
        raise PeriodError("Quý phải từ 1 đến 4.")
    _check_year(year)
    start = datetime.date(year, 3 * number - 2, 1)
    end = _last_day(year, 3 * number)
    return Period(start, end, f"Quý {ROMAN[number]}/{year}", f"{year}-Q{number}")


def month(year: int, number: int) -> Period:
    if not 1 <= number <= 12:
        raise PeriodError("Tháng phải từ 1 đến 12.")
    _check_year(year)
    return Period(datetime.date(year, number, 1), _last_day(year, number), f"Tháng {number}/{year}", f"{year}-{number:02d}")


def custom(start: datetime.date, end: datetime.date) -> Period:
    if start > end:
        raise PeriodError("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.")
    _check_year(start.year)
    _check_year(end.year)
    if (end - start).days >= MAX_DAYS:
        raise PeriodError("Khoảng thời gian tối đa là 5 năm.")
    return Period(start, end, f"Từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")


def quarter_of(day: datetime.date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def parse_day(value: str) -> datetime.date:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise PeriodError(f"Ngày “{value}” không hợp lệ (nhập theo dạng dd/mm/yyyy).")


def parse(params, today: datetime.date) -> Period:
    """The period asked for in `params` (a QueryDict or dict); the current quarter if none.

    Raises PeriodError with a Vietnamese message on bad input.
    """
    key = (params.get("ky") or "").strip()
    raw_start, raw_end = (params.get("tu") or "").strip(), (params.get("den") or "").strip()
    if key:
        if found := QUARTER_RE.match(key):
            return quarter(int(found[1]), int(found[2]))
        if found := MONTH_RE.match(key):
            return month(int(found[1]), int(found[2]))
        raise PeriodError(f"Kỳ báo cáo “{key}” không hợp lệ (ví dụ: 2026-Q3 cho quý III/2026, 2026-07 cho tháng 7/2026).")
    if raw_start or raw_end:
        if not (raw_start and raw_end):
            raise PeriodError("Hãy nhập cả ngày bắt đầu và ngày kết thúc.")
        return custom(parse_day(raw_start), parse_day(raw_end))
    return quarter_of(today)


def recent_choices(today: datetime.date, quarters: int = 8, months: int = 12) -> list[Period]:
    """The last quarters and months (the current ones first), for the period picker."""
    result = []
    year, number = today.year, (today.month - 1) // 3 + 1
    for _ in range(quarters):
        result.append(quarter(year, number))
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    year, number = today.year, today.month
    for _ in range(months):
        result.append(month(year, number))
        year, number = (year - 1, 12) if number == 1 else (year, number - 1)
    return result


def choices_including(period: "Period | None", today: datetime.date) -> list[Period]:
    """The picker's choices, with `period` first when it is an older month or quarter (so it stays chosen)."""
    choices = recent_choices(today)
    if period is not None and period.key and all(choice.key != period.key for choice in choices):
        return [period, *choices]
    return choices


def _last_day(year: int, month_number: int) -> datetime.date:
    following = datetime.date(year + 1, 1, 1) if month_number == 12 else datetime.date(year, month_number + 1, 1)
    return following - datetime.timedelta(days=1)


def _check_year(year: int):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"Năm phải từ {MIN_YEAR} đến {MAX_YEAR}.")
