"""An uploaded video in a real browser: reached and played with the keyboard, with captions
and a transcript, on a phone and on a desktop.

The clip and its page come from the `video_page` fixture (tests/browser/conftest.py).
"""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.server]

def tab_to_player(page, limit=80):
    """Press Tab until the player has the focus; the number of presses, or fail."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.matches('video.video-player')"):
            return presses
    raise AssertionError("Tab never reached the video player")


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_video_is_played_with_the_keyboard_with_captions_and_transcript(live_site, new_context, video_page, device):
    context = new_context(**PHONE) if device == "phone" else new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live_site.base_url + video_page["url"])
    player = page.locator("article.video-detail video.video-player")
    expect(player).to_have_count(1)

    # The captions are served from this site as WebVTT.
    response = context.request.get(live_site.base_url + video_page["captions"])
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/vtt")
    assert response.text().startswith("WEBVTT")

    # Tab reaches the player, whose focus is visible.
    tab_to_player(page)
    outline = player.evaluate("v => { const s = getComputedStyle(v); return [s.outlineStyle, s.outlineWidth]; }")
    assert outline[0] != "none" and outline[1] != "0px", outline
    assert player.evaluate("v => v.paused")

    # Space plays it, Space again pauses it (the page does not scroll instead).
    scroll = page.evaluate("window.scrollY")
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelector('article.video-detail video').paused === false")
    page.keyboard.press("Space")
    page.wait_for_function("document.querySelector('article.video-detail video').paused === true")
    assert page.evaluate("window.scrollY") == scroll
    # Enter does the same.
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('article.video-detail video').paused === false")

    # The Vietnamese captions track is on and loaded.
    track = page.locator("article.video-detail video track")
    assert track.get_attribute("kind") == "captions"
    assert track.get_attribute("srclang") == "vi"
    assert track.get_attribute("label") == "Tiếng Việt"
    page.wait_for_function(
        "(() => { const t = document.querySelector('article.video-detail video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length === 2; })()"
    )
    cue = page.evaluate("document.querySelector('article.video-detail video').textTracks[0].cues[0].text")
    assert cue == "Xin chào bà con huyện Kế Sách."

    # The transcript opens with the keyboard and is readable.
    transcript = page.locator("details.video-transcript")
    expect(transcript.locator("summary")).to_have_text("Xem lời thoại")
    expect(transcript.get_by_text("Hội nghị tổng kết năm bắt đầu lúc tám giờ.")).to_be_hidden()
    transcript.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(transcript.get_by_text("Hội nghị tổng kết năm bắt đầu lúc tám giờ.")).to_be_visible()

    # Nothing overflows the phone's 360 px.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    box = player.bounding_box()
    assert box["width"] <= page.viewport_size["width"]
    assert not [e for e in errors if "Content Security Policy" in e or "vtt" in e], errors
