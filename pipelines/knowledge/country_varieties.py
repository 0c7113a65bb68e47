"""German country names that standard German news writes but the standard sources dropped ("Moldawien",
"Weißrussland"): CLDR (babel) and ISO 3166 (pycountry) name countries in Luxembourgish, Low German,
Swiss German, Kölsch, Walser and Bavarian in the older forms, and the curated German country adjectives
give "-land" names ("weißrussisch" -> "Weißrussland").

A variety also has names of its own ("Neuschottland" for New Caledonia in Kölsch), so a name counts only
when two sources agree on its country and the German word classes know it as a place.
"""

from __future__ import annotations

import gettext
from collections import Counter
from collections.abc import Iterator

import pycountry
from babel import Locale

from pipelines.knowledge.people import name_classes
from pipelines.knowledge.tables import cell, read_rows, split_list

CLDR_VARIETIES = ("lb", "nds", "gsw", "ksh", "wae")
ISO_VARIETIES = ("bar", "lb", "nds", "gsw", "ksh")
ADJECTIVE_SUFFIX = "isch"


def variety_country_names(codes: frozenset[str]) -> dict[str, str]:
    """Names the German word classes know as places -> alpha-2 code (one of ``codes``), for the names two
    sources agree on."""
    votes = Counter(pair for pair in _sourced_names() if pair[1] in codes and name_classes().get(pair[0]) == "place")
    return {name: code for (name, code), count in votes.items() if count >= 2}


def _sourced_names() -> Iterator[tuple[str, str]]:
    """(name, code) once per source that names the country so."""
    for lang in CLDR_VARIETIES:
        yield from {(name, code) for code, name in Locale.parse(lang).territories.items()}
    for lang in ISO_VARIETIES:
        yield from _iso_names(lang)
    yield from _adjective_land_names()


def _iso_names(lang: str) -> set[tuple[str, str]]:
    catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and (name := catalog.gettext(value)) != value:
                names.add((name, country.alpha_2))
    return names


def _adjective_land_names() -> set[tuple[str, str]]:
    """"-land" names of the curated German adjective stems: "weißrussisch" -> "Weißrussland"."""
    names = set()
    for row in read_rows("country_adjectives.tsv"):
        for stem in split_list(cell(row, 1)):
            if stem.endswith(ADJECTIVE_SUFFIX):
                base = stem[: -len(ADJECTIVE_SUFFIX)]
                names.add((base[:1].upper() + base[1:] + "land", row[0]))
    return names
