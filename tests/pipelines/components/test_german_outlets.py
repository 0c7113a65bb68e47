"""Outlets named in quotes as the source of a statement (``german_outlets``)."""

from __future__ import annotations

from tests.pipelines.components.german_mentions import organizations


def test_german_outlets_quoted_name_after_reporting_verb_and_article() -> None:
    found = organizations("„Das ist falsch“, sagte die Ministerin der „Morvex Post Deutschland“ am Sonntag.")
    assert "Morvex Post Deutschland" in found


def test_german_outlets_quoted_name_before_zufolge_and_after_laut() -> None:
    assert "Quandelblick" in organizations("Dem „Quandelblick“ zufolge wird gebaut.")
    assert "Morvexwoche" in organizations("Gebaut wird laut „Morvexwoche“ im Mai.")


def test_german_outlets_quoted_title_without_cue_is_no_outlet() -> None:
    assert "Morvexwoche" not in organizations("Sie las das Buch „Morvexwoche“ im Mai.")
