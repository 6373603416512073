"""Every state-changing public POST needs Django's CSRF token; without it the Vietnamese page."""

import pytest
from django.test import Client

from eportal.access.models import InformationRequest
from eportal.consultations.models import ConsultationComment
from eportal.questions.models import Question
from eportal.satisfaction.models import SatisfactionRating

from .demo_portal import (  # noqa: F401  (fixtures)
    access_data, access_url, comment_data, comment_url, demo, demo_site, question_data, question_url,
    questions_page, survey_data, survey_url, text_of,
)

FORMS = {
    "question": (question_url, question_data, Question, lambda url: url),
    "comment": (comment_url, comment_data, ConsultationComment, lambda url: url.rsplit("gop-y/", 1)[0]),
    "access request": (access_url, access_data, InformationRequest, lambda url: url),
    "survey": (survey_url, survey_data, SatisfactionRating, lambda url: url),
    "lookup": (lambda: questions_page().url + "tra-cuu/", lambda: {"ma": "HD-2026-AAAAAAAA"}, None, lambda url: url),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_a_post_without_the_csrf_token_is_refused(demo, form):
    make_url, make_data, model, _ = FORMS[form]
    client = Client(enforce_csrf_checks=True)
    before = model.objects.count() if model else 0
    response = client.post(make_url(), make_data())
    assert response.status_code == 403
    html = text_of(response)
    assert "Không gửi được biểu mẫu" in html and "Phiên làm việc đã hết hạn" in html
    if model:
        assert model.objects.count() == before


@pytest.mark.parametrize("form", list(FORMS))
def test_a_forged_token_is_refused_too(demo, form):
    make_url, make_data, model, _ = FORMS[form]
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "A" * 32
    response = client.post(make_url(), {**make_data(), "csrfmiddlewaretoken": "B" * 32})
    assert response.status_code == 403


@pytest.mark.parametrize("form", ["question", "comment", "access request", "survey"])
def test_the_form_page_gives_a_token_that_is_accepted(demo, form):
    """The refusal above is the CSRF check, not something else: with the page's token it passes."""
    make_url, make_data, model, page_of = FORMS[form]
    client = Client(enforce_csrf_checks=True)
    url = make_url()
    assert client.get(page_of(url)).status_code == 200
    token = client.cookies["csrftoken"].value
    before = model.objects.count()
    response = client.post(url, {**make_data(), "csrfmiddlewaretoken": token})
    assert response.status_code in (200, 302, 303), text_of(response)[:300]
    assert model.objects.count() == before + 1


def test_a_cross_site_origin_is_refused_even_with_a_token(demo, settings):
    client = Client(enforce_csrf_checks=True)
    client.get(survey_url())
    token = client.cookies["csrftoken"].value
    response = client.post(
        survey_url(), {**survey_data(), "csrfmiddlewaretoken": token}, HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
