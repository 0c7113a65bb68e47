"""Known places: English names of subdivisions and world regions for English text."""

from __future__ import annotations

from pipelines.knowledge.countries import country_adjectives
from pipelines.knowledge.places import place_names, place_names_for, respelled_place, town_names
from tests.pipelines.components.test_recognition import ids, run


def test_places_english_text_knows_subdivisions_but_no_continents() -> None:
    record = run("The band toured Europe and California in 1999, then played in England and Queensland.", "en")
    assert ids(record, "place") == {"place:california", "place:england", "place:queensland"}


def test_places_subdivision_drops_a_chinese_admin_suffix() -> None:
    assert place_names_for("en")["Guangdong"].id == "place:guangdong"


def test_places_subdivisions_named_by_a_word_or_direction_are_left_out() -> None:
    names = place_names_for("en")
    assert "Centre" not in names and "Central" not in names and "Northern" not in names and "Coast" not in names


def test_places_a_country_wins_over_a_subdivision_of_the_same_name() -> None:
    record = run("The minister flew on to Georgia and Queensland last week.", "en")
    assert ids(record, "country") == {"country:GE"} and ids(record, "place") == {"place:queensland"}


def test_places_english_text_knows_second_level_subdivisions() -> None:
    assert {"Lincolnshire", "Aberdeenshire"} <= set(place_names_for("en"))
    record = run("Farmers from Lincolnshire and Aberdeenshire met on Monday.", "en")
    assert ids(record, "place") == {"place:lincolnshire", "place:aberdeenshire"}


def test_places_derived_english_adjective_leaves_out_the_start_of_another_name() -> None:
    adjectives = country_adjectives("en")
    assert adjectives["Gabonese"] == "GA" and adjectives["Togolese"] == "TG"
    assert "Dominican" not in adjectives or adjectives["Dominican"] != "DM"  # "Dominican Republic" is another country


def test_places_german_states_take_their_cldr_english_name_as_id() -> None:
    record = run("Die Landesregierung von Niedersachsen beriet mit Vertretern aus Bayern und Nordrhein-Westfalen.", "de")
    assert {"place:lower-saxony", "place:bavaria", "place:north-rhine-westphalia"} <= ids(record, "place")
    assert "place:niedersachsen" not in ids(record, "place")


def test_places_english_text_knows_regions_by_their_cldr_english_name() -> None:
    record = run("Wine growers in Tuscany and Lombardy expect a smaller harvest.", "en")
    assert ids(record, "place") == {"place:tuscany", "place:lombardy"}


def test_places_long_state_names_stay_places_though_the_word_classes_call_them_nouns() -> None:
    record = run("Der Bus fuhr vom Saarland über Hessen in die Steiermark.", "de")
    assert {"place:saarland", "place:hesse", "place:styria"} <= ids(record, "place")
    record = run("Sie will Jura studieren und danach nach Zug ziehen.", "de")
    assert "place:jura" not in ids(record, "place")


def test_places_city_alternate_names_that_are_person_names_are_left_out() -> None:
    names = place_names()
    assert "Stalin" not in names and "Sophia" not in names  # old name of Donetsk, a spelling of Sofia
    assert names["Moskau"].id == "place:moscow"


def test_places_town_names_hold_small_geonames_towns() -> None:
    assert {"Hatfield", "Norderstedt"} <= town_names()


def test_places_respelled_place_folds_accents_and_hyphens_only_where_the_spelling_is_marked() -> None:
    assert respelled_place("Kalamariá") is None  # the listed spelling of a town is no evidence of a place
    assert respelled_place("Sao Tomé").id == "place:sao-tome"  # type: ignore[union-attr]
    assert respelled_place("Bank") is None and respelled_place("Kaká") is None
