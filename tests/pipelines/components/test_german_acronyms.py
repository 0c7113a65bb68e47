"""Organisations named by a word in capitals (``german_rules.acronym_candidates``)."""

from __future__ import annotations

from pipelines.components.german_companies import everyday_abbreviation
from pipelines.nlp import get_nlp


def organizations(text: str) -> set[str]:
    """Texts of the organisation mentions found in German ``text``."""
    doc = get_nlp("de", use_trained=False)(text)
    return {doc[c.start : c.end].text for c in doc._.kg_entities if c.type == "organization"}


def test_german_acronym_lone_everyday_abbreviation_is_no_organisation() -> None:
    assert "GP" not in organizations("Beim GP von Quandelheim fiel er aus.")


def test_german_acronym_everyday_abbreviation_with_a_name_after_it_is_one() -> None:
    assert "AS Quandel" in organizations("Am Sonntag verlor die AS Quandel.")


def test_german_acronym_everyday_abbreviation_is_short_and_no_german_organisation() -> None:
    assert everyday_abbreviation("GP") and not everyday_abbreviation("CDU") and not everyday_abbreviation("NATO")
