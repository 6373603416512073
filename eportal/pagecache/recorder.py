"""Dependency tags recorded while a response renders.

Code that reads content calls `record(tree_tag(category))`; every page loaded from the
database records "page:<id>" by itself. Outside `recording()` both are no-ops, so
the admin, the API and management commands pay nothing.

Tags:
  page:<id>      the page's own fields are shown (title, URL, lead, ...)
  tree:<path>    a list of pages below the page at treebeard <path> is shown (listings,
                 feeds); by path, so that a change finds its ancestors' tags without a query
  featured:<path> the featured articles below <path> are shown
  image:<id>, document:<id>   an image or document is shown
  model:<label>  some row of a snippet, setting or other content model is shown
  videos         the newest video may be shown (the Video Clip portlet)
  sitemap        /sitemap.xml
  chrome         (purge only) everything
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_init

_current: ContextVar[set | None] = ContextVar("pagecache_tags", default=None)


@contextmanager
def recording():
    tags = set()
    token = _current.set(tags)
    try:
        yield tags
    finally:
        _current.reset(token)


def record(*tags: str) -> None:
    current = _current.get()
    if current is not None:
        current.update(tags)


def tree_tag(page) -> str:
    return f"tree:{page.path}"


def featured_tag(page) -> str:
    return f"featured:{page.path}"


def recorded() -> set | None:
    """The tags recorded so far by the current recording, or None outside one."""
    return _current.get()


def _page_loaded(sender, instance, **kwargs):
    current = _current.get()
    if current is not None and instance.pk is not None:
        current.add(f"page:{instance.pk}")


def _tagging_receiver(tag_for, needs_pk=True):
    def receiver(sender, instance, **kwargs):
        current = _current.get()
        # A setting created on first use has no pk yet, and its type is all its tag needs.
        if current is not None and (instance.pk is not None or not needs_pk):
            current.add(tag_for(instance))

    return receiver


def connect_page_loading():
    """Every content row loaded while recording records the tag its changes purge."""
    from wagtail.models import Page, get_page_models

    from .content import model_tag, per_instance_models, per_type_models

    for model in {Page, *get_page_models()}:
        post_init.connect(_page_loaded, sender=model, dispatch_uid=f"pagecache-load-{model._meta.label}")
    for model, prefix in per_instance_models().items():
        post_init.connect(
            _tagging_receiver(lambda instance, prefix=prefix: f"{prefix}:{instance.pk}"),
            sender=model, weak=False, dispatch_uid=f"pagecache-load-{model._meta.label}",
        )
    for model in per_type_models():
        post_init.connect(
            _tagging_receiver(lambda instance, tag=model_tag(model): tag, needs_pk=False),
            sender=model, weak=False, dispatch_uid=f"pagecache-load-{model._meta.label}",
        )


def capture(build):
    """Run build() under its own recording; return (value, tags) and pass the tags on."""
    with recording() as tags:
        value = build()
    record(*tags)
    return value, tags
