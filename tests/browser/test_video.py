"""An uploaded video in a real browser: reached and played with the keyboard, with captions
and a transcript, on a phone and on a desktop.

The WebM clip is recorded by Chromium itself at the start of the session (a canvas stream
through MediaRecorder, 2 s), so no binary fixture is kept in the repository.
"""

import base64
import json
import textwrap
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.server]

CAPTIONS = """WEBVTT

00:00:00.000 --> 00:00:01.000
Xin chào bà con huyện Kế Sách.

00:00:01.000 --> 00:00:05.000
Hội nghị tổng kết năm bắt đầu lúc tám giờ.
"""
TRANSCRIPT = "Người dẫn: Xin chào bà con huyện Kế Sách.\nHội nghị tổng kết năm bắt đầu lúc tám giờ."

RECORD_WEBM = """async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 160; canvas.height = 90;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  const recorder = new MediaRecorder(canvas.captureStream(15), {mimeType: 'video/webm;codecs=vp8'});
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start(100);
  const start = performance.now();
  let frame = 0;
  await new Promise((resolve) => {
    (function draw() {
      frame += 1;
      ctx.fillStyle = `hsl(${(frame * 12) % 360}, 70%, 50%)`;
      ctx.fillRect(0, 0, 160, 90);
      if (performance.now() - start < 2000) requestAnimationFrame(draw); else resolve();
    })();
  });
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}"""


@pytest.fixture(scope="session")
def webm_clip(browser):
    page = browser.new_page()
    try:
        page.set_content("<!DOCTYPE html><html><body></body></html>")
        data = base64.b64decode(page.evaluate(RECORD_WEBM))
    finally:
        page.close()
    assert data[:4] == b"\x1a\x45\xdf\xa3" and len(data) > 1000
    return data


@pytest.fixture
def video_page(live_site, webm_clip, tmp_path):
    """A published VideoPage with the clip, a poster, captions and a transcript; removed afterwards."""
    clip = tmp_path / "clip.webm"
    clip.write_bytes(webm_clip)
    captions = tmp_path / "phu-de.vtt"
    captions.write_text(CAPTIONS, encoding="utf-8")
    slug = "video-ban-phim-" + uuid.uuid4().hex[:8]
    out = live_site.python(textwrap.dedent(f"""
        import io, json
        from django.core.files.base import ContentFile
        from PIL import Image as PILImage
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from eportal.news.models import VideoIndexPage, VideoPage

        Document = get_document_model()
        def document(path, name):
            doc = Document(title=name)
            with open(path, "rb") as fh:
                doc.file.save(name, ContentFile(fh.read()), save=False)
            doc.save()
            return doc
        buffer = io.BytesIO()
        PILImage.new("RGB", (320, 180), (20, 60, 120)).save(buffer, "PNG")
        poster = get_image_model().objects.create(
            title="Ảnh bìa hội nghị", description="Hội trường hội nghị tổng kết",
            file=ContentFile(buffer.getvalue(), "bia-hoi-nghi.png"))
        page = VideoPage(
            title="Hội nghị tổng kết năm (video thử bàn phím)", slug={slug!r},
            video_file=document({str(clip)!r}, "hoi-nghi.webm"),
            captions=document({str(captions)!r}, "hoi-nghi.vtt"),
            transcript={TRANSCRIPT!r}, poster=poster,
        )
        VideoIndexPage.objects.first().add_child(instance=page)
        page.save_revision().publish()
        print(json.dumps({{"url": page.url, "pk": page.pk, "captions": page.captions_url}}))
    """))
    info = json.loads(out.splitlines()[-1])
    yield info
    live_site.python(textwrap.dedent(f"""
        from eportal.news.models import VideoPage
        page = VideoPage.objects.get(pk={info["pk"]})
        documents = [page.video_file, page.captions]
        poster = page.poster
        page.unpublish()
        page.delete()
        for item in documents + [poster]:
            item.delete()
    """))


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
