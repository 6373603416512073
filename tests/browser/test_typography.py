"""Vietnamese is drawn by the Noto Sans files the portal ships, in every weight and style.

Chromium tells, over the DevTools protocol, which platform font drew the glyphs of a node
(CSS.getPlatformFontsForNode). Any glyph drawn by a system fallback font (a missing subset, a
wrong unicode-range) or with a synthesized bold or italic (a face not declared) shows there.
"""

import unicodedata
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"

# Every Vietnamese vowel with each of the six tones (level, huyền, sắc, hỏi, ngã, nặng), in
# both cases, built from base letter + combining mark and composed (NFC) as text is stored.
VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
ALL_TONED = " ".join(
    unicodedata.normalize("NFC", "".join(vowel + tone for tone in TONES)) for vowel in VOWELS
)
SAMPLE = "\n".join([
    ALL_TONED,
    ALL_TONED.upper(),
    "Đ đ Ư ư Ơ ơ Ă ă Â â Ê ê Ô ô — Trường Sa, Hoàng Sa; Đồng bằng sông Cửu Long",
    "Thửa ruộng ấy được Uỷ ban nhân dân xã giao cho người dân; nghiêng, khuỷu, ngoằn ngoèo, Nguyễn, ỷ lại.",
    "0123456789 «Hỏi – đáp» “Văn bản” 12,5% 1.000.000 ₫",
])
FACES = {
    "regular": ("normal", "normal", "NotoSans-Regular"),
    "bold": ("bold", "normal", "NotoSans-Bold"),
    "italic": ("normal", "italic", "NotoSans-Italic"),
    "bold-italic": ("bold", "italic", "NotoSans-BoldItalic"),
}

INJECT = """([sample, faces]) => {
  const box = document.createElement("section");
  box.id = "mau-chu";
  box.className = "typography-sample";
  for (const [name, [weight, style]] of Object.entries(faces)) {
    const p = document.createElement("p");
    p.id = "mau-" + name;
    p.textContent = sample;
    // CSSOM, not a style attribute: the policy forbids those, the test needn't.
    p.style.fontWeight = weight;
    p.style.fontStyle = style;
    p.style.whiteSpace = "pre-line";
    box.append(p);
  }
  document.querySelector("main").prepend(box);
  return document.fonts.ready.then(() => document.fonts.status);
}"""


def platform_fonts(cdp, selector):
    """[{familyName, postScriptName, isCustomFont, glyphCount}] of the node's text, descendants included."""
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"{selector} not found"
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


def font_session(context, page):
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    return cdp


def assert_drawn_by(fonts, postscript_name, selector, text):
    assert fonts, f"{selector}: no font reported"
    wrong = [f for f in fonts if (f["familyName"], f["postScriptName"], f["isCustomFont"]) != ("Noto Sans", postscript_name, True)]
    assert not wrong, f"{selector}: glyphs not drawn by the shipped {postscript_name}: {wrong}"
    drawn = sum(f["glyphCount"] for f in fonts)
    visible = len("".join(text.split()))
    assert drawn >= visible, f"{selector}: {drawn} glyphs for {visible} characters"


def test_sample_has_every_tone_and_letter():
    """The sample itself: 12 vowels x 6 tones x 2 cases, all precomposed, and the other letters."""
    letters = set(SAMPLE)
    assert len({c for c in ALL_TONED if c != " "}) == 72
    for c in "ĐđƯưƠơĂăÂâÊêÔô":
        assert c in letters
    assert "ặ" in letters and "Ỵ" in letters and "ữ" in letters and "Ẫ" in letters
    assert unicodedata.normalize("NFC", SAMPLE) == SAMPLE


def test_vietnamese_sample_uses_the_shipped_noto_sans_faces(live_site, new_context):
    context = new_context()
    page = context.new_page()
    page.goto(live_site.base_url + "/")
    assert page.evaluate(INJECT, [SAMPLE, {k: v[:2] for k, v in FACES.items()}]) == "loaded"
    cdp = font_session(context, page)
    for name, (_weight, _style, postscript_name) in FACES.items():
        selector = f"#mau-{name}"
        assert_drawn_by(platform_fonts(cdp, selector), postscript_name, selector, SAMPLE)
    # Every face came from this origin's /static/fonts/, nothing else was asked for.
    loaded = page.evaluate("""performance.getEntriesByType('resource')
        .filter(e => e.name.includes('/fonts/') || e.name.includes('.woff')).map(e => e.name)""")
    assert all(url.startswith(live_site.base_url + "/static/fonts/noto-sans-") for url in loaded), loaded
    assert len(set(loaded)) == 8, loaded  # latin + vietnamese subsets of the four faces
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#mau-chu").screenshot(path=str(SCREENSHOTS / "typography.png"))


def face_name(weight, style):
    bold = int(weight) >= 600
    italic = style != "normal"
    return "NotoSans-" + {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}[bold, italic]


def assert_subtree_drawn_by_noto(page, cdp, selector):
    """Every rendered element under selector that holds text draws it with the shipped Noto Sans.

    Chromium reports, for a node, the fonts of its text and of inline descendants' text (two
    levels down), so an element may show the faces of the elements inside it too: those are allowed.
    Returns the number of glyphs reported for elements with text of their own.
    """
    styles = page.evaluate("""(selector) => [...document.querySelectorAll(`${selector}, ${selector} *`)].map(e => [
        e.checkVisibility() && [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()),
        [e, ...e.querySelectorAll('*')].map(d => { const s = getComputedStyle(d); return [s.fontWeight, s.fontStyle]; }),
    ])""", selector)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": f"{selector}, {selector} *"})["nodeIds"]
    assert len(nodes) == len(styles) > 0, selector
    drawn = 0
    for node, (has_text, faces) in zip(nodes, styles):
        if not has_text:
            continue
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        assert fonts, f"{selector}: an element's text reports no font"
        allowed = {face_name(weight, style) for weight, style in faces}
        wrong = [f for f in fonts if not (f["familyName"] == "Noto Sans" and f["isCustomFont"] and f["postScriptName"] in allowed)]
        assert not wrong, f"{selector}: text not drawn by the shipped face ({allowed}): {wrong}"
        drawn += sum(f["glyphCount"] for f in fonts)
    return drawn


def test_the_article_title_body_and_byline_use_noto_sans(live_site, new_context, article_path):
    context = new_context()
    page = context.new_page()
    page.goto(live_site.base_url + article_path)
    assert page.evaluate("document.fonts.ready.then(() => document.fonts.status)") == "loaded"
    cdp = font_session(context, page)
    for selector, postscript_name in [
        (".article__title", "NotoSans-Bold"),
        (".article__byline", "NotoSans-BoldItalic"),  # bold italic, as in the legacy portal
        (".site-brand__title", "NotoSans-Bold"),
        (".article__date", "NotoSans-Regular"),
    ]:
        text = page.locator(selector).inner_text()
        assert_drawn_by(platform_fonts(cdp, selector), postscript_name, selector, text)
    for selector in [".article__title", ".article__body", ".article__byline", "header", "footer", "aside"]:
        text = page.locator(selector).first.inner_text()
        assert any(c in text for c in "ơưăâêôđĐếệởử"), f"{selector} has no Vietnamese letter: {text[:80]}"
        drawn = assert_subtree_drawn_by_noto(page, cdp, selector)
        assert drawn >= len("".join(text.split())) * 0.9, f"{selector}: only {drawn} glyphs drawn"


def test_preloaded_fonts_are_the_ones_the_page_uses(live_site, new_context, article_path):
    """Only the regular latin and vietnamese files are preloaded, and Chromium finds them used
    (it warns about a preload not used within a few seconds of the load event)."""
    page = new_context().new_page()
    warnings = []
    page.on("console", lambda message: warnings.append(message.text) if "preload" in message.text else None)
    for path in ["/", article_path]:
        page.goto(live_site.base_url + path)
        preloads = page.evaluate("""[...document.querySelectorAll('link[rel=preload]')]
            .map(l => [l.getAttribute('as'), l.type, l.crossOrigin, new URL(l.href).pathname.split('/').pop().split('.')[0]])""")
        assert preloads == [
            ["font", "font/woff2", "anonymous", "noto-sans-latin-400-normal"],
            ["font", "font/woff2", "anonymous", "noto-sans-vietnamese-400-normal"],
        ]
        page.wait_for_timeout(4000)
        assert warnings == [], path
