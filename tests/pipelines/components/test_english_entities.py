"""English recognition rules on sentences written for the tests: persons, organisations and places in
capitalised runs (``components/english_rules.py`` and the English path of ``components/entities.py``)."""

from __future__ import annotations

from pipelines.extract import extract
from pipelines.records import Article, Extraction


def run(text: str) -> Extraction:
    return extract(Article(id="t", key="t", text=text, lang="en"))


def ids(record: Extraction, etype: str) -> set[str]:
    return {e.id for e in record.entities if e.type == etype}


def test_english_place_inside_a_longer_capitalised_name_is_that_name() -> None:
    record = run("Shares of Leeds Mutual fell after the insurer warned about its profits.")
    assert ids(record, "organization") == {"organization:leeds-mutual"} and not ids(record, "place")


def test_english_region_word_before_a_place_makes_a_place() -> None:
    record = run("Farmers in Northern Tasmania reported a dry winter.")
    assert "place:northern-tasmania" in ids(record, "place") and not ids(record, "organization")


def test_english_facility_word_ends_a_place_name() -> None:
    record = run("The final was played at the Bluewater Arena before a full house.")
    assert ids(record, "place") == {"place:bluewater-arena"}


def test_english_organisation_cue_word_joined_by_of_for_and_the() -> None:
    record = run("She spoke for the Council for the Protection of Rural Wales and the Department of Transport.")
    assert {"organization:council-for-the-protection-of-rural-wales", "organization:department-of-transport"} <= ids(record, "organization")


def test_english_country_adjective_before_a_longer_name_is_no_country() -> None:
    record = run("Many families celebrated the Chinese Lantern Festival in the park.")
    assert not ids(record, "country")


def test_english_surname_that_is_a_place_names_the_person() -> None:
    record = run("Senator Margaret Dallas spoke first. Later Dallas left the hall.")
    assert ids(record, "person") == {"person:margaret-dallas"} and not ids(record, "place")


def test_english_initials_belong_to_the_person() -> None:
    record = run("The novel was written by J. Ronald Pemberton in 1950.")
    assert ids(record, "person") == {"person:j-ronald-pemberton"}


def test_english_person_name_never_ends_in_an_organisation_word() -> None:
    record = run("The lecture took place at the Gwendolyn Institute last year.")
    assert not ids(record, "person")


def test_english_lone_given_name_is_the_article_person_who_has_it() -> None:
    record = run("Hayley Turnbull joined the band in 2004. Later Hayley wrote most of its songs.")
    hayley = record.entity("person:hayley-turnbull")
    assert ids(record, "person") == {"person:hayley-turnbull"} and hayley is not None and len(hayley.mentions) == 2


def test_english_unknown_name_after_in_is_a_place() -> None:
    record = run("He was born in Little Snoring and trained as a baker.")
    assert ids(record, "place") == {"place:little-snoring"}


def test_english_hyphen_glued_place_is_part_of_a_name() -> None:
    record = run("The goal was scored by Kim Min-Ho in the second half.")
    assert not ids(record, "place")
