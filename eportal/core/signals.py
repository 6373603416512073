from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .fragments import new_content_version
from .hitcounter import forget_start_value
from .models import HitCounterSettings, MainMenu, MainMenuItem, SiteIdentity, WebsiteLink, WebsiteLinks


@receiver([post_save, post_delete], sender=HitCounterSettings)
def hit_counter_settings_changed(sender, instance, **kwargs):
    forget_start_value(instance.site_id)


def _content_changed(**kwargs):
    # After commit: a request in between must not cache the old content under the new version.
    transaction.on_commit(new_content_version)


for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(_content_changed, dispatch_uid=f"eportal-content-{id(signal)}")


@receiver([post_save, post_delete], dispatch_uid="eportal-content-live-page")
def live_page_saved_or_deleted(sender, instance, **kwargs):
    # Covers pages created live or changed without the publish signal (code, imports).
    if isinstance(instance, Page) and instance.live:
        _content_changed()

for model in (MainMenu, MainMenuItem, WebsiteLinks, WebsiteLink, SiteIdentity):
    post_save.connect(_content_changed, sender=model, dispatch_uid=f"eportal-content-save-{model.__name__}")
    post_delete.connect(_content_changed, sender=model, dispatch_uid=f"eportal-content-delete-{model.__name__}")
post_save.connect(_content_changed, sender=get_image_model(), dispatch_uid="eportal-content-image")
