"""German places named by a head noun, under their English ids."""

from __future__ import annotations

from pipelines.nlp import get_nlp


def places(text: str) -> dict[str, tuple[str, str, str]]:
    """Mention text -> (type, id, label) of the entities found in German ``text``."""
    doc = get_nlp("de", use_trained=False)(text)
    return {doc[c.start : c.end].text: (c.type, c.id, c.label) for c in doc._.kg_entities}


def test_german_place_names_town_facility_gets_english_id_and_nominative_label() -> None:
    found = places("Nahe des Bremer Hauptbahnhofs fielen Schüsse.")
    assert found["Bremer Hauptbahnhofs"] == ("place", "place:bremen-hauptbahnhof", "Bremer Hauptbahnhof")


def test_german_place_names_fair_of_a_town_is_messe_town() -> None:
    assert places("Die Leipziger Messe war voll.")["Leipziger Messe"][1] == "place:messe-leipzig"


def test_german_place_names_feature_noun_names_the_place_not_a_person() -> None:
    found = places("Der Gipfel tagte auf der Karibikinsel Juliana. Später fuhren sie zum Quandor-Fluss.")
    assert found["Juliana"][:2] == ("place", "place:juliana-island")
    assert found["Quandor-Fluss"][:2] == ("place", "place:quandor-river")


def test_german_place_names_romance_island_is_english() -> None:
    assert places("Die Isla Quintana liegt im Meer.")["Isla Quintana"][1] == "place:quintana-island"


def test_german_place_names_peninsula_and_common_nouns_are_no_island() -> None:
    found = places("Sein Einfluss auf Chinas Politik wuchs, und er reiste zur Halbinsel Quandora.")
    assert found["Quandora"][1] == "place:quandora-peninsula"
    assert "Einfluss" not in " ".join(found)
