"""German places known by the shape of their name or of the phrase around them."""

from __future__ import annotations

from pipelines.nlp import get_nlp
from tests.pipelines.components.test_german_place_names import places


def test_german_place_shapes_compass_part_of_a_country_gets_english_id() -> None:
    found = places("Viele Helfer kamen aus Süditalien, andere aus Oberitaliens Städten.")
    assert found["Süditalien"] == ("place", "place:south-italy", "Süditalien")
    assert found["Oberitaliens"] == ("place", "place:upper-italy", "Oberitalien")


def test_german_place_shapes_compass_word_without_a_known_place_is_none() -> None:
    found = places("Der Südwestwind wehte über die Nordsee und den Mittelweg.")
    assert "Südwestwind" not in found and "Mittelweg" not in found


def test_german_place_shapes_landscape_compounds_are_places() -> None:
    found = places("Vom Quellertal stiegen sie zur Brandlhütte und sahen den Wendlsee.")
    assert {found[w][0] for w in ("Quellertal", "Brandlhütte", "Wendlsee")} == {"place"}


def test_german_place_shapes_mountain_needs_an_article() -> None:
    doc = get_nlp("de", use_trained=False)("Sie bestiegen den Quendelberg. Quendelberg sagte danach nichts.")
    assert [c.start for c in doc._.kg_entities if c.type == "place"] == [3]


def test_german_place_shapes_compounds_of_common_nouns_are_no_places() -> None:
    found = places("Das Eigenkapital der Firma reichte für eine Holzhütte und ein Digital-Radio.")
    assert not any(etype == "place" for etype, _, _ in found.values())


def test_german_place_shapes_name_after_region_adjective_is_a_place() -> None:
    found = places("Der Überfall geschah im aargauischen Quelliken, gebaut wird im englischen Hatfield.")
    assert found["Quelliken"][0] == "place"
    assert found["Hatfield"][0] == "place"


def test_german_place_shapes_name_after_other_adjective_is_no_place() -> None:
    found = places("Er wohnte im gleichen Raum wie im vergangenen Quelliken.")
    assert "Raum" not in found and "Quelliken" not in found


def test_german_place_shapes_respelled_places_get_the_listed_place() -> None:
    found = places("Die Reise ging von Kyōto über Tel-Aviv nach Sao Tomé.")
    assert found["Kyōto"][:2] == ("place", "place:kyoto")
    assert found["Tel-Aviv"][:2] == ("place", "place:tel-aviv")
    assert found["Sao Tomé"] == ("place", "place:sao-tome", "São Tomé")


def test_german_place_shapes_words_spelled_like_small_towns_are_no_places() -> None:
    found = places("Auf der Bank saß Kaká und las.")
    assert not any(etype == "place" for etype, _, _ in found.values())


def test_german_place_shapes_direction_word_before_unknown_name_makes_a_place() -> None:
    found = places("Das Lager lag nördlich Quendrava, die Furt südlich von Beltrisa Nord.")
    assert found["Quendrava"][0] == "place"
    assert "Beltrisa" not in found  # a longer name follows: no guess at its end


def test_german_place_shapes_no_place_inside_a_longer_english_name() -> None:
    found = places("Er verlor bei den US Open, schrieb für die Morning Post Berlin und sah Hamburg Town spielen.")
    assert not any(etype in ("place", "country") for etype, _, _ in found.values())


def test_german_place_shapes_place_before_german_noun_or_in_genitive_stays() -> None:
    found = places("Putin machte in Jakutien Station, Wetzlars Coach schwieg, und er blieb in Bedford Falls.")
    assert found["Jakutien"][0] == "place"
    assert found["Wetzlars"][0] == "place"
    assert found["Bedford Falls"][0] == "place"


def test_german_place_shapes_genitive_of_a_named_persons_surname_is_that_person() -> None:
    found = places("Die Sängerin Anna Paderborn trat auf. Man lobte Paderborns Stimme in Paderborn sehr.")
    assert found["Paderborns"][:2] == ("person", "person:anna-paderborn")
    assert found["Paderborn"][0] == "place"
