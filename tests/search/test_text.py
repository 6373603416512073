from eportal.search.text import MAX_QUERY_SYLLABLES, fold, parse_query, terms


def test_folding_drops_every_diacritic_and_turns_d_with_stroke_into_d():
    assert fold("Đảng bộ huyện Kế Sách") == "dang bo huyen ke sach"
    assert fold("ư ơ ă â ê ô đ Ư Ơ Ă Â Ê Ô Đ ỹ Ỵ") == "u o a a e o d u o a a e o d y y"


def test_folding_keeps_positions():
    text = "Ủy ban nhân dân xã Đại Hải"
    assert len(fold(text)) == len(text)


def test_terms_hold_exact_and_folded_syllables_and_adjacent_pairs():
    found = terms("Đảng bộ Kế Sách").split()
    assert {"đảng", "dang", "bộ", "bo", "kế", "ke", "sách", "sach"} <= set(found)
    assert {"dang_bo", "bo_ke", "ke_sach"} <= set(found)


def test_pairs_do_not_cross_sentence_punctuation_but_follow_document_numbers():
    found = set(terms("Huyện Kế Sách. Chỉ thị 03-CT/TW").split())
    assert "sach_chi" not in found
    assert {"03_ct", "ct_tw"} <= found


def test_query_syntax_is_just_words():
    query = parse_query('"Kế Sách" * NEAR( OR')
    assert query.words == ("ke", "sach", "near", "or")
    assert query.exact == ("kế", "sách")


def test_query_without_diacritics_asks_for_no_exact_match():
    assert parse_query("ke sach").exact == ()


def test_long_query_is_cut_and_says_so():
    query = parse_query(" ".join(["xã"] * 5000))
    assert query.truncated
    assert len(query.text.split()) <= MAX_QUERY_SYLLABLES


def test_query_of_punctuation_only_is_empty():
    assert parse_query('"*()').is_empty
