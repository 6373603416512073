"""Fill the configured database with a district portal of many articles, fast.

    python -m bench.dataset --articles 100000 [--seed 1]

Loads the demo portal (eportal.demo.loader) if needed, then adds live ArticlePages made by
bench.corpus under the demo's news categories until the database holds the requested
number of benchmark articles (marked by their legacy_key "bench:<i>"); running it again
adds only what is missing.

Pages are not added one by one with treebeard's add_child (a few queries each): the
materialised paths are computed here, the Page rows are bulk-created, then the rows of
the ArticlePage table are inserted with executemany, a batch per transaction, so the
tree stays consistent even if a run is interrupted.
"""

import argparse
import importlib
import inspect
import os
import sys
import time
import uuid
from html import escape

from .corpus import Corpus

BATCH = 1000
KEY_PREFIX = "bench:"
# Namespace of the pages' translation keys and block ids, so a seed always gives the same.
UUID_NAMESPACE = uuid.UUID("5b0c1e9e-6c1e-4a57-9d3e-2f4d1b8b7a10")
PROGRESS_EVERY = 2.0  # seconds


def build(articles: int, seed: int = 1, stdout=sys.stdout) -> dict:
    """Make sure the demo portal and `articles` benchmark articles exist; return figures."""
    from django.db import transaction

    from eportal.core.fragments import new_content_version
    from eportal.demo.loader import load_demo
    from eportal.news.models import ArticlePage

    if articles < 0:
        raise ValueError("the number of articles must be zero or more")
    started = time.perf_counter()
    site = load_demo(stdout=stdout)
    categories = _categories(site.root_page)

    existing = _existing_indices(ArticlePage)
    indices = _missing_indices(existing, articles - len(existing))
    stdout.write(f"{len(existing)} benchmark articles exist; adding {len(indices)}.\n")
    corpus = Corpus(seed=seed, size=max([1, articles, *[i + 1 for i in indices]]))
    writer = _PageWriter(ArticlePage, categories, seed)

    created, last_report, insert_started = 0, 0.0, time.perf_counter()
    for start in range(0, len(indices), BATCH):
        batch = indices[start:start + BATCH]
        articles_of_batch = [corpus.article(i) for i in batch]
        with transaction.atomic():
            writer.insert(batch, articles_of_batch)
        created += len(batch)
        now = time.perf_counter()
        if now - last_report >= PROGRESS_EVERY or created == len(indices):
            last_report = now
            rate = created / (now - insert_started)
            stdout.write(f"  {created}/{len(indices)} articles, {rate:.0f} articles/s\n")
    insert_seconds = time.perf_counter() - insert_started

    indexed = _rebuild_search_index(stdout)
    pagecache = _optional_module("eportal.pagecache.store")
    if pagecache is not None:
        pagecache.purge_all()  # cached listings do not show the new articles
    new_content_version()
    total_seconds = time.perf_counter() - started
    rate = created / insert_seconds if created else 0.0
    stdout.write(f"Added {created} articles in {insert_seconds:.1f} s ({rate:.0f} articles/s); "
                 f"{total_seconds:.1f} s in all.\n")
    return {
        "created": created,
        "total": len(existing) + created,
        "insert_seconds": insert_seconds,
        "articles_per_second": rate,
        "seconds": total_seconds,
        "search_index_rebuilt": indexed,
    }


def _categories(home) -> list:
    """The category page for each index of Corpus.categories(), by title under `home`;
    a portal without some demo category gets its other categories in turn."""
    from eportal.news.models import NewsCategoryPage

    pages = list(NewsCategoryPage.objects.descendant_of(home).order_by("path"))
    if not pages:
        raise RuntimeError("the portal has no news category to add articles to")
    by_title = {}
    for page in pages:
        by_title.setdefault(page.title, page)
    return [by_title.get(name) or pages[index % len(pages)] for index, name in enumerate(Corpus.categories())]


def _existing_indices(article_model) -> set[int]:
    keys = article_model.objects.filter(legacy_key__startswith=KEY_PREFIX).values_list("legacy_key", flat=True)
    return {int(key[len(KEY_PREFIX):]) for key in keys}


def _missing_indices(existing: set[int], count: int) -> list[int]:
    """The `count` smallest article indices not in `existing`."""
    indices, i = [], 0
    while len(indices) < count:
        if i not in existing:
            indices.append(i)
        i += 1
    return indices


class _PageWriter:
    """Inserts articles as Page rows (bulk_create) and ArticlePage rows (executemany)."""

    def __init__(self, article_model, categories, seed):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection
        from wagtail.models import Page

        self.page_model = Page
        self.connection = connection
        self.seed = seed
        self.categories = categories
        self.content_type_id = ContentType.objects.get_for_model(article_model).id
        self.next_child = {page.pk: self._last_child_number(page) + 1 for page in categories}
        self.fields = article_model._meta.local_concrete_fields
        table = connection.ops.quote_name(article_model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in self.fields)
        placeholders = ", ".join(["%s"] * len(self.fields))
        self.insert_sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"

    def _last_child_number(self, parent) -> int:
        Page = self.page_model
        last = (Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path").values_list("path", flat=True).first())
        return Page._str2int(last[-Page.steplen:]) if last else 0

    def insert(self, indices, articles) -> None:
        """Insert one batch of articles and count them in their parents' numchild."""
        from django.db.models import F

        from eportal.core.text import vn_slugify

        Page = self.page_model
        pages, rows, added = [], [], {}
        for i, article in zip(indices, articles):
            parent = self.categories[article.category]
            number = self.next_child[parent.pk]
            self.next_child[parent.pk] = number + 1
            added[parent.pk] = added.get(parent.pk, 0) + 1
            slug = f"{_short_slug(vn_slugify(article.title, 255))}-{i}"
            pages.append(Page(
                path=Page._get_path(parent.path, parent.depth + 1, number),
                depth=parent.depth + 1,
                numchild=0,
                translation_key=uuid.uuid5(UUID_NAMESPACE, f"{self.seed}:{i}"),
                locale_id=parent.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=article.date,
                last_published_at=article.date,
                title=article.title,
                draft_title=article.title,
                slug=slug,
                content_type_id=self.content_type_id,
                url_path=f"{parent.url_path}{slug}/",
                show_in_menus=False,
            ))
            body_html = "".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in article.paragraphs)
            block_id = str(uuid.uuid5(UUID_NAMESPACE, f"{self.seed}:{i}:body"))
            rows.append({
                "date": article.date,
                "lead": article.lead,
                "body": [{"type": "paragraph", "value": body_html, "id": block_id}],
                "author_name": article.author,
                "author_position": article.author_position,
                "source": article.source,
                "featured_image": None,
                "is_featured": article.featured,
                "legacy_key": f"{KEY_PREFIX}{i}",
                "category": parent.pk,
            })
        Page.objects.bulk_create(pages, batch_size=BATCH)
        for page, row in zip(pages, rows):
            row["page_ptr"] = page.pk
        connection = self.connection
        values = [
            tuple(field.get_db_prep_save(row[field.name] if field.name in row else field.get_default(), connection)
                  for field in self.fields)
            for row in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(self.insert_sql, values)
        for parent_id, count in added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)


def _short_slug(slug: str, length: int = 60) -> str:
    """`slug` cut to at most `length` characters between words."""
    return slug if len(slug) <= length else slug[:length + 1].rsplit("-", 1)[0]


def _optional_module(dotted: str):
    """The module, or None when it (or its package) does not exist."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError as error:
        if error.name and (dotted == error.name or dotted.startswith(error.name + ".")):
            return None
        raise


def _rebuild_search_index(stdout) -> bool:
    """Rebuild the portal's search index when eportal.search.indexing exists."""
    from django.core.management.base import OutputWrapper

    indexing = _optional_module("eportal.search.indexing")
    if indexing is None:
        stdout.write("No eportal.search.indexing: search index not rebuilt.\n")
        return False
    rebuild = indexing.rebuild_index
    started = time.perf_counter()
    if "stdout" in inspect.signature(rebuild).parameters:
        rebuild(stdout=OutputWrapper(stdout))  # it ends each line, as commands do
    else:
        rebuild()
    stdout.write(f"Search index rebuilt in {time.perf_counter() - started:.1f} s.\n")
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.dataset",
        description="Load the demo portal and add realistic Vietnamese news articles for benchmarks.",
    )
    parser.add_argument("--articles", type=int, required=True, help="how many benchmark articles the database should hold")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated text (default 1)")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be zero or more")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings.base")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("migrate", interactive=False, verbosity=0)
        build(args.articles, seed=args.seed)
    except DatabaseError as error:
        print(f"error: database: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
