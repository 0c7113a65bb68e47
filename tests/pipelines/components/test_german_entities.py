"""Entities as real German (and English) news writes them: inflected country names, exonyms, persons'
short and genitive forms, generic bodies (sentences written for these tests)."""

from __future__ import annotations

from pipelines.extract import extract
from pipelines.records import Article, Extraction


def run(text: str, lang: str = "de") -> Extraction:
    return extract(Article(id="t", key="t", text=text, lang=lang))


def mentions(record: Extraction, etype: str) -> dict[str, list[str]]:
    """Entity id -> its mention texts, for the entities of ``etype``."""
    return {e.id: [m.text for m in e.mentions] for e in record.entities if e.type == etype}


def test_countries_democratic_republic_of_congo_is_not_the_republic_of_congo() -> None:
    record = run("Die Kämpfe in der Demokratischen Republik Kongo gehen weiter, die Republik Kongo schweigt, die DR Kongo nicht.")
    assert mentions(record, "country") == {
        "country:CD": ["Demokratischen Republik Kongo", "DR Kongo"], "country:CG": ["Republik Kongo"]
    }
    record = run("Fighting in the Democratic Republic of the Congo goes on; the DRC army and the Republic of the Congo said so.", "en")
    assert mentions(record, "country") == {"country:CD": ["Democratic Republic of the Congo", "DRC"], "country:CG": ["Republic of the Congo"]}


def test_countries_declined_german_names_are_found() -> None:
    record = run("Sie reisten aus den Niederlanden zu den Vereinigten Arabischen Emiraten.")
    assert set(mentions(record, "country")) == {"country:NL", "country:AE"}


def test_places_german_exonyms_get_english_ids() -> None:
    record = run("Von Kalabrien und Abchasien ging es nach Sotschi und zur Altstadt Roms, später nach Schottland.")
    assert set(mentions(record, "place")) == {"place:calabria", "place:abkhazia", "place:sochi", "place:rome", "place:scotland"}
