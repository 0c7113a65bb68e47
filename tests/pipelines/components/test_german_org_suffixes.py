"""German organisations named with a cue word at their end (``entities.suffix_candidates`` in German text)."""

from __future__ import annotations

from pipelines.nlp import get_nlp


def organizations(text: str) -> set[str]:
    """Texts of the organisation mentions found in German ``text``."""
    doc = get_nlp("de", use_trained=False)(text)
    return {doc[c.start : c.end].text for c in doc._.kg_entities if c.type == "organization"}


def test_german_org_suffix_english_cue_word_unknown_to_german_ends_a_name() -> None:
    assert "Quandel League" in organizations("Sie stehen im Finale der Quandel League am Samstag.")


def test_german_org_suffix_english_cue_word_that_is_a_german_noun_does_not() -> None:
    assert "Quandel Band" not in organizations("Er sah die Quandel Band am Samstag.")
