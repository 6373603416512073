import datetime

import pytest

from eportal.core.pages import publish_child
from eportal.schedule.models import ScheduleEntry, WorkSchedulePage

from ..editorial.conftest import board, client_for, make_user  # noqa: F401  (fixtures and helpers)


@pytest.fixture
def schedule(home):
    return publish_child(home, WorkSchedulePage(title="Lịch công tác", slug="lich-cong-tac"))


def add_entry(page, day, start="07:30", end=None, content="Họp giao ban", **extra):
    return ScheduleEntry.objects.create(
        page=page, date=day, start_time=datetime.time.fromisoformat(start),
        end_time=datetime.time.fromisoformat(end) if end else None, content=content, **extra,
    )
