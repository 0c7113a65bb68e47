"""Firms named by a word only the English clusters know as a company (``german_companies``)."""

from __future__ import annotations

from pipelines.components.german_companies import english_company_cue
from tests.pipelines.components.german_mentions import organizations


def test_german_companies_lone_english_company_word_is_an_organisation() -> None:
    assert {"Samsung", "Intel"} <= organizations("Im Streit zwischen Samsung und Intel gab es am Montag eine Einigung.")


def test_german_companies_cue_needs_a_word_the_german_classes_do_not_know() -> None:
    assert english_company_cue("Samsung")
    assert not english_company_cue("Reuters")  # a family name to the German clusters
    assert not english_company_cue("Kaiser")  # an office


def test_german_companies_longer_name_or_capitalised_word_before_is_no_company() -> None:
    found = organizations("Der Händler Samsung Grünwald kam spät. Der Jäger Intel schlief.")
    assert "Samsung" not in found and "Intel" not in found


def test_german_companies_word_heading_a_purpose_is_no_company() -> None:
    assert "Samsung" not in organizations("Sie gründeten eine Samsung zur Rettung der Wälder.")
