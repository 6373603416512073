"""Parses text dumps of article pages of the old portal. Pure functions, no database.

A dump is the visible text of one page: the portal's chrome (portal title, portlet
headings, the hit counter digits, "Tin đã đưa", "Video Clip"), then the article's
category line, its title line, a date line "(dd/mm/yyyy)", body paragraphs separated
by blank lines and, as the last paragraph, an optional byline "Name, position".
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field


class LegacyParseError(ValueError):
    """The text is not a dump of an article page of the old portal."""


@dataclass
class LegacyArticle:
    category: str
    title: str
    published: datetime.date  # a datetime.datetime when the dump gives a time
    paragraphs: list[str] = field(default_factory=list)
    author_name: str = ""
    author_position: str = ""
    hit_count: int | None = None
    lead: str = ""

    @property
    def has_time(self) -> bool:
        return isinstance(self.published, datetime.datetime)


MAX_TITLE_LENGTH = 255  # Page.title
MAX_BYLINE_LENGTH = 200

# Whole chrome lines, compared case-insensitively after whitespace is collapsed.
CHROME_LINES = {"liên kết website", "hit counter", "lượt truy cập", "tin đã đưa", "video clip"}
CHROME_PREFIXES = ("skip portlet", "cổng thông tin điện tử")
COUNTER_HEADINGS = {"lượt truy cập", "hit counter"}

_DATE = r"\((\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2})[:hg](\d{2}))?\)"
DATE_LINE = re.compile(rf"^(?:(?P<title>.*\S)\s+)?{_DATE}$")
COUNTER_DIGITS = re.compile(r"^\d(?:[\s.,]?\d)*$")
LIST_ITEM = re.compile(r"^(?:[-–—•*+]\s|\d{1,3}[.)]\s|[a-zđ]\)\s)", re.IGNORECASE)
HTML_MARKUP = re.compile(r"<\s*(?:!doctype|html|head|body|div|p|table|script)\b", re.IGNORECASE)
SENTENCE_END = (".", "!", "?", "…", ":", ";")


def normalise(line: str) -> str:
    """NFC, and every whitespace run (U+00A0 included) collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", line).split())


def _is_chrome(line: str) -> bool:
    folded = line.casefold()
    return folded in CHROME_LINES or folded.startswith(CHROME_PREFIXES)


def _check_is_text(text: str) -> None:
    if not text.strip():
        raise LegacyParseError("the file is empty")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if "\x00" in text or controls > len(text) // 100:
        raise LegacyParseError("the file holds binary data, not the text of a portal page")
    if HTML_MARKUP.search(text[:2000]):
        raise LegacyParseError("the file is HTML markup, not a text dump of a portal page")


def _find_hit_count(lines: list[str]) -> tuple[int | None, int | None]:
    """The counter digits after "Lượt truy cập" ("0 0 5 2 8 5 2 7" -> 528527), and their line."""
    for i, line in enumerate(lines):
        if line.casefold() not in COUNTER_HEADINGS:
            continue
        for j in range(i + 1, len(lines)):
            if lines[j].casefold() in COUNTER_HEADINGS or not lines[j]:
                continue
            if COUNTER_DIGITS.match(lines[j]):
                return int(re.sub(r"\D", "", lines[j])), j
            break
    return None, None


def _parse_date(match: re.Match) -> datetime.date:
    return date_from_parts(*match.groups()[1:])


def date_from_parts(day, month, year, hour=None, minute=None) -> datetime.date:
    """A date, or a datetime when an hour is given, from the strings of a dd/mm/yyyy hh:mm text."""
    try:
        date = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise LegacyParseError(f"invalid date {day}/{month}/{year}") from None
    if hour is None:
        return date
    try:
        return datetime.datetime.combine(date, datetime.time(int(hour), int(minute)))
    except ValueError:
        raise LegacyParseError(f"invalid time {hour}:{minute}") from None


def _content_before(lines: list[str | None], index: int) -> list[str]:
    return [line for line in lines[:index] if line]


def _parse_header(lines: list[str | None]):
    """Category, title, date and the index of the first body line."""
    for date_index, line in enumerate(lines):
        match = DATE_LINE.match(line or "")
        if match:
            break
    else:
        raise LegacyParseError("no date line of the form (dd/mm/yyyy) found")
    published = _parse_date(match)
    before = _content_before(lines, date_index)
    body_start = date_index + 1
    if match.group("title"):  # "Title (11/11/2015)"
        title = match.group("title")
    elif _title_follows_date(lines, date_index):  # "(11/11/2015)" then "Title"
        title = lines[date_index + 1]
        body_start += 1
    else:
        if not before:
            raise LegacyParseError("no title before the date")
        title = before.pop()
    if not before:
        raise LegacyParseError("no category line before the title")
    category = before[-1]
    for name, value in (("title", title), ("category", category)):
        if len(value) > MAX_TITLE_LENGTH or LIST_ITEM.match(value):
            raise LegacyParseError(
                f"the line taken as the {name} looks like a body paragraph: {value[:60]!r}"
            )
    return category, title, published, body_start


def _title_follows_date(lines: list[str | None], date_index: int) -> bool:
    """True for the layout "Category / (date) / Title": the date splits the header block.

    The header block is the run of non-blank lines holding the date. When at most one of
    its lines comes before the date and one follows it, the one that follows is the title.
    """
    after = lines[date_index + 1] if date_index + 1 < len(lines) else None
    if not after or len(after) > MAX_TITLE_LENGTH or LIST_ITEM.match(after):
        return False
    adjacent_before = 0
    for line in reversed(lines[:date_index]):
        if not line:
            break
        adjacent_before += 1
    return adjacent_before <= 1


def _paragraphs(lines: list[str | None]) -> list[str]:
    """Blank lines separate paragraphs; a list item ("- ...", "1. ...") starts a new one."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [None]:
        if not line or LIST_ITEM.match(line):
            if current:
                paragraphs.append(" ".join(current))
            current = [line] if line else []
        else:
            current.append(line)
    return paragraphs


def _split_byline(paragraph: str) -> tuple[str, str] | None:
    """("Nguyễn Thị Hồng Lê HUV", "Phó Trưởng Ban ...") when the paragraph is a byline."""
    if len(paragraph) >= MAX_BYLINE_LENGTH or paragraph.endswith(SENTENCE_END):
        return None
    if LIST_ITEM.match(paragraph) or re.search(r"[!?…;]", paragraph):
        return None
    name, _, position = (part.strip() for part in paragraph.partition(","))
    return (name, position) if _looks_like_name(name) else None


def _looks_like_name(name: str) -> bool:
    """Capitalised words, with short abbreviations such as "ThS." or "TS." allowed."""
    name = re.sub(r"\s*\([^()]*\)$", "", name)  # "Minh Tuấn (tổng hợp)"
    words = name.split()
    if not 1 <= len(words) <= 8:
        return False
    for word in words:
        if not word[0].isupper() or not re.fullmatch(r"[^\W\d_][\w./-]*", word) or re.search(r"\d", word):
            return False
        if "." in word and len(word.rstrip(".")) > 4:
            return False
    return True


def parse_dump(text: str) -> LegacyArticle:
    """Parses the text dump of one article page; raises LegacyParseError if it is not one."""
    text = text.lstrip("\ufeff")
    _check_is_text(text)
    raw_lines = [normalise(line) for line in text.splitlines()]
    hit_count, counter_index = _find_hit_count(raw_lines)
    # Chrome lines become None: they are neither content nor paragraph separators' text.
    lines: list[str | None] = [
        None if (_is_chrome(line) or i == counter_index) else line for i, line in enumerate(raw_lines)
    ]
    category, title, published, body_start = _parse_header(lines)
    body: list[str | None] = []
    for line, raw in zip(lines[body_start:], raw_lines[body_start:]):
        if line is None and raw:  # the chrome after the article ("Tin đã đưa", ...)
            break
        body.append(line)
    paragraphs = _paragraphs(body)
    author_name = author_position = ""
    if len(paragraphs) > 1:
        byline = _split_byline(paragraphs[-1])
        if byline:
            author_name, author_position = byline
            paragraphs.pop()
    if not paragraphs:
        raise LegacyParseError("no body paragraphs")
    return LegacyArticle(
        category=category,
        title=title,
        published=published,
        paragraphs=paragraphs,
        author_name=author_name,
        author_position=author_position,
        hit_count=hit_count,
    )


def _key_part(value: str) -> str:
    return normalise(value).casefold()


def legacy_key(article: LegacyArticle) -> str:
    """A stable identity for an article: sha1 of its normalised category|title|date."""
    published = article.published
    day = published.date() if isinstance(published, datetime.datetime) else published
    source = "|".join([_key_part(article.category), _key_part(article.title), day.isoformat()])
    return hashlib.sha1(source.encode("utf-8")).hexdigest()
