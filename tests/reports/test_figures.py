"""Every editorial figure of Quý III/2025, against the fixture's hand-counted values."""

import dataclasses
import datetime

import pytest
from wagtail.models import Site

from eportal.reports import figures, periods

from .conftest import EXPECTED, at, question

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 28)


def as_plain(result):
    values = dataclasses.asdict(result)
    for key in ("by_category", "by_author", "by_month"):
        values[key] = [(row["label"], row["count"]) for row in values[key]]
    return {key: values[key] for key in EXPECTED}


def test_every_figure_of_the_quarter(portal):
    result = figures.compute(portal["site"], periods.quarter(2025, 3), TODAY)
    assert as_plain(result) == EXPECTED
    assert result.as_of == datetime.date(2025, 9, 30)


def test_a_month_counts_only_its_own_days(portal):
    result = figures.compute(portal["site"], periods.month(2025, 9), TODAY)
    assert result.articles == 2
    assert [(row.label, row.count) for row in result.by_month] == [("09/2025", 2)]
    assert result.documents == 1
    assert result.comments == 1
    # Received in September: 25/09 and 30/09 23:00; nothing answered in September.
    assert (result.questions_received, result.questions_answered) == (2, 0)
    assert result.average_answer_days is None


def test_the_next_quarter_starts_at_midnight_in_vietnam(portal):
    result = figures.compute(portal["site"], periods.quarter(2025, 4), TODAY)
    assert result.articles == 1  # 01/10/2025 00:00
    assert result.documents == 1
    assert result.comments == 1
    assert result.questions_received == 1  # 01/10/2025 00:30
    assert result.questions_answered == 1  # answered 10/10, late
    assert result.answered_late == 1
    # Open at the end of Q4 and past due: 01/08, 25/09, 30/09 and 01/10.
    assert result.questions_overdue == 4


def test_overdue_counts_up_to_today_for_a_period_not_over(portal):
    # Quý III/2025 seen on 22/08/2025: the question of 01/08 is due that day, not yet late.
    result = figures.compute(portal["site"], periods.quarter(2025, 3), datetime.date(2025, 8, 22))
    assert result.as_of == datetime.date(2025, 8, 22)
    assert result.questions_overdue == 0
    question(at(2025, 7, 1))  # due 22/07
    assert figures.compute(portal["site"], periods.quarter(2025, 3), datetime.date(2025, 8, 22)).questions_overdue == 1


def test_an_empty_period_has_zeros_and_no_averages(portal):
    result = figures.compute(portal["site"], periods.quarter(2024, 1), TODAY)
    assert result.articles == result.documents == result.questions_received == result.comments == 0
    assert result.average_publication_days is None and result.average_answer_days is None
    assert [(row.label, row.count) for row in result.by_month] == [("01/2024", 0), ("02/2024", 0), ("03/2024", 0)]


def test_a_commune_site_has_its_own_figures(commune):
    result = figures.compute(commune["site"], periods.quarter(2025, 3), TODAY)
    assert result.articles == 1
    assert [(row.label, row.count) for row in result.by_author] == [("Lê Thị Hoa", 1)]
    assert result.questions_received == 1
    assert result.documents == result.comments == 0
    # ...and the province's figures do not include the commune's.
    province = figures.compute(Site.objects.get(is_default_site=True), periods.quarter(2025, 3), TODAY)
    assert province.articles == EXPECTED["articles"]
    assert province.questions_received == EXPECTED["questions_received"]
