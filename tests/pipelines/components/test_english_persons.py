"""English person rules: given names that are also places, compounds and descriptors that name nobody."""

from __future__ import annotations

from tests.pipelines.components.test_recognition import ids, run


def test_english_persons_place_that_is_a_given_name_opens_an_unknown_name() -> None:
    record = run("Victoria Pendleford opened the exhibition in March.", "en")
    assert ids(record, "person") == {"person:victoria-pendleford"} and not ids(record, "organization")


def test_english_persons_team_name_after_a_place_is_no_person() -> None:
    assert ids(run("The Boston Bruins won again on Saturday.", "en"), "person") == set()


def test_english_persons_country_after_a_given_name_is_the_family_name() -> None:
    record = run("Yesterday Michael Jordan signed autographs for an hour.", "en")
    assert ids(record, "person") == {"person:michael-jordan"} and not ids(record, "country")


def test_english_persons_compound_with_a_common_word_ends_no_name() -> None:
    assert ids(run("Her neighbour, a Booker Prize-winner, spoke first.", "en"), "person") == set()


def test_english_persons_word_also_used_as_a_descriptor_is_no_person() -> None:
    assert ids(run("The school welcomes Christian and non-Christian families alike.", "en"), "person") == set()


def test_english_persons_german_role_inside_an_english_family_name() -> None:
    record = run("Felix Mendelssohn wrote the overture in 1826.", "en")
    assert ids(record, "person") == {"person:felix-mendelssohn"}


def test_english_persons_lone_given_name_after_an_article_is_no_person() -> None:
    assert ids(run("In the play he was the Joker, a role he loved.", "en"), "person") == set()


def test_english_persons_korean_name_with_a_hyphenated_given_name() -> None:
    record = run("After the match, Baek Seung-ho praised his team. They drank Coca-Cola in Baden-Baden.", "en")
    assert ids(record, "person") == {"person:baek-seung-ho"}
