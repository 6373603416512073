"""axe-core, from the npm package in node_modules, run inside the page by Playwright.

The script is injected with Playwright's evaluate (DevTools, not subject to the page's
Content-Security-Policy), so nothing is fetched at run time and the page's own policy
stays as strict as in production.
"""

from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "build" / "screenshots"

# WCAG 2.1 A and AA, plus axe's best practices: landmarks, heading order, one <h1>, unique
# landmark names: what a screen-reader user navigates by.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ") + " :: " + (n.failureSummary || "").replace(/\\s+/g, " ")),
  }));
}"""


@cache
def axe_source() -> str:
    if not AXE_SCRIPT.exists():
        pytest.skip("axe-core is not installed: run `make node` (npm ci; needs Node.js and npm)")
    return AXE_SCRIPT.read_text()


def axe_violations(page, tags=TAGS) -> list[str]:
    """Every axe violation on the page (its frames included), one readable line each."""
    source = axe_source()
    # axe checks a frame's content only when axe runs inside that frame too.
    for frame in page.frames:
        if not frame.is_detached() and frame.url.startswith(("http://", "https://")):
            frame.evaluate(source)
    found = page.evaluate(RUN, tags)
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n      " + "\n      ".join(v["nodes"])
        for v in found
    ]


def screenshot_path(name: str) -> Path:
    """Where the test run leaves screenshots for review (build/ is not committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / name
