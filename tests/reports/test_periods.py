import datetime

import pytest

from eportal.reports import periods


def test_a_quarter_has_its_roman_label_and_whole_days():
    period = periods.quarter(2026, 3)
    assert (period.start, period.end, period.label, period.key) == (
        datetime.date(2026, 7, 1), datetime.date(2026, 9, 30), "Quý III/2026", "2026-Q3",
    )
    start, after = period.bounds()
    assert start.isoformat() == "2026-07-01T00:00:00+07:00"
    assert after.isoformat() == "2026-10-01T00:00:00+07:00"
    assert period.months() == [(2026, 7), (2026, 8), (2026, 9)]


@pytest.mark.parametrize(
    ("params", "label", "start", "end"),
    [
        ({"ky": "2025-Q4"}, "Quý IV/2025", datetime.date(2025, 10, 1), datetime.date(2025, 12, 31)),
        ({"ky": "2024-02"}, "Tháng 2/2024", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        ({"tu": "2026-07-01", "den": "15/08/2026"}, "Từ 01/07/2026 đến 15/08/2026",
         datetime.date(2026, 7, 1), datetime.date(2026, 8, 15)),
        ({}, "Quý IV/2026", datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),
    ],
)
def test_periods_are_read_from_the_address(params, label, start, end):
    period = periods.parse(params, today=datetime.date(2026, 11, 28))
    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"ky": "2026-Q5"}, "Kỳ báo cáo “2026-Q5” không hợp lệ"),
        ({"ky": "2026-13"}, "Tháng phải từ 1 đến 12."),
        ({"tu": "2026-08-01", "den": "2026-07-01"}, "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."),
        ({"tu": "31/02/2026", "den": "2026-07-01"}, "Ngày “31/02/2026” không hợp lệ"),
        ({"tu": "2026-07-01"}, "Hãy nhập cả ngày bắt đầu và ngày kết thúc."),
        ({"ky": "1899-Q1"}, "Năm phải từ 2000 đến 2100."),
    ],
)
def test_bad_periods_are_refused_with_a_message(params, message):
    with pytest.raises(periods.PeriodError) as error:
        periods.parse(params, today=datetime.date(2026, 11, 28))
    assert message in str(error.value)


def test_the_picker_offers_recent_quarters_then_months():
    labels = [period.label for period in periods.recent_choices(datetime.date(2026, 2, 10), quarters=3, months=3)]
    assert labels == ["Quý I/2026", "Quý IV/2025", "Quý III/2025", "Tháng 2/2026", "Tháng 1/2026", "Tháng 12/2025"]
