"""Affix tables: the entries a word begins or ends with, in table order, as a scan of the table finds them."""

from __future__ import annotations

from pipelines.knowledge.affixes import Affixes
from pipelines.knowledge.agreements import agreement_kind
from pipelines.knowledge.relations import trigger_relation

ENDINGS = Affixes([("handelsabkommen", "trade"), ("abkommen", "agreement"), ("vertrag", "treaty"), ("ag", "short")], "end")


def test_affixes_first_is_the_earliest_entry_in_table_order() -> None:
    assert ENDINGS.first(["freihandelsabkommen"]) == ("freihandelsabkommen", "handelsabkommen", "trade")
    assert ENDINGS.first(["grenzvertrag"]) == ("grenzvertrag", "vertrag", "treaty")


def test_affixes_first_skips_entries_the_caller_refuses() -> None:
    longer = ENDINGS.first(["freihandelsabkommen"], lambda form, end, value: value != "trade")
    assert longer == ("freihandelsabkommen", "abkommen", "agreement")
    assert ENDINGS.first(["vertrag"], lambda form, end, value: len(form) > len(end)) == ("vertrag", "ag", "short")


def test_affixes_first_takes_the_earliest_entry_over_all_forms() -> None:
    # the second form matches an earlier entry than the first one does
    assert ENDINGS.first(["abkommensag", "abkommen"]) == ("abkommen", "abkommen", "agreement")
    assert ENDINGS.first(["pakt"]) is None


def test_affixes_at_start_match_word_beginnings_in_table_order() -> None:
    starts = Affixes([("besuch", "visits"), ("be", "short"), ("besuchte", "late")], "start")
    assert starts.first(["besuchten"]) == ("besuchten", "besuch", "visits")
    assert starts.first(["bereiste"]) == ("bereiste", "be", "short")
    assert starts.first(["reiste"]) is None


def test_affixes_keep_duplicate_entries_in_order() -> None:
    table = Affixes([("rat", "first"), ("rat", "second")], "end")
    assert table.first(["beirat"], lambda form, end, value: value == "second") == ("beirat", "rat", "second")
    assert table.first(["beirat"]) == ("beirat", "rat", "first")


def test_affixes_agreement_kind_reads_compounds_and_genitives() -> None:
    assert agreement_kind.__wrapped__("Freihandelsabkommens", "de") == "trade_agreement"
    assert agreement_kind.__wrapped__("Grenzvertrages", "de") == "treaty"
    assert agreement_kind.__wrapped__("vertrages", "de") is None  # no noun
    assert agreement_kind.__wrapped__("ideal", "en") is None  # no "deal" inside a word


def test_affixes_trigger_relation_keeps_whole_word_triggers_whole() -> None:
    assert trigger_relation.__wrapped__("besuchte", "de") == "visits"
    assert trigger_relation.__wrapped__("lauter", "de") is None
