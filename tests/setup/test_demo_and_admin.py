import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from eportal.core.hitcounter import current_total
from eportal.core.models import MainMenu, SiteIdentity, WebsiteLinks
from eportal.demo.loader import load_demo
from eportal.news.models import ArticlePage, NewsCategoryPage
from eportal.settings.env import env_bool, env_int, env_list


@pytest.mark.django_db
def test_demo_is_the_ke_sach_portal_and_loads_once(client):
    site = load_demo()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    load_demo()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)

    assert SiteIdentity.for_site(site).portal_title == "Cổng thông tin điện tử UBND Huyện Kế Sách tỉnh Sóc Trăng"
    titles = set(NewsCategoryPage.objects.values_list("title", flat=True))
    assert {"Tin tức - Sự kiện", "Chính trị", "Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh",
            "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh", "Chỉ đạo điều hành", "Quy hoạch - Kế hoạch",
            "Đầu tư công - Đấu thầu", "Thống kê", "Phổ biến pháp luật"} <= titles
    for path in ["/gioi-thieu/", "/van-ban/", "/thu-tuc-hanh-chinh/", "/hoi-dap/", "/lay-y-kien/",
                 "/lich-cong-tac/", "/lien-he/", "/so-do-cong/", "/tiep-can-thong-tin/", "/danh-gia-hai-long/", "/en/"]:
        assert client.get(path).status_code == 200, path
    assert [item.label for item in MainMenu.for_site(site).items.all()] == [
        "Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính", "Hỏi đáp",
        "Lấy ý kiến dự thảo", "Lịch công tác", "Liên hệ", "Sơ đồ cổng",
    ]
    assert WebsiteLinks.for_site(site).links.filter(url="https://dichvucong.gov.vn/").exists()
    assert current_total(site) == 528527

    article = ArticlePage.objects.get()
    html = client.get(article.url).content.decode()
    for text in ["Hiệu quả thiết thực sau 04 năm học tập và làm theo Bác ở Đảng bộ huyện Kế Sách",
                 "(11/11/2015)", "Nguyễn Thị Hồng Lê HUV, Phó Trưởng Ban Tuyên giáo Huyện uỷ Kế Sách",
                 "Tin đã đưa", "Liên kết Website", "Lượt truy cập", "Video Clip"]:
        assert text in html
    assert article.url in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_demo_keeps_editors_changes(site):
    load_demo()
    identity = SiteIdentity.for_site(site)
    identity.portal_title = "Cổng thông tin điện tử xã Kế Sách"
    identity.save()
    load_demo()
    assert SiteIdentity.for_site(site).portal_title == "Cổng thông tin điện tử xã Kế Sách"


@pytest.mark.django_db
def test_admin_account_from_environment(monkeypatch, capsys):
    monkeypatch.setenv("EPORTAL_ADMIN_PASSWORD", "mật-khẩu-dài-đủ")
    call_command("ensure_admin")
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("mật-khẩu-dài-đủ")
    assert "mật-khẩu-dài-đủ" not in capsys.readouterr().out
    call_command("ensure_admin")
    assert "password is unchanged" in capsys.readouterr().out


@pytest.mark.django_db
def test_admin_password_is_generated_and_printed_once(monkeypatch, capsys):
    monkeypatch.delenv("EPORTAL_ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    password = capsys.readouterr().out.split("change it after logging in): ")[1].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_admin")
    assert password not in capsys.readouterr().out


@pytest.mark.django_db
def test_too_short_admin_password_is_refused(monkeypatch):
    monkeypatch.setenv("EPORTAL_ADMIN_PASSWORD", "short")
    with pytest.raises(CommandError, match="at least 10 characters"):
        call_command("ensure_admin")
    assert not get_user_model().objects.exists()


def test_environment_values_are_checked(monkeypatch):
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_BOOL must be a boolean"):
        env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="X_INT must be an integer"):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_LIST", " a.vn, ,b.vn ")
    assert env_list("X_LIST") == ["a.vn", "b.vn"]


def test_production_defaults_are_safe():
    from eportal.settings import base

    assert base.DEBUG is False
    assert base.TIME_ZONE == "Asia/Ho_Chi_Minh" and base.LANGUAGE_CODE == "vi"
    assert base.SECRET_KEY and base.SECRET_KEY != "django-insecure"
