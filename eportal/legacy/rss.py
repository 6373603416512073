"""Parses RSS 2.0 feeds: every <item> is an article. No database.

Per item: <title>; <link> (and <guid isPermaLink>) as the original URL; <pubDate> (RFC 822,
or ISO 8601 or dd/mm/yyyy as some portals write); the body from <content:encoded>, else
<description> (then <description> is the lead when both are given); <category> (the first,
else the feed's default); <author>/<dc:creator> as the byline.
"""

from __future__ import annotations

import email.utils
import re

from bs4 import BeautifulSoup
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from .html_parser import DEFAULT_CATEGORY, ParsedPage, _split_byline, _strip_junk, body_blocks, naive_local
from .html_parser import parse_date_text, parse_iso
from .parser import LegacyArticle, LegacyParseError, normalise

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def looks_like_feed(data: bytes) -> bool:
    head = data[:2000].lstrip(b"\xef\xbb\xbf").lstrip()
    return bool(re.search(rb"<rss\b", head)) or (head.startswith(b"<?xml") and b"<channel" in data[:8000])


def _child_text(item, tag: str) -> str:
    element = item.find(tag)
    return (element.text or "").strip() if element is not None else ""


def _date(item, number: int):
    raw = _child_text(item, "pubDate") or _child_text(item, DC_DATE)
    if not raw:
        raise LegacyParseError(f"item {number}: no <pubDate>")
    try:
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return naive_local(parsed)
    parsed = parse_iso(raw) or parse_date_text(raw)
    if parsed is None:
        raise LegacyParseError(f"item {number}: unreadable <pubDate> {raw[:40]!r}")
    return parsed


def _byline(item) -> tuple[str, str]:
    raw = normalise(_child_text(item, DC_CREATOR) or _child_text(item, "author"))
    # RSS's <author> is "email (Name)".
    match = re.fullmatch(r"\S+@\S+\s*\((.+)\)", raw)
    if match:
        raw = match.group(1)
    elif "@" in raw and " " not in raw:
        raw = ""
    name, _, position = (part.strip() for part in raw.partition(","))
    return name[:255], position[:255]


def parse_item(item, number: int, default_category: str) -> ParsedPage:
    title = normalise(_child_text(item, "title"))
    if not title:
        raise LegacyParseError(f"item {number}: no <title>")
    if len(title) > 255:
        raise LegacyParseError(f"item {number}: the title is longer than 255 characters")
    published = _date(item, number)
    description = _child_text(item, "description")
    content = _child_text(item, CONTENT)
    html = content or description
    lead = ""
    if content and description:
        lead = normalise(BeautifulSoup(description, "html.parser").get_text(" "))
    fragment = BeautifulSoup(f"<div>{html}</div>", "html.parser").div
    _strip_junk(fragment)
    author_name, author_position = _byline(item)
    if not author_name:
        paragraphs = [p for p in fragment.find_all("p") if p.get_text(strip=True)]
        byline = _split_byline(normalise(paragraphs[-1].get_text(" "))) if len(paragraphs) > 1 else None
        if byline:
            paragraphs[-1].decompose()
            author_name, author_position = byline
    blocks = body_blocks(fragment)
    if not blocks:
        raise LegacyParseError(f"item {number}: no <description> or <content:encoded>")
    category = normalise(_child_text(item, "category")) or default_category
    urls = [url for url in (_child_text(item, "link"),) if url]
    guid = item.find("guid")
    if guid is not None and (guid.get("isPermaLink", "true") != "false") and (guid.text or "").startswith("http"):
        if guid.text.strip() not in urls:
            urls.append(guid.text.strip())
    article = LegacyArticle(category=category[:255], title=title, published=published,
                            author_name=author_name, author_position=author_position, lead=lead)
    return ParsedPage(article=article, blocks=blocks, original_urls=urls)


def parse_feed(data: bytes) -> list[ParsedPage]:
    """Every item of an RSS 2.0 feed; raises LegacyParseError if the feed or an item is bad."""
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException as error:
        raise LegacyParseError(f"the feed uses forbidden XML features ({type(error).__name__})") from None
    except ElementTree.ParseError as error:
        raise LegacyParseError(f"not well-formed XML: {error}") from None
    channel = root.find("channel") if root.tag == "rss" else None
    if channel is None:
        raise LegacyParseError("not an RSS 2.0 feed (no <rss><channel>)")
    default_category = DEFAULT_CATEGORY
    items = channel.findall("item")
    if not items:
        raise LegacyParseError("the feed has no <item>")
    return [parse_item(item, number, default_category) for number, item in enumerate(items, start=1)]
