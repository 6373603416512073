import datetime

import pytest

from eportal.schedule.weeks import Week, day_label


def test_parse_accepts_iso_week_spellings():
    assert Week.parse("2026-W48") == Week(2026, 48)
    assert Week.parse(" 2026w48 ") == Week(2026, 48)
    assert Week.parse("2026-W5") == Week(2026, 5)


@pytest.mark.parametrize("value", ["", "2026", "2026-48", "W48", "2026-W00", "2026-W54", "2027-W53",
                                   "1999-W10", "2101-W01", "9999-W52", "abc", "2026-W4８", "2026-W48;drop"])
def test_parse_refuses_what_is_not_a_week(value):
    with pytest.raises(ValueError):
        Week.parse(value)


def test_week_days_and_labels():
    week = Week(2026, 48)
    assert week.monday == datetime.date(2026, 11, 23)
    assert week.sunday == datetime.date(2026, 11, 29)
    assert week.param == "2026-W48"
    assert week.label == "Tuần 48 năm 2026 (từ 23/11/2026 đến 29/11/2026)"
    assert day_label(week.monday) == "Thứ Hai 23/11/2026"
    assert day_label(week.sunday) == "Chủ nhật 29/11/2026"


def test_year_boundaries():
    # 2026 has 53 ISO weeks (1 January 2026 is a Thursday); 2027 has 52.
    last = Week.parse("2026-W53")
    assert (last.monday, last.sunday) == (datetime.date(2026, 12, 28), datetime.date(2027, 1, 3))
    assert last.next() == Week(2027, 1)
    assert Week(2027, 1).previous() == last
    assert Week(2027, 1).monday == datetime.date(2027, 1, 4)
    assert Week(2027, 52).next() == Week(2028, 1)
    assert Week.containing(datetime.date(2027, 1, 1)) == last


def test_neighbours_stop_at_the_allowed_years():
    assert Week(2000, 1).previous() is None
    assert Week.containing(datetime.date(2100, 12, 31)).next() is None
