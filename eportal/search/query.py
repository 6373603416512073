"""Finding and ranking entries for a visitor's query.

The rank is a sum of features, each an index lookup, so that it is computed the same way
on SQLite and PostgreSQL:

    8  the syllables stand together, in order (the phrase), in title or body
    4  the syllables typed with diacritics are there with the same diacritics
    2  the title holds the phrase (for one syllable: the title holds it)
    1  the title holds every syllable

Ties go to the newer item. Every syllable must be present, diacritics ignored, and the
parts of a code typed as "03-CT/TW" must stand together.
"""

from django.db.models import F
from django.db.models.expressions import RawSQL

from . import backends
from .models import SearchEntry
from .text import Query

PHRASE, EXACT, TITLE_PHRASE, TITLE_WORDS = 8, 4, 2, 1


def _features(query: Query):
    phrase = list(query.phrase) or list(query.words)
    if query.phrase:
        yield PHRASE, backends.holding(phrase)
    if query.exact:
        yield EXACT, backends.holding(query.exact)
    yield TITLE_PHRASE, backends.holding(phrase, title_only=True)
    if query.phrase:
        yield TITLE_WORDS, backends.holding(query.words, title_only=True)


def rank_sql(query: Query) -> RawSQL:
    parts, params = [], []
    for weight, (sql, sql_params) in _features(query):
        parts.append(f"(CASE WHEN {sql} THEN {weight} ELSE 0 END)")
        params.extend(sql_params)
    return RawSQL(" + ".join(parts), params)


def search(query: Query, entries=None):
    """Entries matching `query`, best first, with a `rank` annotation."""
    entries = SearchEntry.objects.all() if entries is None else entries
    if query.is_empty:
        return entries.none()
    sql, params = backends.holding(query.words + query.required)
    return (
        entries.extra(where=[sql], params=params)
        .annotate(rank=rank_sql(query))
        .order_by("-rank", F("date").desc(), "-id")
    )
