from __future__ import annotations

import pytest

from pipelines.language import SAMPLE_CHARS, detect_language, normalize_code

GERMAN = (
    "Der russische Präsident Wladimir Putin hat seinen ersten Besuch in Nordkorea seit mehr "
    "als zwei Jahrzehnten angetreten. Während seines Aufenthalts traf er sich mit örtlichen "
    "Behörden und betonte die Bedeutung einer Stärkung der Beziehungen."
)
ENGLISH = (
    "Russian President Vladimir Putin arrived in Pyongyang for his first visit to North Korea "
    "in more than two decades. He met local officials and stressed the importance of closer "
    "ties between the two countries."
)


def test_detect_language_german_paragraph() -> None:
    assert detect_language(GERMAN) == "de"


def test_detect_language_english_paragraph() -> None:
    assert detect_language(ENGLISH) == "en"


def test_detect_language_short_headline() -> None:
    assert detect_language("Putin besucht Nordkorea") == "de"


def test_detect_language_hint_wins() -> None:
    assert detect_language(GERMAN, hint="en") == "en"


@pytest.mark.parametrize("hint", [None, "", "auto", "AUTO"])
def test_detect_language_auto_hint_detects(hint: str | None) -> None:
    assert detect_language(ENGLISH, hint=hint) == "en"


@pytest.mark.parametrize("text", ["", "   \n", "12345 67", "--- !!! ???", "2024-06-19"])
def test_detect_language_no_letters_is_xx(text: str) -> None:
    assert detect_language(text) == "xx"


def test_detect_language_reads_only_the_start() -> None:
    text = GERMAN * (SAMPLE_CHARS // len(GERMAN) + 1) + ENGLISH * 50
    assert detect_language(text) == "de"


def test_detect_language_other_scripts() -> None:
    assert detect_language("Президент России Владимир Путин посетил Северную Корею.") == "ru"


@pytest.mark.parametrize(("code", "expected"), [("de", "de"), ("DE", "de"), ("de-DE", "de"), ("en_US", "en"), (" fr ", "fr")])
def test_normalize_code_primary_subtag(code: str, expected: str) -> None:
    assert normalize_code(code) == expected


@pytest.mark.parametrize("code", ["german", "d", "1e", "de DE"])
def test_normalize_code_rejects_non_codes(code: str) -> None:
    with pytest.raises(ValueError, match="ISO 639-1"):
        normalize_code(code)


@pytest.mark.parametrize("code", ["zz", "qq", "xyz"])
def test_normalize_code_rejects_codes_that_name_no_language(code: str) -> None:
    with pytest.raises(ValueError, match="use auto \\(detect per article\\), de, en, or another ISO 639-1 code"):
        normalize_code(code)


def test_normalize_code_three_letter_code_becomes_two_letter() -> None:
    assert (normalize_code("deu"), normalize_code("eng")) == ("de", "en")
