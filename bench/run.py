"""`make bench`: the portal under load, the way deploy/ runs it, against a static reference.

    python -m bench.run [--articles 10000] [--duration 10] [--connections 32] [--reuse]

Builds a fresh benchmark database under var/bench/ (SQLite unless DATABASE_URL is set) with
bench.dataset, starts the app server with deploy/run-app and Debian's nginx with the
configuration of deploy/nginx/ on high ports, runs wrk against warm pages (page cache),
cold pages (app server alone, page cache off), the search page, a static copy of the
article page (the reference), and the hit counter; measures publish-to-visible, the cold
article's SQL queries and the workers' memory. Prints a table and writes
var/bench/results.json.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
NGINX_DIR = BENCH_DIR / "nginx"
PAGECACHE_DIR = BENCH_DIR / "pagecache"
NGINX_PORT, APP_PORT, COLD_APP_PORT = 18080, 18000, 18001
SEARCH_PATH = "/tim-kiem/?q=ke+sach"
COUNTER_PATH = "/luot-truy-cap/"
# The counter counts only people's browsers (eportal.visits.classify); wrk sends no User-Agent.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"


def log(message):
    print(f"bench: {message}", flush=True)


def environment(articles_db: Path) -> dict:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{articles_db}")
    env.update({
        "DJANGO_SETTINGS_MODULE": "eportal.settings.base",
        "EPORTAL_VAR_DIR": str(BENCH_DIR),
        "EPORTAL_PAGE_CACHE_DIR": str(PAGECACHE_DIR),
        "SECRET_KEY": env.get("SECRET_KEY") or "bench-only-secret-key-not-for-production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "EPORTAL_TRUSTED_PROXIES": "127.0.0.1",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        # The counter batches writes when Redis is configured; the flush below makes it exact.
        "CACHE_KEY_PREFIX": "eportal-bench",
        # wrk is one client: the per-client search limit would answer it 429.
        "EPORTAL_SEARCHES_PER_MINUTE": "100000000",
        # wrk is one client: the counter's rate rule would count it as a bot after 60 views.
        "EPORTAL_VISIT_PERSON_MAX_PER_MINUTE": "0",
    })
    return env


class Redis:
    """A private redis-server under var/bench when REDIS_URL is not set and Redis is installed."""

    def __init__(self, env, port=16379):
        self.env, self.port, self.process = env, port, None

    def __enter__(self):
        if self.env.get("REDIS_URL") or shutil.which("redis-server") is None:
            return self
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(BENCH_DIR)], stdout=subprocess.DEVNULL, start_new_session=True)
        self.env["REDIS_URL"] = f"redis://127.0.0.1:{self.port}/0"
        for _ in range(50):
            if subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(10)


def require_tools():
    missing = [tool for tool in ("nginx", "wrk") if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists()]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        sys.exit(f"bench: {' and '.join(missing)} missing; install them: apt-get install -y nginx wrk")
    log(f"installing {' '.join(missing)} from Debian")
    subprocess.run(["apt-get", "install", "-y", "-q", "nginx", "wrk"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def nginx_binary():
    return shutil.which("nginx") or "/usr/sbin/nginx"


# --- processes ---------------------------------------------------------------------------

class AppServer:
    def __init__(self, env, port, page_cache=True):
        self.env = {**env, "PORT": str(port), "WORKERS": "2"}  # THREADS: deploy/run-app's unless set
        if not page_cache:
            self.env["EPORTAL_PAGE_CACHE_DIR"] = ""
        self.port = port
        self.process = None

    def __enter__(self):
        self.log = open(BENCH_DIR / f"app-{self.port}.log", "w")
        self.process = subprocess.Popen([str(ROOT / "deploy" / "run-app")], cwd=ROOT, env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(f"http://127.0.0.1:{self.port}/robots.txt", self.process)
        return self

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()

    def worker_pids(self):
        return descendants(self.process.pid)


class Nginx:
    def __init__(self, port):
        self.port = port

    def __enter__(self):
        shutil.rmtree(NGINX_DIR, ignore_errors=True)
        for sub in ("tmp", "reference"):
            (NGINX_DIR / sub).mkdir(parents=True)
        http_conf = (ROOT / "deploy" / "nginx" / "eportal-http.conf").read_text()
        (NGINX_DIR / "eportal-http.conf").write_text(http_conf.replace("127.0.0.1:8000", f"127.0.0.1:{APP_PORT}"))
        template = (ROOT / "bench" / "nginx" / "nginx.conf.template").read_text()
        (NGINX_DIR / "nginx.conf").write_text(template.format(
            user="user root;" if os.geteuid() == 0 else "", prefix=NGINX_DIR, port=self.port,
            pagecache=PAGECACHE_DIR, deploy=ROOT / "deploy",
        ))
        conf = str(NGINX_DIR / "nginx.conf")
        subprocess.run([nginx_binary(), "-t", "-q", "-p", str(NGINX_DIR), "-c", conf], check=True)
        subprocess.run([nginx_binary(), "-p", str(NGINX_DIR), "-c", conf], check=True)
        return self

    def __exit__(self, *exc):
        pid_file = NGINX_DIR / "nginx.pid"
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), signal.SIGQUIT)
            time.sleep(0.5)


def wait_for(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"bench: the app server exited with {process.returncode}; see var/bench/app-*.log")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    sys.exit(f"bench: {url} did not answer within {timeout} s")


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.extend(children)
            todo.extend(children)
    return found


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PeakMemory:
    """Samples the app workers' resident memory while a load runs."""

    def __init__(self, app):
        self.app, self.peak, self.stop = app, 0.0, threading.Event()

    def __enter__(self):
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while not self.stop.is_set():
            for pid in self.app.worker_pids():
                self.peak = max(self.peak, rss_mb(pid))
            self.stop.wait(0.25)

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


# --- measurements ------------------------------------------------------------------------

def wrk(url, duration, connections, threads=2, headers=()):
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "--latency",
               "-s", str(ROOT / "bench" / "nginx" / "stats.lua")]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    stats = json.loads(line[6:])
    stats["req_s"] = stats["requests"] / stats["seconds"]
    return stats


def get(url, headers=None):
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER, **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def counter_total():
    from django.core.management import call_command
    from wagtail.models import Site

    from eportal.core.hitcounter import current_total

    call_command("flush_hit_counter", verbosity=0)
    return current_total(Site.objects.get(is_default_site=True))


def send_exactly(url, count, concurrency=8):
    """Send exactly `count` requests and return how many answered 200."""
    lock, answered, next_index = threading.Lock(), [0], [0]

    def worker():
        while True:
            with lock:
                if next_index[0] >= count:
                    return
                next_index[0] += 1
            try:
                get(url)
                with lock:
                    answered[0] += 1
            except urllib.error.URLError:
                pass

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answered[0]


def cold_queries(path, flush=False):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["csrftoken"] = "bench"  # not written to the page cache
    if flush:
        cache.clear()
    else:
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    assert response.status_code == 200, (path, response.status_code)
    return len(queries), elapsed * 1000


def publish_to_visible(article, base_url):
    from eportal.news.models import ArticlePage

    page = ArticlePage.objects.get(pk=article.pk)
    page.title = f"{page.title} (cập nhật {int(time.time())})"
    url = base_url + page.url
    get(url)  # cached before the edit
    started = time.perf_counter()
    page.save_revision().publish()
    while time.perf_counter() - started < 30:
        if page.title.encode() in get(url):
            return time.perf_counter() - started
        time.sleep(0.01)
    return float("inf")


# --- the run -------------------------------------------------------------------------------

def prepare(env, articles, reuse):
    db_file = BENCH_DIR / "bench.sqlite3"
    if not reuse:
        for path in [PAGECACHE_DIR, BENCH_DIR / "cache", *BENCH_DIR.glob("bench.sqlite3*")]:
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(env)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    import django

    django.setup()
    from bench import dataset

    log(f"building the data set: {articles} articles ({env['DATABASE_URL'].split(':', 1)[0]}"
        f"{', Redis' if env.get('REDIS_URL') else ''})")
    dataset.build(articles, seed=1)
    return db_file


def pick_pages(articles):
    from eportal.news.models import ArticlePage

    article = (
        ArticlePage.objects.live().filter(legacy_key=f"bench:{max(articles // 2, 0)}").first()
        or ArticlePage.objects.live().order_by("-date").first()
    )
    category = article.get_parent()
    return article, category


def run(args):
    require_tools()
    env = environment(BENCH_DIR / "bench.sqlite3")
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with Redis(env):
        return measure(args, env)


def measure(args, env):
    prepare(env, args.articles, args.reuse)
    article, category = pick_pages(args.articles)
    paths = {"article": article.url, "category": category.url, "home": "/"}
    nginx_url = f"http://127.0.0.1:{NGINX_PORT}"
    rows, results = [], {}
    duration, connections = args.duration, args.connections

    def row(name, stats, reference=None):
        ratio = f"{stats['req_s'] / reference:.2f}" if reference else ""
        rows.append((name, stats["req_s"], stats["p50_us"] / 1000, stats["p99_us"] / 1000, ratio, stats["errors"]))
        log(f"{name}: {stats['req_s']:.0f} req/s, p50 {stats['p50_us'] / 1000:.2f} ms, p99 {stats['p99_us'] / 1000:.2f} ms")

    with Nginx(NGINX_PORT), AppServer(env, APP_PORT) as app:
        for path in paths.values():  # a miss renders the page and writes it for nginx
            get(nginx_url + path)
        missing = [p for p in paths.values() if not (PAGECACHE_DIR / "127.0.0.1" / p.strip("/") / "index.html").exists()]
        if missing:
            sys.exit(f"bench: not written to the page cache: {missing}")
        reference = NGINX_DIR / "reference" / "static-reference" / "article.html"
        reference.parent.mkdir(parents=True)
        reference.write_bytes(get(nginx_url + paths["article"]))

        static = wrk(nginx_url + "/static-reference/article.html", duration, connections)
        row("static reference (nginx)", static)
        with PeakMemory(app) as memory:
            warm = {name: wrk(nginx_url + path, duration, connections) for name, path in paths.items()}
            for name, stats in warm.items():
                row(f"warm {name} (page cache)", stats, static["req_s"])

            before = counter_total()
            counter = wrk(nginx_url + COUNTER_PATH, duration, connections, headers=[f"User-Agent: {BROWSER}"])
            time.sleep(2)  # requests in flight when wrk stopped still count
            after_load = counter_total()
            row("hit counter (nginx → app)", counter)
            exact_sent = 2000
            answered = send_exactly(nginx_url + COUNTER_PATH, exact_sent)
            after_exact = counter_total()
        publish_seconds = publish_to_visible(article, nginx_url)
        log(f"publish-to-visible: {publish_seconds:.3f} s")
        warm_memory = memory.peak

    with AppServer(env, COLD_APP_PORT, page_cache=False) as cold_app, PeakMemory(cold_app) as memory:
        cold_url = f"http://127.0.0.1:{COLD_APP_PORT}"
        for path in [*paths.values(), SEARCH_PATH]:
            get(cold_url + path)
        cold = {name: wrk(cold_url + path, duration, connections) for name, path in paths.items()}
        for name, stats in cold.items():
            row(f"cold {name} (app server)", stats, static["req_s"])
        search = wrk(cold_url + SEARCH_PATH, duration, connections)
        row("search page (app server)", search, static["req_s"])
    worker_rss = max(warm_memory, memory.peak)

    queries, cold_ms = cold_queries(paths["article"])
    flushed_queries, flushed_ms = cold_queries(paths["article"], flush=True)

    print()
    print(f"eportal benchmark: {args.articles} articles, {connections} connections, {duration} s each, "
          f"{os.cpu_count()} CPUs (shared with wrk)")
    print(f"{'':34} {'req/s':>9} {'median ms':>10} {'p99 ms':>8} {'× static':>9} {'errors':>7}")
    for name, req_s, p50, p99, ratio, errors in rows:
        print(f"{name:34} {req_s:9.0f} {p50:10.2f} {p99:8.2f} {ratio:>9} {errors:7d}")
    print()
    print(f"cold article: {queries} SQL queries, {cold_ms:.1f} ms (one request, fragment caches warm); "
          f"every cache flushed: {flushed_queries} queries, {flushed_ms:.1f} ms")
    print(f"search page p95: {search['p95_us'] / 1000:.1f} ms")
    counted = after_load - before
    print(f"hit counter: {counter['req_s']:.0f} views/s; under wrk {counted} counted for {counter['requests']} "
          f"answered (+{counted - counter['requests']} in flight when wrk stopped); exact run: "
          f"{before + counted} + {exact_sent} sent ({answered} answered) = {after_exact} "
          f"{'✓ exact' if after_exact == after_load + exact_sent else '✗ NOT EXACT'}")
    print(f"publish to visible: {publish_seconds:.3f} s")
    print(f"app workers' peak resident memory: {worker_rss:.0f} MB")

    results = {
        "static_req_s": round(static["req_s"], 1),
        "warm_article_req_s": round(warm["article"]["req_s"], 1),
        "warm_ratio": round(warm["article"]["req_s"] / static["req_s"], 3),
        "cold_article_req_s": round(cold["article"]["req_s"], 1),
        "cold_article_queries": queries,
        "search_p95_ms": round(search["p95_us"] / 1000, 2),
        "counter_views_s": round(counter["req_s"], 1),
        "publish_visible_s": round(publish_seconds, 3),
        "worker_rss_mb": round(worker_rss, 1),
    }
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    log(f"wrote {BENCH_DIR / 'results.json'}")
    return 0 if after_exact == after_load + exact_sent else 1


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the data set (default 10000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    parser.add_argument("--reuse", action="store_true", help="keep var/bench's database and caches")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.duration < 1 or args.connections < 1:
        parser.error("--articles, --duration and --connections must be at least 1")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
