"""Interface strings: both languages have every key, placeholders agree, and the empty-view message."""

from __future__ import annotations

import string

import pytest

from explorer.change_marks import headline
from explorer.i18n import DE, EN, basis_name, counted, decision_text, grouped, relation_name, term, translate, type_name
from explorer.queries import Filters
from explorer.summary import filter_summary
from explorer.views.empty import narrowing
from pipelines.decisions import TEMPLATES, Decision
from pipelines.records import ENTITY_TYPES, MODALITIES

RELATIONS = ("visits", "meets", "travels_to", "party_to", "updates", "leader_of", "member_of", "advisor_to",
             "located_in", "published_in", "co_mentioned")  # the public contract's vocabulary (DESIGN.md)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_i18n_tables_have_the_same_keys_and_placeholders() -> None:
    assert set(DE) == set(EN)
    assert {key for key in EN if placeholders(EN[key]) != placeholders(DE[key])} == set()
    same = {"tab_export", "export_html", "cur_name", "choice_pagerank", "present_title", "tip_counts"}  # same word in both
    assert {key for key in EN if DE[key] == EN[key]} <= same


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


def test_i18n_every_stored_vocabulary_key_has_a_german_name_of_its_own() -> None:
    for group, keys in (("rel", RELATIONS), ("mod", MODALITIES), ("type", ENTITY_TYPES)):
        assert all(f"{group}_{key}" in EN for key in keys), group
    assert [relation_name("de", r) for r in ("visits", "meets", "party_to", "leader_of")] == \
        ["besucht", "trifft", "Vertragspartei von", "leitet"]
    assert relation_name("en", "leader_of") == "leader of" and relation_name("de", "sanctions") == "sanctions"
    assert term("de", "status", "in_force") == "in Kraft" and term("de", "kind", "trade_agreement") == "Handelsabkommen"


def test_i18n_counted_takes_singular_or_plural() -> None:
    assert [counted("de", n, "sentence") for n in (0, 1, 2)] == ["0 Sätze", "1 Satz", "2 Sätze"]
    assert counted("de", 3, "in_document") == "3 Artikeln" and counted("en", 1, "outlet") == "1 outlet"


def test_i18n_decisions_are_described_in_german_with_german_relation_and_type_names() -> None:
    assert set(TEMPLATES) == {key.removeprefix("dec_") for key in EN if key.startswith("dec_")}
    labels = {"person:a": "Anna", "country:KP": "Nordkorea"}
    rejected = Decision(1, "reject-relation", {"edge": "person:a|visits|country:KP"})
    assert decision_text("de", rejected, labels) == "Beziehung Anna (person:a) —besucht→ Nordkorea (country:KP) verworfen"
    retyped = Decision(2, "retype", {"entity": "person:a", "type": "organization"})
    assert decision_text("de", retyped, labels) == "Typ von Anna (person:a) in Organisation geändert"
    assert decision_text("en", retyped, labels) == "changed the type of Anna (person:a) to organisation"


def test_i18n_filter_summary_in_german_names_filters_and_values() -> None:
    filters = Filters(types=("person",), relations=("visits", "leader_of"), min_mentions=2, focus="person:a", hops=1)
    assert filter_summary(filters, {"person:a": "Anna"}, (5, 9, 4), "de") == (
        "5 von 9 Entitäten, 4 Beziehungen · Typen: Person · Beziehungen: besucht, leitet · ≥ 2 Erwähnungen"
        " · gemeinsame Nennungen ab 2 Sätzen · Fokus: Anna (1 Schritt)")


def test_i18n_what_changed_headline_in_german() -> None:
    diff = {"entities": {"counts": {"new": 1, "vanished": 2}}, "relations": {"counts": {"new": 3, "vanished": 1}}}
    assert headline(diff, "de") == "1 neue Entität, 3 neue Beziehungen; verschwunden: 2 Entitäten, 1 Beziehung"
    assert headline(diff) == "1 new entity, 3 new relations; vanished: 2 entities, 1 relation"


def test_grouped_writes_thousands_as_each_language_does() -> None:
    assert grouped("en", 2412) == "2,412" and grouped("de", 2412) == "2.412" and grouped("de", 12) == "12"
