"""Curated organisations (international bodies, institutions, parties, news outlets)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipelines.knowledge.tables import cell, read_rows, split_list


@dataclass(frozen=True)
class Organization:
    """A known organisation: ``id`` is ``organization:<slug of the English name>``."""

    id: str
    kind: str
    country: str
    label_en: str
    label_de: str

    def label(self, lang: str) -> str:
        return self.label_de if lang == "de" else self.label_en


def _entry(row: tuple[str, ...]) -> Organization:
    return Organization(f"organization:{row[0]}", cell(row, 1), cell(row, 2), cell(row, 3), cell(row, 4))


@cache
def organization_names(lang: str = "") -> dict[str, Organization]:
    """Every surface form of a known organisation -> the organisation; for German also the German parties,
    courts, broadcasters, papers and DAX companies of ``german_organizations.tsv``, less the forms that
    start with an article ("Die Linke", "Der Spiegel": "Linke" is found, and looking up every "die" costs)."""
    names = _names(read_rows("organizations.tsv"))
    if lang == "de":
        german = _names(read_rows("german_organizations.tsv"))
        names.update({name: org for name, org in german.items() if name.split()[0].lower() not in ARTICLES})
    return names


ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})


def _names(rows: tuple[tuple[str, ...], ...]) -> dict[str, Organization]:
    names: dict[str, Organization] = {}
    for row in rows:
        org = _entry(row)
        for name in [org.label_en, *split_list(cell(row, 5)), *german_forms(org.label_de)]:
            names[name] = org
    return names


def german_forms(name: str) -> list[str]:
    """A German name with its inflected forms: "Europäische Kommission" -> "Europäischen Kommission",
    "Europäisches Parlament" -> "Europäischen Parlaments"; one led by an article ("Die Linke") is not inflected."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in ARTICLES or not words[0].endswith(("e", "es", "er")):
        return [name] + ([name + "s"] if len(words) == 1 and name[-1].islower() and name[-1] not in "sxz" else [])
    stem = words[0].rstrip("sr") if words[0].endswith(("es", "er")) else words[0]
    weak = " ".join([stem, *words[1:]])
    inflected = " ".join([stem + "n", *words[1:]])
    return list(dict.fromkeys([name, weak, inflected, inflected + "s", inflected + "es"]))
