"""Country names and adjectives in German and English, mapped to ISO 3166-1 alpha-2.

Names come from CLDR (babel: everyday names such as "Russland"), ISO 3166
(pycountry: official names, German translations), a small curated alias
list, and German genitive forms ("Russlands").  Adjectives come from a
curated list of stems, inflected here ("nordkoreanisch" -> "nordkoreanischen").
"""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry
import babel
from babel import Locale

from pipelines.knowledge.tables import cell, read_rows, split_list

GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em")


@lru_cache(maxsize=None)
def iso_codes() -> frozenset[str]:
    """Alpha-2 codes of real countries (not CLDR regions such as "EU" or "001")."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_label(code: str, lang: str) -> str:
    """The everyday name of a country in ``lang`` (English when CLDR lacks it)."""
    names = _cldr_names(lang) if lang in ("de", "en") else {}
    return names.get(code) or _cldr_names("en").get(code, code)


@lru_cache(maxsize=None)
def _cldr_names(lang: str) -> dict[str, str]:
    try:
        territories = Locale(lang).territories
    except (ValueError, babel.UnknownLocaleError):
        return {}
    return {code: name for code, name in territories.items() if code in iso_codes()}


def _iso_names(lang: str) -> dict[str, str]:
    """ISO names (name, official and common) -> code, translated for German."""
    translate = _iso_translator(lang)
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[translate(value)] = country.alpha_2
    return names


def _iso_translator(lang: str):  # type: ignore[no-untyped-def]
    if lang == "en":
        return lambda text: text
    catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    return catalog.gettext


def _genitive(name: str) -> str | None:
    if name[-1] in "sxzß" or " " in name or name.isupper():
        return None
    return name + "s"


@lru_cache(maxsize=None)
def country_names(lang: str) -> dict[str, str]:
    """Every surface form of a country name in ``lang`` -> alpha-2 code."""
    names = dict(_iso_names("en"))
    if lang != "en":
        names.update(_iso_names(lang))
    for other in ("en", lang):
        names.update({name: code for code, name in _cldr_names(other).items()})
    for row in read_rows("country_aliases.tsv"):
        names.update({alias: row[0] for alias in split_list(cell(row, 1))})
    if lang == "de":
        names.update({g: code for name, code in list(names.items()) if (g := _genitive(name))})
    return {name: code for name, code in names.items() if code in iso_codes()}


@lru_cache(maxsize=None)
def country_adjectives(lang: str) -> dict[str, str]:
    """Inflected country adjectives in ``lang`` -> alpha-2 code."""
    forms: dict[str, str] = {}
    for row in read_rows("country_adjectives.tsv"):
        code = row[0]
        if lang == "en":
            forms.update({adj: code for adj in split_list(cell(row, 2))})
            continue
        for stem in split_list(cell(row, 1)):
            for ending in GERMAN_ENDINGS:
                forms[stem + ending] = code
                forms[stem[0].upper() + stem[1:] + ending] = code
    return forms
