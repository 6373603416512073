"""Search latency at growing numbers of articles, on one database.

    python -m bench.search --articles 1000,10000,100000        # DATABASE_URL picks the database

Fills the database of DATABASE_URL (default: var/bench/search.sqlite3) with the realistic
corpus of bench.dataset, growing it to each size in turn, and times the search page for
the corpus's fixed queries through Django's request handling (form, index lookup, ranking,
count, excerpts and template), each query REPEAT times after a warm-up. Prints median and
p95 per size, and writes var/bench/search-<vendor>.json. `make bench-search` runs it on
SQLite and on the local PostgreSQL and prints both.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

VAR = Path(__file__).resolve().parent.parent / "var" / "bench"


def _setup_django():
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{VAR / 'search.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings.base")
    os.environ.setdefault("STATIC_ROOT", str(VAR / "static"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(queries, repeat: int) -> dict:
    from django.conf import settings
    from django.test import Client

    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    timings, per_query = [], {}
    for query in queries:
        client.get("/tim-kiem/", {"q": query})  # warm-up: caches, statement preparation
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get("/tim-kiem/", {"q": query})
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (query, response.status_code)
        per_query[query] = round(statistics.median(samples), 2)
        timings.extend(samples)
    return {
        "median_ms": round(statistics.median(timings), 2),
        "p95_ms": round(_percentile(timings, 0.95), 2),
        "max_ms": round(max(timings), 2),
        "per_query_median_ms": per_query,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="1000,10000,100000", help="sizes to grow to, comma-separated")
    parser.add_argument("--repeat", type=int, default=10, help="timed runs of each query")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.articles.split(","))

    _setup_django()
    from django.db import connection

    from bench.corpus import Corpus
    from bench.dataset import build
    from eportal.search.models import SearchEntry

    queries = Corpus(seed=args.seed).queries()
    vendor = connection.vendor
    results = []
    for size in sizes:
        started = time.perf_counter()
        build(size, seed=args.seed, stdout=sys.stderr)
        if vendor == "postgresql":
            connection.cursor().execute("ANALYZE")  # what autovacuum does in production, now
        built = time.perf_counter() - started
        row = {"articles": size, "entries": SearchEntry.objects.count(), "build_s": round(built, 1)}
        row.update(measure(queries, args.repeat))
        results.append(row)
        print(f"{vendor:10} {size:>7} articles: median {row['median_ms']:7.2f} ms  p95 {row['p95_ms']:7.2f} ms"
              f"  max {row['max_ms']:7.2f} ms  ({row['entries']} entries, built in {built:.0f} s)", flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = last["p95_ms"] / first["p95_ms"]
        print(f"{vendor:10} p95 grew {growth:.2f}x from {first['articles']} to {last['articles']} articles")
    out = VAR / f"search-{vendor}.json"
    out.write_text(json.dumps({"vendor": vendor, "queries": queries, "results": results}, ensure_ascii=False, indent=2))
    print(f"written {out}")


if __name__ == "__main__":
    main()
