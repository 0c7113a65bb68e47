"""English-only entity rules: organisation acronyms, names in capitals, organisations by their cue word."""

from __future__ import annotations

from tests.pipelines.components.test_recognition import ids, run


def test_english_rules_acronym_of_the_agency_clusters_is_an_organisation() -> None:
    record = run("Investigators from the FBI and engineers from NASA inspected the site on Monday.", "en")
    assert {"organization:fbi", "organization:nasa"} <= ids(record, "organization")


def test_english_rules_dateline_in_capitals_is_the_place_it_spells() -> None:
    record = run("NEW YORK, March 3 - Stocks rose sharply on Tuesday after a quiet week.", "en")
    assert ids(record, "place") == {"place:new-york-city"}


def test_english_rules_capitals_must_cover_the_whole_name() -> None:
    record = run("The TEAM travelled by bus to the ground on Saturday.", "en")
    assert ids(record, "place") == set() and ids(record, "organization") == set()


def test_english_rules_cue_word_with_of_and_the_ends_an_organisation() -> None:
    record = run("Officials from the Church of Scientology met members of the Home Office on Friday.", "en")
    assert ids(record, "organization") == {"organization:church-of-scientology", "organization:home-office"}


def test_english_rules_country_adjective_opens_an_organisation() -> None:
    record = run("Doctors of the American Medical Association backed the plan.", "en")
    assert ids(record, "organization") == {"organization:american-medical-association"}
    assert ids(record, "country") == set()


def test_english_rules_country_after_of_stays_in_the_name_in_german_text_too() -> None:
    record = run("Der Sovereignty Council of Sudan tagte am Montag in Khartum.", "de")
    assert "organization:sovereignty-council-of-sudan" in ids(record, "organization")


def test_english_rules_no_place_inside_a_longer_name() -> None:
    record = run("He played for Sheffield Wednesday and later for the Montreal Canadiens.", "en")
    assert ids(record, "place") == set()


def test_english_rules_place_after_a_preposition_stays_before_a_name() -> None:
    record = run("In Paris Macron met the German chancellor.", "en")
    assert ids(record, "place") == {"place:paris"}


def test_english_rules_unknown_acronym_is_an_organisation_but_no_abbreviation_or_currency() -> None:
    record = run("The ZQFA and the BWF set new rules, while GDP grew and the USD fell.", "en")
    assert ids(record, "organization") == {"organization:zqfa", "organization:bwf"}


def test_english_rules_roman_numeral_and_capitals_line_make_no_organisation() -> None:
    assert ids(run("Pope Benedict XVI spoke in Rome.", "en"), "organization") == set()
    assert ids(run("MARKETS FALL AS BANKS WOBBLE", "en"), "organization") == set()


def test_english_rules_hyphenated_words_stay_in_an_organisation_name() -> None:
    record = run("Members of the Council on American-Islamic Relations met reporters.", "en")
    assert ids(record, "organization") == {"organization:council-on-american-islamic-relations"}


def test_english_rules_calendar_word_after_a_place_makes_one_name() -> None:
    record = run("Fans of Sheffield Wednesday sang all night.", "en")
    assert ids(record, "organization") == {"organization:sheffield-wednesday"} and ids(record, "place") == set()


def test_english_rules_facility_word_followed_by_a_name_word_makes_no_place() -> None:
    record = run("Visitors tried the Play Station VR headset at the fair.", "en")
    assert ids(record, "place") == set()


def test_english_rules_country_abbreviation_opening_a_body_is_written_out_in_its_id() -> None:
    record = run("The U.S. Department of Fisheries and the UK Border Force met in June.", "en")
    assert {"organization:united-states-department-of-fisheries", "organization:united-kingdom-border-force"} <= ids(record, "organization")


def test_english_rules_repeated_link_to_a_country_ends_an_organisation_name() -> None:
    record = run("Researchers at the University of Leeds of the UK and the Bank of England agreed.", "en")
    assert ids(record, "organization") == {"organization:university-of-leeds", "organization:bank-of-england"}
    assert ids(record, "country") == {"country:GB"}


def test_english_rules_language_after_in_is_no_place() -> None:
    record = run("The form is only printed in English and in Tagalog.", "en")
    assert ids(record, "place") == set()


def test_english_rules_place_glued_by_a_hyphen_stays_in_a_person_name() -> None:
    record = run("The coach replaced Park Joo-Ho in the second half.", "en")
    assert ids(record, "person") == {"person:park-joo-ho"} and ids(record, "place") == set()


def test_english_rules_weekly_ends_an_outlet_name() -> None:
    record = run("The deputy told Harbour Weekly about the case.", "en")
    assert ids(record, "organization") == {"organization:harbour-weekly"}


def test_english_rules_lone_given_name_after_a_preposition_of_place_is_no_person() -> None:
    record = run("The last train returned to Harrison at night, and Harrison waved.", "en")
    person = next(e for e in record.entities if e.type == "person")
    assert len(person.mentions) == 1 and person.mentions[0].start > 40


def test_english_rules_person_name_ending_in_hotel_or_house_is_no_person() -> None:
    record = run("The band played at the Carl Weston Hotel and then at Emma Ruddock House.", "en")
    assert ids(record, "person") == set() and "organization:carl-weston-hotel" in ids(record, "organization")


def test_english_rules_generic_body_of_a_country_gets_an_id_per_country() -> None:
    record = run("The Russian Finance Ministry and Kenya's Finance Ministry spoke, and the Finance Ministry of Peru agreed.", "en")
    assert ids(record, "organization") == {
        "organization:finance-ministry-of-russia", "organization:finance-ministry-of-kenya", "organization:finance-ministry-of-peru",
    }


def test_english_rules_named_association_with_a_country_adjective_keeps_its_name() -> None:
    record = run("The Ruritanian Beekeepers Association and the American Medical Association met.", "en")
    assert "organization:american-medical-association" in ids(record, "organization")


def test_english_rules_words_before_a_known_organisation_make_a_longer_name() -> None:
    record = run("Officials of the U.S. National Security Council and of the Security Council met.", "en")
    assert ids(record, "organization") == {
        "organization:united-states-national-security-council", "organization:united-nations-security-council",
    }
