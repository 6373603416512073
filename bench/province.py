"""The province at scale: a commune site among many against a one-site portal, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        python -m bench.province --sites 100 --articles 10000 [--reference-articles 10000]

Creates (drops first) two databases on the server of DATABASE_URL: eportal_bench_province,
with SITES commune sites of ARTICLES articles each (bench.bulk_pages), and
eportal_bench_single, one such site of REFERENCE_ARTICLES articles with the same texts as
the commune measured. Serves each with the app server as bench.run does (deploy/run-app,
granian, page cache off, a private Redis) and runs wrk, one page at a time and alternating
the two servers, on the measured commune's home, category, article and search pages (by
Host header). Prints the commune/one-site latency ratios against the 1.5× target, the bulk
load throughput, the throughput of `import_legacy` on saved pages, the database sizes and
the biggest tables; writes the table to build/bench-province.md and the figures to
var/bench/province/results.json.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus, urlsplit, urlunsplit

from bench import bulk_pages
from bench.run import BENCH_DIR, ROOT, AppServer, Redis, environment, get, log, wrk

VAR = BENCH_DIR / "province"
OUT = ROOT / "build" / "bench-province.md"
DATABASES = {"province": "eportal_bench_province", "single": "eportal_bench_single"}
PORTS = {"province": 18010, "single": 18011}
REDIS_PORT = 16390
TARGET = 1.5
COMMON_QUERY = "nông thôn mới"  # in a good share of the articles
RARE_QUERY = "Sơn Văn Chanh"  # a name, in about 4 % of them
FIRST_VIEWS = 60  # articles spread over the category's years, each requested once
FIRST_VIEW_PAGE = "article, first view"


def database_url(base: str, name: str) -> str:
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


def connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def recreate_database(base: str, name: str) -> None:
    with connect(database_url(base, "postgres")) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')


def run_environment(url: str, prefix: str) -> dict:
    env = environment(VAR / "unused.sqlite3")
    env.update({
        "DATABASE_URL": url,
        "EPORTAL_VAR_DIR": str(VAR),
        "ALLOWED_HOSTS": f"127.0.0.1,localhost,testserver,.{bulk_pages.DOMAIN}",
        "CACHE_KEY_PREFIX": prefix,  # the two databases share one Redis
    })
    env.pop("REDIS_URL", None)
    return env


def build(env: dict, numbers: list[int], articles: int, jobs: int) -> dict:
    figures_file = VAR / f"build-{env['CACHE_KEY_PREFIX']}.json"
    command = [sys.executable, "-m", "bench.bulk_pages", "--sites", str(len(numbers)),
               "--numbers", ",".join(map(str, numbers)), "--articles", str(articles), "--jobs", str(jobs),
               "--json", str(figures_file)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return json.loads(figures_file.read_text())


def site_paths(url: str, host: str) -> dict:
    """The measured pages of a site: home, its biggest category and an article in the middle of it."""
    with connect(url) as db:
        home_path, home_url = db.execute(
            "SELECT p.path, p.url_path FROM wagtailcore_site s JOIN wagtailcore_page p ON p.id = s.root_page_id"
            " WHERE s.hostname = %s", [host]).fetchone()
        category_path, category_url, children = db.execute(
            "SELECT path, url_path, numchild FROM wagtailcore_page WHERE path LIKE %s AND depth = %s"
            " ORDER BY numchild DESC, path LIMIT 1", [home_path + "%", len(home_path) // 4 + 1]).fetchone()
        articles = [url for (url,) in db.execute(
            "SELECT url_path FROM wagtailcore_page WHERE path LIKE %s AND depth = %s ORDER BY path",
            [category_path + "%", len(category_path) // 4 + 1]).fetchall()]
    relative = len(home_url) - 1
    article_url = articles[children // 2]
    step = max(1, len(articles) // FIRST_VIEWS)
    first_views = [url[relative:] for url in articles[step // 2::step] if url != article_url][:FIRST_VIEWS]
    return {
        FIRST_VIEW_PAGE: first_views,
        "home": "/",
        "category": category_url[relative:],
        "article": article_url[relative:],
        "search (common word)": "/tim-kiem/?q=" + quote_plus(COMMON_QUERY),
        "search (rare word)": "/tim-kiem/?q=" + quote_plus(RARE_QUERY),
    }


def search_matches(url: str, host: str) -> dict:
    """How many of the site's entries hold all the folded syllables of each query."""
    counts = {}
    with connect(url) as db:
        for query in (COMMON_QUERY, RARE_QUERY):
            terms = " & ".join(f"'{word}'" for word in fold(query).split())
            (counts[query],) = db.execute(
                "SELECT count(*) FROM portal_search_searchentry e JOIN wagtailcore_site s ON s.id = e.site_id"
                " WHERE s.hostname = %s AND e.all_tsv @@ %s::tsquery", [host, terms]).fetchone()
    return counts


def fold(text: str) -> str:
    from eportal.search.text import fold as fold_text

    return fold_text(text.lower())


def sizes(url: str, name: str) -> dict:
    with connect(url) as db:
        (total,) = db.execute("SELECT pg_database_size(%s)", [name]).fetchone()
        tables = db.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY 2 DESC LIMIT 6").fetchall()
    return {"bytes": total, "tables": tables}


def measure(servers: dict, hosts: dict, paths: dict, duration: int, connections: int, rounds: int) -> dict:
    """wrk on each page, the one-site portal then the commune, one server loaded at a time,
    `rounds` times; each keeps its round of lowest median (the least disturbed by other work)."""
    results = {}
    for round_number in range(1, rounds + 1):
        log(f"round {round_number} of {rounds}")
        for page, pair in _measure_round(servers, hosts, paths, duration, connections).items():
            for kind, stats in pair.items():
                best = results.setdefault(page, {}).get(kind)
                if best is None or stats["p50_us"] < best["p50_us"]:
                    results[page][kind] = stats
    return results


def first_views(servers, hosts, paths) -> dict:
    """One request to each of many articles never requested before: their cached blocks
    ("Tin đã đưa", the body) are built, as a crawler or the long tail of readers costs."""
    timings = {"single": [], "province": []}
    for index in range(len(paths["single"][FIRST_VIEW_PAGE])):
        for kind in ("single", "province"):
            url = f"http://127.0.0.1:{servers[kind]}{paths[kind][FIRST_VIEW_PAGE][index]}"
            started = time.perf_counter()
            get(url, {"Host": hosts[kind]})
            timings[kind].append((time.perf_counter() - started) * 1e6)
    results = {}
    for kind, values in timings.items():
        values.sort()
        seconds = sum(values) / 1e6
        results[kind] = {"requests": len(values), "seconds": seconds, "errors": 0, "non2xx": 0,
                         "p50_us": statistics.median(values), "p95_us": values[round(0.95 * (len(values) - 1))],
                         "p99_us": values[-1], "req_s": len(values) / seconds}
        log(f"{kind:8} {FIRST_VIEW_PAGE:22} {results[kind]['req_s']:7.1f} req/s  median "
            f"{results[kind]['p50_us'] / 1000:7.2f} ms  p95 {results[kind]['p95_us'] / 1000:7.2f} ms (one client)")
    return results


def _measure_round(servers, hosts, paths, duration, connections) -> dict:
    results = {}
    for page in paths["single"]:
        if page == FIRST_VIEW_PAGE:
            continue
        for kind in ("single", "province"):
            url = f"http://127.0.0.1:{servers[kind]}{paths[kind][page]}"
            host = hosts[kind]
            body = get(url, {"Host": host}).decode()  # warm-up, and the right site answers
            title = bulk_pages.portal_title(int(host[3:6]))
            if title not in body:
                sys.exit(f"bench: {url} (Host: {host}) did not answer with the page of {title}")
            stats = wrk(url, duration, connections, headers=[f"Host: {host}"])
            if stats["non2xx"]:
                sys.exit(f"bench: {stats['non2xx']} answers not 2xx on {url} (Host: {host}); see {BENCH_DIR}/app-*.log")
            results.setdefault(page, {})[kind] = stats
            log(f"{kind:8} {page:22} {stats['req_s']:7.0f} req/s  median {stats['p50_us'] / 1000:7.2f} ms"
                f"  p95 {stats['p95_us'] / 1000:7.2f} ms  {stats['errors']} errors (timeouts)")
    return results


def import_legacy(env: dict, host: str, count: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="eportal-legacy-"))
    try:
        subprocess.run([sys.executable, "-m", "bench.legacy_pages", str(folder), str(count)], cwd=ROOT, check=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "manage.py", "import_legacy", str(folder), "--site", host, "-v", "0"],
                       cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"pages": count, "seconds": round(seconds, 1), "pages_per_second": round(count / seconds, 1)}


def thousands(value) -> str:
    return f"{value:,.0f}".replace(",", " ")


def megabytes(value: int) -> str:
    return f"{thousands(value / 2**20)} MB"


def report(args, numbers, loads, legacy, results, matches, db_sizes) -> str:
    commune = numbers[len(numbers) // 2]
    total = args.sites * args.articles
    lines = [
        f"### Province benchmark: {args.sites} sites × {thousands(args.articles)} articles = {thousands(total)} articles",
        "",
        f"PostgreSQL, {os.cpu_count()} CPUs shared with wrk, app server deploy/run-app (granian, 2 workers), "
        f"page cache off, Redis; wrk {args.connections} connections, {args.duration} s per page, best of {args.rounds} rounds. "
        f"Commune {bulk_pages.hostname(commune)} of the province against a one-site portal of "
        f"{thousands(args.reference_articles)} articles with the same texts. Search: \"{COMMON_QUERY}\" "
        f"({matches['province'][COMMON_QUERY]} / {matches['single'][COMMON_QUERY]} matches), "
        f"\"{RARE_QUERY}\" ({matches['province'][RARE_QUERY]} / {matches['single'][RARE_QUERY]}). "
        f"\"{FIRST_VIEW_PAGE}\": {FIRST_VIEWS} articles spread over the category's years, one request each "
        "by one client, so their cached blocks are built (fragment caches are warm on the other rows).",
        "",
        "| page | one-site median / p95 ms | one-site req/s | commune median / p95 ms | commune req/s "
        f"| × median | × p95 | ≤ {TARGET}× | timeouts |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    verdicts = []
    for page, pair in results.items():
        one, many = pair["single"], pair["province"]
        median_ratio = many["p50_us"] / one["p50_us"]
        p95_ratio = many["p95_us"] / one["p95_us"]
        passed = median_ratio <= TARGET
        verdicts.append(passed)
        lines.append(
            f"| {page} | {one['p50_us'] / 1000:.1f} / {one['p95_us'] / 1000:.1f} | {one['req_s']:.0f} "
            f"| {many['p50_us'] / 1000:.1f} / {many['p95_us'] / 1000:.1f} | {many['req_s']:.0f} "
            f"| {median_ratio:.2f} | {p95_ratio:.2f} | {'PASS' if passed else 'FAIL'} | {one['errors'] + many['errors']} |")
    province_load, single_load = loads["province"], loads["single"]
    lines += [
        "",
        "| import | figures |",
        "| --- | --- |",
        f"| bulk load, province ({thousands(province_load['articles'])} articles, bench.bulk_pages, "
        f"{province_load['jobs']} job(s)) | {province_load['articles_per_second']:.0f} articles/s: rows "
        f"{province_load['rows_seconds']:.0f} s + search index {province_load['index_seconds']:.0f} s "
        f"(+ VACUUM ANALYZE {province_load['vacuum_analyze_seconds']:.0f} s) |",
        f"| bulk load, one-site portal ({thousands(single_load['articles'])} articles) "
        f"| {single_load['articles_per_second']:.0f} articles/s |",
    ]
    if legacy:
        lines.append(f"| `import_legacy`, {legacy['pages']} saved pages into {legacy['site']} "
                     f"| {legacy['pages_per_second']:.1f} pages/s ({legacy['seconds']:.0f} s) |")
    lines += ["", "| database | size | biggest tables |", "| --- | ---: | --- |"]
    for kind, name in DATABASES.items():
        info = db_sizes[kind]
        tables = ", ".join(f"{table} {megabytes(size)}" for table, size in info["tables"])
        lines.append(f"| {name} | {megabytes(info['bytes'])} | {tables} |")
    failed = sum(not passed for passed in verdicts)
    verdict = (f"Verdict: PASS: every page of the commune within {TARGET}× of the one-site portal's median latency."
               if not failed else f"Verdict: FAIL on {failed} page(s): median latency above {TARGET}×.")
    lines += ["", verdict]
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.province", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=100, help="commune sites in the province (default 100)")
    parser.add_argument("--articles", type=int, default=10_000, help="articles per site (default 10000)")
    parser.add_argument("--reference-articles", type=int, help="articles of the one-site portal (default: --articles)")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page (default 10)")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="measurements of each page, the best kept (default 3)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes preparing articles (default 1)")
    parser.add_argument("--legacy-pages", type=int, default=500, help="saved pages for import_legacy (0: skip)")
    parser.add_argument("--reuse", action="store_true", help="keep the databases of an earlier run; measure only")
    args = parser.parse_args(argv)
    if args.reference_articles is None:
        args.reference_articles = args.articles
    if min(args.sites, args.articles, args.reference_articles, args.duration, args.connections, args.jobs, args.rounds) < 1:
        parser.error("--sites, --articles, --reference-articles, --duration, --connections, --rounds and --jobs must be at least 1")
    if args.sites > 999:
        parser.error("--sites must be at most 999")
    base = os.environ.get("DATABASE_URL", "")
    if urlsplit(base).scheme not in ("postgres", "postgresql", "pgsql"):
        sys.exit("bench: this benchmark needs PostgreSQL: set DATABASE_URL=postgres://USER@HOST:PORT/ANY_DB "
                 "(it creates its own databases eportal_bench_province and eportal_bench_single there)")
    if shutil.which("wrk") is None:
        sys.exit("bench: wrk missing; install it: apt-get install -y wrk")

    VAR.mkdir(parents=True, exist_ok=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    numbers = list(range(1, args.sites + 1))
    commune = numbers[len(numbers) // 2]
    urls = {kind: database_url(base, name) for kind, name in DATABASES.items()}
    envs = {kind: run_environment(urls[kind], f"eportal-bench-{kind}") for kind in DATABASES}
    hosts = {kind: bulk_pages.hostname(commune) for kind in DATABASES}
    loads_file = VAR / "loads.json"
    if args.reuse and loads_file.exists():
        loads = json.loads(loads_file.read_text())
    else:
        for kind, name in DATABASES.items():
            recreate_database(base, name)
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
                       cwd=ROOT, env=envs["single"], check=True)
        log(f"building the one-site portal: {args.reference_articles} articles")
        loads = {"single": build(envs["single"], [commune], args.reference_articles, args.jobs)}
        log(f"building the province: {args.sites} sites × {args.articles} articles")
        loads["province"] = build(envs["province"], numbers, args.articles, args.jobs)
        loads_file.write_text(json.dumps(loads, indent=2))

    paths = {kind: site_paths(urls[kind], hosts[kind]) for kind in DATABASES}
    matches = {kind: search_matches(urls[kind], hosts[kind]) for kind in DATABASES}
    redis_env = {}
    with Redis(redis_env, port=REDIS_PORT):
        for env in envs.values():
            if redis_env.get("REDIS_URL"):
                env["REDIS_URL"] = redis_env["REDIS_URL"]
        with AppServer(envs["single"], PORTS["single"], page_cache=False), \
                AppServer(envs["province"], PORTS["province"], page_cache=False):
            results = measure(PORTS, hosts, paths, args.duration, args.connections, args.rounds)
            results[FIRST_VIEW_PAGE] = first_views(PORTS, hosts, paths)

        legacy = None
        if args.legacy_pages:
            target = bulk_pages.hostname(numbers[-1])
            log(f"import_legacy: {args.legacy_pages} saved pages into {target}")
            legacy = {**import_legacy(envs["province"], target, args.legacy_pages), "site": target}
    previous = VAR / "results.json"
    if legacy is None and args.reuse and previous.exists():
        legacy = json.loads(previous.read_text()).get("legacy")  # measured by the run that built them
    db_sizes = {kind: sizes(urls[kind], DATABASES[kind]) for kind in DATABASES}

    table = report(args, numbers, loads, legacy, results, matches, db_sizes)
    print()
    print(table)
    OUT.write_text(table)
    (VAR / "results.json").write_text(json.dumps(
        {"loads": loads, "legacy": legacy, "pages": results, "search_matches": matches,
         "database_bytes": {kind: info["bytes"] for kind, info in db_sizes.items()}}, indent=2, ensure_ascii=False))
    log(f"wrote {OUT.relative_to(ROOT)} and {(VAR / 'results.json').relative_to(ROOT)}")
    return 0 if "Verdict: PASS" in table else 1


if __name__ == "__main__":
    sys.exit(main())
