"""Property-based check of the procedures router against its own OpenAPI document (schemathesis)."""

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis import GenerationMode

from eportal.procedures.models import LifeEvent
from eportal.wsgi import application

from .factories import ProcedureFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.procedures.urls_api"),
    pytest.mark.usefixtures("keep_test_connection"),
]

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "eportal-hypothesis")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_router_conforms_to_its_schema(index, civil_status, mode):
    ProcedureFactory(parent=index, sector=civil_status, code="1.001193",
                     life_events=list(LifeEvent.objects.filter(slug="khai-sinh")))
    ProcedureFactory(parent=index, level="huyen")
    schema = schemathesis.openapi.from_wsgi("/api/thu-nghiem/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 2

    for operation in operations:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate()

        check()
