"""The 15-working-day answer deadline (Monday to Friday; holidays can be supplied)."""

import datetime

import pytest

from eportal.questions import workdays

D = datetime.date
MONDAY = D(2026, 1, 5)


def test_weekends_are_not_working_days():
    assert [workdays.is_working_day(MONDAY + datetime.timedelta(days=i)) for i in range(7)] == [
        True, True, True, True, True, False, False,
    ]


def test_adding_working_days_skips_weekends():
    assert workdays.add_working_days(MONDAY, 0) == MONDAY
    assert workdays.add_working_days(MONDAY, 4) == D(2026, 1, 9)  # Friday
    assert workdays.add_working_days(MONDAY, 5) == D(2026, 1, 12)  # next Monday
    assert workdays.add_working_days(D(2026, 1, 9), 1) == D(2026, 1, 12)  # Friday + 1 = Monday
    assert workdays.add_working_days(D(2026, 1, 10), 1) == D(2026, 1, 12)  # Saturday + 1 = Monday
    with pytest.raises(ValueError):
        workdays.add_working_days(MONDAY, -1)


def test_due_date_is_fifteen_working_days_after_receipt():
    assert workdays.answer_due_date(MONDAY) == D(2026, 1, 26)  # three full weeks later
    assert workdays.answer_due_date(D(2026, 1, 10)) == D(2026, 1, 30)  # received on a Saturday
    assert workdays.working_days_between(MONDAY, workdays.answer_due_date(MONDAY)) == 15


def test_holidays_push_the_due_date():
    tet = {D(2026, 1, 12), D(2026, 1, 13)}
    assert workdays.answer_due_date(MONDAY, tet) == D(2026, 1, 28)
    assert workdays.working_days_between(MONDAY, D(2026, 1, 28), tet) == 15
    # A holiday on a weekend changes nothing.
    assert workdays.answer_due_date(MONDAY, {D(2026, 1, 10)}) == D(2026, 1, 26)


def test_overdue_only_after_the_due_date():
    assert not workdays.is_overdue(MONDAY, D(2026, 1, 26))
    assert workdays.is_overdue(MONDAY, D(2026, 1, 27))
    assert not workdays.is_overdue(MONDAY, D(2026, 1, 27), {D(2026, 1, 20)})


def test_working_days_between():
    assert workdays.working_days_between(MONDAY, MONDAY) == 0
    assert workdays.working_days_between(D(2026, 1, 9), D(2026, 1, 12)) == 1
    assert workdays.working_days_between(D(2026, 1, 12), D(2026, 1, 9)) == 0


def test_public_holidays_come_from_settings(settings):
    assert workdays.public_holidays() == frozenset()
    settings.EPORTAL_PUBLIC_HOLIDAYS = ["2026-04-30", "2026-05-01"]
    assert workdays.public_holidays() == {D(2026, 4, 30), D(2026, 5, 1)}
