"""Headless Chromium (Debian's package) driven by Playwright against the live portal."""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

# Without the background-networking flags Chromium tries to reach Google services and,
# with no internet here, fails or stalls.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "locale": "vi-VN",
}
DESKTOP = {
    "viewport": {"width": 1366, "height": 768},
    "locale": "vi-VN",
}


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session (per xdist worker)."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed: apt-get install -y chromium (the CI script installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session", autouse=True)
def _browser_before_server(browser):
    """Starts (or skips for lack of) Chromium before the live site is set up."""


@pytest.fixture
def new_context(browser):
    """Opens browser contexts (default: desktop) and closes them after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{**DESKTOP, **options})
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def article_path(live_site):
    """Path of the seed article imported by load_demo."""
    out = live_site.python("from eportal.news.models import ArticlePage; print(ArticlePage.objects.live().get().url)")
    path = out.strip()
    assert path.startswith("/") and path.endswith("/"), out
    return path
