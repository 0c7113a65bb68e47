"""Older German country names from the German-language varieties of CLDR and ISO 3166."""

from __future__ import annotations

from pipelines.knowledge.countries import country_names
from tests.pipelines.components.test_recognition import ids, run


def test_country_varieties_older_german_names_are_countries() -> None:
    record = run("Nach der Wahl in Moldawien reiste die Ministerin weiter nach Weißrussland und Swasiland.", "de")
    assert ids(record, "country") == {"country:MD", "country:BY", "country:SZ"}
    assert ids(record, "place") == set()


def test_country_varieties_genitive_of_an_older_name() -> None:
    record = run("Die Regierung Moldawiens trat am Montag zurück.", "de")
    assert ids(record, "country") == {"country:MD"}


def test_country_varieties_a_name_from_one_variety_alone_is_no_country() -> None:
    names = country_names("de")
    assert "Neuschottland" not in names and "England" not in names and names["Moldawien"] == "MD"
