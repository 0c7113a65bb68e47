"""Parties of every country (Party Facts) found in articles: long names, short names decided by the countries
the article names, translated German names with the short name in brackets, and member_of from brackets."""

from __future__ import annotations

from pipelines.records import Extraction
from tests.pipelines.components.test_recognition import ids, run, triples

LAW_AND_JUSTICE = "organization:law-and-justice"


def mentions(record: Extraction, entity_id: str) -> list[str]:
    return [m.text for e in record.entities if e.id == entity_id for m in e.mentions]


def test_parties_native_name_is_the_english_slug() -> None:
    record = run("Yesterday Prawo i Sprawiedliwość presented its list of candidates.", "en")
    assert ids(record, "organization") == {LAW_AND_JUSTICE}


def test_parties_short_name_is_a_party_of_a_country_the_article_names() -> None:
    record = run("The PiS leader spoke in Warsaw on Monday about the budget of Poland.", "en")
    assert LAW_AND_JUSTICE in ids(record, "organization")


def test_parties_short_name_without_its_country_is_no_party() -> None:
    record = run("The PiS leader spoke on Monday about the budget.", "en")
    assert LAW_AND_JUSTICE not in ids(record, "organization")


def test_parties_two_letter_short_name_needs_the_long_name_in_the_article() -> None:
    alone = run("In Poland the PO said it would vote against the budget.", "en")
    named = run("In Poland the Civic Platform lost. The PO said it would vote against the budget.", "en")
    assert "organization:civic-platform" not in ids(alone, "organization")
    assert mentions(named, "organization:civic-platform") == ["Civic Platform", "PO"]


def test_parties_common_words_name_needs_its_country() -> None:
    alone = run("The Christian Democratic Union met on Sunday.", "en")
    german = run("In Germany the Christian Democratic Union met on Sunday.", "en")
    assert not [e.id for e in alone.entities if e.attrs.get("org_kind") == "party"]
    assert "organization:cdu" in ids(german, "organization")


def test_parties_german_party_keeps_its_curated_id() -> None:
    record = run("Die CDU und die SPD stellten in Berlin ihr Programm vor.", "de")
    assert {"organization:cdu", "organization:spd"} <= ids(record, "organization")


def test_parties_name_inside_a_longer_name_is_no_party() -> None:
    record = run("In Hungary the Fidesz Chess League met in Budapest.", "en")
    assert "organization:fidesz-hungarian-civic-alliance" not in ids(record, "organization")


def test_parties_translated_german_name_with_short_name_in_brackets_is_an_alias() -> None:
    record = run("In Polen gewann die Partei Recht und Gerechtigkeit (PiS) die Wahl. Die PiS regiert seither allein.", "de")
    assert mentions(record, LAW_AND_JUSTICE) == ["Partei Recht und Gerechtigkeit", "PiS", "PiS"]


def test_parties_bracketed_short_name_after_a_person_gives_member_of() -> None:
    record = run("Der Abgeordnete Jan Nowak (PiS) sprach am Montag in Warschau.", "de")
    assert ("person:jan-nowak", "member_of", LAW_AND_JUSTICE) in triples(record)


def test_parties_common_words_name_in_capitals_still_needs_its_country() -> None:
    record = run("CIVIC PLATFORM WINS THE VOTE\n\nThe count ended on Sunday.", "en")
    assert "organization:civic-platform" not in ids(record, "organization")


def test_parties_translated_name_before_a_country_genitive_leaves_the_country_its_mention() -> None:
    record = run("Die Nationalliberale Partei Rumäniens (PNL) gewann. Die PNL regiert.", "de")
    assert mentions(record, "organization:national-liberal-party-ro")[1:] == ["PNL", "PNL"]
    assert "country:RO" in ids(record, "country")


def test_parties_translated_name_leaves_out_the_article_opening_the_sentence() -> None:
    record = run("Die Partei Recht und Gerechtigkeit (PiS) gewann in Polen.", "de")
    assert mentions(record, LAW_AND_JUSTICE) == ["Partei Recht und Gerechtigkeit", "PiS"]


def test_parties_nickname_is_the_party_of_a_country_the_article_names() -> None:
    record = run("Voters in Canada gave the Liberals a third term, while the Conservatives lost seats.", "en")
    assert {"organization:liberal-party-of-canada", "organization:conservative-party-of-canada-2003"} <= ids(record, "organization")


def test_parties_nickname_without_its_country_is_no_party() -> None:
    record = run("The Liberals and the Conservatives argued about the budget all night.", "en")
    assert not [e.id for e in record.entities if e.attrs.get("org_kind") == "party"]


def test_parties_nickname_opening_a_sentence_is_no_party() -> None:
    record = run("Labour costs rose sharply in Britain last year.", "en")
    assert "organization:labour" not in ids(record, "organization")


def test_parties_name_followed_by_in_and_a_place_is_still_the_party() -> None:
    record = run("Polls put the Liberal Democrats in Britain ahead of the Greens.", "en")
    assert "organization:liberal-democrats" in ids(record, "organization")


def test_parties_translated_name_is_renamed_by_the_short_names_country_not_its_own_slug() -> None:
    record = run("In Moldawien gewann die Liberale Partei (PL) viele Stimmen. Die PL will nun mitregieren.", "de")
    assert mentions(record, "organization:liberal-party-md") == ["Liberale Partei", "PL", "PL"]
