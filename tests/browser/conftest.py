"""Headless Chromium (Debian's package) driven by Playwright against the live portal."""

import base64
import json
import re
import textwrap
import uuid
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


BOARD_PASSWORD = "mat-khau-thu-nghiem-2026"


@pytest.fixture
def head_of_board(live_site):
    """Makes users of the head-of-board group on the live site: `head_of_board("truongban_tt")`
    returns a fresh username (password BOARD_PASSWORD); they are deleted after the test."""
    from eportal.editorial import roles

    made = []

    def make(prefix="truongban"):
        username = f"{prefix}_{uuid.uuid4().hex[:8]}"
        live_site.python(f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user = get_user_model().objects.create_user(username={username!r}, password={BOARD_PASSWORD!r})
user.groups.add(Group.objects.get(name={roles.HEAD!r}))
""")
        made.append(username)
        return username

    yield make
    if made:
        live_site.python(f"""
from django.contrib.auth import get_user_model
get_user_model().objects.filter(username__in={made!r}).delete()
""")


def log_in(page, live_site, username, password=BOARD_PASSWORD):
    """Signs in to the admin in `page`."""
    page.goto(live_site.base_url + "/admin/login/")
    page.locator("input[name='username']").fill(username)
    page.locator("input[name='password']").fill(password)
    with page.expect_navigation():
        page.locator("form button[type='submit']").click()


@pytest.fixture(scope="session")
def article_path(live_site):
    """Path of the seed article imported by load_demo."""
    out = live_site.python("from eportal.news.models import ArticlePage; print(ArticlePage.objects.live().get().url)")
    path = out.strip()
    assert path.startswith("/") and path.endswith("/"), out
    return path


@pytest.fixture(scope="session")
def public_urls(live_site):
    """Path of one live page of each type in the demo, by model name, and of a question."""
    out = live_site.python("""
import json
from wagtail.models import Page
urls = {}
for page in Page.objects.live().filter(depth__gt=1).specific():
    urls.setdefault(type(page).__name__, page.url)
# A category that lists articles: the listing's headings are what a category page is about.
from eportal.news.models import ArticlePage
article = ArticlePage.objects.live().first()
if article is not None:
    urls["NewsCategoryPage"] = article.get_parent().url
print(json.dumps(urls))
""")
    urls = json.loads(out)
    assert len(urls) > 10, urls
    index = urls["QuestionIndexPage"]
    status, html = live_site.get(index)
    answered = re.search(rf'href="({re.escape(index)}\d+/)"', html)
    assert status == 200 and answered, "the demo has no published question"
    urls["question"] = answered.group(1)
    return urls


# A real uploaded video. The WebM clip is recorded by Chromium itself at the start of the
# session (a canvas stream through MediaRecorder, 2 s), so no binary fixture is kept.
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


@pytest.fixture(scope="session")
def province_live_site(tmp_path_factory):
    """`make run DEMO=province` as a real server: the province portal, a commune and the archive."""
    from ..livesite import LiveSite

    site = LiveSite(tmp_path_factory.mktemp("province-site"), demo="province")
    try:
        yield site.start()
    finally:
        site.stop()
