import datetime

import pytest

from eportal.access.workdays import add_working_days, is_working_day, public_holidays, request_due_date

D = datetime.date


@pytest.mark.parametrize("received, due", [
    (D(2026, 11, 23), D(2026, 12, 14)),  # Monday: three weeks later
    (D(2026, 11, 27), D(2026, 12, 18)),  # Friday
    (D(2026, 11, 28), D(2026, 12, 18)),  # Saturday: counting starts on Monday
    (D(2026, 4, 23), D(2026, 5, 18)),    # across 30/4 and 1/5
    (D(2028, 4, 27), D(2028, 5, 22)),    # 30/4/2028 is a Sunday: 2/5 is the day off in lieu
    (D(2028, 8, 25), D(2028, 9, 18)),    # 2/9/2028 is a Saturday: 4/9 is off
    (D(2026, 12, 24), D(2027, 1, 15)),   # across the new year
])
def test_due_date_is_15_working_days_later(received, due):
    assert request_due_date(received) == due


def test_holidays_with_days_off_in_lieu():
    assert public_holidays(2026) == {D(2026, 1, 1), D(2026, 4, 30), D(2026, 5, 1), D(2026, 9, 2)}
    assert D(2028, 1, 3) in public_holidays(2028)  # 1/1/2028 is a Saturday
    assert {D(2028, 5, 2), D(2028, 9, 4)} <= public_holidays(2028)
    assert not is_working_day(D(2026, 9, 2)) and is_working_day(D(2026, 9, 3))
    assert not is_working_day(D(2026, 11, 29))


def test_lunar_holidays_can_be_passed_in():
    tet_2027 = {D(2027, 2, 4) + datetime.timedelta(days=i) for i in range(7)}  # a Government decision
    assert add_working_days(D(2027, 2, 1), 5) == D(2027, 2, 8)
    assert add_working_days(D(2027, 2, 1), 5, tet_2027) == D(2027, 2, 15)


def test_edge_cases():
    assert add_working_days(D(2026, 11, 23), 0) == D(2026, 11, 23)
    assert add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 24)
    assert add_working_days(D(2026, 11, 27), 1) == D(2026, 11, 30)
    with pytest.raises(ValueError):
        add_working_days(D(2026, 11, 23), -1)
