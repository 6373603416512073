"""Finding and ranking entries for a visitor's query.

Every syllable must be present, diacritics ignored, and the parts of a code typed as
"03-CT/TW" must stand together. The rank is the sum of the features a result has:

    8  the syllables stand together, in order (the phrase), in title or body
    4  the syllables typed with diacritics are there with the same diacritics
    2  the title holds the phrase (for one syllable: the title holds it)
    1  the title holds every syllable

and ties go to the newer item. Each combination of features is a tier: one index
expression whose matches the index yields newest first. Results are read tier by tier,
best first, only as far as the page asked for, so the cost of a page does not grow with
the number of matches; counts stop at MAX_RESULTS.
"""

from dataclasses import dataclass
from itertools import product

from . import backends
from .backends import Condition, Filters, Tier
from .models import SearchEntry
from .text import Query

# Counting stops here: "hơn 300 kết quả" asks for a narrower query, and counting every
# match of a common word would cost more than the page itself.
MAX_RESULTS = 300


@dataclass(frozen=True)
class Feature:
    weight: int
    condition: Condition


def features(query: Query) -> list[Feature]:
    phrase = query.phrase or query.words
    found = []
    if query.phrase:
        found.append(Feature(8, Condition(query.phrase)))
    if query.exact:
        found.append(Feature(4, Condition(query.exact)))
    found.append(Feature(2, Condition(phrase, title_only=True)))
    if query.phrase:
        found.append(Feature(1, Condition(query.words, title_only=True)))
    return found


def _possible(chosen: dict[int, bool]) -> bool:
    """The phrase in the title implies the phrase and every syllable in the title."""
    if chosen.get(2):
        return chosen.get(8, True) and chosen.get(1, True)
    return True


def tiers(query: Query) -> list[tuple[int, Tier]]:
    """(rank, tier) for every possible combination of features, best first."""
    candidate = Condition(query.words + query.required)
    listed = features(query)
    found = []
    for flags in product([True, False], repeat=len(listed)):
        chosen = {feature.weight: flag for feature, flag in zip(listed, flags)}
        if not _possible(chosen):
            continue
        rank = sum(weight for weight, flag in chosen.items() if flag)
        tier = Tier(
            must=_merged([candidate, *(f.condition for f, flag in zip(listed, flags) if flag)]),
            must_not=tuple(f.condition for f, flag in zip(listed, flags) if not flag),
        )
        found.append((rank, tier))
    return sorted(found, key=lambda item: -item[0])


def _merged(conditions: list[Condition]) -> tuple[Condition, ...]:
    """One condition per column, without the terms the title's condition already asks
    for (the title's terms are also the whole text's): fewer, cheaper index look-ups,
    and no reading of whole texts' terms that the title decides."""
    title = tuple(dict.fromkeys(t for c in conditions if c.title_only for t in c.terms))
    anywhere = tuple(dict.fromkeys(t for c in conditions if not c.title_only for t in c.terms if t not in title))
    # The title first: a database testing row by row reads the small title terms before
    # the whole text's.
    merged = []
    if title:
        merged.append(Condition(title, title_only=True))
    if anywhere:
        merged.append(Condition(anywhere))
    return tuple(merged)


class Results:
    """The ranked matches of a query, sliceable and countable like a queryset (for
    Django's Paginator). Slices are lists of SearchEntry with a `rank` attribute."""

    def __init__(self, query: Query, filters: Filters):
        self.query, self.filters = query, filters
        self.backend = backends.current()
        self.tiers = tiers(query) if not query.is_empty else []
        self._count = None

    def count(self) -> int:
        """The number of matches, at most MAX_RESULTS."""
        if self._count is None:
            self._count = 0
            if self.tiers:
                everything = Tier(must=(Condition(self.query.words + self.query.required),))
                self._count = self.backend.count(everything, self.filters, MAX_RESULTS)
        return self._count

    @property
    def capped(self) -> bool:
        return self.count() >= MAX_RESULTS

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start = index.start or 0
        stop = MAX_RESULTS if index.stop is None else min(index.stop, MAX_RESULTS)
        return self._read(start, max(0, stop - start))

    def _read(self, skip: int, wanted: int) -> list[SearchEntry]:
        wanted = min(wanted, self.count() - skip)  # past the last match no tier is read
        ranked = []
        for rank, tier in self.tiers:
            if len(ranked) >= wanted:
                break
            if skip:
                size = self.backend.count(tier, self.filters, skip + wanted)
                if size <= skip:
                    skip -= size
                    continue
            ids = self.backend.ids(tier, self.filters, wanted - len(ranked), skip)
            skip = 0
            ranked.extend((pk, rank) for pk in ids)
        entries = SearchEntry.objects.in_bulk([pk for pk, _ in ranked])
        shown = []
        for pk, rank in ranked:
            if pk in entries:
                entries[pk].rank = rank
                shown.append(entries[pk])
        return shown


def search(query: Query, filters: Filters | None = None) -> Results:
    return Results(query, filters or Filters())
