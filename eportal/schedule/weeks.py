"""ISO weeks as the schedule shows them: parsing `?tuan=2026-W48`, neighbours, labels."""

import datetime
import re
from dataclasses import dataclass

WEEKDAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]

# Years a visitor may ask for; outside them neighbours could overflow datetime.date.
MIN_YEAR, MAX_YEAR = 2000, 2100

_WEEK_RE = re.compile(r"^\s*([0-9]{4})-?W([0-9]{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Week:
    year: int
    number: int

    @classmethod
    def containing(cls, day: datetime.date) -> "Week":
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @classmethod
    def parse(cls, value: str) -> "Week":
        """A week from "2026-W48" (also "2026W48", "2026-w5"); ValueError if there is no such week."""
        match = _WEEK_RE.match(value or "")
        if not match:
            raise ValueError(value)
        year, number = int(match.group(1)), int(match.group(2))
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(value)
        datetime.date.fromisocalendar(year, number, 1)  # raises ValueError for W00, W54, 2027-W53...
        return cls(year, number)

    @property
    def monday(self) -> datetime.date:
        return datetime.date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    def days(self) -> list[datetime.date]:
        return [self.monday + datetime.timedelta(days=i) for i in range(7)]

    def previous(self) -> "Week | None":
        week = Week.containing(self.monday - datetime.timedelta(days=7))
        return week if week.year >= MIN_YEAR else None

    def next(self) -> "Week | None":
        week = Week.containing(self.monday + datetime.timedelta(days=7))
        return week if week.year <= MAX_YEAR else None

    @property
    def param(self) -> str:
        """The value of `?tuan=` and of an <input type="week">."""
        return f"{self.year:04d}-W{self.number:02d}"

    @property
    def label(self) -> str:
        return (
            f"Tuần {self.number} năm {self.year} "
            f"(từ {self.monday:%d/%m/%Y} đến {self.sunday:%d/%m/%Y})"
        )


def day_label(day: datetime.date) -> str:
    """ "Thứ Hai 23/11/2026"."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day:%d/%m/%Y}"
