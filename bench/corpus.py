"""Deterministic Vietnamese text of a district portal, for benchmarks.

    corpus = Corpus(seed=1)
    article = corpus.article(42)      # the same Article for the same (seed, size, i)
    corpus.queries()                  # search queries a visitor would type

Sentences come from the templates and word lists of bench.vi_words; every article has its
own random generator seeded from (seed, i), so articles can be made in any order.
Dates are spread over the ten years before END: article i of `size` is the i-th oldest.
"""

import bisect
import datetime as dt
import itertools
import math
import random
import re
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from . import vi_words as words

TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# A fixed end keeps the corpus the same from day to day.
END = dt.datetime(2026, 11, 20, 17, 0, tzinfo=TIME_ZONE)
DAYS = 3652  # ten years
DEFAULT_SIZE = 100_000

TITLE_SYLLABLES = (8, 25)
LEAD_SYLLABLES = (25, 60)
BODY_SYLLABLES = (250, 900)
PARAGRAPHS = (3, 12)
FEATURED_SHARE = 0.03
SOURCE_SHARE = 0.15
KHMER_NAME_SHARE = 0.12


@dataclass(frozen=True)
class Article:
    """One news article; `category` indexes Corpus.categories()."""

    title: str
    lead: str
    paragraphs: list[str]
    date: dt.datetime
    author: str
    author_position: str
    source: str
    category: int
    featured: bool


def syllables(text: str) -> int:
    return len(text.split())


def _syllables(sentence: str) -> int:
    """syllables() of generated text, which has single spaces only; faster."""
    return sentence.count(" ") + 1


_SLOT = re.compile(r"\{(\w+)\}")


def _compile(template: str) -> tuple[str, tuple[str, ...]]:
    """"a {x} b {y}" -> ("a {} b {}", ("x", "y")): a format string and its slots, in order."""
    parts = _SLOT.split(unicodedata.normalize("NFC", template))
    literals = [part.replace("{", "{{").replace("}", "}}") for part in parts[0::2]]
    return "{}".join(literals), tuple(parts[1::2])


def _compile_all(templates) -> list:
    return [_compile(t) for t in templates]


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _vn_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _vn_decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


_SHARED_LISTS = {
    "commune": words.COMMUNES,
    "hamlet": words.HAMLETS,
    "locality": words.OTHER_LOCALITIES,
    "district_org": words.DISTRICT_ORGS,
    "commune_org_type": words.COMMUNE_ORG_TYPES,
    "participants": words.PARTICIPANTS,
    "position": words.POSITIONS,
    "author_unit": words.AUTHOR_UNITS,
}


def _category_grammar(topics: dict) -> dict:
    """The shared grammar with the category's own phrases, which come up twice as often."""
    grammar = {name: _compile_all(entries) for name, entries in {**words.GRAMMAR, **_SHARED_LISTS}.items()}
    for name, entries in topics.items():
        grammar[name] = _compile_all(entries) * 2 + grammar.get(name, [])
    return grammar


_GRAMMARS = [_category_grammar(topics) for topics in words.CATEGORY_TOPICS]
_TITLES = _compile_all(words.TITLE_TEMPLATES)
_OPENINGS = _compile_all(words.OPENING_SENTENCES)
_LEADS = _compile_all(words.LEAD_SENTENCES)
_LEAD_FOLLOWUPS = _compile_all(words.LEAD_FOLLOWUPS)
_BODY = _compile_all(words.BODY_SENTENCES)
_BODY_STEPS = [step for step in range(1, len(_BODY)) if math.gcd(step, len(_BODY)) == 1]
_KNOWN_DOCUMENTS = [unicodedata.normalize("NFC", d) for d in words.KNOWN_DOCUMENTS]
_SHORT_KNOWN_DOCUMENTS = [d for d in _KNOWN_DOCUMENTS if syllables(d) <= 12]
_PEN_NAME_FIRST = sorted(set(words.MIDDLE_NAMES_MALE + words.MIDDLE_NAMES_FEMALE) - {"Văn", "Thị"})
_PEN_NAME_SECOND = words.GIVEN_NAMES_MALE + words.GIVEN_NAMES_FEMALE
_CATEGORY_CUMULATIVE = list(itertools.accumulate(words.CATEGORY_WEIGHTS))
assert len(words.CATEGORIES) == len(words.CATEGORY_TOPICS) == len(words.CATEGORY_WEIGHTS)


class _Writer:
    """Writes one article: a grammar, a random generator and the article's date.

    An article is mostly about one commune and one organisation: the slots {commune} and
    {org} give them more often than any other.
    """

    MAIN_SHARE = 0.6

    def __init__(self, rng: random.Random, category: int, date: dt.datetime):
        self.rng = rng
        self.random = rng.random
        self.grammar = _GRAMMARS[category]
        self.date = date
        self.commune = self.choice(words.COMMUNES)
        self.org = None
        self.generated = {
            "commune": self._commune, "org": self._org,
            "d": self._day, "m": lambda: str(date.month), "m2": lambda: str(self.between(1, 12)),
            "y": lambda: str(date.year), "y_prev": lambda: str(date.year - 1), "y_next": lambda: str(date.year + 1),
            "n": lambda: str(self.between(2, 60)), "nn": lambda: str(self.between(20, 900)),
            "nbig": lambda: _vn_number(self.between(1_000, 60_000)), "n2": lambda: f"{self.between(1, 60):02d}",
            "n2s": lambda: str(self.between(2, 10)), "pct": lambda: _vn_decimal(rng.uniform(50, 99.9)),
            "pct_low": lambda: _vn_decimal(rng.uniform(0.5, 9.9)), "pct_khmer": lambda: _vn_decimal(rng.uniform(5, 45)),
            "income": lambda: str(self.between(35, 75)),
            "yield": lambda: _vn_decimal(rng.uniform(5.5, 7.8)), "money": self._money,
            "person": self.person, "person_male": lambda: self.person(female=False),
            "person_female": lambda: self.person(female=True),
            "doc": self._document, "doc_short": self._short_document,
            "commune_title": lambda: _capitalize(self.choice(words.COMMUNES)),
            "period_lower": lambda: _lower_first(self.fill("period")),
        }
        self.org = self._org()

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def choice(self, items):
        # Faster than Random.choice, and as deterministic.
        return items[int(self.random() * len(items))]

    def fill(self, name: str) -> str:
        make = self.generated.get(name)
        if make is not None:
            return make()
        items = self.grammar[name]
        text, slots = items[int(self.random() * len(items))]
        if not slots:
            return text
        return text.format(*[self.fill(slot) for slot in slots])

    def expand(self, template: tuple[str, tuple[str, ...]]) -> str:
        text, slots = template
        if not slots:
            return text
        return text.format(*[self.fill(slot) for slot in slots])

    def sentence(self, templates) -> str:
        return _capitalize(self.expand(self.choice(templates)))

    def _commune(self) -> str:
        return self.commune if self.random() < self.MAIN_SHARE else self.choice(words.COMMUNES)

    def _org(self) -> str:
        if self.org is not None and self.random() < self.MAIN_SHARE:
            return self.org
        return self.expand(self.choice(self.grammar["org"]))

    def person(self, female=None) -> str:
        rng = self.rng
        if female is None and rng.random() < KHMER_NAME_SHARE:
            return self.choice(words.KHMER_NAMES)
        if female is None:
            female = rng.random() < 0.35
        if female:
            middle, given = words.MIDDLE_NAMES_FEMALE, words.GIVEN_NAMES_FEMALE
        else:
            middle, given = words.MIDDLE_NAMES_MALE, words.GIVEN_NAMES_MALE
        return f"{self.choice(words.SURNAMES)} {self.choice(middle)} {self.choice(given)}"

    def _day(self) -> str:
        return str(max(1, self.date.day - self.between(0, 2)))

    def _money(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            return f"{self.between(100, 950)} triệu đồng"
        return f"{_vn_decimal(rng.uniform(1, 120))} tỷ đồng"

    def _document_number(self):
        rng = self.rng
        kind, form, issuer = self.choice(words.DOCUMENT_FORMS)
        year = str(self.date.year - self.between(0, 3))
        number = form.format(n=self.between(1, 450), n2=f"{self.between(1, 60):02d}", y=year)
        return kind, number, issuer, year

    def _document(self) -> str:
        rng = self.rng
        if rng.random() < 0.35:
            return self.choice(_KNOWN_DOCUMENTS)
        kind, number, issuer, year = self._document_number()
        if rng.random() < 0.5:
            return f"{kind} số {number} ngày {self.between(1, 28)}/{self.between(1, 12)}/{year} {issuer}"
        return f"{kind} số {number} {issuer}"

    def _short_document(self) -> str:
        if self.random() < 0.15:
            return self.choice(_SHORT_KNOWN_DOCUMENTS)
        kind, number, issuer, _ = self._document_number()
        return f"{kind} số {number} {issuer}"

    def in_range(self, make, low: int, high: int, tries: int = 30) -> str:
        text = make()
        for _ in range(tries):
            if low <= syllables(text) <= high:
                break
            text = make()
        return text

    def title(self) -> str:
        return self.in_range(lambda: self.sentence(_TITLES), *TITLE_SYLLABLES)

    def lead(self) -> str:
        def make():
            text = self.sentence(_LEADS)
            while syllables(text) < LEAD_SYLLABLES[0]:
                text += " " + self.sentence(_LEAD_FOLLOWUPS)
            return text

        return self.in_range(make, *LEAD_SYLLABLES)

    def paragraphs(self) -> list[str]:
        rng = self.rng
        low, high = BODY_SYLLABLES
        # Right-skewed: most articles are short, some long; a last sentence may overshoot.
        target = low + int((high - 60 - low) * rng.betavariate(1.6, 3.2))
        count = min(max(round(target / rng.uniform(55, 85)), PARAGRAPHS[0]), PARAGRAPHS[1])
        # Body sentences in an order of the article's own, repeated only when all are used.
        start, step = self.between(0, len(_BODY) - 1), self.choice(_BODY_STEPS)
        order = itertools.count(start, step)
        paragraphs, total = [], 0
        for number in range(1, count + 1):
            sentences = [self.sentence(_OPENINGS)] if number == 1 else []
            total += sum(map(_syllables, sentences))
            while not sentences or total < target * number / count:
                sentence = _capitalize(self.expand(_BODY[next(order) % len(_BODY)]))
                total += _syllables(sentence)
                sentences.append(sentence)
            paragraphs.append(" ".join(sentences))
        return paragraphs


def _check_slots():
    """Fail at import, not after an hour of building, on a slot that nothing fills."""
    templates = [*_TITLES, *_OPENINGS, *_LEADS, *_LEAD_FOLLOWUPS, *_BODY]
    for grammar in _GRAMMARS:
        writer = _Writer(random.Random(0), 0, END)
        known = writer.generated.keys() | grammar.keys()
        for _, slots in templates + [t for entries in grammar.values() for t in entries]:
            unknown = set(slots) - known
            if unknown:
                raise ValueError(f"bench.vi_words uses unknown slots: {sorted(unknown)}")


_check_slots()


class Corpus:
    """Articles and search queries of a district portal; `size` articles span ten years."""

    def __init__(self, seed: int = 1, size: int = DEFAULT_SIZE):
        if size < 1:
            raise ValueError("size must be at least 1")
        self.seed = seed
        self.size = size
        self._first_day = dt.datetime.combine(END.date() - dt.timedelta(days=DAYS), dt.time(), TIME_ZONE)

    def _date(self, i: int, rng: random.Random) -> dt.datetime:
        """Article i's date: the i-th of `size` slots over ten years, between 6:30 and 21:30."""
        position = i * DAYS / self.size
        day = int(position)
        per_day = self.size / DAYS
        if per_day <= 1:
            minutes = rng.uniform(0, 15 * 60)
        else:
            slot = 15 * 60 / per_day
            minutes = (position - day) * 15 * 60 + rng.uniform(0, slot)
        return self._first_day + dt.timedelta(days=day, minutes=6.5 * 60 + int(minutes))

    def article(self, i: int) -> Article:
        if not 0 <= i < self.size:
            raise IndexError(f"article {i} is outside this corpus of {self.size}")
        rng = random.Random((self.seed << 40) + i)
        category = bisect.bisect_right(_CATEGORY_CUMULATIVE, rng.random() * _CATEGORY_CUMULATIVE[-1])
        date = self._date(i, rng)
        writer = _Writer(rng, category, date)
        if rng.random() < 0.6:
            author = writer.person()
        else:  # a pen name
            author = f"{writer.choice(_PEN_NAME_FIRST)} {writer.choice(_PEN_NAME_SECOND)}"
        return Article(
            title=writer.title(),
            lead=writer.lead(),
            paragraphs=writer.paragraphs(),
            date=date,
            author=author,
            author_position=_capitalize(writer.fill("author_unit")),
            source=writer.choice(words.SOURCES) if rng.random() < SOURCE_SHARE else "",
            category=category,
            featured=rng.random() < FEATURED_SHARE,
        )

    def articles(self, start: int = 0, stop: int | None = None):
        for i in range(start, self.size if stop is None else stop):
            yield self.article(i)

    @staticmethod
    def categories() -> list[str]:
        """Names of the categories `Article.category` indexes (the demo portal's)."""
        return list(words.CATEGORIES)

    @staticmethod
    def queries() -> list[str]:
        return list(words.QUERIES)

    @staticmethod
    def no_match_queries() -> list[str]:
        """The queries that match nothing in any article."""
        return list(words.NO_MATCH_QUERIES)
