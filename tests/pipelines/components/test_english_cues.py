"""English names told by the words around them (``components/english_cues.py``), on sentences written
for the tests."""

from __future__ import annotations

from tests.pipelines.components.test_recognition import ids, run


def test_english_cues_owner_before_chief_executive_is_an_organisation_with_its_other_mentions() -> None:
    record = run("Zorvex's chief executive resigned on Monday. Later Zorvex hired a new one.", "en")
    org = next(e for e in record.entities if e.id == "organization:zorvex")
    assert len(org.mentions) == 2


def test_english_cues_shares_of_and_spokesman_for_name_organisations() -> None:
    record = run("Shares of Quillon fell, and a spokesman for the Brannock declined to comment.", "en")
    assert ids(record, "organization") == {"organization:quillon", "organization:brannock"}


def test_english_cues_common_word_or_surname_before_a_cue_is_no_organisation() -> None:
    record = run("Trevor Quillon left early. Quillon's spokesman said nothing, and Labour's spokesman agreed.", "en")
    assert ids(record, "organization") == set()


def test_english_cues_domain_name_is_a_website_organisation() -> None:
    record = run("The attack was first reported by Veltrano.com on Tuesday.", "en")
    assert ids(record, "organization") == {"organization:veltrano-com"}


def test_english_cues_age_apposition_names_a_person() -> None:
    record = run("Odaro Vukelic, 45, was arrested near the harbour.", "en")
    assert ids(record, "person") == {"person:odaro-vukelic"}


def test_english_cues_two_word_name_before_said_is_a_person_one_word_is_not() -> None:
    record = run("Odaro Vukelic said the plan would fail. Brannock said it would not.", "en")
    assert ids(record, "person") == {"person:odaro-vukelic"}


def test_english_cues_name_after_a_role_and_a_comma_is_a_person() -> None:
    record = run("According to the team's coach, Odaro Vukelic, the robot worked.", "en")
    assert "person:odaro-vukelic" in ids(record, "person")


def test_english_cues_name_listed_beside_a_person_is_a_person() -> None:
    record = run("Attempts by Michael Brown, Odaro Vukelic, and Teodor Marsk failed.", "en")
    assert {"person:odaro-vukelic", "person:teodor-marsk"} <= ids(record, "person")


def test_english_cues_listed_name_ending_in_a_common_word_or_place_word_is_no_person() -> None:
    record = run("He toured with Michael Brown and Vertical Horizon near Michael Brown and Nagle Place.", "en")
    assert ids(record, "person") == {"person:michael-brown"}
