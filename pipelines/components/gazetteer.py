"""Longest-match lookup of known names over a token sequence.

Entries are keyed by the token texts of each name as the language's own
tokenizer splits it, so "Kim Jong-un" and "EU-Kommission" match however
the tokenizer cuts them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pipelines.components.parties import party_names
from pipelines.components.word_tests import WordTest
from pipelines.knowledge.countries import country_adjectives, country_label, country_names
from pipelines.knowledge.organizations import organization_names, shared_names
from pipelines.knowledge.places import place_names_for
from pipelines.knowledge.tables import not_names


@dataclass(frozen=True)
class Entry:
    """What a gazetteer name stands for."""

    type: str
    id: str
    label: str
    kind: str = "name"
    score: float = 0.9
    attrs: tuple[tuple[str, Any], ...] = field(default=())


class Gazetteer:
    """Maps token-text sequences to entries; ``find`` returns non-overlapping longest matches."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], Entry]] = {}
        self._lengths: dict[str, list[int]] = {}  # name lengths in tokens per first word, longest first

    def add(self, words: Sequence[str], entry: Entry) -> None:
        key = tuple(words)
        if key:
            self._by_first.setdefault(key[0], {})[key] = entry
            lengths = self._lengths.setdefault(key[0], [])
            if len(key) not in lengths:
                lengths.append(len(key))
                lengths.sort(reverse=True)

    def find(self, words: Sequence[str], starts: Iterable[int] | None = None) -> list[tuple[int, int, Entry]]:
        """Matches as ``(start, end, entry)`` over token indexes, left to right; ``starts`` (ascending)
        may name the indexes whose word starts a name, as ``first_words`` finds them in a Doc."""
        by_first = self._by_first
        found: list[tuple[int, int, Entry]] = []
        free = 0  # the first token not inside an earlier match
        if starts is None:
            starts = [i for i, word in enumerate(words) if word in by_first]
        for i in starts:
            if i >= free:
                match = self._match_at(words, i)
                if match:
                    found.append(match)
                    free = match[1]
        return found

    @cached_property
    def first_words(self) -> WordTest:
        """Words that start a known name, tested once per word form (``Tokens.where``)."""
        return WordTest(self._by_first.__contains__)

    def _match_at(self, words: Sequence[str], i: int) -> tuple[int, int, Entry] | None:
        candidates = self._by_first[words[i]]
        for length in self._lengths[words[i]]:
            entry = candidates.get(tuple(words[i : i + length])) if i + length <= len(words) else None
            if entry:
                return i, i + length, entry
        return None


Tokenize = Callable[[str], list[str]]


def _country_entries(lang: str) -> Iterable[tuple[str, Entry]]:
    for name, code in country_names(lang).items():
        yield name, Entry("country", f"country:{code}", country_label(code, lang), "name", 0.95)
    for form, code in country_adjectives(lang).items():
        yield form, Entry("country", f"country:{code}", country_label(code, lang), "adjective", 0.85)


def _blocking_entries(lang: str) -> Iterable[tuple[str, Entry]]:
    for phrase in not_names():
        yield phrase, Entry("", "", phrase)


def _place_entries(lang: str) -> Iterable[tuple[str, Entry]]:
    for name, place in place_names_for(lang).items():
        entry = Entry("place", place.id, place.label(lang), "name", 0.85, (("country", place.country),))
        yield name, entry
        if lang == "de" and name[-1] not in "sxzß":
            yield name + "s", entry


def _organization_entries(lang: str) -> Iterable[tuple[str, Entry]]:
    for name, org in organization_names(lang).items():
        attrs = (("org_kind", org.kind), ("country", org.country))
        yield name, Entry("organization", org.id, org.label(lang), "name", 0.9, attrs)
    for name, orgs in shared_names().items():
        if name not in organization_names(lang):  # German text knows "IDB"-like names of its own file first
            yield name, Entry("organization", "", name, "shared", 0.9, (("choices", orgs),))


def _party_entries(lang: str) -> Iterable[tuple[str, Entry]]:
    """Parties of every country; a name the article's countries must decide carries its choices."""
    for name, kind, found in party_names(lang):
        party = found[0]
        attrs = (("org_kind", "party"), ("country", party.country)) + ((("choices", found),) if kind != "name" else ())
        yield name, Entry("organization", party.id, party.label(lang), kind, 0.9, attrs)


def build_gazetteer(lang: str, tokenize: Tokenize) -> Gazetteer:
    """The gazetteer for ``lang``; later sources win a shared name (parties first, organisations last)."""
    gazetteer = Gazetteer()
    for source in (_party_entries, _place_entries, _country_entries, _organization_entries, _blocking_entries):
        for name, entry in source(lang):
            gazetteer.add(tokenize(name), entry)
    return gazetteer
