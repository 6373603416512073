import pytest

from eportal.questions import tracking
from eportal.questions.models import Question

from .conftest import make_question


def test_new_codes_are_human_friendly_and_random():
    codes = {tracking.new_tracking_code(2026) for _ in range(500)}
    assert len(codes) == 500
    for code in codes:
        assert tracking.CODE_PATTERN.fullmatch(code), code
        assert code.startswith("HD-2026-")
        assert not set(code[8:]) & set("01OIL")


@pytest.mark.parametrize("typed", ["hd-2026-7k3q9pxm", " HD 2026 7K3Q 9PXM ", "HD20267K3Q9PXM", "HD-2026-7K3Q-9PXM"])
def test_typed_codes_are_normalised(typed):
    assert tracking.normalize_tracking_code(typed) == "HD-2026-7K3Q9PXM"


@pytest.mark.parametrize("garbage", [
    "", "HD-2026", "HD-2026-7K3Q9P", "HD-2026-7K3Q9PX0", "XX-2026-7K3Q9PXM", "' OR 1=1 --",
    "HD-2026-7K3Q9PXM\x00", "x" * 10_000, None, 12,
])
def test_garbage_is_not_a_code(garbage):
    assert tracking.normalize_tracking_code(garbage) is None


def test_questions_get_unique_codes(db, sector):
    first = make_question(sector)
    second = make_question(sector)
    assert first.tracking_code != second.tracking_code
    assert tracking.CODE_PATTERN.fullmatch(first.tracking_code)
    first.save()
    assert Question.objects.get(pk=first.pk).tracking_code == first.tracking_code
