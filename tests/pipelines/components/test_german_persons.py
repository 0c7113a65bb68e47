"""German person rules by structure: the name after a people's word, a name before "(Country)"."""

from __future__ import annotations

from pipelines.nlp import get_nlp


def persons(text: str) -> set[str]:
    doc = get_nlp("de", use_trained=False)(text)
    return {doc[c.start : c.end].text for c in doc._.kg_entities if c.type == "person"}


def test_german_persons_name_after_a_peoples_word_is_a_person() -> None:
    assert "Quandor Belnaki" in persons("Vermisst wird der Tunesier Quandor Belnaki seit Montag.")


def test_german_persons_no_person_from_a_noun_after_a_peoples_word() -> None:
    found = persons("Er arbeitete bei der Deutschen Vermögensverwaltung und traf den Tunesier am Hafen.")
    assert not found


def test_german_persons_name_before_a_bracketed_country_in_a_list() -> None:
    found = persons("Zum Gipfel kamen Morvan Keldrio (Guyana), Tesla Brun (Chile) und andere.")
    assert {"Morvan Keldrio", "Tesla Brun"} <= found


def test_german_persons_one_word_before_a_bracketed_country_is_no_person() -> None:
    assert not persons("Die Firma Quandel (Chile) wuchs.")
