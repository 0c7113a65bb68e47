"""Derive ``data/parties.tsv`` from the core parties of Party Facts.

Run once by a maintainer, never at ingest time::

    git -C <partyfactsdata clone> show HEAD:import/elecglob/partyfacts-core-parties.csv > core.csv
    python -m pipelines.knowledge.derive_parties core.csv <commit> <date> > pipelines/knowledge/data/parties.tsv

Party Facts (https://partyfacts.herokuapp.com, data at github.com/hdigital/partyfactsdata, MIT licence,
"Copyright (c) 2022 Party Facts authors") lists the political parties of every country with their native,
English and short names. Only its data is read; no code of it is used.

Which parties are kept (those that matter in news): no technical row ("other", "independent"), active in
1990 or later (``year_last`` empty or >= 1990), and a vote or seat share recorded (``share`` not empty).
Left out as well: alliances whose short name joins other listed parties' short names of the same country
("CDU/CSU"), and rows of a country code pycountry does not know (historic states, the EU level), except
Kosovo (XKX -> XK) and Northern Ireland (NIR -> GB).

Columns written: slug, country (ISO 3166 alpha-2), English name, native name, short name, other names
(comma-separated: the " / " alternatives of the English and native names and ``name_other`` without its
language prefix). The slug is that of the English name, so ids match the ids English text gives; where
several kept parties share it, the one with the largest share keeps it and the others get their country
code appended ("-ie"), then their Party Facts id. A party the curated files already hold (same country,
and its short, native or English name among that entry's names) keeps the curated slug ("cdu") and the
curated English and German names, Party Facts' names joining its other names.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pycountry

from pipelines.keys import slug
from pipelines.knowledge.tables import cell, read_rows, split_list

CURATED_FILES = ("organizations.tsv", "german_organizations.tsv")
EXTRA_CODES = {"XKX": "XK", "NIR": "GB"}
FIRST_YEAR = 1990
_BRACKETED = re.compile(r"\s*\[[^\]]*\]\s*")
_LANGUAGE_PREFIX = re.compile(r"^[A-Z][\w ]{1,30}:\s*")
HEADER = (
    "# slug\tcountry\tEnglish name\tnative name\tshort name\tother names (comma-separated)\n"
    "# Derived by pipelines/knowledge/derive_parties.py from Party Facts, import/elecglob/partyfacts-core-parties.csv\n"
    "# of github.com/hdigital/partyfactsdata at commit {commit} ({date}); MIT licence, Copyright (c) 2022 Party\n"
    "# Facts authors. Kept: parties active in 1990 or later with a vote or seat share recorded, no technical rows,\n"
    "# no alliances of listed parties; see that module for the rules and the slugs.\n"
)


@dataclass
class Party:
    """One kept Party Facts row, cleaned."""

    pf_id: str
    country: str
    english: list[str]
    native: list[str]
    short: str
    other: list[str]
    share: float
    current: bool  # no last year recorded: still active
    slug: str = ""


def alternatives(text: str) -> list[str]:
    """The " / " alternatives of a name cell, bracketed notes and commas dropped:
    "Greens / Alliance 90 [East]" -> ["Greens", "Alliance 90"]."""
    parts = (_BRACKETED.sub(" ", part).strip() for part in text.split(" / "))
    return [part for part in parts if part and "," not in part]


def other_names(text: str) -> list[str]:
    """``name_other`` as names: "Danish: Sydslesvigsk Vælgerforening" -> ["Sydslesvigsk Vælgerforening"]."""
    return [_LANGUAGE_PREFIX.sub("", name) for name in alternatives(text.replace("; ", " / "))]


def country_code(iso3: str) -> str:
    """The ISO alpha-2 code of a Party Facts country code, or "" when pycountry does not know it."""
    if iso3 in EXTRA_CODES:
        return EXTRA_CODES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country is not None else ""


def kept(row: dict[str, str]) -> bool:
    """The row is a party active since ``FIRST_YEAR`` with a share recorded, in a known country."""
    last = row["year_last"].strip()
    active = not last or int(last) >= FIRST_YEAR
    return not row["technical"] and active and bool(row["share"].strip()) and bool(country_code(row["country"]))


def party(row: dict[str, str]) -> Party | None:
    """The cleaned party of a kept row, or None when it has no English name."""
    english = alternatives(row["name_english"]) or alternatives(row["name"])
    if not english:
        return None
    native = alternatives(row["name"])
    return Party(row["partyfacts_id"], country_code(row["country"]), english, native, row["name_short"].strip(),
                 other_names(row["name_other"]), float(row["share"]),
                 not row["year_last"].strip())


def without_alliances(parties: list[Party]) -> list[Party]:
    """``parties`` less those whose short name joins other parties' short names of the country ("CDU/CSU")."""
    shorts = {(p.country, p.short) for p in parties}
    return [p for p in parties if "/" not in p.short or not all((p.country, s) in shorts for s in p.short.split("/"))]


def _curated_rows() -> list[tuple[str, ...]]:
    return [r for name in CURATED_FILES for r in read_rows(name) if cell(r, 1) == "party"]


def curated_labels() -> dict[str, tuple[str, str]]:
    """Slug -> (English name, German name) of the parties in the curated files."""
    return {row[0]: (cell(row, 3), cell(row, 4)) for row in _curated_rows()}


def curated_slugs() -> dict[tuple[str, str], str]:
    """(country, name) -> slug of the parties in the curated files, for every name of theirs."""
    slugs: dict[tuple[str, str], str] = {}
    for row in _curated_rows():
        for name in (cell(row, 3), cell(row, 4), *split_list(cell(row, 5))):
            slugs[(cell(row, 2), name)] = row[0]
    return slugs


def assign_slugs(parties: list[Party]) -> None:
    """Give each party its slug: the curated one, else the English name's, made unique by share."""
    curated = curated_slugs()
    taken = set(curated.values())
    for p in sorted(parties, key=lambda p: -p.share):
        p.slug = next((curated[(p.country, n)] for n in (p.short, *p.native, *p.english) if (p.country, n) in curated), "")
        if p.slug:
            continue
        base = slug(p.english[0])
        p.slug = next(s for s in (base, f"{base}-{p.country.lower()}", f"{base}-{p.pf_id}") if s not in taken)
        taken.add(p.slug)


def rows(parties: Iterable[Party]) -> Iterator[str]:
    """The TSV lines of ``parties``, by country and slug; rows that share a curated slug (a party and its
    predecessor: "PDS" and "Die Linke") are one line, named by the curated file (else by the active one, else
    the larger), the other names among its others."""
    by_slug: dict[str, list[Party]] = {}
    for p in sorted(parties, key=lambda p: (not p.current, -p.share)):
        by_slug.setdefault(p.slug, []).append(p)
    labels = curated_labels()
    for key in sorted(by_slug, key=lambda k: (by_slug[k][0].country, k)):
        first, *rest = by_slug[key]
        names = list(labels.get(key, (first.english[0], first.native[0] if first.native else "")))
        every = [n for p in by_slug[key] for n in (*p.english, *p.native, *p.other, *([p.short] if p in rest else []))]
        others = [n for n in dict.fromkeys(every) if n not in names]
        yield "\t".join([key, first.country, *names, first.short, ",".join(others)])


def derive(lines: Iterable[str]) -> list[str]:
    """The TSV lines (without header) for the CSV ``lines`` of Party Facts' core parties."""
    found = [party(row) for row in csv.DictReader(lines) if kept(row)]
    parties = without_alliances([p for p in found if p is not None])
    assign_slugs(parties)
    return list(rows(parties))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m pipelines.knowledge.derive_parties <core-parties.csv> <commit> <date>", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8", newline="") as handle:
        lines = derive(handle)
    sys.stdout.write(HEADER.format(commit=argv[1], date=argv[2]) + "".join(line + "\n" for line in lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
