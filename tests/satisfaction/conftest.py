import pytest

from eportal.core.pages import publish_child
from eportal.satisfaction.models import SatisfactionSurveyPage

from ..editorial.conftest import board, client_for, make_user  # noqa: F401  (fixtures and helpers)


@pytest.fixture
def survey(home):
    return publish_child(home, SatisfactionSurveyPage(title="Đánh giá mức độ hài lòng", slug="danh-gia-hai-long"))


def rating_data(**extra):
    data = {"interface": "5", "content": "4", "service": "3", "support": "4", "comment": "", "website": ""}
    data.update(extra)
    return data
