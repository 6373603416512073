"""Parses saved HTML article pages of Liferay (6.x/7.x) and similar portals. No database.

What is read, in order of preference:

* title: the asset publisher's ``.header-title``, an ``.asset-title``/``.article-title``/
  ``.title-detail`` element, ``og:title``, the first ``<h1>``/``<h2>`` of the content, the
  ``<title>`` without its " - Portal name" suffix;
* date: a ``<time datetime>`` or ISO ``<meta>`` (article:published_time, DC.date...), else
  the first ``dd/mm/yyyy`` (optionally with ``hh:mm``/``hh[h|g]mm``) near the title;
* body: the journal article (``.journal-content-article``, ``.asset-content``,
  ``[itemprop=articleBody]``, ``article``...), else the element holding the most paragraph
  text; scripts, styles, portlet chrome, navigation, share buttons and forms are dropped;
* byline: an author element (``.author``, ``.tac-gia``, ``[itemprop=author]``,
  ``meta[name=author]``) or the last paragraph when it reads "Name, position";
* category: ``meta[name=category]``/``article:section``, else the breadcrumb's last entry;
* original URLs: ``<link rel=canonical>``, ``og:url`` and the "saved from url=" comment.

The body comes back as a list of stream blocks: rich-text paragraphs (not yet cleaned:
the importer rewrites media and applies the rich-text whitelist) and tables.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .parser import LegacyArticle, LegacyParseError, _split_byline, date_from_parts, normalise

DEFAULT_CATEGORY = "Tin tức"

SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)
DATE_TEXT = re.compile(
    r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[-,|]?\s*(?:lúc\s*)?(\d{1,2})\s*[:hg]\s*(\d{2}))?(?!\d)",
    re.IGNORECASE,
)
TIME_FIRST = re.compile(
    r"(?<!\d)(\d{1,2})\s*[:hg]\s*(\d{2})(?::\d{2})?\s*(?:[-,|]|ngày)?\s*(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
DATE_METAS = (
    "article:published_time", "datePublished", "dc.date", "dc.date.issued", "dcterms.created",
    "date", "pubdate", "publishdate",
)

# Chrome dropped wherever it is, with its content.
JUNK_TAGS = ["script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button",
             "input", "select", "textarea", "nav", "header", "footer", "aside", "svg", "link", "meta"]
JUNK_CLASSES = re.compile(
    r"(?:^|[\s_-])(?:portlet-topper|portlet-title|portlet-icons|lfr-meta-actions|lfr-icon-menu|"
    r"taglib-social-bookmarks|social-bookmarks?|social|share|sharing|addthis\w*|sharethis|fb-like|zalo|"
    r"print|taglib-ratings|ratings?|asset-links|asset-related-assets|related|tin-lien-quan|tin-khac|"
    r"asset-metadata|metadata-entry|taglib-header|header-back-to|breadcrumbs?|skip|comments?|"
    r"pagination|paging|navigation|menu|banner|sidebar|tags?|view-count|hit-?counter|luot-xem)(?:$|[\s_-])",
    re.IGNORECASE,
)
JUNK_IDS = re.compile(r"^(?:banner|navigation|footer|breadcrumbs?|skip-to-content|dockbar|sidebar)$", re.I)

BODY_SELECTORS = [
    ".journal-content-article", "[itemprop=articleBody]", ".asset-content", ".article-content",
    ".news-content", ".content-detail", ".noi-dung", ".detail-content", ".entry-content", "article",
]
TITLE_SELECTORS = [".header-title", ".asset-title", ".article-title", ".title-detail", ".news-title",
                   "[itemprop=headline]"]
AUTHOR_SELECTORS = [".author", ".tac-gia", ".news-author", "[itemprop=author]", "[rel=author]"]
DATE_SELECTORS = [".date", ".ngay-dang", ".publish-date", ".news-date", ".asset-date", ".time"]

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "div", "table", "blockquote", "section",
              "article", "figure", "img", "hr", "br", "span", "center"}


@dataclass
class ParsedPage:
    """An article from an HTML page or a feed item: the article, its body blocks and URLs."""

    article: LegacyArticle
    blocks: list[dict] = field(default_factory=list)  # {"type": "paragraph"|"table", "value": ...}
    original_urls: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _text(element) -> str:
    return normalise(element.get_text(" ")) if element is not None else ""


def _meta(soup, *names) -> str:
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            tag = soup.find("meta", attrs={attribute: re.compile(rf"^{re.escape(name)}$", re.I)})
            if tag and tag.get("content", "").strip():
                return normalise(tag["content"])
    return ""


def parse_date_text(text: str) -> datetime.date | None:
    """The first "dd/mm/yyyy[ hh:mm]" (or "hh:mm dd/mm/yyyy") in the text, None if none."""
    match = TIME_FIRST.search(text)
    if match:
        hour, minute, day, month, year = match.groups()
    else:
        match = DATE_TEXT.search(text)
        if not match:
            return None
        day, month, year, hour, minute = match.groups()
    return date_from_parts(day, month, year, hour, minute)


def parse_iso(value: str) -> datetime.date | None:
    """An ISO 8601 date or date-time; aware times are converted to the portal's time zone."""
    value = value.strip()
    if not ISO_DATE.match(value):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if len(value) <= 10:
        return parsed.date()
    return naive_local(parsed)


def naive_local(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is None:
        return value
    from django.utils import timezone

    return timezone.make_naive(value, timezone.get_default_timezone())


def original_urls_of(soup, html: str) -> list[str]:
    urls = []
    canonical = soup.find("link", rel=lambda value: value and "canonical" in value)
    if canonical and canonical.get("href"):
        urls.append(canonical["href"].strip())
    og = _meta(soup, "og:url")
    if og:
        urls.append(og)
    saved = SAVED_FROM.search(html[:4000])
    if saved:
        urls.append(saved.group(1))
    seen, unique = set(), []
    for url in urls:
        if url.lower().startswith(("http://", "https://", "/")) and url not in seen:
            seen.add(url)
            unique.append(url)
    return unique


def _title(soup, content) -> str:
    for selector in TITLE_SELECTORS:
        element = soup.select_one(selector)
        if element and _text(element):
            return _text(element)
    og = _meta(soup, "og:title")
    if og:
        return og
    scope = content if content is not None else soup
    heading = scope.find(["h1", "h2"])
    if heading and _text(heading):
        return _text(heading)
    if soup.title and _text(soup.title):
        # "Title - Cổng thông tin điện tử huyện Kế Sách": drop the portal's name.
        return re.split(r"\s+[-|–]\s+", _text(soup.title))[0]
    raise LegacyParseError("no title found (no heading, og:title or <title>)")


def _category(soup, title: str) -> str:
    meta = _meta(soup, "category", "article:section")
    if meta:
        return meta
    trail = soup.select_one(".breadcrumbs, .breadcrumb, #breadcrumbs, [class*=breadcrumb]")
    if trail is not None:
        items = [_text(item) for item in trail.find_all(["li", "a"]) if _text(item)]
        items = [item for item in dict.fromkeys(items) if item.casefold() not in {"trang chủ", "home"}]
        items = [item for item in items if item != title and not title.startswith(item.rstrip("."))]
        if items:
            return items[-1]
    portlet = soup.select_one(".portlet-asset-publisher .portlet-title, .portlet-title-text")
    if portlet is not None and _text(portlet):
        return _text(portlet)
    return DEFAULT_CATEGORY


def _date(soup, content, title_element) -> datetime.date:
    time = soup.find("time", attrs={"datetime": True})
    if time is not None:
        parsed = parse_iso(time["datetime"])
        if parsed:
            return parsed
    meta = _meta(soup, *DATE_METAS)
    if meta:
        parsed = parse_iso(meta) or parse_date_text(meta)
        if parsed:
            return parsed
    for selector in DATE_SELECTORS:
        for element in soup.select(selector):
            parsed = parse_date_text(_text(element))
            if parsed:
                return parsed
    # The first date after the title, else in the body, else anywhere.
    scopes = []
    if title_element is not None:
        scopes.append(" ".join(_text(e) for e in title_element.find_all_next(string=True, limit=40)
                               if isinstance(e, NavigableString)))
    if content is not None:
        scopes.append(_text(content))
    scopes.append(_text(soup.body or soup))
    for text in scopes:
        parsed = parse_date_text(text)
        if parsed:
            return parsed
    raise LegacyParseError("no publication date found (dd/mm/yyyy, <time datetime> or a date <meta>)")


def _is_junk(tag: Tag) -> bool:
    if tag.name in JUNK_TAGS:
        return True
    classes = " ".join(tag.get("class") or [])
    if classes and JUNK_CLASSES.search(classes):
        return True
    if tag.get("id") and JUNK_IDS.match(tag["id"]):
        return True
    return tag.get("role") in {"navigation", "banner", "contentinfo", "search"} or tag.get("hidden") is not None


def _strip_junk(scope: Tag) -> None:
    for comment in scope.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in list(scope.find_all(True)):
        if not tag.decomposed and tag.parent is not None and _is_junk(tag):
            tag.decompose()


def _content(soup) -> Tag | None:
    for selector in BODY_SELECTORS:
        for element in soup.select(selector):
            if len(_text(element)) >= 40:
                return element
    # Readability-lite: the element whose own paragraphs hold the most text.
    best, best_score = None, 0
    for element in soup.find_all(["div", "td", "section", "main", "article"]):
        score = sum(len(_text(p)) for p in element.find_all("p", recursive=False))
        if score > best_score:
            best, best_score = element, score
    return best


def _table_block(table: Tag) -> dict | None:
    rows = []
    for tr in table.find_all("tr"):
        cells = [_text(cell) for cell in tr.find_all(["td", "th"], recursive=False)]
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    first = table.find("tr")
    header = bool(first and first.find("th") and not first.find("td"))
    caption = _text(table.find("caption"))
    return {
        "type": "table",
        "value": {
            "caption": caption,
            "table": {"data": rows, "first_row_is_table_header": header, "first_col_is_header": False,
                      "table_caption": "", "cell": [], "mergedCells": []},
        },
    }


def body_blocks(content: Tag) -> list[dict]:
    """The content as blocks: runs of rich-text HTML, split at tables."""
    blocks: list[dict] = []
    current: list[str] = []

    def flush():
        html = "".join(current).strip()
        if html:
            blocks.append({"type": "paragraph", "value": html})
        current.clear()

    for table in content.find_all("table"):
        if table.find("table"):  # a layout table holding a table: keep looking inside
            continue
        if len(table.find_all("tr")) <= 1 and len(table.find_all(["td", "th"])) <= 1:
            table.unwrap()  # a one-cell layout table
    for child in list(content.children):
        if isinstance(child, Tag) and child.name == "table" and not child.find("table"):
            flush()
            block = _table_block(child)
            if block:
                blocks.append(block)
        elif isinstance(child, Tag) and child.find("table") and not child.find("table").find("table"):
            # A wrapper (<div class="table-responsive">) around a data table: split around it.
            for part in child.children:
                if isinstance(part, Tag) and part.name == "table":
                    flush()
                    block = _table_block(part)
                    if block:
                        blocks.append(block)
                else:
                    current.append(str(part))
        else:
            current.append(str(child))
    flush()
    return blocks


def _remove_header_lines(content: Tag, title: str) -> None:
    """Drops the title heading and a date-only line repeated inside the body."""
    for element in content.find_all(["h1", "h2", "h3", "p", "div", "span"], limit=8):
        if element.parent is None:
            continue
        text = _text(element)
        if text == title or (text and len(text) < 40 and re.fullmatch(
                r"[\s(\[]*(?:ngày\s*)?[\d/:hg\s,-]+(?:lúc\s*[\d:hg]+)?[\s)\]]*", text, re.I) and DATE_TEXT.search(text)):
            element.decompose()


def _author_element(soup) -> tuple[str, str] | None:
    for selector in AUTHOR_SELECTORS:
        element = soup.select_one(selector)
        if element is not None and _text(element):
            text = re.sub(r"^(?:tác giả|người viết|tin|bài)\s*:\s*", "", _text(element), flags=re.I)
            element.decompose()
            name, _, position = (part.strip() for part in text.partition(","))
            return name, position
    return None


def _byline(soup, content: Tag) -> tuple[str, str]:
    """The last paragraph when it reads "Name, position", else the author <meta>."""
    paragraphs = [p for p in content.find_all(["p", "div"]) if _text(p) and not p.find(["p", "div"])]
    if len(paragraphs) > 1:
        last = paragraphs[-1]
        byline = _split_byline(_text(last))
        if byline:
            last.decompose()
            return byline
    meta = _meta(soup, "author")
    if meta:
        name, _, position = (part.strip() for part in meta.partition(","))
        return name, position
    return "", ""


def parse_html(html: str) -> ParsedPage:
    """Parses a saved article page; raises LegacyParseError if it holds no article."""
    html = html.lstrip("\ufeff")
    if not re.search(r"<\s*(?:html|body|p|div|h1|article)\b", html[:20000], re.I):
        raise LegacyParseError("the file is not an HTML page")
    soup = BeautifulSoup(html, "html.parser")
    urls = original_urls_of(soup, html)
    content = _content(soup)
    title = _title(soup, content)
    title_element = None
    for selector in TITLE_SELECTORS:
        title_element = soup.select_one(selector)
        if title_element is not None:
            break
    if title_element is None and content is not None:
        title_element = content.find(["h1", "h2"])
    published = _date(soup, content, title_element)
    category = _category(soup, title)
    if content is None:
        raise LegacyParseError("no article body found")
    author = _author_element(soup)
    _strip_junk(content)
    _remove_header_lines(content, title)
    author_name, author_position = author or _byline(soup, content)
    blocks = body_blocks(content)
    if not any(BeautifulSoup(b["value"], "html.parser").get_text(strip=True) or "<img" in b["value"]
               for b in blocks if b["type"] == "paragraph") and not any(b["type"] == "table" for b in blocks):
        raise LegacyParseError("the article body is empty")
    for name, value in (("title", title), ("category", category)):
        if len(value) > 255:
            raise LegacyParseError(f"the {name} is longer than 255 characters: {value[:60]!r}")
    article = LegacyArticle(category=category, title=title, published=published,
                            author_name=author_name[:255], author_position=author_position[:255])
    return ParsedPage(article=article, blocks=blocks, original_urls=urls)
