import pytest
from django.core.cache import cache

from eportal.core import hitcounter
from eportal.demo.loader import ensure_home_page

from .factories import CategoryFactory


@pytest.fixture(autouse=True)
def _clean_cache(settings):
    """Caches (and the Redis hit counter) start empty in every test, like the database."""
    if settings.REDIS_URL:
        cache.delete_pattern("*")
    else:
        cache.clear()
    # Emptying Redis looks like a Redis restart to the counter: forget the hits of the last test.
    hitcounter._redis_counters.clear()
    yield


# A person's browser. Django's test client and urllib send no browser's User-Agent, which the
# hit counter counts as a bot's (eportal.visits.classify); tests about bots say so.
PERSON_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"


@pytest.fixture
def client():
    from django.test import Client

    return Client(HTTP_USER_AGENT=PERSON_AGENT)


@pytest.fixture
def site(db):
    return ensure_home_page()


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def category(home):
    return CategoryFactory(parent=home, title="Tin tức - Sự kiện", slug="tin-tuc-su-kien")


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """The real portal served by granian with two workers, the demo loaded."""
    from .livesite import LiveSite

    site = LiveSite(tmp_path_factory.mktemp("live-site"))
    try:
        yield site.start()
    finally:
        site.stop()


@pytest.fixture
def keep_test_connection():
    """Call the WSGI application directly inside a test's transaction.

    Django closes the database connection at the start and end of each request when it
    is not in autocommit mode, which a test transaction never is; the test client turns
    that off, and so must tests that drive `eportal.wsgi.application` themselves.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
