"""English organisations told by structure and word class (``components/english_orgs.py``), on sentences
written for the tests."""

from __future__ import annotations

from pipelines.knowledge.derive_name_classes import english_companies
from pipelines.knowledge.people import english_name_classes
from tests.pipelines.components.test_recognition import ids, run


def test_english_orgs_company_word_alone_is_an_organisation() -> None:
    assert english_name_classes()["Nokia"] == "company"
    record = run("Shares rose after Nokia cut its forecast on Monday.", "en")
    assert ids(record, "organization") == {"organization:nokia"}


def test_english_orgs_company_word_after_a_title_or_in_a_longer_name_is_none() -> None:
    record = run("Mr. Nokia spoke first. The Nokia Arena opened. Sony-Hasbro failed.", "en")
    assert "organization:nokia" not in ids(record, "organization")
    assert "organization:sony" not in ids(record, "organization")


def test_english_orgs_derived_companies_are_mixed_case_capitalised_and_no_given_names() -> None:
    clusters = {"Zorvex": 294, "Quill": 806, "Anna": 806, "ZORV": 294, "Mars": 166, "Plain": 294}
    logprob = {"Zorvex": -12.0, "zorvex": -16.0, "Quill": -13.0, "quill": -15.0, "Anna": -11.0, "Plain": -12.0, "plain": -11.0}
    assert english_companies(clusters, logprob, {"Anna"}) == ["Quill", "Zorvex"]


def test_english_orgs_common_word_joined_by_and_ends_the_name() -> None:
    record = run("The Union of Rural Dentists and Hygienists wrote to the Department of Botany and Zoology.", "en")
    assert ids(record, "organization") == {
        "organization:union-of-rural-dentists-and-hygienists", "organization:department-of-botany-and-zoology",
    }


def test_english_orgs_another_name_after_and_is_another_entity() -> None:
    record = run("The Bank of Zorvania and Barclays agreed, as did the Council of Kelmar and Russia.", "en")
    assert {"organization:bank-of-zorvania", "organization:barclays", "organization:council-of-kelmar"} <= ids(record, "organization")
    assert "country:RU" in ids(record, "country")


def test_english_orgs_hyphenated_compound_and_joined_words_open_the_name() -> None:
    record = run("The Save-A-Tree Foundation paid, and Bellmont Music and Drama College agreed.", "en")
    assert ids(record, "organization") == {
        "organization:save-a-tree-foundation", "organization:bellmont-music-and-drama-college",
    }


def test_english_orgs_two_unknown_words_after_a_place_are_a_person_not_part_of_the_name() -> None:
    record = run("A student at University of Kent Canterbury Odaro Vukelic wrote to the envoy to the United States Teodor Marsk.", "en")
    assert ids(record, "organization") == {"organization:university-of-kent-canterbury"}
    assert ids(record, "person") == {"person:odaro-vukelic", "person:teodor-marsk"}


def test_english_orgs_common_word_after_a_place_stays_in_the_name() -> None:
    assert ids(run("Norwich Union and Leeds Building Society paid.", "en"), "organization") == {
        "organization:norwich-union", "organization:leeds-building-society",
    }


def test_english_orgs_country_name_used_as_adjective_stays_in_the_name() -> None:
    record = run("A spokeswoman for Grain Standards Australia New Zealand said so.", "en")
    assert ids(record, "organization") == {"organization:grain-standards-australia-new-zealand"}
    assert "country:NZ" not in ids(record, "country")


def test_english_orgs_event_and_award_names_are_no_organisation_nor_person() -> None:
    record = run("Then a Quillon Prize-winner opened the Osaka City Kite Festival and the Nokia Chess Cup.", "en")
    assert not ids(record, "organization") and not ids(record, "person")


def test_english_orgs_building_after_a_preposition_of_place_is_the_place() -> None:
    record = run("She was invited to the White House. The White House said nothing.", "en")
    assert "place:white-house" in ids(record, "place") and "organization:white-house" in ids(record, "organization")


def test_english_orgs_common_word_in_the_genitive_opens_the_name() -> None:
    record = run("The County Sheriff's Office and Russia's Finance Ministry said so.", "en")
    assert ids(record, "organization") == {"organization:county-sheriff-s-office", "organization:finance-ministry-of-russia"}


def test_english_orgs_centre_with_a_link_is_an_organisation_alone_a_place() -> None:
    record = run("The Zorvan Centre hosted the Center for Quillon Studies.", "en")
    assert ids(record, "organization") == {"organization:center-for-quillon-studies"}
    assert ids(record, "place") == {"place:zorvan-centre"}


def test_english_orgs_place_that_is_a_given_name_and_a_name_is_a_person() -> None:
    record = run("Ann Bell spoke at Victoria Station.", "en")
    assert ids(record, "person") == {"person:ann-bell"} and not ids(record, "organization")


def test_english_orgs_another_body_in_the_genitive_stays_apart() -> None:
    record = run("A fellow of the Quillon Institute's Center for Zorvan Studies wrote.", "en")
    assert ids(record, "organization") == {"organization:quillon-institute", "organization:center-for-zorvan-studies"}


def test_english_orgs_platform_after_a_posting_verb_and_owner_cue_name_firms_with_their_other_mentions() -> None:
    record = run("He posted a clip to Zoomly on Monday, and Apple's headquarters replied. The clip spread on Zoomly too.", "en")
    org = next(e for e in record.entities if e.id == "organization:zoomly")
    assert len(org.mentions) == 2 and "organization:apple" in ids(record, "organization")


def test_english_orgs_owner_cue_on_a_common_word_opening_a_sentence_names_nothing() -> None:
    record = run("Party founder Ann Bell spoke. She posted it on Monday.", "en")
    assert not ids(record, "organization")


def test_english_orgs_adjective_before_a_state_body_with_of_says_whose_body_it_is() -> None:
    record = run("The Italian Supreme Court of Appeal ruled, and the Russian Ministry of Defence and the British Ministry of Defence agreed.", "en")
    assert ids(record, "organization") == {
        "organization:supreme-court-of-appeal-of-italy", "organization:ministry-of-defence-of-russia",
        "organization:ministry-of-defence-of-united-kingdom",
    }


def test_english_orgs_capitalised_the_inside_a_sentence_joins_the_mention_not_the_id() -> None:
    record = run("He joined The Quillon Association in May. The Quillon Association agreed.", "en")
    org = next(e for e in record.entities if e.type == "organization")
    assert org.id == "organization:quillon-association"
    assert [m.text for m in org.mentions] == ["The Quillon Association", "Quillon Association"]


def test_english_orgs_spanish_article_of_a_place_opens_the_name() -> None:
    record = run("The Los Alamos Sheriff's Department met.", "en")
    assert ids(record, "organization") == {"organization:los-alamos-sheriff-s-department"}


def test_english_orgs_newspaper_word_ends_the_name_of_a_paper() -> None:
    record = run("Editors at the Dayton Sentinel and the Mobile Chronicle disagreed with the Riverside Inquirer.", "en")
    assert {"organization:dayton-sentinel", "organization:mobile-chronicle", "organization:riverside-inquirer"} <= ids(record, "organization")
    assert not ids(record, "person")
