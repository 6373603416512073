"""Archived sites: a former portal kept read-only, with a banner saying whose it was.

The state lives on the site's SiteIdentity (archived, archived_until, archived_name), which
every public page loads already: the banner costs no query, and the page cache purges every
page of the site when the setting changes (it records the SiteIdentity tag).

Public forms call `closed_when_archived`; the admin page hooks in eportal.editorial call
`page_archive`/`refusal_response`.
"""

import functools

from django.http import HttpRequest
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Page, Site

FORM_CLOSED = (
    "Đây là trang lưu trữ nên không còn nhận câu hỏi, góp ý, yêu cầu hay đánh giá. "
    "Vui lòng gửi đến cổng thông tin đang hoạt động của cơ quan tiếp nhận."
)
POST_REFUSED = "Nội dung bạn gửi chưa được lưu: " + FORM_CLOSED[0].lower() + FORM_CLOSED[1:]
ADMIN_REFUSED = (
    "Trang này thuộc cổng lưu trữ “{name}” nên chỉ được xem, không được sửa, thêm trang con, xóa, "
    "chuyển, xuất bản hay ngừng xuất bản. Quản trị hệ thống (superuser) phải bỏ chế độ lưu trữ "
    "trong Cài đặt → Thông tin cổng trước."
)


def _identity_model():
    from .models import SiteIdentity

    return SiteIdentity


def archive_of(site):
    """The site's SiteIdentity when the site is archived, else None."""
    if site is None:
        return None
    identity = _identity_model().for_site(site)
    return identity if identity.archived else None


def is_archived(request) -> bool:
    """Whether the request is for an archived site (no query: the setting is cached per request)."""
    if Site.find_for_request(request) is None:
        return False
    return bool(_identity_model().for_request(request).archived)


def banner_text(identity) -> str:
    until = identity.archived_until.strftime("%d/%m/%Y") if identity.archived_until else ""
    text = f"Trang lưu trữ của {identity.former_name}"
    return f"{text}, hoạt động đến {until}" if until else text


def page_archive(page):
    """The archived site's SiteIdentity whose root is this page or one of its ancestors, or None."""
    return first_archive([page])


def first_archive(pages):
    """The archive one of these pages belongs to, or None (one query for all of them)."""
    steplen = Page.steplen
    paths = {
        page.path[:end]
        for page in pages if isinstance(page, Page) and page.path
        for end in range(steplen, len(page.path) + 1, steplen)
    }
    if not paths:
        return None
    return (
        _identity_model().objects.filter(archived=True, site__root_page__path__in=paths)
        .select_related("site").first()
    )


def refusal_response(request, identity):
    """The admin's answer to a change of an archived site's pages: 403 with the reason."""
    return render(
        request, "core/archive_refused.html",
        {"message": ADMIN_REFUSED.format(name=identity.former_name), "identity": identity},
        status=403,
    )


def _page_and_request(args):
    # Our form views take (page, request) or (request, page).
    first, second = args[0], args[1]
    return (second, first) if isinstance(first, HttpRequest) else (first, second)


def closed_when_archived(view):
    """A public form view that an archived site answers with a notice: the form is not shown,
    and a POST is refused with 403 before anything is read or saved."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        page, request = _page_and_request(args)
        if not is_archived(request):
            return view(*args, **kwargs)
        return archived_form_response(request, page)

    return wrapper


@never_cache
def archived_form_response(request, page):
    posted = request.method not in ("GET", "HEAD")
    context = page.get_context(request)
    context.update({"notice": POST_REFUSED if posted else FORM_CLOSED, "refused": posted})
    return TemplateResponse(request, "core/archived_form.html", context, status=403 if posted else 200)
