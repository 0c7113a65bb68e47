"""German organisations named with a cue word at their end (``entities.suffix_candidates`` in German text)."""

from __future__ import annotations

from tests.pipelines.components.german_mentions import organizations


def test_german_org_suffix_english_cue_word_unknown_to_german_ends_a_name() -> None:
    assert "Quandel League" in organizations("Sie stehen im Finale der Quandel League am Samstag.")


def test_german_org_suffix_english_cue_word_that_is_a_german_noun_does_not() -> None:
    assert "Quandel Band" not in organizations("Er sah die Quandel Band am Samstag.")
