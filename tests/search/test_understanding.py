"""Query understanding and the spelling rules, without a database: what each form means."""

from __future__ import annotations

from decimal import Decimal

import pytest

from search.spelling import allowed_typos, compound_splits, edit_distance
from search.understanding import Rule, understand


@pytest.mark.parametrize(
    ("query", "language", "century"),
    [
        ("zeventiende eeuw", "nl", 17),
        ("schilderijen uit de 17de eeuw", "nl", 17),
        ("17e-eeuwse zilver", "nl", 17),
        ("XVIIIe eeuw", "nl", 18),
        ("eighteenth century silver", "en", 18),
        ("18th-century silver", "en", 18),
        ("15th century", "en", 15),
        ("XVe siècle", "fr", 15),
        ("dix-huitième siècle", "fr", 18),
        ("argenterie du XVIIIe siècle", "fr", 18),
        ("seizieme siecle", "fr", 16),
    ],
)
def test_century_words_and_roman_numerals_are_read_in_every_language(query, language, century):
    understood = understand(query, language)
    assert understood.centuries == [century]
    assert [(f.rule, f.value) for f in understood.applied] == [(Rule.CENTURY, str(century))]
    assert "eeuw" not in understood.text and "century" not in understood.text
    assert "siecle" not in understood.text


@pytest.mark.parametrize(
    ("query", "language", "label"),
    [("zeventiende eeuw", "nl", "17de eeuw"), ("seventeenth century", "en", "17th century"),
     ("dix-septième siècle", "fr", "XVIIe siècle")],
)  # fmt: skip
def test_an_applied_century_is_labelled_in_the_visitors_language(query, language, label):
    assert understand(query, language).applied[0].label == label


@pytest.mark.parametrize("query", ["Gouden Eeuw", "eeuw", "century", "siècle des Lumières"])
def test_a_century_word_without_a_number_stays_a_word(query):
    understood = understand(query, "nl")
    assert understood.applied == [] and understood.text == query


@pytest.mark.parametrize(
    ("query", "language", "amount", "left"),
    [
        ("cadeau onder 20 euro", "nl", Decimal("20"), ""),
        ("boek minder dan 12,50 euro", "nl", Decimal("12.50"), "boek"),
        ("gift under €20", "en", Decimal("20"), ""),
        ("poster less than 15 euros", "en", Decimal("15"), "poster"),
        ("cadeau moins de 20 €", "fr", Decimal("20"), ""),
        ("livre à moins de 30 euros", "fr", Decimal("30"), "livre"),
    ],
)
def test_a_price_wish_becomes_a_product_filter_and_the_rest_is_searched(
    query, language, amount, left
):
    understood = understand(query, language)
    assert understood.max_price == amount and understood.products_only
    assert {f.rule for f in understood.applied} == {Rule.MAX_PRICE, Rule.PRODUCTS}
    assert understood.text.split() == left.split()


@pytest.mark.parametrize("query", ["onder de toren", "under the ice", "20 euro", "sous la neige"])
def test_words_like_under_without_an_amount_in_euro_stay_words(query):
    assert understand(query, "en").applied == []


@pytest.mark.parametrize(
    ("query", "language"), [("cadeau", "nl"), ("gifts", "en"), ("cadeaux", "fr")]
)
def test_a_gift_wish_keeps_products(query, language):
    understood = understand(query, language)
    assert understood.products_only and understood.text.strip() == ""


def test_a_skipped_rule_leaves_its_words():
    understood = understand("gift under 20 euro", "en", frozenset({Rule.MAX_PRICE, Rule.PRODUCTS}))
    assert understood.applied == [] and understood.text == "gift under 20 euro"


@pytest.mark.parametrize(
    ("word", "typos"),
    [("vaas", 0), ("bosch", 1), ("memling", 1), ("schilderij", 2), ("tapisserie", 2)],
)
def test_typos_allowed_grow_with_the_word_as_meilisearch_allows_them(word, typos):
    assert allowed_typos(word) == typos


def test_edit_distance_counts_a_swap_of_neighbours_as_one():
    assert edit_distance("bruegel", "breugel", 2) == 1
    assert edit_distance("memling", "memlimg", 2) == 1
    assert edit_distance("rubens", "rembrandt", 2) == 3  # above the limit: limit + 1


def test_compounds_are_cut_with_and_without_linking_letters():
    assert ("zilver", "werk") in compound_splits("zilverwerk")
    assert ("stad", "gezicht") in compound_splits("stadsgezicht")
