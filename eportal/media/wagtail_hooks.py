"""Publishing is refused while an image of the page has no alt text (eportal.media.alt_text).

The page forms of articles and about pages already refuse it with the message beside the
field; this hook covers every other page type (rich-text images of consultations, legal
documents...) and publishing paths that skip those checks. The content has been saved as
a draft by then: the editor is sent back to it with the messages.

Publishing pages in bulk from the page listing publishes their latest drafts without any
form: the drafts are checked here too, and nothing is published if one fails.
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from .alt_text import page_problems


@hooks.register("before_publish_page")
def refuse_publishing_images_without_alt_text(request, page):
    problems = page_problems(page.specific)
    if not problems:
        return None
    messages.error(request, "Chưa xuất bản: có ảnh thiếu văn bản thay thế. Nội dung đã được lưu thành bản nháp.")
    for problem in problems:
        messages.error(request, problem)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_images_without_alt_text(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    from wagtail.models import Page

    found = []
    for page in objects:
        if not isinstance(page, Page):
            return None
        revision = page.get_latest_revision()
        content = revision.as_object() if revision else page.specific
        found += [f"“{page.get_admin_display_title()}”: {problem}" for problem in page_problems(content)]
    if not found:
        return None
    messages.error(request, "Chưa xuất bản trang nào: có ảnh thiếu văn bản thay thế.")
    for problem in found:
        messages.error(request, problem)
    return redirect(action_class_instance.next_url)
