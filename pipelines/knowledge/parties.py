"""Political parties of every country (``parties.tsv``, derived from Party Facts by ``derive_parties``)."""

from __future__ import annotations

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


def _index(pairs: Iterable[tuple[str, Party]]) -> dict[str, tuple[Party, ...]]:
    found: dict[str, dict[str, Party]] = {}
    for name, party in pairs:
        found.setdefault(name, {})[party.id] = party
    return {name: tuple(by_id.values()) for name, by_id in found.items()}
