"""Country names and adjectives in German and English, mapped to ISO 3166-1 alpha-2.

Names come from CLDR (babel: everyday names such as "Russland"), ISO 3166
(pycountry: official names, German translations), older German forms that
German-language varieties keep ("Moldawien", ``country_varieties``), a small curated alias
list, and German genitive forms ("Russlands").  Adjectives come from a
curated list of stems, inflected here ("nordkoreanisch" -> "nordkoreanischen").
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from functools import cache

import babel
import pycountry
from babel import Locale

from pipelines.knowledge.country_varieties import variety_country_names
from pipelines.knowledge.tables import cell, read_rows, split_list

GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em")


@cache
def iso_codes() -> frozenset[str]:
    """Alpha-2 codes of real countries (not CLDR regions such as "EU" or "001")."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_label(code: str, lang: str) -> str:
    """The everyday name of a country in ``lang`` (English when CLDR lacks it)."""
    names = _cldr_names(lang) if lang in ("de", "en") else {}
    return names.get(code) or _cldr_names("en").get(code, code)


@cache
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
    for name, code in list(names.items()):
        names.update(dict.fromkeys(_variants(name, lang), code))
    return names


def _variants(name: str, lang: str) -> list[str]:
    """The running-text forms of an ISO name: uninverted, abbreviated and, in German, declined."""
    forms = [name] + ([plain] if (plain := uninverted(name)) else [])
    forms += [short for form in forms for short in abbreviations(form)]
    if lang != "en":
        forms += [case for form in forms for case in german_inflections(form)]
    return forms[1:]


def _iso_translator(lang: str) -> Callable[[str], str]:
    if lang == "en":
        return lambda text: text
    catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    return catalog.gettext


def uninverted(name: str) -> str | None:
    """An ISO name written the other way round, as running text writes it: "Congo, The Democratic Republic of
    the" -> "Democratic Republic of the Congo", "Moldau, Republik" -> "Republik Moldau"; None for a name
    without an inverted part ("Bonaire, Sint Eustatius and Saba" is a list, not an inversion)."""
    head, sep, tail = name.partition(", ")
    if not sep or " and " in name or " und " in name or "," in tail:
        return None
    tail = tail[4:] if tail.startswith("The ") else tail
    if tail.endswith((" of", " of the", " von")):
        return f"{tail} {head}"
    return f"{tail} {head}" if tail[:1].isupper() and tail.split()[-1] in REPUBLIC_WORDS else None


REPUBLIC_WORDS = frozenset({"Republik", "Volksrepublik", "Staat", "Republic", "State"})
# Words of a German country name that decline ("Vereinigte" -> "Vereinigten", "Emirate" -> "Emiraten").
_DECLINING = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+e$")


def german_inflections(name: str) -> list[str]:
    """Other cases of a German country name that begins with adjectives: "Demokratische Republik Kongo" ->
    "Demokratischen Republik Kongo", "Vereinigte Arabische Emirate" -> "Vereinigten Arabischen Emirate(n)";
    a plural name ending in "-e" also takes the dative "-n" ("den Niederlanden")."""
    words = name.split()
    forms = []
    if len(words) > 1 and _DECLINING.match(words[0]):
        lead = [w + "n" if _DECLINING.match(w) else w for w in words[:-1]]
        forms.append(" ".join(lead + words[-1:]))
    if name.endswith(PLURAL_ENDINGS):
        forms += [form + "n" for form in [name, *forms]]
    return forms


PLURAL_ENDINGS = ("lande", "Emirate", "Staaten", "inseln")


def abbreviations(name: str) -> list[str]:
    """The usual short forms of a Democratic Republic: "Demokratische Republik Kongo" -> "DR Kongo",
    "Democratic Republic of the Congo" -> "DR Congo", "DRC"."""
    german = re.match(r"^Demokratische Republik ([A-ZÄÖÜ][a-zäöü]+)$", name)
    if german:
        return ["DR " + german.group(1)]
    english = re.match(r"^Democratic Republic of (?:the )?([A-Z][a-z]+)$", name)
    return [f"DR {english.group(1)}", "DR" + english.group(1)[0]] if english else []


def english_initialisms(names: dict[str, str]) -> dict[str, str]:
    """The initialisms among ``names`` ("DRC"): English text uses them, in German text they name other
    things ("Danish Refugee Council (DRC)")."""
    return {name: code for name, code in names.items() if re.match(r"^DR[A-Z]$", name)}


def _genitive(name: str) -> str | None:
    if name[-1] in "sxzß" or " " in name or name.isupper():
        return None
    return name + "s"


@cache
def country_names(lang: str) -> dict[str, str]:
    """Every surface form of a country name in ``lang`` -> alpha-2 code."""
    names = dict(_iso_names("en"))
    if lang != "en":
        names.update(_iso_names(lang))
    if lang == "de":
        names.update(variety_country_names(iso_codes()))
    for other in ("en", lang):
        names.update({name: code for code, name in _cldr_names(other).items()})
    for row in read_rows("country_aliases.tsv"):
        names.update({alias: row[0] for alias in split_list(cell(row, 1))})
    if lang == "de":
        names = {name: code for name, code in names.items() if name not in english_initialisms(names)}
        names.update({g: code for name, code in list(names.items()) if (g := _genitive(name))})
    return {name: code for name, code in names.items() if code in iso_codes()}


@cache
def country_adjectives(lang: str) -> dict[str, str]:
    """Inflected country adjectives in ``lang`` -> alpha-2 code."""
    forms: dict[str, str] = {}
    if lang == "de":
        forms.update(derived_german_adjectives())
    if lang == "en":
        forms.update(derived_english_adjectives())
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


# German country-name endings the adjective replaces with "-isch", and whether "-ier" names its people:
# "Äthiopien" -> "äthiopisch", "Äthiopier"; "Somalia" -> "somalisch", "Somalier"; "Ruanda" -> "ruandisch".
DERIVED_ENDINGS = (("ien", True), ("ia", True), ("a", False))


def derived_german_adjectives() -> dict[str, str]:
    """Adjectives (and demonyms) of the countries whose German name ends in "-ien", "-ia" or "-a", derived
    as German derives them (``DERIVED_ENDINGS``), for the countries the curated list lacks; inflected like
    the curated stems. A form German makes otherwise ("ghanaisch") is simply never met."""
    curated = {row[0] for row in read_rows("country_adjectives.tsv")}
    forms: dict[str, str] = {}
    for code, name in _cldr_names("de").items():
        ending = next(((e, people) for e, people in DERIVED_ENDINGS if name.endswith(e)), None)
        if code in curated or ending is None or " " in name or "-" in name:
            continue
        stem = name[: -len(ending[0])]
        for inflection in GERMAN_ENDINGS:
            forms[stem.lower() + "isch" + inflection] = code
            forms[stem + "isch" + inflection] = code
        if ending[1]:
            forms.update(dict.fromkeys((stem + "ier", stem + "iern", stem + "iers"), code))
    return forms


# English adjective endings by the ending of a country's name: "Kenya" -> "Kenyan", "Togo" -> "Togolese";
# a final consonant takes each of "Gabonese", "Chadian", "Omani". Names ending in another vowel or "s" are left out.
CONSONANT_ENDINGS = ("ese", "ian", "i")


def derived_english_adjectives() -> dict[str, str]:
    """Adjectives and demonyms of the one-word countries the curated list lacks, derived by the regular
    English endings; a form English makes otherwise ("Chadi") is simply never met, one that opens another
    country's name ("Dominican") is left out, and curated forms win (``country_adjectives`` reads them last)."""
    curated = {row[0] for row in read_rows("country_adjectives.tsv")}
    names = _cldr_names("en")
    taken = {word for name in names.values() for word in name.split()[:1]}  # "Dominican" opens "Dominican Republic"
    return {form: code for code, name in names.items() if code not in curated and name.isalpha()
            for form in _english_forms(name) if form not in taken}


def _english_forms(name: str) -> list[str]:
    if name.endswith("a"):
        return [name + "n"]
    if name.endswith("o"):
        return [name + "lese"]
    return [] if name[-1] in "eiuys" else [name + ending for ending in CONSONANT_ENDINGS]
