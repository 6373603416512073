"""/healthz and /readyz for the load balancer, answered before Django's request handling.

They skip middleware, URL resolution and the ALLOWED_HOSTS check on purpose: a load
balancer probes each server by its address, and a probe must not depend on the pieces
it is meant to watch. /healthz says the process answers; /readyz also reaches the
database and, when REDIS_URL is set, Redis, each on a fresh connection with a short
timeout, so a hung database makes the probe fail rather than hang.
"""

import json
import logging

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import load_backend

logger = logging.getLogger(__name__)

TIMEOUT = 2  # seconds for the database connection; Redis gets 1
HEADERS = [
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Robots-Tag", "noindex"),
]


def check_database() -> str:
    """'ok', or 'error' when SELECT 1 fails on a new connection to the default database."""
    config = dict(connections[DEFAULT_DB_ALIAS].settings_dict)
    options = dict(config.get("OPTIONS") or {})
    if config["ENGINE"].endswith("postgresql"):
        options.setdefault("connect_timeout", TIMEOUT)
        options["options"] = f"{options.get('options', '')} -c statement_timeout={TIMEOUT * 1000}".strip()
    elif config["ENGINE"].endswith("sqlite3"):
        options["timeout"] = TIMEOUT
    config["OPTIONS"] = options
    connection = load_backend(config["ENGINE"]).DatabaseWrapper(config, DEFAULT_DB_ALIAS)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception as error:
        logger.warning("Readiness: database check failed: %s", error.__class__.__name__)
        return "error"
    finally:
        connection.close()


def check_redis() -> str:
    """'ok', 'error', or 'not configured' when REDIS_URL is empty. A client of its own:
    the cache's pooled connections may hide that Redis has gone."""
    if not settings.REDIS_URL:
        return "not configured"
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
        return "ok"
    except Exception as error:
        logger.warning("Readiness: Redis check failed: %s", error.__class__.__name__)
        return "error"
    finally:
        client.close()


def readiness() -> tuple[bool, dict]:
    checks = {"database": check_database(), "redis": check_redis()}
    return all(value in ("ok", "not configured") for value in checks.values()), checks


class ProbeFastPath:
    """WSGI wrapper answering GET/HEAD /healthz and /readyz; anything else goes on."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO")
        if path not in ("/healthz", "/readyz") or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.application(environ, start_response)
        if path == "/healthz":
            status, content_type, body = "200 OK", "text/plain; charset=utf-8", b"ok\n"
        else:
            ready, checks = readiness()
            status = "200 OK" if ready else "503 Service Unavailable"
            content_type, body = "application/json", json.dumps(checks).encode()
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), *HEADERS]
        start_response(status, headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
