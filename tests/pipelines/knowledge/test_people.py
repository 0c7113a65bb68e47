"""Lexicons for persons: given names derived from the word clusters."""

from __future__ import annotations

from pipelines.knowledge.people import english_given_names, first_names, given_names
from tests.pipelines.components.test_recognition import ids, run


def test_people_english_given_names_come_from_the_clusters() -> None:
    derived = english_given_names()
    assert {"Margaret", "Stan", "Kendrick"} <= derived and not {"Margaret", "Kendrick"} & first_names()
    assert {"Margaret", "Stan"} <= given_names("en")


def test_people_english_given_names_leave_out_places() -> None:
    assert "Darwin" not in english_given_names() and "Austin" not in english_given_names()


def test_people_derived_english_given_name_opens_a_person() -> None:
    record = run("On Saturday the novelist Margaret Atwood read from her new book in a small bookshop.", "en")
    assert ids(record, "person") == {"person:margaret-atwood"}


def test_people_common_english_words_are_no_names() -> None:
    from pipelines.knowledge.people import is_english_word

    assert is_english_word("Coast") and is_english_word("valley") and not is_english_word("Georgia")
