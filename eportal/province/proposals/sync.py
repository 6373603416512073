"""Shared copies follow their originals: a copy is never edited by hand, so it never drifts.

Publishing the original again updates and republishes its copies; unpublishing or deleting
the original unpublishes them (a deleted original leaves the copy as a draft the province
board may delete).
"""

from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

# What a copy takes from its original; the copy keeps its own slug, place and tags.
COPIED_FIELDS = ("title", "date", "lead", "featured_image_id", "author_name", "author_position")


def copy_content(original, copy) -> None:
    for field in COPIED_FIELDS:
        setattr(copy, field, getattr(original, field))
    copy.draft_title = original.title
    copy.seo_title = original.seo_title
    copy.search_description = original.search_description
    copy.body = original.body.get_prep_value()


def publish_copy(copy, user=None) -> None:
    copy.save_revision(user=user, log_action=False).publish(user=user)


def source_of(original_id) -> dict | None:
    """The original's full URL and its site's portal title (what the copy's page shows)."""
    from eportal.core.models import SiteIdentity

    original = Page.objects.filter(pk=original_id).first()
    if original is None:
        return None
    site = original.get_site()
    name = SiteIdentity.for_site(site).portal_title if site else ""
    return {"url": original.get_full_url() or "", "name": name or (site.site_name if site else "")}


def _copies_of(page):
    from ..models import SharedArticlePage

    return SharedArticlePage.objects.filter(original_id=page.pk)


def _is_original(instance) -> bool:
    from eportal.news.models import ArticlePage

    from ..models import SharedArticlePage

    return isinstance(instance, ArticlePage) and not isinstance(instance, SharedArticlePage)


def original_published(sender, instance, revision=None, **kwargs):
    if not _is_original(instance):
        return
    for copy in _copies_of(instance):
        copy_content(instance, copy)
        publish_copy(copy)


def original_unpublished(sender, instance, **kwargs):
    if not _is_original(instance):
        return
    for copy in _copies_of(instance).filter(live=True):
        copy.unpublish()


def original_deleted(sender, instance, **kwargs):
    # Sent for the ArticlePage row of every deleted article page (a page's deletion
    # collects its specific rows); the copy's link is then cleared by SET_NULL.
    if not _is_original(instance):
        return
    for copy in _copies_of(instance).filter(live=True):
        copy.unpublish()


def connect() -> None:
    from eportal.news.models import ArticlePage

    page_published.connect(original_published, dispatch_uid="province-shared-published")
    page_unpublished.connect(original_unpublished, dispatch_uid="province-shared-unpublished")
    pre_delete.connect(original_deleted, sender=ArticlePage, dispatch_uid="province-shared-deleted")
