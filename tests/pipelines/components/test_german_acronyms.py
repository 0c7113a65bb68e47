"""Organisations named by a word in capitals (``german_rules.acronym_candidates``)."""

from __future__ import annotations

from pipelines.components.german_companies import everyday_abbreviation
from tests.pipelines.components.german_mentions import organizations


def test_german_acronym_lone_everyday_abbreviation_is_no_organisation() -> None:
    assert "GP" not in organizations("Beim GP von Quandelheim fiel er aus.")


def test_german_acronym_everyday_abbreviation_with_a_name_after_it_is_one() -> None:
    assert "AS Quandel" in organizations("Am Sonntag verlor die AS Quandel.")


def test_german_acronym_everyday_abbreviation_is_short_and_no_german_organisation() -> None:
    assert everyday_abbreviation("GP") and not everyday_abbreviation("CDU") and not everyday_abbreviation("NATO")
