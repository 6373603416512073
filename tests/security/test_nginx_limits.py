"""nginx lets every public form through with its largest attachment, and says "too large" in Vietnamese."""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

from eportal.questions.validators import MAX_ATTACHMENT_SIZE

ROOT = Path(__file__).resolve().parents[2]
PAGECACHE_CONF = ROOT / "deploy" / "nginx" / "eportal-pagecache.conf"
UNITS = {"k": 1024, "m": 1024**2, "g": 1024**3}


def public_location():
    text = PAGECACHE_CONF.read_text()
    start = text.index("location / {")
    return text[start : text.index("\n}", start)]


def test_public_requests_may_carry_the_largest_attachment_and_its_form():
    size = re.search(r"client_max_body_size (\d+)([kmg])?;", public_location())
    assert size, "location / must set client_max_body_size: nginx checks the location a request matched"
    limit = int(size.group(1)) * UNITS.get(size.group(2) or "", 1)
    assert limit >= MAX_ATTACHMENT_SIZE + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert limit <= 20 * 1024**2  # the admin's 200 MB uploads stay under /admin/


def test_too_large_is_explained_in_vietnamese():
    page = re.search(r"error_page 413 /static/(\S+);", public_location())
    assert page
    source = ROOT / "eportal" / "static" / page.group(1)
    html = source.read_text()
    assert '<html lang="vi">' in html and "quá lớn" in html and "10 MB" in html

    class Tags(HTMLParser):
        found = []

        def handle_starttag(self, tag, attrs):
            self.found.append(tag)

    Tags().feed(html)
    # Static files are sandboxed (default-src 'none'): the page must need nothing else.
    assert not {"script", "link", "img", "style"} & set(Tags.found)
