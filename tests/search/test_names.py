"""Names typed by ear (search.names): which runs of words are heard as a person's name."""

from __future__ import annotations

import pytest

from search.names import HeardNames, sound_key

PEOPLE = {
    1: ["Antoon van Dyck", "Anthony van Dyck", "Antonie van Dijck", "Sir Anthony Vandyke"],
    2: ["Peter Paul Rubens", "Pierre Paul Rubens"],
    3: ["Jheronimus Bosch", "Jeroen Bosch", "Jérôme Bosch"],
    4: ["Frans Hals"],
    5: ["Rembrandt van Rijn"],
}


@pytest.fixture
def heard() -> HeardNames:
    from search.analysis import words

    names = HeardNames()
    for pk, labels in PEOPLE.items():
        for label in labels:
            names.add(pk, words(label))
    return names


@pytest.mark.parametrize(
    ("query", "person"),
    [
        ("van dijk", 1),  # nl: ij for y, k for ck
        ("van dyke", 1),  # en: a silent final e
        ("van dick", 1),  # fr
        ("jeroen bos", 3),  # a final sch
        ("frans halls", 4),  # a doubled letter
        ("pierre paul rubans", 2),  # one typo in a long key
        ("rembrant van rein", 5),
    ],
)
def test_a_run_that_sounds_like_a_name_names_the_person(heard, query, person):
    ((_start, (length, persons)),) = heard.runs(query.split()).items()
    assert persons == {person}
    assert length == len(query.split())


@pytest.mark.parametrize(
    "query",
    [
        "still life",
        "schilderij van rubens",  # a name spelled right is the thesaurus's
        "tableau de rubens",
        "autoportrait rembrandt",
        "wandeling in het bos",
        "de bos",  # too short to be heard as a name
        "peter paul rubens",
    ],
)
def test_ordinary_words_and_names_spelled_right_are_not_heard(heard, query):
    assert heard.runs(query.split()) == {}


def test_spellings_of_the_same_sound_share_a_key():
    assert sound_key(["van", "dijk"]) == sound_key(["van", "dyck"]) == sound_key(["van", "dyke"])
    assert sound_key(["weiden"]) == sound_key(["weyden"])
    assert sound_key(["bos"]) == sound_key(["bosch"])
