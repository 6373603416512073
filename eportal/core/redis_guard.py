"""Keep serving when Redis is down: fail fast, and say so once.

Redis holds the cache, the sessions' cache and the hit counter's running total; none of
them is needed to answer a visitor (the cache settings ignore Redis errors, sessions fall
back to the database, the counter counts in the database). What must not happen is every
request waiting for a connect timeout, or the log filling with one error per request. So
after a failed connect, this process treats Redis as unreachable for RETRY_SECONDS and
fails at once, logs one warning when Redis goes away and one line when it is back.
"""

import logging
import threading
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger("eportal.redis")

RETRY_SECONDS = 2.0


class RedisGuard:
    def __init__(self):
        self._lock = threading.Lock()
        self.down_until = 0.0
        self.down_since = None
        # How many times Redis came back: writes to the cache were lost meanwhile (a new
        # content version among them), so what it holds may be stale (eportal.core.fragments).
        self.recoveries = 0

    @property
    def is_down(self) -> bool:
        return self.down_since is not None

    def check(self) -> None:
        if self.down_since is not None and time.monotonic() < self.down_until:
            raise ConnectionError("Redis is unreachable (retrying shortly)")

    def failed(self, error: Exception, where: str) -> None:
        with self._lock:
            self.down_until = time.monotonic() + RETRY_SECONDS
            if self.down_since is None:
                self.down_since = time.time()
                logger.warning("Redis at %s is unreachable (%s); serving from the database until it answers", where, error)

    def succeeded(self, where: str) -> None:
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is not None:
                logger.warning("Redis at %s answers again after %.0f s", where, time.time() - self.down_since)
                self.down_since = None
                self.down_until = 0.0
                self.recoveries += 1


guard = RedisGuard()


class GuardedConnection(Connection):
    """redis-py's TCP connection, failing fast while the guard says Redis is down."""

    def connect_check_health(self, check_health: bool = True, retry_socket_connect: bool = True):
        if self._sock:
            return
        guard.check()
        try:
            super().connect_check_health(check_health=check_health, retry_socket_connect=retry_socket_connect)
        except (ConnectionError, TimeoutError) as error:
            guard.failed(error, f"{self.host}:{self.port}")
            raise
        guard.succeeded(f"{self.host}:{self.port}")
