"""Rich text cleaning: only what an article's features produce survives a save.

Draftail already limits what an editor can type, but HTML also arrives by paste, by
import and by hand-made requests. This works on Wagtail's stored format (links to pages
and documents as `<a linktype=…>`, images and videos as `<embed embedtype=…>`) and
removes scripts, event handlers, styles, `javascript:` links and every other element.
"""

import html
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.html import strip_tags
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

ARTICLE_FEATURES = [
    "h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "image", "embed", "hr",
]

# Elements whose content is code, not text: dropped with everything inside. (<embed> is
# how Wagtail stores images and media in rich text; its rule below checks embedtype.)
DROPPED_WITH_CONTENT = ["script", "style", "iframe", "object", "noscript", "template", "svg", "math"]

IMAGE_FORMATS = {"fullwidth", "left", "right"}


def _safe_href(url):
    url = check_url(url)
    return url if url and not url.strip().startswith("//") else None


def _link(tag):
    linktype = tag.get("linktype")
    if linktype in ("page", "document") and str(tag.get("id", "")).isdigit():
        tag.attrs = {"linktype": linktype, "id": tag["id"]}
        return
    href = _safe_href(tag.get("href", ""))
    tag.attrs = {"href": href} if href else {}
    if not tag.attrs:
        tag.unwrap()


def _embed(tag):
    embedtype = tag.get("embedtype")
    if embedtype == "image" and str(tag.get("id", "")).isdigit():
        attrs = {"embedtype": "image", "id": tag["id"], "alt": tag.get("alt", "")}
        if tag.get("format") in IMAGE_FORMATS:
            attrs["format"] = tag["format"]
        tag.attrs = attrs
    elif embedtype == "media" and urlsplit(tag.get("url", "")).hostname in settings.EPORTAL_VIDEO_EMBED_HOSTS:
        tag.attrs = {"embedtype": "media", "url": tag["url"]}
    else:
        tag.decompose()


class ArticleWhitelister(Whitelister):
    element_rules = {
        **{name: allow_without_attributes for name in
           ["[document]", "p", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "br", "hr"]},
        "a": _link,
        "embed": _embed,
    }

    def clean_tag_node(self, doc, tag):
        if tag.name == "div":  # pasted from Word and the web
            tag.name = "p"
        super().clean_tag_node(doc, tag)


_whitelister = ArticleWhitelister()


def clean_rich_text(html: str) -> str:
    soup = BeautifulSoup(html or "", "html.parser")
    for element in soup.find_all(DROPPED_WITH_CONTENT):
        element.decompose()
    return _whitelister.clean(str(soup))


def has_content(html: str) -> bool:
    """Whether cleaned rich text shows anything: text, an image or a video."""
    soup = BeautifulSoup(html or "", "html.parser")
    return bool(soup.get_text(strip=True) or soup.find(["embed", "hr"]))


class CleanedBodyMixin:
    """For pages whose `body` StreamField has rich-text "paragraph" blocks: on clean() and
    save(), strip what the article features do not allow and drop paragraphs left empty.
    """

    def clean_body(self):
        blocks = []
        changed = False
        for block in map(dict, self.body.raw_data):
            if block["type"] == "paragraph":
                cleaned = clean_rich_text(block["value"])
                changed |= cleaned != block["value"]
                block["value"] = cleaned
                if not has_content(cleaned):  # e.g. "<p></p>" left by the editor
                    changed = True
                    continue
            blocks.append(block)
        if changed:
            self.body = blocks

    def clean(self):
        super().clean()
        self.clean_body()

    def save(self, *args, **kwargs):
        self.clean_body()
        return super().save(*args, **kwargs)

    @staticmethod
    def body_from_html(html):
        """Body stream data holding one rich-text paragraph block."""
        return [{"type": "paragraph", "value": html}]


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|div|td|th|tr|blockquote|caption)>|<br\s*/?>", re.IGNORECASE)


def plain_text(value) -> str:
    """Rich text as plain text, one line per block (paragraph, list item, cell...)."""
    text = _BLOCK_END.sub("\n", str(value or ""))
    lines = html.unescape(strip_tags(text)).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())
