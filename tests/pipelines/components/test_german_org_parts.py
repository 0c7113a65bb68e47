"""Organisations widened over name parts glued by a hyphen or slash (``german_org_parts``)."""

from __future__ import annotations

from tests.pipelines.components.german_mentions import organizations


def test_german_org_parts_club_takes_the_part_after_its_hyphen() -> None:
    assert "TSV Quandel-Morvex" in organizations("Am Sonntag verlor der TSV Quandel-Morvex knapp.")


def test_german_org_parts_legal_form_takes_the_part_before_the_hyphen() -> None:
    found = organizations("Die Graphitwerke Quandel-Morvex AG bauten dort ab.")
    assert "Quandel-Morvex AG" in found and "Morvex AG" not in found


def test_german_org_parts_common_noun_after_hyphen_stays_outside() -> None:
    found = organizations("Der SPD-Chef sprach mit der CDU-Fraktion.")
    assert {"SPD", "CDU"} <= found and "SPD-Chef" not in found


def test_german_org_parts_acronym_takes_only_capitals_after_its_hyphen() -> None:
    found = organizations("Die UN-Quandelmission und die Agentur dpa-QX melden es.")
    assert "UN" in found and "UN-Quandelmission" not in found and "dpa-QX" in found
