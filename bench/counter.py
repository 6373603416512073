"""Cost of one counter-frame load in-process (eportal.wsgi's fast path), with Redis and without.

    .venv/bin/python -m bench.counter [--hits 20000]

Builds a throw-away SQLite database under var/bench-counter/, then calls the WSGI application
for /luot-truy-cap/?p=<article>&r=google.com as many distinct people's browsers would, and
prints microseconds per load (median of 5 rounds) for: the database counter, Redis (a
redis-server of its own), and Redis with a bot's User-Agent. No HTTP, no nginx: this isolates
what the app does per view; `make bench` measures the whole path under wrk.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench-counter"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hits", type=int, default=20000, help="loads per round (default 20000)")
    parser.add_argument("--mode", choices=["database", "redis"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        return measure(args.mode, args.hits)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    env = {**os.environ, "EPORTAL_VAR_DIR": str(WORK),
           "DATABASE_URL": f"sqlite:///{WORK / 'db.sqlite3'}", "SECRET_KEY": "bench-counter-" + "x" * 40,
           "ALLOWED_HOSTS": "testserver", "EPORTAL_VISIT_PERSON_MAX_PER_MINUTE": "0", "REDIS_URL": ""}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "bench.counter", "--mode", "database", "--hits", str(args.hits)], cwd=ROOT, env=env, check=True)
    redis = subprocess.Popen(["redis-server", "--port", "16399", "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        env["REDIS_URL"] = "redis://127.0.0.1:16399/0"
        subprocess.run([sys.executable, "-m", "bench.counter", "--mode", "redis", "--hits", str(args.hits)], cwd=ROOT, env=env, check=True)
    finally:
        redis.terminate()


def measure(mode, hits):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eportal.settings.base")
    django.setup()
    from wagtail.models import Page

    from eportal.wsgi import application

    page = Page.objects.live().filter(depth__gt=2).first()
    query = f"p={page.pk}&r=google.com"

    def load(number, agent):
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": "/luot-truy-cap/", "QUERY_STRING": query,
            "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
            "REMOTE_ADDR": f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
            "HTTP_USER_AGENT": agent, "HTTP_SEC_FETCH_DEST": "iframe", "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(), "wsgi.errors": BytesIO(),
        }
        b"".join(application(environ, lambda *a: None))

    rounds = [("person", BROWSER)] + ([("bot", BOT)] if mode == "redis" else [])
    for name, agent in rounds:
        count = hits if mode == "redis" else max(hits // 10, 200)
        for number in range(200):
            load(number, agent)
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            for number in range(count):
                load(number, agent)
            samples.append((time.perf_counter() - started) / count * 1e6)
        print(f"{mode:8} {name:6} {statistics.median(samples):8.1f} µs per load  ({count} loads × 5 rounds)")


if __name__ == "__main__":
    sys.exit(main())
