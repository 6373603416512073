"""Article queries shared by pages, portlets and feeds.

Each returns a queryset evaluated in a fixed number of SQL queries, however many
articles exist: featured images and their renditions are fetched with the articles.
"""

from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.images import get_image_model

from eportal.pagecache.recorder import featured_tag, record, tree_tag

from .models import ArticlePage

LISTING_RENDITION = "fill-320x200|format-webp"


def articles():
    images = get_image_model().objects.prefetch_renditions(LISTING_RENDITION)
    return (
        ArticlePage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("featured_image")
        .prefetch_related(Prefetch("featured_image", queryset=images))
        .order_by("-date", "-pk")
    )


def articles_in(category):
    record(tree_tag(category))  # a cached listing depends on what is published below it
    return articles().descendant_of(category)


def featured_articles(under, limit=5):
    record(featured_tag(under))
    return articles().descendant_of(under).filter(is_featured=True)[:limit]


def newest_per_category(categories, per_category=4):
    """Map each category to its newest articles (including its subcategories'), in one query."""
    categories = list(categories)
    if not categories:
        return {}
    depth_path_len = len(categories[0].path)
    assert all(len(c.path) == depth_path_len for c in categories), "categories must be siblings"
    by_path = {c.path: c for c in categories}
    record(*(tree_tag(c) for c in categories))
    ranked = articles().annotate(
        category_path=Substr("path", 1, depth_path_len),
        rank=Window(
            RowNumber(),
            partition_by=[Substr("path", 1, depth_path_len)],
            order_by=[F("date").desc(), F("pk").desc()],
        ),
    ).filter(category_path__in=list(by_path), rank__lte=per_category)
    result = {c: [] for c in categories}
    for article in ranked:
        result[by_path[article.category_path]].append(article)
    return result
