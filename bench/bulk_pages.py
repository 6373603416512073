"""Many commune sites with many live articles each, loaded in bulk, for the province benchmark.

    python -m bench.bulk_pages --sites 3 --articles 200 [--numbers 2] [--jobs 2] [--json FILE]

Migrates the database of DATABASE_URL, makes sure the default site (the province portal)
exists, then adds the commune sites xa-NNN.bench.local: a Wagtail Site with a HomePage at
depth 2, the news categories of bench.corpus, SiteIdentity and HitCount, and ARTICLES live
published articles per site with their search index entries.

The few pages of a site are added with treebeard's add_child. Articles are not: the
Page and ArticlePage rows are written in batches by bench.dataset's writer (materialised
paths computed in Python), and the search entries are made by the search app's own
functions (eportal.search.sources.for_page and eportal.search.indexing) and bulk-created,
with PostgreSQL's GIN indexes dropped during the load and built once at the end. Articles
get no revision: visitors never read one (an editor's first edit makes one).

Text generation and search terms cost most of the time; --jobs N prepares them in N
worker processes while this process writes.
"""

import argparse
import json
import multiprocessing
import os
import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass
from html import escape
from types import SimpleNamespace

BATCH = 1000  # articles per task and per transaction
DOMAIN = "bench.local"
PROVINCE = "Sóc Trăng"
SEED_SPACING = 1000  # a site's corpus seed: seed * SEED_SPACING + its number


def hostname(number: int) -> str:
    return f"xa-{number:03d}.{DOMAIN}"


def portal_title(number: int) -> str:
    return f"Cổng thông tin điện tử xã Thử Nghiệm {number:03d}"


@dataclass(frozen=True)
class SitePlan:
    """What worker processes need to prepare a site's articles, without the database."""

    number: int
    site_id: int
    corpus_seed: int
    articles: int
    categories: list  # Page objects, indexed like Corpus.categories()
    roots: object  # eportal.search.sources.SiteRoots


def create_site(number: int):
    """The commune site `number` (made if missing) and its news categories, as a SitePlan
    without articles."""
    from wagtail.models import Page, Site

    from bench.corpus import Corpus
    from bench.dataset import _categories
    from eportal.core.models import SiteIdentity
    from eportal.core.models.counter import HitCount
    from eportal.core.text import vn_slugify
    from eportal.news.models import HomePage, NewsCategoryPage

    site = Site.objects.filter(hostname=hostname(number), port=80).select_related("root_page").first()
    if site is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(
            title="Trang chủ", slug=f"xa-{number:03d}", seo_title=portal_title(number), live=True,
        ))
        for title in Corpus.categories():
            home.add_child(instance=NewsCategoryPage(title=title, slug=vn_slugify(title), live=True))
        site = Site.objects.create(hostname=hostname(number), port=80, root_page=home, site_name=portal_title(number))
        SiteIdentity.objects.update_or_create(site=site, defaults={
            "portal_title": portal_title(number),
            "agency_name": f"Ủy ban nhân dân xã Thử Nghiệm {number:03d}",
            "province": PROVINCE,
        })
        HitCount.objects.get_or_create(site=site)
    home = site.root_page.specific
    return site, _categories(home)


def _sites_with_articles(numbers) -> list[int]:
    from wagtail.models import Site

    from eportal.news.models import ArticlePage

    found = []
    for site in Site.objects.filter(hostname__in=[hostname(n) for n in numbers]).select_related("root_page"):
        if ArticlePage.objects.descendant_of(site.root_page).exists():
            found.append(int(site.hostname[3:6]))
    return sorted(found)


# --- preparing rows (worker processes) ------------------------------------------------------

_PLANS: dict[int, SitePlan] = {}


def _body(article) -> list[dict]:
    html = "".join(f"<p>{escape(paragraph, quote=False)}</p>" for paragraph in article.paragraphs)
    return [{"type": "paragraph", "value": html, "id": str(uuid.uuid4())}]


def prepare(task):
    """Articles start..stop of a site, each with the fields of its search entry (all but
    the ones that need its page id and address)."""
    from bench.corpus import Corpus
    from eportal.news.models import ArticlePage
    from eportal.search import indexing, sources

    number, start, stop = task
    plan = _PLANS[number]
    corpus = Corpus(seed=plan.corpus_seed, size=plan.articles)
    prepared = []
    for i in range(start, stop):
        article = corpus.article(i)
        parent = plan.categories[article.category]
        # An unsaved page under its category: for_page reads its text, date and parent.
        page = ArticlePage(
            title=article.title, date=article.date, lead=article.lead,
            body=_body(article), author_name=article.author, depth=parent.depth + 1,
            path=parent.path + "0000", url_path=f"{parent.url_path}bai/",
        )
        fields = indexing._entry_fields(sources.for_page(page, plan.roots))
        fields.pop("site")
        fields.pop("url")
        prepared.append((i, article, fields))
    return number, prepared


def _bounded_map(function, tasks, jobs):
    """function(task) for each task, in order; at most 2 × jobs tasks ahead of the reader."""
    if jobs <= 1:
        yield from map(function, tasks)
        return
    from django.db import connections

    connections.close_all()  # forked workers must not share this process's connection
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        pending = deque()
        tasks = iter(tasks)
        for task in tasks:
            pending.append(pool.apply_async(function, (task,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


# --- writing (this process) -----------------------------------------------------------------

class _SiteWriter:
    """Writes one site's prepared articles: pages (bench.dataset's writer) and search entries."""

    def __init__(self, plan: SitePlan, seed: int):
        from bench.dataset import _PageWriter
        from eportal.news.models import ArticlePage

        self.plan = plan
        self.pages = _PageWriter(ArticlePage, plan.categories, seed=f"province-{seed}-{plan.number}")

    def write(self, prepared) -> None:
        from django.db import transaction
        from wagtail.models import Page

        from bench.dataset import UUID_NAMESPACE
        from eportal.search.models import SearchEntry, order_key

        indices = [i for i, _, _ in prepared]
        keys = {uuid.uuid5(UUID_NAMESPACE, f"{self.pages.seed}:{i}"): i for i in indices}
        with transaction.atomic():
            self.pages.insert(indices, [article for _, article, _ in prepared])
            written = {
                keys[key]: (pk, path, url_path) for key, pk, path, url_path in
                Page.objects.filter(translation_key__in=list(keys)).values_list("translation_key", "pk", "path", "url_path")
            }
            entries = []
            for i, _, fields in prepared:
                pk, path, url_path = written[i]
                _, url = self.plan.roots.url_of(SimpleNamespace(path=path, url_path=url_path))
                entries.append(SearchEntry(
                    id=order_key(fields["date"], 2 * pk), page_id=pk, site_id=self.plan.site_id, url=url, **fields,
                ))
            SearchEntry.objects.bulk_create(entries, batch_size=BATCH)


def build(numbers, articles: int, seed: int = 1, jobs: int = 1, stdout=sys.stdout) -> dict:
    """Add the commune sites `numbers` with `articles` articles each; return figures."""
    from django.db import connection

    from eportal.core.fragments import new_content_version
    from eportal.demo.loader import ensure_home_page
    from eportal.search import backends
    from eportal.search.sources import SiteRoots

    if articles < 0:
        raise ValueError("the number of articles must be zero or more")
    started = time.perf_counter()
    ensure_home_page()  # the province portal: the default site
    loaded = _sites_with_articles(numbers)
    if loaded:
        stdout.write(f"Sites already holding articles, left as they are: {', '.join(map(str, loaded))}.\n")
    numbers = [number for number in numbers if number not in loaded]
    sites = [create_site(number) for number in numbers]
    roots = SiteRoots()
    for number, (site, categories) in zip(numbers, sites):
        _PLANS[number] = SitePlan(number, site.pk, seed * SEED_SPACING + number, articles, categories, roots)
    sites_seconds = time.perf_counter() - started
    stdout.write(f"{len(numbers)} sites ready in {sites_seconds:.1f} s; adding {articles} articles to each.\n")

    writers = {number: _SiteWriter(_PLANS[number], seed) for number in numbers}
    tasks = [(number, start, min(start + BATCH, articles)) for number in numbers for start in range(0, articles, BATCH)]
    total, written, last_report = len(numbers) * articles, 0, 0.0
    load_started = time.perf_counter()
    with backends.current().bulk_load():
        for number, prepared in _bounded_map(prepare, tasks, jobs):
            writers[number].write(prepared)
            written += len(prepared)
            now = time.perf_counter()
            if now - last_report >= 10 or written == total:
                last_report = now
                stdout.write(f"  {written}/{total} articles, {written / (now - load_started):.0f} articles/s\n")
                stdout.flush()
        rows_seconds = time.perf_counter() - load_started
        stdout.write("Building the search index...\n")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # GIN builds are many times faster in memory
                cursor.execute("SET maintenance_work_mem = '1GB'")
    load_seconds = time.perf_counter() - load_started
    analyze_started = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum does after a load, now. VACUUM cannot run in a transaction
            # (a test's): there the statistics alone are refreshed.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    analyze_seconds = time.perf_counter() - analyze_started
    new_content_version()
    figures = {
        "sites": len(numbers),
        "articles_per_site": articles,
        "articles": written,
        "jobs": jobs,
        "sites_seconds": round(sites_seconds, 1),
        "rows_seconds": round(rows_seconds, 1),
        "index_seconds": round(load_seconds - rows_seconds, 1),
        "load_seconds": round(load_seconds, 1),
        "vacuum_analyze_seconds": round(analyze_seconds, 1),
        "articles_per_second": round(written / load_seconds, 1) if written else 0.0,
    }
    stdout.write(f"Added {written} articles in {load_seconds:.1f} s ({figures['articles_per_second']:.0f} articles/s, "
                 f"search index build included); VACUUM ANALYZE {analyze_seconds:.1f} s.\n")
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bulk_pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, required=True, help="how many commune sites (numbered from 1)")
    parser.add_argument("--articles", type=int, required=True, help="articles per site")
    parser.add_argument("--numbers", help="the site numbers to build instead of 1..SITES, comma-separated")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated text (default 1)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes preparing articles (default 1)")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    if args.sites < 1 or args.articles < 0 or args.jobs < 1:
        parser.error("--sites and --jobs must be at least 1, --articles zero or more")
    numbers = list(range(1, args.sites + 1))
    if args.numbers:
        try:
            numbers = [int(n) for n in args.numbers.split(",")]
        except ValueError:
            parser.error("--numbers must be whole numbers separated by commas, e.g. 50 or 1,2,3")
    if any(not 1 <= n <= 999 for n in numbers):
        parser.error("site numbers must be between 1 and 999")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings.base")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("migrate", interactive=False, verbosity=0)
        figures = build(numbers, args.articles, seed=args.seed, jobs=args.jobs)
    except DatabaseError as error:
        print(f"error: database: {error}", file=sys.stderr)
        return 1
    if args.json:
        with open(args.json, "w") as out:
            json.dump(figures, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
