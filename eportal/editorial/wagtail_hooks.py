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


# Archived sites (eportal.core.archive) are read-only for everyone, superusers included, until
# a superuser turns the archive off in Cài đặt → Thông tin cổng. These run before the hooks above
# so that the refusal gives the archive as its reason.

def _refuse_in_archive(request, *pages):
    from eportal.core import archive

    identity = archive.first_archive(pages)
    return archive.refusal_response(request, identity) if identity else None


def _page_id(value):
    from wagtail.models import Page

    try:
        return Page.objects.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None


@hooks.register("before_edit_page", order=-10)
def refuse_editing_archive(request, page):
    return _refuse_in_archive(request, page)


@hooks.register("before_create_page", order=-10)
def refuse_creating_in_archive(request, parent_page, page_class):
    return _refuse_in_archive(request, parent_page)


@hooks.register("before_delete_page", order=-10)
def refuse_deleting_from_archive(request, page):
    return _refuse_in_archive(request, page)


@hooks.register("before_move_page", order=-10)
def refuse_moving_archive_pages(request, page, destination):
    return _refuse_in_archive(request, page, destination)


@hooks.register("before_copy_page", order=-10)
def refuse_copying_into_archive(request, page):
    # Copying out of an archive only reads it; the destination is known once the form is posted.
    if request.method == "POST":
        return _refuse_in_archive(request, _page_id(request.POST.get("new_parent_page")))
    return None


@hooks.register("before_publish_page", order=-10)
def refuse_publishing_in_archive(request, page):
    return _refuse_in_archive(request, page)


@hooks.register("before_unpublish_page", order=-10)
def refuse_unpublishing_in_archive(request, page):
    return _refuse_in_archive(request, page)


@hooks.register("before_bulk_action", order=-10)
def refuse_bulk_actions_in_archive(request, action_type, objects, action_class_instance):
    from wagtail.models import Page

    pages = [obj for obj in objects if isinstance(obj, Page)]
    if not pages:
        return None
    if action_type == "move":
        form = getattr(action_class_instance, "cleaned_form", None)
        destination = form.cleaned_data.get("chooser") if form is not None else None
        if destination is not None:
            pages.append(destination)
    return _refuse_in_archive(request, *pages)
