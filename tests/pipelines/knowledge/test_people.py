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


def test_people_world_given_names_open_english_names_from_other_countries() -> None:
    from pipelines.knowledge.people import world_given_names

    assert {"Tiziano", "Nabil", "Thibaut"} <= world_given_names() and "Tiziano" not in english_given_names()
    record = run("Later that evening Tiziano Ferraro and Nabil Haddad spoke to the crowd outside.", "en")
    assert ids(record, "person") == {"person:tiziano-ferraro", "person:nabil-haddad"}


def test_people_world_given_names_leave_out_words_and_places() -> None:
    from pipelines.knowledge.people import world_given_names

    assert "Hope" not in world_given_names() and "Preston" not in world_given_names()
    assert "Tiziano" not in given_names("de")  # German text keeps to its own clusters


def test_people_english_rank_and_occupation_open_a_name() -> None:
    record = run("The squadron was led by Colonel Marchbanks-Odum, and striker Odegbami Okafor scored twice.", "en")
    assert ids(record, "person") == {"person:marchbanks-odum", "person:odegbami-okafor"}


def test_people_world_given_names_leave_out_countries_and_compass_words() -> None:
    from pipelines.knowledge.people import world_given_names

    assert not {"Kenya", "China", "North"} & world_given_names()
    record = run("The Medical Council of Kenya met in a hall near North Shields on Friday.", "en")
    assert ids(record, "organization") == {"organization:medical-council-of-kenya"} and ids(record, "person") == set()
