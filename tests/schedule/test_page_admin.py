import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from eportal.satisfaction.models import SatisfactionSurveyPage
from eportal.schedule.models import WorkSchedulePage

from .conftest import client_for

pytestmark = pytest.mark.django_db


def form(title, slug, **extra):
    data = {"title": title, "slug": slug, "intro": "", "comments": inline_formset([]),
            "seo_title": "", "search_description": "", "go_live_at": "", "expire_at": ""}
    data.update(extra)
    return nested_form_data(data)


@pytest.mark.parametrize("model, url_name", [
    (WorkSchedulePage, "schedule/workschedulepage"),
    (SatisfactionSurveyPage, "satisfaction/satisfactionsurveypage"),
])
def test_pages_are_added_under_the_home_page_and_published_by_the_head(board, home, model, url_name):
    url = f"/admin/pages/add/{url_name}/{home.pk}/"
    response = client_for(board["head"]).post(url, form("Trang mới", "trang-moi", **{"action-publish": "1"}))
    assert response.status_code == 302
    assert model.objects.get().live
    # Only under the home page.
    assert client_for(board["head"]).get(f"/admin/pages/add/{url_name}/{board['news'].pk}/").status_code in (302, 403)


def test_preview_of_a_new_schedule_page(board, home):
    url = f"/admin/pages/add/schedule/workschedulepage/{home.pk}/preview/"
    client = client_for(board["editor"])
    assert client.post(url, form("Lịch công tác", "lich-cong-tac")).status_code == 200
    response = client.get(url)
    assert response.status_code == 200
    assert "Không có lịch công tác." in response.content.decode()
