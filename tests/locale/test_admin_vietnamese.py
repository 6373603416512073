"""The admin speaks Vietnamese to the editorial board.

Wagtail ships only a few Vietnamese strings for its admin; eportal/locale/vi (searched first,
through LOCALE_PATHS) translates the rest of what the board sees every day. These tests render
the real screens and read them as a person would: the text between the tags, the labels shown
in attributes (placeholders, tooltips), and the menu the sidebar draws from its JSON props.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from eportal.demo.loader import ensure_home_page
from eportal.editorial import roles

from ..factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

# English that must not reach the board on any screen below.
ENGLISH_EVERYWHERE = [
    "Save draft",
    "Sign in",
    "Awaiting your review",
    "Page title",
    "Collapse all",
    "Log out",
    "Images",
    "Documents",
    "Reports",
]

# Attributes whose value is shown on screen (or read out as the element's label).
SHOWN_ATTRIBUTES = {"placeholder", "title", "aria-label", "data-w-tooltip-content-value"}


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.sidebar_json = None
        self._skip = 0  # inside <script> or <style>
        self._in_sidebar_props = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
            self._in_sidebar_props = attrs.get("id") == "wagtail-sidebar-props"
        for name in SHOWN_ATTRIBUTES:
            if attrs.get(name):
                self.parts.append(attrs[name])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
            self._in_sidebar_props = False

    def handle_data(self, data):
        if self._in_sidebar_props:
            self.sidebar_json = data
        elif not self._skip and data.strip():
            self.parts.append(" ".join(data.split()))


def _labels(node):
    """Every "label" in the sidebar's telepath-packed props: the menu items shown."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "label" and isinstance(value, str):
                yield value
            else:
                yield from _labels(value)
    elif isinstance(node, list):
        for value in node:
            yield from _labels(value)


def visible(response):
    """What a reader sees: text, shown attribute values, and the sidebar menu labels."""
    assert response.status_code == 200, response.status_code
    parser = _VisibleText()
    parser.feed(response.content.decode())
    parts = list(parser.parts)
    if parser.sidebar_json:
        parts += list(_labels(json.loads(parser.sidebar_json)))
    return "\n".join(parts)


def assert_vietnamese(text, present=(), absent=()):
    missing = [s for s in present if s not in text]
    assert not missing, f"Vietnamese missing: {missing}"
    found = [s for s in [*ENGLISH_EVERYWHERE, *absent] if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
    assert not found, f"English left: {found}"


@pytest.fixture
def category(db):
    home = ensure_home_page().root_page.specific
    return CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien")


@pytest.fixture
def contributor(db):
    user = get_user_model().objects.create_user(
        username="phongvien", email="phongvien@kesach.example", password="mat-khau-thu-nghiem"
    )
    user.groups.set([Group.objects.get(name=roles.CONTRIBUTOR)])
    client = Client()
    client.force_login(user)
    return client


def test_login_page():
    text = visible(Client().get(reverse("wagtailadmin_login")))
    assert_vietnamese(
        text,
        present=["Đăng nhập", "Quên mật khẩu?", "Ghi nhớ đăng nhập", "Nhập mật khẩu"],
        absent=["Forgotten password?", "Remember me", "Enter password"],
    )


def test_dashboard_with_a_page_awaiting_review(admin_client, admin_user, category):
    article = ArticleFactory(parent=category, title="Hội nghị sơ kết quý")
    article.save_revision(user=admin_user)
    article.get_workflow().start(article, admin_user)

    text = visible(admin_client.get(reverse("wagtailadmin_home")))
    assert "Hội nghị sơ kết quý" in text
    assert_vietnamese(
        text,
        present=[
            "Tổng quan cổng thông tin",
            "Đang chờ bạn duyệt",
            "Bài của bạn đang trong quy trình duyệt",
            "Yêu cầu chỉnh sửa",
            "Phê duyệt",
            # The sidebar menu.
            "Trang", "Ảnh", "Tài liệu", "Nội dung dùng chung", "Báo cáo", "Cài đặt", "Trợ giúp",
            "Tài khoản", "Đăng xuất", "Quy trình duyệt", "Người dùng", "Nhóm", "Thư mục", "Chuyển hướng",
        ],
        absent=[
            "Site summary", "Your pages and snippets in a workflow", "Request changes", "Approve",
            "Snippets", "Settings", "Help", "Workflows", "Collections", "Redirects",
        ],
    )


def test_page_explorer_of_the_root(admin_client, category):
    text = visible(admin_client.get(reverse("wagtailadmin_explore_root")))
    assert_vietnamese(
        text,
        present=["Tiêu đề", "Cập nhật", "Loại", "Trạng thái", "đã xuất bản"],
        absent=["Title", "Updated", "Type", "Status", "Live"],
    )


def test_page_explorer_of_a_category(admin_client, category):
    ArticleFactory(parent=category)
    text = visible(admin_client.get(reverse("wagtailadmin_explore", args=[category.pk])))
    assert_vietnamese(
        text,
        present=["Tiêu đề", "Cập nhật", "Loại", "Trạng thái", "Thêm trang con"],
        absent=["Title", "Updated", "Type", "Status", "Add child page", "Bulk actions"],
    )


def test_add_article_form(admin_client, category):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", category.pk])
    text = visible(admin_client.get(url))
    assert_vietnamese(
        text,
        present=[
            "Tiêu đề trang*", "Nội dung", "Quảng bá", "Cài đặt", "Lưu bản nháp", "Xuất bản",
            "Thao tác khác", "Đường dẫn", "Thời điểm xuất bản", "Thời điểm hết hạn", "Xem trước",
        ],
        absent=["Content", "Promote", "Settings", "Publish", "More actions", "Slug", "Preview",
                "Go live date/time", "Expiry date/time"],
    )


def test_a_contributor_submits_for_review_in_vietnamese(contributor, category):
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", category.pk])
    text = visible(contributor.get(url))
    assert_vietnamese(
        text,
        present=[f"Gửi duyệt ({roles.WORKFLOW})", "Lưu bản nháp"],
        absent=["Submit to"],
    )


def test_images_index(admin_client):
    text = visible(admin_client.get(reverse("wagtailimages:index")))
    assert_vietnamese(text, present=["Ảnh", "Thêm ảnh"], absent=["Add an image"])


def test_documents_index(admin_client):
    text = visible(admin_client.get(reverse("wagtaildocs:index")))
    assert_vietnamese(text, present=["Tài liệu", "Thêm tài liệu"], absent=["Add a document"])


def test_javascript_catalogue(admin_client):
    """The StreamField and Draftail hints come from the JavaScript catalogue."""
    response = admin_client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S).group(1))
    assert catalog["Write something or type ‘/’ to insert a block"] == "Nhập nội dung hoặc gõ ‘/’ để chèn một khối"
    assert catalog["Collapse all"] == "Thu gọn tất cả"
    assert catalog["Insert a block"] == "Chèn khối"
