import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Revision

from eportal.about import demo
from eportal.about.models import (
    AboutPage, ContactPage, Department, DepartmentsPage, EnglishPage, Leader, LeadershipPage, SpokespersonPage,
)

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_keeps_editors_changes(site, home):
    pages = demo.load(site, home)
    counts = (Page.objects.count(), Revision.objects.count(), Leader.objects.count(), Department.objects.count())
    about = AboutPage.objects.get(slug="gioi-thieu")
    about.title = "Giới thiệu chung"
    about.save()
    assert demo.load(site, home) == {**pages, "about": about}
    assert (Page.objects.count(), Revision.objects.count(), Leader.objects.count(),
            Department.objects.count()) == counts
    assert AboutPage.objects.get(slug="gioi-thieu").title == "Giới thiệu chung"


def test_demo_builds_the_section(client, site, home):
    pages = demo.load(site, home)
    about = pages["about"]
    assert about.get_parent().pk == home.pk and about.slug == "gioi-thieu"
    children = {page.slug for page in about.get_children().live()}
    assert children == {"chuc-nang-nhiem-vu", "lanh-dao", "cac-phong-ban", "lich-su-van-hoa", "nguoi-phat-ngon"}
    assert ContactPage.objects.child_of(home).get().slug == "lien-he"
    assert EnglishPage.objects.child_of(home).get().slug == "en"

    leaders = list(LeadershipPage.objects.get().leaders.all())
    assert leaders[0].position == "Chủ tịch Ủy ban nhân dân huyện"
    # Placeholders only: no real person's name, phone or e-mail.
    assert all(leader.full_name.startswith("(Dữ liệu mẫu)") for leader in leaders)
    assert all(leader.email.endswith(".invalid") for leader in leaders)
    names = [d.name for d in DepartmentsPage.objects.get().departments.all()]
    assert {"Văn phòng HĐND và UBND huyện", "Phòng Tư pháp", "Phòng Tài nguyên và Môi trường"} <= set(names)
    assert SpokespersonPage.objects.get().full_name.startswith("(Dữ liệu mẫu)")

    for page in pages.values():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        text = BeautifulSoup(response.content.decode(), "html.parser").get_text()
        assert "Dữ liệu mẫu" in text or "Sample data" in text or "sample data" in text, page.url
    history = client.get(AboutPage.objects.get(slug="lich-su-van-hoa").url).content.decode()
    for commune in ("Thới An Hội", "Kế An", "Ba Trinh", "Xuân Hòa"):
        assert commune in history
    english = BeautifulSoup(client.get(pages["english"].url).content.decode(), "html.parser")
    assert english.find("a", hreflang="vi")["href"] == about.url
