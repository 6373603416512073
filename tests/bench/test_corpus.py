import re
import unicodedata

import pytest

from bench.corpus import BODY_SYLLABLES, END, LEAD_SYLLABLES, PARAGRAPHS, TITLE_SYLLABLES, Corpus, syllables
from eportal.core.text import vn_slugify

SAMPLE = range(0, 100_000, 250)  # 400 articles across the ten years


@pytest.fixture(scope="module")
def articles():
    return [Corpus(seed=1).article(i) for i in SAMPLE]


def text_of(article):
    return "\n".join([article.title, article.lead, *article.paragraphs])


def test_an_article_depends_only_on_seed_and_index():
    first = Corpus(seed=1)
    again = Corpus(seed=1)
    again.article(999)  # other articles made before do not matter
    assert again.article(7) == first.article(7)
    assert Corpus(seed=2).article(7) != first.article(7)
    assert first.article(8) != first.article(7)


def test_text_is_vietnamese_news(articles):
    text = "\n".join(map(text_of, articles))
    assert unicodedata.normalize("NFC", text) == text
    for expected in ["Kế Sách", "Sóc Trăng", "Ủy ban nhân dân", "Đảng", "đồng chí", "xã Đại Hải",
                     "thị trấn An Lạc Thôn", "ấp", "nông thôn mới", "hội nghị"]:
        assert expected in text
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if unicodedata.decomposition(ch) or ch in "đĐ")
    assert accented / len(letters) > 0.2  # Vietnamese is dense with diacritics
    assert "lorem" not in text.lower()
    # Some words are repeated, but titles are not all alike.
    assert len({a.title for a in articles}) > 0.95 * len(articles)


def test_lengths_are_those_of_a_district_portal(articles):
    for article in articles:
        assert TITLE_SYLLABLES[0] <= syllables(article.title) <= TITLE_SYLLABLES[1], article.title
        assert LEAD_SYLLABLES[0] <= syllables(article.lead) <= LEAD_SYLLABLES[1], article.lead
        assert PARAGRAPHS[0] <= len(article.paragraphs) <= PARAGRAPHS[1]
        assert BODY_SYLLABLES[0] <= sum(map(syllables, article.paragraphs)) <= BODY_SYLLABLES[1]
    bodies = sorted(sum(map(syllables, a.paragraphs)) for a in articles)
    assert 350 <= bodies[len(bodies) // 2] <= 550  # most articles are short, a few long
    assert bodies[-1] > 700


def test_dates_spread_over_ten_years_newest_last(articles):
    dates = [a.date for a in articles]
    assert all(d.tzinfo is not None for d in dates)
    assert dates == sorted(dates)
    assert (END - dates[0]).days >= 3650
    newest = Corpus(seed=1).article(99_999).date
    assert newest <= END and (END - newest).days < 1
    assert all(6 <= d.hour <= 21 for d in dates)


def test_articles_cite_documents_by_number(articles):
    text = "\n".join(map(text_of, articles))
    for form in [r"\b\d\d-CT/TW\b", r"\b\d+-TB/HU\b", r"\b\d+/QĐ-UBND\b", r"\b\d+/20\d\d/NĐ-CP\b"]:
        assert re.search(form, text), form


def test_queries_match_or_miss_as_intended(articles):
    queries = Corpus.queries()
    assert 15 <= len(queries) <= 30
    assert "ke sach" in queries and "Kế Sách" in queries and "03-CT/TW" in queries
    folded = vn_slugify("\n".join(map(text_of, articles)), 10**9)
    for query in Corpus.no_match_queries():
        assert query in queries
        assert vn_slugify(query) not in folded
    for query in ["ke sach", "nong thon moi", "dang uy", "Ủy ban nhân dân"]:
        assert vn_slugify(query) in folded


def test_categories_follow_a_portal_mix(articles):
    categories = Corpus.categories()
    counts = [sum(1 for a in articles if a.category == index) for index in range(len(categories))]
    assert categories[0] == "Tin tức - Sự kiện" and counts[0] == max(counts)
    assert all(counts)
