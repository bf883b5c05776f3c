"""Analysis, snippets and centuries: pure functions, no database."""

import pytest

from search.analysis import analyzer, fold
from search.snippets import snippet
from search.sources.museum import centuries, century_label

pytestmark = pytest.mark.database_neutral


@pytest.mark.parametrize(
    ("language", "typed", "indexed"),
    [
        ("nl", "schilderij", "schilderijen"),
        ("nl", "Hieronymus", "Hiëronymus"),
        ("en", "paintings", "painting"),
        ("en", "Durer", "Dürer"),
        ("fr", "eglise", "église"),
        ("fr", "tapisserie", "tapisseries"),
        ("fr", "Flemalle", "Flémalle"),
    ],
)
def test_a_typed_word_finds_its_inflected_or_accented_form(language, typed, indexed):
    analysis = analyzer(language)
    assert analysis.query_terms(typed) == analysis.terms(indexed)


def test_folding_removes_accents_and_ligatures():
    assert fold("Cœur de l'Église, Ærø, Straße") == "coeur de l'eglise, aero, strasse"


def test_function_words_and_elided_letters_are_not_terms():
    assert analyzer("nl").query_terms("de schilderijen van het museum") == ["schilder", "museum"]
    assert analyzer("fr").query_terms("l'église et la feuille d'or") == ["eglis", "feuill", "or"]
    assert analyzer("en").query_terms("the Ghent's altarpiece") == ["ghent", "altarpiec"]


def test_unknown_language_is_analysed_as_dutch():
    assert analyzer("de").language == "nl"


def test_snippet_marks_matched_words_and_escapes_the_rest():
    text = "Een <vaas> & een kom. " + "Woord " * 40 + "Twee vazen van Delft, naast een vaas."
    result = snippet(text, frozenset(analyzer("nl").query_terms("vaas")), analyzer("nl"))
    assert "<mark>vaas</mark>" in result
    assert "&lt;" in result or result.startswith("…")
    assert result.startswith("…") and "<mark>Twee</mark>" not in result


def test_snippet_without_match_is_the_start_of_the_text():
    text = " ".join(f"w{i}" for i in range(50))
    result = snippet(text, frozenset({"zzz"}), analyzer("en"))
    assert result.startswith("w0 w1") and result.endswith("…")


def test_snippet_escapes_html_and_marks_nothing_else():
    result = snippet("A <b>vase</b> & a bowl", frozenset({"vase"}), analyzer("en"))
    assert result == "A &lt;b&gt;<mark>vase</mark>&lt;/b&gt; &amp; a bowl"


@pytest.mark.parametrize(
    ("years", "expected"),
    [
        ((1650, 1720), [17, 18]),
        ((1600, 1699), [17]),
        ((1500, None), [16]),
        ((None, 1450), [15]),
        ((None, None), []),
        ((-50, 20), [-1, 1]),
    ],
)
def test_centuries_of_a_dating(years, expected):
    assert list(centuries(*years)) == expected


@pytest.mark.parametrize(
    ("number", "language", "label"),
    [
        (17, "nl", "17de eeuw"),
        (1, "nl", "1ste eeuw"),
        (20, "nl", "20ste eeuw"),
        (17, "en", "17th century"),
        (21, "en", "21st century"),
        (12, "en", "12th century"),
        (17, "fr", "XVIIe siècle"),
        (1, "fr", "Ier siècle"),
        (-1, "en", "1st century BC"),
    ],
)
def test_century_labels(number, language, label):
    assert century_label(number, language) == label
