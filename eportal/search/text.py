"""Vietnamese text as search terms.

Vietnamese words are written as syllables separated by spaces, so a syllable is the unit
of matching. A text becomes a set of terms:

- exact syllables, lower-cased with their diacritics ("kế", "sách");
- folded syllables, without diacritics and with đ -> d ("ke", "sach");
- folded syllable pairs that stand next to each other in the text ("ke_sach").

A query of several syllables matches a text holding all its folded syllables; it is a
phrase match when the text also holds every adjacent pair, and an exact match when it
holds the query's syllables with their diacritics. Pairs make phrase matching a plain
term lookup, the same on SQLite FTS5 and PostgreSQL full-text search, with no positions.
Pairs do not cross sentence punctuation but do cross "-" and "/", so a document number
"03-CT/TW" becomes the pairs "03_ct" and "ct_tw"; in a query, such pairs joined without
a space must match, so the number is found as written and not as any text with "03".
"""

import re
import unicodedata
from dataclasses import dataclass

# Longest query taken into account; the rest is ignored (and the visitor told).
MAX_QUERY_CHARS = 200
MAX_QUERY_SYLLABLES = 12
# Text indexed per item: enough for any real article, bounded for pasted books.
MAX_INDEXED_CHARS = 60_000

SYLLABLE = re.compile(r"[^\W_]+")
# Punctuation that ends a phrase: pairs are not formed across it.
PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”‘’«»…|\n\r\t]+")


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


# Latin letters, with every Vietnamese (and other) diacritic, to bare lower-case letters.
_FOLD_TABLE = {cp: _fold_char(chr(cp)) for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]}


def fold(text: str) -> str:
    """Lower-case text without diacritics, one character for each character of NFC `text`,
    so that positions found in the folded text are positions in the original."""
    return text.translate(_FOLD_TABLE)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


@dataclass(frozen=True)
class Syllable:
    start: int
    end: int
    exact: str
    folded: str
    phrase: int  # index of the phrase (run between punctuation) it belongs to


def syllables(text: str) -> list[Syllable]:
    """The syllables of NFC `text`, with their positions."""
    found = []
    phrase = 0
    last_end = 0
    for match in SYLLABLE.finditer(text):
        if PHRASE_BREAK.search(text, last_end, match.start()):
            phrase += 1
        exact = match.group().lower()
        found.append(Syllable(match.start(), match.end(), exact, fold(exact), phrase))
        last_end = match.end()
    return found


def pairs(items: list[Syllable]) -> list[str]:
    return [f"{a.folded}_{b.folded}" for a, b in zip(items, items[1:]) if a.phrase == b.phrase]


def terms(text: str) -> str:
    """The space-separated terms stored in the index for `text`.

    The same terms as syllables() and pairs() give, computed phrase by phrase with
    whole-string operations: indexing a long article costs a fraction of a millisecond."""
    found = set()
    for phrase in PHRASE_BREAK.split(normalise(text)[:MAX_INDEXED_CHARS].lower()):
        exact = SYLLABLE.findall(phrase)
        if not exact:
            continue
        folded = SYLLABLE.findall(fold(phrase))
        found.update(exact)
        found.update(folded)
        found.update(f"{a}_{b}" for a, b in zip(folded, folded[1:]))
    return " ".join(sorted(found))


@dataclass(frozen=True)
class Query:
    """What the visitor typed, as terms to look up."""

    text: str
    words: tuple[str, ...]  # folded syllables, in order, without repeats
    exact: tuple[str, ...]  # the syllables typed with diacritics, as typed
    phrase: tuple[str, ...]  # folded adjacent pairs
    required: tuple[str, ...]  # pairs inside codes such as "03-CT/TW", which must match as written
    truncated: bool

    @property
    def is_empty(self) -> bool:
        return not self.words

    @property
    def folded_sequence(self) -> tuple[str, ...]:
        return tuple(s.folded for s in syllables(self.text))


CODE_JOINER = re.compile(r"[-/]+")


def _code_pairs(text: str, items: list[Syllable]) -> list[str]:
    """Pairs of syllables joined by "-" or "/" with no space, as in document numbers."""
    return [
        f"{a.folded}_{b.folded}" for a, b in zip(items, items[1:])
        if CODE_JOINER.fullmatch(text[a.end : b.start])
    ]


def parse_query(raw: str) -> Query:
    text = normalise(raw)
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    items = syllables(text)
    if len(items) > MAX_QUERY_SYLLABLES:
        truncated = True
        items = items[:MAX_QUERY_SYLLABLES]
        text = text[: items[-1].end]
    return Query(
        text=text,
        words=tuple(dict.fromkeys(s.folded for s in items)),
        exact=tuple(dict.fromkeys(s.exact for s in items if s.exact != s.folded)),
        phrase=tuple(dict.fromkeys(pairs(items))),
        required=tuple(dict.fromkeys(_code_pairs(text, items))),
        truncated=truncated,
    )
