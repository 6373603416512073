"""Showing where a result matched: the title and a short excerpt with the query's
syllables marked, diacritics ignored."""

import re
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .text import Query, fold

EXCERPT_CHARS = 240
CONTEXT_BEFORE = 60


def _word_pattern(words) -> re.Pattern:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _phrase_pattern(sequence) -> re.Pattern:
    return re.compile(r"(?<![^\W_])" + r"[\W_]+".join(re.escape(word) for word in sequence) + r"(?![^\W_])")


def _marked(text: str, words) -> str:
    """HTML of `text` with the syllables in `words` (folded) marked; neighbours share a mark."""
    if not words:
        return escape(text)
    spans = []
    for found in _word_pattern(words).finditer(fold(text)):
        start, end = found.span()
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    out, position = [], 0
    for start, end in spans:
        out.append(f"{escape(text[position:start])}<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def title(text: str, query: Query) -> SafeString:
    return mark_safe(_marked(text, set(query.words)))


def excerpt(text: str, query: Query, size: int = EXCERPT_CHARS) -> SafeString:
    """About `size` characters of `text` around the first phrase match (else the first
    matching syllable, else the beginning), cut at word boundaries."""
    text = " ".join(text.split())
    if not text:
        return mark_safe("")
    folded = fold(text)
    found = _phrase_pattern(query.folded_sequence).search(folded) if query.folded_sequence else None
    if found is None and query.words:
        found = _word_pattern(query.words).search(folded)
    start = max(0, found.start() - CONTEXT_BEFORE) if found else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (found.start() if found else len(text)) else start
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = _marked(text[start:end], set(query.words))
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))
