"""Which models are content that cached pages show, and the tags they record."""

from django.apps import apps
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

# Apps whose non-page models may appear on public pages.
CONTENT_APPS = {
    "core", "news", "documents", "procedures", "questions", "consultations",
    "about", "schedule", "access", "satisfaction", "media", "taggit",
}
# Never shown on a cached page: the counter is a never-cached frame; requests, ratings and
# cache bookkeeping are private.
IGNORED = {
    "core.hitcount", "core.onlinevisitor", "core.hitcountersettings", "core.countergeneration",
    "access.informationrequest", "satisfaction.satisfactionrating", "pagecache.cachedfiletag",
}


def _is_page_part(model) -> bool:
    """Inline rows of a page (steps, tags...): written only when the page is published."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
    )


def per_instance_models():
    """Images and documents: tagged one by one (a page shows a few of thousands)."""
    return {get_image_model(): "image", get_document_model(): "document"}


def per_type_models():
    """Snippets, settings, menu items, schedule entries...: one tag per model."""
    per_instance = per_instance_models()
    found = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if (
            model._meta.app_label not in CONTENT_APPS
            or label in IGNORED
            or issubclass(model, Page)
            or model in per_instance
            or _is_page_part(model)
        ):
            continue
        found.append(model)
    return found


def model_tag(model) -> str:
    return f"model:{model._meta.label_lower}"


# Rows listed by a page without a link to it: a change purges every page of that type
# (an empty list loads no row, so it recorded no tag of the row's model).
LISTED_ON_PAGES_OF_TYPE = {"questions.question": "questions.questionindexpage"}


def change_tags(model, instance) -> set:
    """Tags a saved or deleted row of a per-type model purges."""
    tags = {model_tag(model)}
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey):
            continue
        target = field.related_model
        value = getattr(instance, field.attname)
        if issubclass(target, Page):
            if value is not None:
                tags.add(f"page:{value}")  # the page it belongs to, even while its list was empty
        elif isinstance(field, ParentalKey):
            tags.add(model_tag(target))  # a menu item: the menu, loaded even while it was empty
    page_type = LISTED_ON_PAGES_OF_TYPE.get(model._meta.label_lower)
    if page_type:
        page_model = apps.get_model(page_type)
        tags.update(f"page:{pk}" for pk in page_model.objects.values_list("pk", flat=True))
    return tags
