import pytest
from wagtail.models import Page, Revision

from eportal.satisfaction import demo
from eportal.satisfaction.models import SatisfactionRating, SatisfactionSurveyPage

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(client, site, home):
    page = demo.load(site, home)
    counts = (Page.objects.count(), Revision.objects.count())
    demo.load(site, home)
    assert counts == (Page.objects.count(), Revision.objects.count())
    assert SatisfactionSurveyPage.objects.get().slug == "danh-gia-hai-long" and page.live
    assert not SatisfactionRating.objects.exists()
    assert "Giao diện" in client.get(page.url).content.decode()
