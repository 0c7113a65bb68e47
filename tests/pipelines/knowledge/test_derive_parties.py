"""The derivation of parties.tsv from Party Facts' core parties: which rows stay and which slug each gets."""

from __future__ import annotations

from pipelines.knowledge.derive_parties import alternatives, derive, other_names

COLUMNS = "country,partyfacts_id,technical,name_short,name,name_english,name_other,year_first,year_last,share"


def _csv(*rows: str) -> list[str]:
    return [COLUMNS + "\n", *(row + "\n" for row in rows)]


def _slugs(lines: list[str]) -> list[str]:
    return [line.split("\t")[0] for line in lines]


def test_derive_parties_keeps_active_parties_with_a_share() -> None:
    lines = derive(_csv(
        "POL,1,,AB,Partia Ab,Ab Party,,1991,,12.0",
        "POL,2,,OLD,Partia Stara,Old Party,,1920,1939,30.0",
        "POL,3,,NS,Partia Bez,No Share Party,,1995,,",
        "POL,4,8,etc,other,other,,1800,,",
    ))
    assert lines == ["ab-party\tPL\tAb Party\tPartia Ab\tAB\t"]


def test_derive_parties_shared_english_name_keeps_its_slug_for_the_larger_party() -> None:
    lines = derive(_csv("IRL,1,,Lab,Páirtí X,Workers Party,,1990,,10.0", "NZL,2,,Lab,Workers Party,Workers Party,,1990,,30.0"))
    assert _slugs(lines) == ["workers-party-ie", "workers-party"]


def test_derive_parties_alliance_of_listed_parties_is_left_out() -> None:
    lines = derive(_csv("EST,1,,AA,Aa,Aa Union,,1990,,20.0", "EST,2,,BB,Bb,Bb Union,,1990,,10.0",
                        "EST,3,,AA/BB,Aa / Bb,Aa Union / Bb Union,,1990,,30.0"))
    assert _slugs(lines) == ["aa-union", "bb-union"]


def test_derive_parties_party_of_the_curated_files_keeps_its_slug_and_names() -> None:
    lines = derive(_csv("CHE,1,,SVP,Schweizerische Volkspartei,Swiss Peoples Party,,1971,,25.0"))
    assert lines == ["svp\tCH\tSwiss People's Party\tSVP\tSVP\tSwiss Peoples Party,Schweizerische Volkspartei"]


def test_derive_parties_names_split_alternatives_and_drop_language_prefixes() -> None:
    assert alternatives("Greens / Alliance 90 [East]") == ["Greens", "Alliance 90"]
    assert other_names("Danish: Grøn Liste; Frisian: Grien List") == ["Grøn Liste", "Grien List"]
