"""Political parties of every country (``parties.tsv``, derived from Party Facts by ``derive_parties``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pipelines.knowledge.tables import cell, read_rows, split_list

GERMAN_SPEAKING = frozenset({"DE", "AT", "CH", "LI", "LU"})


@dataclass(frozen=True)
class Party:
    """A party: ``id`` is ``organization:<slug>``; ``native`` its name in its country's language."""

    id: str
    country: str
    english: str
    native: str
    short: str
    others: tuple[str, ...]

    def label(self, lang: str) -> str:
        """The English name, in German text the native one for parties of German-speaking countries."""
        return self.native if lang == "de" and self.country in GERMAN_SPEAKING and self.native else self.english

    @property
    def long_names(self) -> tuple[str, ...]:
        """The English, native and other names (not the short name)."""
        return tuple(dict.fromkeys(n for n in (self.english, self.native, *self.others) if n and n != self.short))


@cache
def parties() -> tuple[Party, ...]:
    """Every party of ``parties.tsv``."""
    return tuple(
        Party(f"organization:{row[0]}", cell(row, 1), cell(row, 2), cell(row, 3), cell(row, 4), tuple(split_list(cell(row, 5))))
        for row in read_rows("parties.tsv")
    )


@cache
def parties_by_long_name() -> dict[str, tuple[Party, ...]]:
    """Every long name -> the parties that bear it (several where countries share a name: "Labour Party")."""
    return _index((name, p) for p in parties() for name in p.long_names)


@cache
def parties_by_short_name() -> dict[str, tuple[Party, ...]]:
    """Every short name of two letters or more -> the parties that bear it ("PL" in many countries)."""
    return _index((p.short, p) for p in parties() if sum(ch.isalpha() for ch in p.short) >= 2)


# "<Word> Party" (optionally "of <place>" or a year) in English.
PARTY_NAME = re.compile(r"^([A-Z][a-z]+) Party(?: of [A-Z][A-Za-z ]+)?(?: \(\d{4}\))?$")
FAMILY_COUNTRIES = 3  # a word heads party names in this many countries: a party family, not a people or region


@cache
def parties_by_nickname() -> dict[str, tuple[Party, ...]]:
    """English nicknames -> the parties that bear them, for parties named after a party family (a word that
    heads "<word> Party" names in several countries: "Liberal", "Labour", not "Russian" or "Bavarian"):
    the family's plural ("Liberals", "Democrats", "Greens"), or the word itself where the party's English
    name is that word alone ("Labour"). Each is a common word too, so the article must decide."""
    families = _party_families()
    plurals = {plural: word for word in families if (plural := plural_member(word))}
    return _index((name, p) for p in parties() for name in _nicknames(p, families, plurals))


def _party_families() -> frozenset[str]:
    """The words that head "<word> Party" names in ``FAMILY_COUNTRIES`` countries or more."""
    countries: dict[str, set[str]] = {}
    for party in parties():
        found = PARTY_NAME.match(party.english)
        if found:
            countries.setdefault(found.group(1), set()).add(party.country)
    return frozenset(word for word, seen in countries.items() if len(seen) >= FAMILY_COUNTRIES)


def _nicknames(party: Party, families: frozenset[str], plurals: dict[str, str]) -> Iterable[str]:
    """``party``'s nickname, if any: ``plurals`` maps each family's plural to its word."""
    found = PARTY_NAME.match(party.english)
    if found and found.group(1) in families and (plural := plural_member(found.group(1))):
        yield plural
    elif party.english in families and f"{party.english} Party" in party.long_names:
        yield party.english  # "Labour", whose long names include "Labour Party"
    elif party.english in plurals:
        yield party.english  # "Conservatives"


def plural_member(word: str) -> str | None:
    """What the members of a "<word> Party" are called together: "Democratic" -> "Democrats", "Liberal" ->
    "Liberals", "Green" -> "Greens"; None for a word with no such plural ("Labour", "Reform")."""
    if word.endswith("cratic"):
        return word[:-2] + "s"
    return word + "s" if word.endswith(("al", "ive", "an", "ist", "een")) else None


def _index(pairs: Iterable[tuple[str, Party]]) -> dict[str, tuple[Party, ...]]:
    found: dict[str, dict[str, Party]] = {}
    for name, party in pairs:
        found.setdefault(name, {})[party.id] = party
    return {name: tuple(by_id.values()) for name, by_id in found.items()}
