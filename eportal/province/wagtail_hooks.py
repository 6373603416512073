"""Admin entry points for commune articles proposed to the province portal's news."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import views
from .proposals import rules

PROPOSE_LABEL = "Đề xuất lên cổng tỉnh"
SHARED_NOT_EDITABLE = (
    "Tin này lấy từ trang thành phần và luôn theo bài gốc: mỗi lần bài gốc được xuất bản lại, "
    "tin ở đây được cập nhật. Hãy sửa bài gốc trên trang thành phần, hoặc ngừng xuất bản / xóa tin này "
    "nếu cổng tỉnh không muốn đăng nữa."
)


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [
        path("de-xuat-cong-tinh/", views.proposal_list, name="province_proposals"),
        path("de-xuat-cong-tinh/<int:proposal_id>/", views.decide, name="province_proposal"),
        path("de-xuat-cong-tinh/tin/<int:page_id>/", views.propose, name="province_propose"),
    ]


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.may_decide_any(request.user)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        views.LIST_TITLE, reverse("province_proposals"), name="province-proposals", icon_name="upload", order=250,
    )


def _outside_province(page, user) -> bool:
    # Listings call this once per row: the province root's path is read once per request's user.
    root_path = getattr(user, "_province_root_path", None)
    if root_path is None:
        site = rules.province_site()
        root_path = user._province_root_path = site.root_page.path if site else ""
    return bool(root_path) and not page.path.startswith(root_path)


def _proposable(page, user) -> bool:
    from eportal.news.models import ArticlePage

    return (
        page.specific_class is ArticlePage and page.live
        and _outside_province(page, user) and page.permissions_for_user(user).can_edit()
    )


def _propose_button(page, priority):
    return Button(PROPOSE_LABEL, reverse("province_propose", args=[page.pk]), icon_name="upload", priority=priority)


@hooks.register("register_page_listing_more_buttons")
def propose_in_listing(page, user, next_url=None):
    if _proposable(page, user):
        yield _propose_button(page, priority=45)


@hooks.register("register_page_header_buttons")
def propose_in_header(page, user, view_name, next_url=None):
    if _proposable(page, user):
        yield _propose_button(page, priority=55)


@hooks.register("before_edit_page")
def refuse_editing_shared_copy(request, page):
    from .models import SharedArticlePage

    if isinstance(page, SharedArticlePage) or page.specific_class is SharedArticlePage:
        return views.refused(request, SHARED_NOT_EDITABLE)
    return None
