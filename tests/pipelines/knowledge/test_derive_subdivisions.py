"""The derivation of ``data/subdivision_names.tsv`` from a CLDR subdivisions file."""

from __future__ import annotations

from pipelines.knowledge.derive_subdivisions import cldr_names, iso_code, kept_rows

CLDR = """<?xml version="1.0" encoding="UTF-8" ?>
<ldml><localeDisplayNames><subdivisions>
<subdivision type="deni">Lower Saxony</subdivision>
<subdivision type="deby">Bavaria</subdivision>
<subdivision type="debe">Berlin</subdivision>
<subdivision type="AS">American Samoa</subdivision>
<subdivision type="dexx">Nowhere</subdivision>
</subdivisions></localeDisplayNames></ldml>"""


def test_derive_subdivisions_iso_code_of_cldr_types() -> None:
    assert iso_code("deni") == "DE-NI" and iso_code("it25") == "IT-25" and iso_code("gbsct") == "GB-SCT"
    assert iso_code("AS") == "" and iso_code("") == ""


def test_derive_subdivisions_keeps_known_codes_whose_english_name_differs() -> None:
    assert kept_rows(cldr_names(CLDR)) == ["DE-BY\tBavaria\n", "DE-NI\tLower Saxony\n"]
