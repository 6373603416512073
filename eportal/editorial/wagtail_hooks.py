"""Server-side enforcement where Wagtail would quietly downgrade a forbidden action.

Wagtail saves a draft instead when someone without publish permission posts the
"publish" action; the board wants a refusal that says so (403), not a silent draft.
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

PUBLISH_ACTIONS = ("action-publish",)


def _refuse_publish(request, can_publish):
    if request.method == "POST" and any(a in request.POST for a in PUBLISH_ACTIONS) and not can_publish:
        raise PermissionDenied("Bạn không có quyền xuất bản. Hãy gửi bài để duyệt.")


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    _refuse_publish(request, page.permissions_for_user(request.user).can_publish())


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    _refuse_publish(request, parent_page.permissions_for_user(request.user).can_publish_subpage())
