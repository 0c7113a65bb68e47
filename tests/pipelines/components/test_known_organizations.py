"""Organisation names from the gazetteer checked against the article: shared acronyms, acronyms that are
words, national Red Cross societies; acronyms and German names land on the English id."""

from __future__ import annotations

from tests.pipelines.components.test_recognition import ids, run, triples


def test_known_organizations_german_acronym_is_the_english_id() -> None:
    record = run("Der IWF und die Weltbank berieten am Montag in Washington über neue Kredite.", "de")
    assert {"organization:international-monetary-fund", "organization:world-bank"} <= ids(record, "organization")


def test_known_organizations_english_acronym_alone_is_the_english_id() -> None:
    record = run("The IMF cut its growth forecast on Tuesday.", "en")
    assert ids(record, "organization") == {"organization:international-monetary-fund"}


def test_known_organizations_agency_described_in_german_is_the_english_id() -> None:
    record = run("Das UN-Flüchtlingshilfswerk und das UN-Kinderhilfswerk baten um Spenden für die Opfer.", "de")
    assert ids(record, "organization") == {
        "organization:united-nations-high-commissioner-for-refugees", "organization:unicef"}


def test_known_organizations_shared_acronym_is_the_bank_the_article_names() -> None:
    record = run("The Islamic Development Bank approved a loan. The IDB said more would follow.", "en")
    assert ids(record, "organization") == {"organization:islamic-development-bank"}


def test_known_organizations_shared_acronym_alone_is_neither_bank() -> None:
    record = run("Die IDB gab am Montag neue Kredite frei.", "de")
    assert not ids(record, "organization") & {
        "organization:inter-american-development-bank", "organization:islamic-development-bank"}


def test_known_organizations_acronym_that_is_a_word_is_none_in_a_line_in_capitals() -> None:
    record = run("WHO WILL PAY FOR THE NEW BRIDGE? The council met again on Monday.", "en")
    assert "organization:world-health-organization" not in ids(record, "organization")


def test_known_organizations_acronym_after_a_number_is_a_unit() -> None:
    record = run("The comet came within 1.5 AU of the Sun in March.", "en")
    assert "organization:african-union" not in ids(record, "organization")


def test_known_organizations_red_cross_after_a_country_adjective_is_its_society() -> None:
    record = run("Helfer des Deutschen Roten Kreuzes und des Roten Kreuzes Haitis trafen ein.", "de")
    assert {"organization:german-red-cross", "organization:haiti-red-cross"} <= ids(record, "organization")


def test_known_organizations_red_cross_after_an_unknown_name_is_its_society() -> None:
    record = run("Volunteers of the Fijian Red Cross handed out water, the Red Cross said.", "en")
    assert ids(record, "organization") == {
        "organization:fijian-red-cross", "organization:international-red-cross-and-red-crescent-movement"}


def test_known_organizations_peacekeeping_operation_by_acronym_or_name_is_one_id() -> None:
    record = run("Soldaten der Minustah halfen. Später kam die UNIFIL-Einheit nicht.", "de")
    assert "organization:minustah" in ids(record, "organization")
    text = "The United Nations Stabilization Mission in Haiti sent troops, and MINUSTAH said more would come."
    record = run(text, "en")
    assert ids(record, "organization") == {"organization:minustah"}


def test_known_organizations_un_short_form_of_a_united_nations_name_is_that_organisation() -> None:
    record = run("The U.N. Development Programme and the UN Population Fund opened offices.", "en")
    assert ids(record, "organization") == {
        "organization:united-nations-development-programme", "organization:united-nations-population-fund"}


def test_known_organizations_generic_name_after_a_place_is_that_places_body() -> None:
    record = run("The Ohio General Assembly passed the budget on Monday.", "en")
    assert "organization:united-nations-general-assembly" not in ids(record, "organization")


def test_known_organizations_generic_name_after_a_country_genitive_is_that_countrys_body() -> None:
    english = run("Russia's Security Council met in Moscow on Friday.", "en")
    german = run("Russlands Sicherheitsrat tagte am Freitag in Moskau.", "de")
    found = ids(english, "organization") | ids(german, "organization")
    assert "organization:united-nations-security-council" not in found


def test_known_organizations_generic_name_elsewhere_is_the_international_body() -> None:
    record = run("The Security Council met in New York, and the General Assembly voted later.", "en")
    assert {"organization:united-nations-security-council", "organization:united-nations-general-assembly"} <= ids(
        record, "organization")


def test_known_organizations_aid_organisation_quoted_is_no_outlet() -> None:
    record = run("The situation is dire, John Smith told Amnesty International on Monday.", "en")
    assert not {t for t in triples(record) if t[1] == "published_in"}
