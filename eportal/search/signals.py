"""The index follows publishing at once, in the same transaction as the change."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import indexing


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    indexing.index_page(instance)


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    indexing.remove_page(instance)


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs):
    indexing.index_subtree(instance)


@receiver(post_save, sender="questions.Question")
def index_question(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.index_question(instance)
