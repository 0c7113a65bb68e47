"""Curated organisations (international bodies, institutions, parties, news outlets).

``organizations.tsv`` and ``international_organizations.tsv`` hold organisations named in either language;
``german_organizations.tsv`` those of German-speaking countries, looked up in German text only. A name that
two organisations share ("IDB": Inter-American and Islamic Development Bank) resolves to neither by itself
(``shared_names``); the article decides."""

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
    names = {name: orgs[0] for name, orgs in _names_to_orgs(general_rows()).items() if len(orgs) == 1}
    if lang == "de":
        german = _names(read_rows("german_organizations.tsv"))
        names.update({name: org for name, org in german.items() if name.split()[0].lower() not in ARTICLES})
    return names


ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
GENERAL_FILES = ("organizations.tsv", "international_organizations.tsv")


def general_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of the files looked up in every language."""
    return tuple(row for name in GENERAL_FILES for row in read_rows(name))


@cache
def shared_names() -> dict[str, tuple[Organization, ...]]:
    """Names that several organisations of the general files list -> those organisations, in file order."""
    return {name: orgs for name, orgs in _names_to_orgs(general_rows()).items() if len(orgs) > 1}


def _names_to_orgs(rows: tuple[tuple[str, ...], ...]) -> dict[str, tuple[Organization, ...]]:
    """Every surface form of the organisations of ``rows`` -> the distinct organisations that use it."""
    found: dict[str, dict[str, Organization]] = {}
    for row in rows:
        org = _entry(row)
        for name in _forms(row, org):
            found.setdefault(name, {})[org.id] = org
    return {name: tuple(orgs.values()) for name, orgs in found.items()}


def _forms(row: tuple[str, ...], org: Organization) -> list[str]:
    """The English name, the aliases and the German name's forms of one row."""
    german = [*german_forms(org.label_de), *noun_genitive(org.label_de)]
    return [*english_forms(org.label_en), *split_list(cell(row, 5)), *german]


GENITIVE_LINKS = frozenset({"der", "des", "für", "vom", "zur", "zum", "von", "über"})


def noun_genitive(name: str) -> list[str]:
    """The genitive of a German name led by a noun that a linking word continues: "Sekretariat der Vereinten
    Nationen" -> "Sekretariats der Vereinten Nationen" (a feminine noun's form is simply never met)."""
    words = name.split()
    if len(words) < 3 or words[1] not in GENITIVE_LINKS or not words[0][:1].isupper() or words[0][-1] in "sxzß":
        return []
    return [" ".join([words[0] + "s", *words[1:]])]


def english_forms(name: str) -> list[str]:
    """An English name with its short forms: "United Nations Development Programme" -> "UN Development
    Programme", "U.N. Development Programme"."""
    if not name.startswith("United Nations "):
        return [name]
    rest = name.removeprefix("United Nations ")
    return [name, f"UN {rest}", f"U.N. {rest}"]


def _names(rows: tuple[tuple[str, ...], ...]) -> dict[str, Organization]:
    names: dict[str, Organization] = {}
    for row in rows:
        org = _entry(row)
        for name in _forms(row, org):
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
