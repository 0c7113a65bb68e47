"""English place rules over an article's entities: capital districts, the article's countries, hyphen
compounds, geographic head words."""

from __future__ import annotations

from tests.pipelines.components.test_recognition import ids, run


def test_english_places_capital_district_code_is_part_of_the_city() -> None:
    record = run("The summit opened in Washington, D.C., on Monday. Washington welcomed the guests.", "en")
    assert ids(record, "place") == {"place:washington-d-c"}
    assert ids(run("Delegates met in Washington DC last week.", "en"), "place") == {"place:washington-d-c"}


def test_english_places_city_without_district_code_keeps_its_id() -> None:
    assert ids(run("Delegates met in Washington last week.", "en"), "place") == {"place:washington"}


def test_english_places_subdivision_of_a_country_the_article_names() -> None:
    record = run("Farmers in Queensland, Victoria and Tasmania reported a dry winter across Australia.", "en")
    assert "place:victoria" in ids(record, "place")
    assert "place:hong-kong" not in ids(record, "place")


def test_english_places_word_joined_to_a_capitalised_word_is_no_place() -> None:
    record = run("The two teams faced each other in Counter-Strike for the final round.", "en")
    assert ids(record, "place") == set()


def test_english_places_geographic_head_word_makes_a_place() -> None:
    record = run("The expedition crossed Lake Chad, then the Deccan Plateau, and later climbed Mount Kenya.", "en")
    assert ids(record, "place") == {"place:lake-chad", "place:deccan-plateau", "place:mount-kenya"}
    assert ids(record, "organization") == set() and ids(record, "country") == set()


def test_english_places_continent_after_in_is_no_place() -> None:
    assert ids(run("The show is the largest of its kind in North America.", "en"), "place") == set()


def test_english_places_name_after_town_of_is_a_place() -> None:
    record = run("The line ended in the town of Harriston, and the village of Kettlewood had a halt.", "en")
    assert ids(record, "place") == {"place:harriston", "place:kettlewood"} and not ids(record, "person")


def test_english_places_unknown_name_before_a_noun_after_in_is_no_place() -> None:
    assert ids(run("The word means leaving in Zorblatt jargon.", "en"), "place") == set()
    assert ids(run("She was born in Zorblatt in 1950.", "en"), "place") == {"place:zorblatt"}


def test_english_places_one_common_word_after_in_is_no_place() -> None:
    assert ids(run("She took a degree in Physiology at night school.", "en"), "place") == set()


def test_english_places_facility_name_runs_over_of_the() -> None:
    record = run("The choir sang in the Sons of the Old Republic Memorial Hall last night.", "en")
    assert ids(record, "place") == {"place:sons-of-the-old-republic-memorial-hall"}


def test_english_places_facility_name_stops_at_a_direction_before_of() -> None:
    record = run("The camp lay South East of Kettlewood Plateau in those years.", "en")
    assert ids(record, "place") == {"place:kettlewood-plateau"}


def test_english_places_derived_country_adjective_is_the_country() -> None:
    record = run("The Gabonese and Togolese teams finished level.", "en")
    assert ids(record, "country") == {"country:GA", "country:TG"}
