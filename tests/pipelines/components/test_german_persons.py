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


def test_german_persons_speaker_after_name_particles() -> None:
    assert "van der Quandt" in persons("„Wir bleiben“, sagte van der Quandt.")


def test_german_persons_no_speaker_from_von_and_a_noun() -> None:
    assert not persons("Das erklärte von Anfang an jeder im Saal.")


def test_german_persons_given_name_opening_a_sentence_is_a_person() -> None:
    assert "Judith" in persons("Am Abend kam sie. Judith hat sich getraut.")


def test_german_persons_noun_surname_keeps_its_hyphenated_part() -> None:
    assert "Hedi Weiler-Quandt" in persons("Das erklärte die Stadträtin Hedi Weiler-Quandt gestern.")


def test_german_persons_family_name_keeps_a_hyphenated_syllable() -> None:
    assert "Wong Lar-wai" in persons("Sie drehte mit Wong Lar-wai einen Film.")


def test_german_persons_unknown_word_after_an_article_opens_no_name() -> None:
    assert persons("Er schrieb, dass der Genosse Rüttgers recht habe.") == {"Rüttgers"}
