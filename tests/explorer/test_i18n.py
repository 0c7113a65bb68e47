"""Interface strings: both languages have every key, placeholders agree, and the empty-view message."""

from __future__ import annotations

import string

import pytest

from explorer.i18n import DE, EN, basis_name, translate, type_name
from explorer.queries import Filters
from explorer.views.empty import narrowing


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_i18n_tables_have_the_same_keys_and_placeholders() -> None:
    assert set(DE) == set(EN)
    assert {key for key in EN if placeholders(EN[key]) != placeholders(DE[key])} == set()
    assert {key for key in EN if DE[key] == EN[key]} <= {"tab_export", "export_html", "cur_name", "choice_pagerank", "present_title"}  # same word in both


def test_i18n_translate_fills_placeholders_and_falls_back_to_english() -> None:
    assert translate("de", "showing", nodes=3, total=9, edges=2) == "3 von 9 Entitäten und 2 Beziehungen sichtbar."
    assert translate("fr", "filters") == "Filters"
    assert type_name("de", "country") == "Land" and type_name("de", "bloc") == "bloc"


def test_i18n_unknown_key_fails() -> None:
    with pytest.raises(KeyError):
        translate("en", "no_such_key")


def test_empty_narrowing_names_the_controls_set_away_from_default_in_sidebar_order() -> None:
    filters = Filters(search="zzz", date_from="2024-01-01", date_to="2024-02-01", include_undated=False, types=("person",))
    assert narrowing(filters) == ["search", "types", "dates", "include_undated"]
    assert narrowing(Filters(top_n=5, hops=2)) == []


def test_i18n_basis_name_says_in_each_language_what_an_unstated_relation_rests_on() -> None:
    assert basis_name("de", "gazetteer") == "aus dem Ortsverzeichnis, nicht im Satz gesagt"
    assert basis_name("en", "article").startswith("inferred from the article's country")
    assert basis_name("en", "census") == "from the census, not stated in the sentence"
    assert basis_name("de", "census") == "aus: census, nicht im Satz gesagt"
