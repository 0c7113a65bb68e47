"""The name after a noun for a kind of organisation (``german_rules.org_kind_candidates``)."""

from __future__ import annotations

from pipelines.components.german_rules import org_kind_word
from tests.pipelines.components.german_mentions import organizations


def test_org_kind_name_may_start_with_a_country_adjective_or_place() -> None:
    found = organizations("Die Versicherung Swiss Quandel wächst. Der Traditionsverein Preußen Morvenstedt verlor.")
    assert {"Swiss Quandel", "Preußen Morvenstedt"} <= found


def test_org_kind_quoted_name_and_english_words() -> None:
    assert "The Quandel" in organizations("Sein Foto erschien im Magazin „ The Quandel “ im Mai.")
    assert "Air Quandel One" in organizations("Die Fluggesellschaft Air Quandel One fliegt nach Rom.")


def test_org_kind_hyphenated_name_is_whole() -> None:
    assert "Nord-Ost-Quandel" in organizations("Der Vorsitzende des Arbeitgeberverbands Nord-Ost-Quandel sprach.")


def test_org_kind_second_name_after_und() -> None:
    assert {"Quandel", "Morvex"} <= organizations("Man einigte sich mit den Herstellern Quandel und Morvex am Montag.")


def test_org_kind_word_reads_inflected_forms() -> None:
    assert org_kind_word("Herstellern") and org_kind_word("Erstligisten") and org_kind_word("Verlags")
    assert not org_kind_word("Bandbreite")


def test_org_kind_lone_verband_heads_its_own_name() -> None:
    assert org_kind_word("Arbeitgeberverbands") and not org_kind_word("Verbands")


def test_org_kind_maker_after_marke_is_an_organisation() -> None:
    assert "Morvex" in organizations("Ein Lieferwagen der Marke Morvex stand dort.")


def test_org_kind_quoted_name_of_another_type_becomes_an_organisation() -> None:
    assert "Schröder" in organizations("Sie gründete 1950 die Literaturzeitschrift „Schröder“ in Kassel.")


def test_org_kind_noun_stays_outside_a_name_with_a_cue_word() -> None:
    found = organizations("Sie unterschrieb bei der Firma Quandel Media einen Vertrag.")
    assert "Quandel Media" in found and "Firma Quandel Media" not in found


def test_org_kind_person_named_firm_after_kind_word_is_an_organisation() -> None:
    assert "Carlo Morvexi" in organizations("Das Bankhaus Carlo Morvexi lagert Käse ein.")
