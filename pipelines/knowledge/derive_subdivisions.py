"""Derive ``data/subdivision_names.tsv``: the English names of ISO 3166-2 subdivisions from Unicode CLDR.

Run once by a maintainer, never at ingest time, on CLDR's ``common/subdivisions/en.xml`` (from a checkout
of https://github.com/unicode-org/cldr)::

    python -m pipelines.knowledge.derive_subdivisions path/to/common/subdivisions/en.xml "CLDR 44 (2023-09-05)" \
        > pipelines/knowledge/data/subdivision_names.tsv

pycountry's English catalogue translates few subdivision names, so a German state or an Italian region
kept its own-language name as its id and English label ("Niedersachsen", "Lombardia"). CLDR names them
as English writes them ("Lower Saxony", "Lombardy"). Kept: the codes pycountry knows (CLDR also lists
deprecated ones), with a name that differs from the ISO name.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

import pycountry

HEADER = (
    "# ISO 3166-2 code\tEnglish name (where it differs from the ISO name)\n"
    "# Derived by pipelines/knowledge/derive_subdivisions.py from Unicode CLDR common/subdivisions/en.xml, {source}\n"
    "# (Unicode License v3, Copyright (c) 2004-2023 Unicode, Inc.).\n"
)


def iso_code(cldr_type: str) -> str:
    """CLDR's subdivision type ("deni", "it25") as an ISO 3166-2 code ("DE-NI", "IT-25"); "" for other types."""
    if len(cldr_type) < 3 or not (cldr_type[:2].isalpha() and cldr_type[:2].islower()):
        return ""
    return f"{cldr_type[:2].upper()}-{cldr_type[2:].upper()}"


def cldr_names(xml_text: str) -> Iterator[tuple[str, str]]:
    """(ISO code, English name) of every subdivision element of a CLDR subdivisions file."""
    for element in ET.fromstring(xml_text).iter("subdivision"):
        code = iso_code(element.get("type", ""))
        if code and element.text:
            yield code, element.text.strip()


def kept_rows(names: Iterable[tuple[str, str]]) -> list[str]:
    """Table rows for the codes pycountry knows whose CLDR name differs from the ISO name, sorted."""
    rows = []
    for code, name in names:
        known = pycountry.subdivisions.get(code=code)
        if known is not None and name != known.name:
            rows.append(f"{code}\t{name}\n")
    return sorted(set(rows))


def main(argv: list[str]) -> int:
    path, source = argv[1], argv[2]
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    sys.stdout.write(HEADER.format(source=source) + "".join(kept_rows(cldr_names(text))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
