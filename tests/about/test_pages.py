"""The section's public pages show their content, structured data and language links."""

import json
import re

import pytest
from bs4 import BeautifulSoup

from eportal.about.models import AboutPage, LeadershipPage
from eportal.core.models import SiteIdentity

from .conftest import (
    add, contact_page, department, departments_page, english_page, leader, leadership_page, make_image,
    spokesperson_page,
)

pytestmark = pytest.mark.django_db


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(page_soup):
    scripts = page_soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_about_page_shows_its_body_and_lists_its_live_children(client, about):
    add(about, AboutPage(title="Chức năng, nhiệm vụ", slug="chuc-nang-nhiem-vu", intro="Vị trí, chức năng của UBND."))
    add(about, AboutPage(title="Lịch sử - Văn hóa", slug="lich-su-van-hoa", search_description="Khái quát lịch sử."))
    leadership_page(about, [leader(1)], intro="Danh sách lãnh đạo huyện.")
    draft = add(about, AboutPage(title="Bản nháp chưa đăng", slug="ban-nhap", live=False))

    page = soup(client, about.url)
    assert page.h1.get_text() == "Giới thiệu"
    assert "Huyện Kế Sách thuộc tỉnh Sóc Trăng." in page.find(class_="about__body").get_text()
    listing = page.find("nav", class_="about-children")
    assert listing.h2.get_text() == "Các mục trong Giới thiệu"
    titles = [a.get_text() for a in listing.find_all("a", class_="about-children__title")]
    assert titles == ["Chức năng, nhiệm vụ", "Lịch sử - Văn hóa", "Lãnh đạo"]
    text = listing.get_text()
    assert "Vị trí, chức năng của UBND." in text and "Khái quát lịch sử." in text
    assert "Danh sách lãnh đạo huyện." in text
    assert draft.title not in text


@pytest.mark.parametrize("value", ["0", "-1", "abc", "99999", "1e9"])
def test_bad_page_numbers_in_the_child_listing_never_fail(client, about, value):
    add(about, AboutPage(title="Chức năng, nhiệm vụ", slug="chuc-nang"))
    assert client.get(about.url + f"?trang={value}").status_code == 200


def test_map_block_shows_the_uploaded_image_with_caption(client, about):
    image = make_image("Bản đồ")
    about.body = [{"type": "map", "value": {"image": image.pk, "caption": "Bản đồ hành chính huyện Kế Sách",
                                            "description": "Thị trấn Kế Sách và các xã."}}]
    about.save()
    page = soup(client, about.url)
    figure = page.find("figure", class_="about-map")
    assert figure.img["alt"] == "Bản đồ hành chính huyện Kế Sách"
    assert figure.img["src"].startswith("/media/")
    assert "Thị trấn Kế Sách và các xã." in figure.figcaption.get_text()
    assert figure.find("a", class_="about-map__full")["href"] == image.file.url


def test_leaders_are_shown_with_position_areas_and_contact_links(client, about):
    photo = make_image("Ảnh chân dung")
    page = leadership_page(about, [
        leader(1, position="Chủ tịch Ủy ban nhân dân huyện", photo=photo, areas="Phụ trách chung"),
        leader(2, email="", phone=""),
    ])
    html = soup(client, page.url)
    assert html.h1.get_text() == "Lãnh đạo"
    items = html.find_all("li", class_="leader")
    assert [item.h2.get_text() for item in items] == ["(Dữ liệu mẫu) Lãnh đạo số 1", "(Dữ liệu mẫu) Lãnh đạo số 2"]
    first, second = items
    assert first.find(class_="leader__position").get_text() == "Chủ tịch Ủy ban nhân dân huyện"
    assert "Phụ trách: Phụ trách chung" in first.find(class_="leader__areas").get_text()
    assert first.find("a", href="tel:02993000001").get_text() == "0299 3 000 001"
    assert first.find("a", href="mailto:lanhdao1@kesach.invalid")
    assert first.img["src"].endswith(".webp")
    # Empty contact fields leave no empty labels behind.
    assert "Điện thoại" not in second.get_text() and "Thư điện tử" not in second.get_text()

    data = json_ld(html)
    assert data["@type"] == "GovernmentOrganization"
    people = data["employee"]
    assert people[0] == {
        "@type": "Person", "name": "(Dữ liệu mẫu) Lãnh đạo số 1", "jobTitle": "Chủ tịch Ủy ban nhân dân huyện",
        "telephone": "0299 3 000 001", "email": "lanhdao1@kesach.invalid", "image": people[0]["image"],
        "description": "Phụ trách chung",
    }
    assert people[0]["image"].startswith("http://") and people[0]["image"].endswith(".webp")
    assert "telephone" not in people[1] and "email" not in people[1]


def test_departments_show_head_contacts_and_functions(client, about):
    from eportal.core.models import Agency

    agency = Agency.objects.create(name="Phòng Nội vụ huyện Kế Sách", address="Trụ sở khối vận",
                                   phone="0299 3 000 099", email="noivu@kesach.invalid")
    page = departments_page(about, [
        department(1, name="Phòng Tư pháp"),
        department(2, name="", agency=agency, address="", phone="", email=""),
    ])
    html = soup(client, page.url)
    sections = html.find_all("section", class_="department")
    assert [s.h2.get_text() for s in sections] == ["Phòng Tư pháp", "Phòng Nội vụ huyện Kế Sách"]
    assert "Trưởng phòng: (Dữ liệu mẫu) Trưởng phòng số 1" in sections[0].get_text()
    assert sections[0].h3.get_text() == "Chức năng, nhiệm vụ"
    assert "Tham mưu về lĩnh vực số 1." in sections[0].get_text()
    # Contacts left blank come from the shared agency list.
    assert "Trụ sở khối vận" in sections[1].get_text()
    assert sections[1].find("a", href="tel:02993000099")
    index = [a["href"] for a in html.find("nav", class_="departments-index").find_all("a")]
    assert index == ["#phong-ban-1", "#phong-ban-2"]

    data = json_ld(html)
    assert [d["name"] for d in data["department"]] == ["Phòng Tư pháp", "Phòng Nội vụ huyện Kế Sách"]
    assert data["department"][1]["email"] == "noivu@kesach.invalid"
    assert data["department"][0]["employee"]["name"] == "(Dữ liệu mẫu) Trưởng phòng số 1"


def test_spokesperson_page(client, about, home):
    decision = add(home, AboutPage(title="Quyết định giao nhiệm vụ phát ngôn", slug="quyet-dinh"))
    page = spokesperson_page(about, decision_page=decision)
    html = soup(client, page.url)
    assert html.h1.get_text() == "Người phát ngôn và cung cấp thông tin cho báo chí"
    assert html.find("h2", id="nguoi-phat-ngon").get_text() == "(Dữ liệu mẫu) Họ và tên"
    assert html.find("a", href="tel:02993000001")
    assert html.find("a", href=decision.url)
    duties = [li.get_text() for li in html.find("ul", class_="spokesperson__duties").find_all("li")]
    assert duties == ["Phát ngôn về hoạt động của Ủy ban nhân dân huyện.", "Cung cấp thông tin cho báo chí."]
    data = json_ld(html)
    assert data["@type"] == "Person" and data["jobTitle"] == "Chủ tịch Ủy ban nhân dân huyện"
    assert data["worksFor"]["@type"] == "GovernmentOrganization"


def test_spokesperson_link_to_an_unpublished_decision_is_hidden(client, about, home):
    decision = add(home, AboutPage(title="Quyết định chưa đăng", slug="quyet-dinh", live=False))
    page = spokesperson_page(about, decision_page=decision)
    assert "Quyết định chưa đăng" not in client.get(page.url).content.decode()


def test_contact_page_shows_hotline_points_and_the_editorial_board(client, site, home):
    identity = SiteIdentity.for_site(site)
    identity.portal_title = "Cổng thông tin điện tử UBND Huyện Kế Sách"
    identity.agency_name = "Ủy ban nhân dân huyện Kế Sách"
    identity.responsible_person = "Trưởng Ban biên tập"
    identity.email = "banbientap@kesach.invalid"
    identity.save()
    page = contact_page(home)
    html = soup(client, page.url)
    assert html.h1.get_text() == "Liên hệ"
    hotline = html.find("section", class_="hotline")
    assert hotline.h2.get_text() == "Đường dây nóng"
    assert hotline.find("a", href="tel:02993000000").get_text() == "0299 3 000 000"
    assert html.find("h3", class_="contact-point__unit").get_text() == "Văn phòng HĐND và UBND huyện"
    board = html.find("section", class_="editorial-board")
    assert board.h2.get_text() == "Ban biên tập Cổng thông tin điện tử UBND Huyện Kế Sách"
    assert "Trưởng Ban biên tập" in board.get_text()
    assert board.find("a", href="mailto:banbientap@kesach.invalid")
    assert not html.find("form", method=re.compile("post", re.I)), "the contact page has no form"

    data = json_ld(html)
    assert data["name"] == "Ủy ban nhân dân huyện Kế Sách"
    assert data["email"] == "banbientap@kesach.invalid"
    points = data["contactPoint"]
    assert points[0] == {"@type": "ContactPoint", "contactType": "Đường dây nóng", "telephone": "0299 3 000 000",
                         "description": "Tiếp nhận phản ánh, kiến nghị."}
    assert points[1]["contactType"] == "Văn phòng HĐND và UBND huyện"
    assert points[1]["hoursAvailable"]["description"] == "Thứ Hai đến thứ Sáu"


def test_editorial_board_can_be_hidden(client, home):
    page = contact_page(home, show_editorial_board=False)
    assert not soup(client, page.url).find("section", class_="editorial-board")


def test_json_ld_cannot_close_its_script(client, home):
    page = contact_page(home, hotline_note="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    data = json_ld(BeautifulSoup(html, "html.parser"))
    assert data["contactPoint"][0]["description"] == "</script><script>alert(1)</script>"


def test_english_page_is_marked_english_and_links_both_ways(client, home, about):
    english = english_page(home, vietnamese_page=about)
    html = soup(client, english.url)
    assert html.html["lang"] == "vi"
    content = html.find("article", class_="about--english")
    assert content["lang"] == "en"
    assert content.h1.get_text() == "About Ke Sach District"
    assert content.find("h2", id="contact").get_text() == "Contact"
    assert "Phone:" in content.get_text() and "Office hours:" in content.get_text()
    assert content.find(class_="about__organisation").get_text() == "People's Committee of Ke Sach District"
    back = content.find("a", hreflang="vi")
    assert back.get_text() == "Tiếng Việt" and back["href"] == about.url and back["lang"] == "vi"
    assert html.find("link", rel="alternate", hreflang="vi")["href"].endswith(about.url)
    data = json_ld(html)
    assert data["name"] == "People's Committee of Ke Sach District"
    assert data["contactPoint"][0]["email"] == "office@kesach.invalid"

    vietnamese = soup(client, about.url)
    link = vietnamese.find("p", class_="language-link").a
    assert link.get_text() == "English" and link["href"] == english.url and link["lang"] == "en"
    assert vietnamese.find("link", rel="alternate", hreflang="en")["href"].endswith(english.url)


def test_english_page_without_a_vietnamese_page_links_home(client, home):
    english = english_page(home)
    link = soup(client, english.url).find("a", hreflang="vi")
    assert link["href"] == home.url


def test_no_english_link_without_an_english_page(client, about):
    assert "English" not in client.get(about.url).content.decode()


def test_unpublished_english_page_is_not_linked(client, home, about):
    english_page(home, live=False)
    assert not soup(client, about.url).find("p", class_="language-link")


def test_pages_load_nothing_from_third_parties(client, home, about):
    page = leadership_page(about, [leader(1)])
    for url in (about.url, page.url, english_page(home).url, contact_page(home).url):
        html = soup(client, url)
        for tag in html.find_all(["script", "img", "iframe", "link"]):
            source = tag.get("src") or (tag.get("href") if tag.name == "link" and tag.get("rel") == ["stylesheet"] else "")
            assert not source or source.startswith("/"), (url, str(tag))


def test_preview_of_unsaved_leaders_renders(admin_client, about):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    page = leadership_page(about, [])
    data = nested_form_data({
        "title": "Lãnh đạo", "slug": "lanh-dao", "intro": "", "comments": inline_formset([]),
        "seo_title": "", "search_description": "", "go_live_at": "", "expire_at": "",
        "leaders": inline_formset([
            {"full_name": "(Dữ liệu mẫu) Người xem trước", "position": "Chủ tịch", "photo": make_image().pk,
             "phone": "", "email": "", "areas": ""},
        ]),
    })
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert admin_client.post(url, data).json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert "(Dữ liệu mẫu) Người xem trước" in html and "fill-240x300.format-webp" in html
    assert not LeadershipPage.objects.get().leaders.exists()
