"""Purge exactly the cached files a content change affects, once the change commits."""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store
from .content import change_tags, per_instance_models, per_type_models

# Saving only these fields (a draft revision, a lock) changes nothing visitors see.
BOOKKEEPING_FIELDS = {
    "latest_revision", "latest_revision_created_at", "draft_title", "has_unpublished_changes",
    "locked", "locked_at", "locked_by", "live_revision", "numchild",
}


def purge_on_commit(tags):
    tags = set(tags)
    if tags and store.cache_dir() is not None:
        transaction.on_commit(lambda: store.purge(tags), robust=True)


def _ancestor_paths(path, steplen=Page.steplen):
    return [path[:end] for end in range(steplen, len(path), steplen)]


def removed_page_tags(path, pk):
    """Pages that showed this page, and the lists it was in."""
    return {f"page:{pk}", "sitemap", *(f"tree:{p}" for p in _ancestor_paths(path))}


def shown_page_tags(page):
    """Pages that show, or may now show, this live page."""
    from eportal.news.models import ArticlePage, VideoPage

    tags = removed_page_tags(page.path, page.pk)
    specific = page.specific_deferred if type(page) is Page else page
    if isinstance(specific, ArticlePage):
        if specific.is_featured:
            tags.update(f"featured:{p}" for p in _ancestor_paths(page.path))
        tags.update(f"page:{pk}" for pk in _later_siblings(specific))
    if isinstance(specific, VideoPage) and _is_newest_video(specific):
        tags.add("videos")
    return tags


def _later_siblings(article):
    """The articles whose "Tin đã đưa" may now list this one: the next newer in its category."""
    from eportal.news.models import ArticlePage

    return list(
        ArticlePage.objects.live()
        .filter(category_id=article.category_id or article._parent_id())
        .filter(Q(date__gt=article.date) | Q(date=article.date, pk__gt=article.pk))
        .order_by("date", "pk")
        .values_list("pk", flat=True)[: ArticlePage.EARLIER_COUNT]
    )


def _is_newest_video(video):
    from eportal.news.models import VideoPage

    return video.live and not (
        VideoPage.objects.live()
        .filter(Q(date__gt=video.date) | Q(date=video.date, pk__gt=video.pk))
        .exists()
    )


def page_published_or_unpublished(sender, instance, **kwargs):
    purge_on_commit(shown_page_tags(instance) if instance.live else removed_page_tags(instance.path, instance.pk))


def page_saved(sender, instance, created, update_fields=None, **kwargs):
    # Pages created or changed live without the publish signal (imports, code).
    if not instance.live or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    purge_on_commit(shown_page_tags(instance))


def page_deleted(sender, instance, **kwargs):
    if instance.pk is not None and instance.path:
        purge_on_commit(removed_page_tags(instance.path, instance.pk))


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    old_ancestors = [*_ancestor_paths(parent_page_before.path), parent_page_before.path]
    tags = shown_page_tags(instance) if instance.live else removed_page_tags(instance.path, instance.pk)
    tags.update(f"tree:{p}" for p in old_ancestors)
    tags.update(f"featured:{p}" for p in old_ancestors)
    purge_on_commit(tags)


def _per_instance_changed(prefix):
    def receiver(sender, instance, created=False, **kwargs):
        # A new upload is shown nowhere yet.
        if not created:
            purge_on_commit({f"{prefix}:{instance.pk}"})

    return receiver


def _per_type_changed(sender, instance, **kwargs):
    purge_on_commit(change_tags(sender, instance))


def connect():
    page_published.connect(page_published_or_unpublished, dispatch_uid="pagecache-published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="pagecache-moved")
    for model in {Page, *get_page_models()}:
        label = model._meta.label
        post_save.connect(page_saved, sender=model, dispatch_uid=f"pagecache-save-{label}")
        pre_delete.connect(page_deleted, sender=model, dispatch_uid=f"pagecache-delete-{label}")
    for model, prefix in per_instance_models().items():
        receiver = _per_instance_changed(prefix)
        label = model._meta.label
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"pagecache-delete-{label}")
    for model in per_type_models():
        label = model._meta.label
        post_save.connect(_per_type_changed, sender=model, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(_per_type_changed, sender=model, dispatch_uid=f"pagecache-delete-{label}")
