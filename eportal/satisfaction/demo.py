"""Demo content: the "Đánh giá mức độ hài lòng" page (no ratings: those come from visitors)."""

from eportal.core.pages import publish_child

from .models import SatisfactionSurveyPage

SLUG = "danh-gia-hai-long"


def load(site, home):
    page = SatisfactionSurveyPage.objects.child_of(home).filter(slug=SLUG).first()
    if page is None:
        page = publish_child(home, SatisfactionSurveyPage(title="Đánh giá mức độ hài lòng", slug=SLUG))
    return page
