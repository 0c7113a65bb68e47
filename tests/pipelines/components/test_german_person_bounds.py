"""German person rules about a person's bounds: joined names, initials, genitives, names of bodies and streets."""

from __future__ import annotations

from pipelines.nlp import get_nlp


def entities(text: str) -> set[tuple[str, str]]:
    doc = get_nlp("de", use_trained=False)(text)
    return {(c.type, doc[c.start : c.end].text) for c in doc._.kg_entities}


def persons(text: str) -> set[str]:
    return {mention for etype, mention in entities(text) if etype == "person"}


def test_german_person_bounds_joined_name_keeps_all_its_words() -> None:
    assert persons("Das Buch schrieb Wilton Mary Tolvard im Winter.") == {"Wilton Mary Tolvard"}


def test_german_person_bounds_no_name_joined_that_repeats_a_word() -> None:
    assert "Wilton Mary Wilton" not in persons("Das Buch schrieb Wilton Mary Wilton im Winter.")


def test_german_person_bounds_two_initials_before_an_unknown_surname() -> None:
    assert persons("Den Titel gewann er vor K. L. Marvelko.") == {"K. L. Marvelko"}


def test_german_person_bounds_no_person_from_an_initial_before_a_noun() -> None:
    assert not persons("Die Regel gilt nach Abschnitt B. Verwaltungsvorschrift.")


def test_german_person_bounds_unknown_genitive_before_a_noun_is_a_person() -> None:
    doc = get_nlp("de", use_trained=False)("Die Kritik zielte auf Belvanis Stil.")
    assert [(c.label, c.id) for c in doc._.kg_entities if c.type == "person"] == [("Belvani", "person:belvani")]


def test_german_person_bounds_no_person_from_a_genitive_after_an_article() -> None:
    assert not persons("Der Streit um des Belvanis Stil dauert an.")


def test_german_person_bounds_name_after_a_publishers_word_is_an_organisation() -> None:
    found = entities("Das Buch erschien im Verlag Jonas Quint in Bern.")
    assert ("organization", "Jonas Quint") in found and not persons("Das Buch erschien im Verlag Jonas Quint in Bern.")


def test_german_person_bounds_name_ending_in_a_street_word_is_a_place() -> None:
    assert ("place", "Jakob Quandelstraße") in entities("Sie wohnt in der Jakob Quandelstraße.")


def test_german_person_bounds_range_of_weekdays_is_no_person() -> None:
    assert not persons("Geöffnet ist Mo-Fr ab 9 Uhr.")


def test_german_person_bounds_surname_word_after_an_article_is_a_common_noun() -> None:
    assert not persons("Am Hafen verkaufte der Fischer seinen Fang.")


def test_german_person_bounds_surname_after_a_relative_article_stays_a_person() -> None:
    assert "Brown" in persons("Das ist das Haus, in dem Brown wohnte.")


def test_german_person_bounds_name_after_a_regional_adjective_is_a_place() -> None:
    assert ("place", "Ashford") in entities("Die Flugzeuge werden im englischen Ashford gebaut.")


def test_german_person_bounds_genitive_name_stops_before_a_compound_noun() -> None:
    assert persons("Das war Heidi Quandts Modelsuche im Fernsehen.") == {"Heidi Quandts"}


def test_german_person_bounds_surname_of_a_named_person_is_no_place() -> None:
    found = entities("Der Brief von Ernst von Weizsäcker lag vor. Weizsäcker schwieg.")
    assert ("person", "Weizsäcker") in found and ("place", "Weizsäcker") not in found


def test_german_person_bounds_no_person_from_a_month_before_a_name() -> None:
    assert persons("Im August Rüttgers traf er ihn.") == {"Rüttgers"}


def test_german_person_bounds_initial_before_a_surname_in_mann() -> None:
    assert persons("Das Buch schrieb K. Quandelmann allein.") == {"K. Quandelmann"}


def test_german_person_bounds_given_name_after_an_indefinite_article_is_no_person() -> None:
    assert not persons("Sie spielten mit einer Tom und zwei Becken.")


def test_german_person_bounds_no_person_from_a_foreign_surname_opening_a_compound() -> None:
    assert not persons("Der Quandović-Plan scheiterte im Rat.")
