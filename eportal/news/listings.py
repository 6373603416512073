"""Article queries shared by pages, portlets and feeds.

Each returns a queryset evaluated in a fixed number of SQL queries, however many
articles exist: featured images and their renditions are fetched with the articles, and
a category's articles are read through the (category, date) index, newest first, so a
listing reads only the rows it shows.
"""

from django.db.models import Prefetch, Q
from wagtail.images import get_image_model

from eportal.core.fragments import cached_fragment
from eportal.pagecache.recorder import featured_tag, record, tree_tag

from .models import ArticlePage, NewsCategoryPage

LISTING_RENDITION = "fill-320x200|format-webp"
# The listing thumbnail's srcset (news/includes/article_item.html): 2x and 1x of its 160 x 100 box.
LISTING_RENDITIONS = (LISTING_RENDITION, "fill-160x100|format-webp")
ORDER = ("-date", "-pk")


def published():
    """Live articles outside private sections (one query for the view restrictions)."""
    return ArticlePage.objects.live().public()


def with_images(queryset):
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    return (
        queryset.defer_streamfields()
        .select_related("featured_image")
        .prefetch_related(Prefetch("featured_image", queryset=images))
        .order_by(*ORDER)
    )


def articles():
    return with_images(published())


def category_subtrees(page):
    """{category id: ids of it and all categories below it} for the site `page` is in.

    Cached per content version: every publish, move or deletion renews it.
    """
    root_path = page.path[: 2 * page.steplen]

    def build():
        rows = list(NewsCategoryPage.objects.filter(path__startswith=root_path).values_list("pk", "path"))
        return {pk: [other for other, other_path in rows if other_path.startswith(path)] for pk, path in rows}

    return cached_fragment(f"category-subtrees:{root_path}", 0, build)


def _in_categories(queryset, category_ids):
    if len(category_ids) == 1:  # a category without subcategories: an ordered index range
        return queryset.filter(category_id=category_ids[0])
    return queryset.filter(category_id__in=category_ids)


def articles_in(category):
    record(tree_tag(category))  # a cached listing depends on what is published below it
    ids = category_subtrees(category).get(category.pk)
    if ids is None:  # not a news category (the home page's feed): every article below it
        return articles().descendant_of(category)
    return _in_categories(articles(), ids)


def count_in(category, queryset):
    """How many articles a category lists, counted once per content version."""
    return cached_fragment(f"article-count:{category.pk}", 0, queryset.count)


def featured_articles(under, limit=5):
    record(featured_tag(under))
    return articles().descendant_of(under).filter(is_featured=True)[:limit]


def newest_per_category(categories, per_category=4):
    """Map each category to its newest articles (including its subcategories'), in one query."""
    categories = list(categories)
    if not categories:
        return {}
    record(*(tree_tag(c) for c in categories))
    subtrees = category_subtrees(categories[0])
    base = published()
    owner, wanted = {}, Q(pk__in=[])
    for category in categories:
        ids = subtrees.get(category.pk, [category.pk])
        owner.update({pk: category for pk in ids})
        newest = _in_categories(base, ids).order_by(*ORDER).values("pk")[:per_category]
        wanted |= Q(pk__in=newest)
    result = {c: [] for c in categories}
    for article in with_images(ArticlePage.objects.filter(wanted)):
        result[owner[article.category_id]].append(article)
    return result
