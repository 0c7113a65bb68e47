from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.clean import (
    ALWAYS_DROP_PREFIXES,
    clean,
    clean_article,
    guess_title,
    is_boilerplate,
    normalize,
    split_site_name,
)

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "putin-nordkorea-escambray.de.txt"
SAMPLE_TITLE = "Wladimir Putin besucht Nordkorea zum ersten Mal seit mehr als 20 Jahren"


def test_clean_article_sample_title_without_site_name() -> None:
    title, _text = clean_article(SAMPLE.read_text(encoding="utf-8"))
    assert title == SAMPLE_TITLE


def test_clean_article_sample_text_starts_with_title_once() -> None:
    _title, text = clean_article(SAMPLE.read_text(encoding="utf-8"))
    assert text.startswith(SAMPLE_TITLE + "\n\nDer Kontext dieses Besuchs")
    assert text.count(SAMPLE_TITLE) == 1


def test_clean_article_sample_drops_navigation_and_site_name() -> None:
    _title, text = clean_article(SAMPLE.read_text(encoding="utf-8"))
    for unwanted in ("PREV", "NEXT", "Escambray", "Pizza", "Gaza", "\n-\n"):
        assert unwanted not in text


def test_clean_article_sample_keeps_body_and_caption() -> None:
    _title, text = clean_article(SAMPLE.read_text(encoding="utf-8"))
    assert "Kosmodrom Wostotschny in Russland. (Foto: Sputnik)." in text
    assert "so Putins Berater für internationale Politik, Juri Uschakow." in text
    assert text.endswith("wirtschaftliche Stabilität aufrechtzuerhalten.")


def test_clean_article_sample_keeps_kept_lines_verbatim() -> None:
    raw = SAMPLE.read_text(encoding="utf-8")
    _title, text = clean_article(raw)
    raw_lines = {line.strip() for line in raw.splitlines()}
    assert all(line in raw_lines or line == SAMPLE_TITLE for line in text.split("\n"))


def test_clean_returns_site_name() -> None:
    assert clean(SAMPLE.read_text(encoding="utf-8")).site_name == "Escambray"


def test_clean_article_given_title_is_prepended_once() -> None:
    title, text = clean_article("Erster Absatz des Artikels.\n\nZweiter Absatz.", "Eine Überschrift")
    assert (title, text) == ("Eine Überschrift", "Eine Überschrift\n\nErster Absatz des Artikels.\n\nZweiter Absatz.")


def test_clean_article_drops_repeats_of_given_title() -> None:
    raw = "Eine Überschrift | Site\n\nEine Überschrift\nErster Absatz."
    assert clean_article(raw, "Eine Überschrift | Site")[1] == "Eine Überschrift\n\nErster Absatz."


def test_clean_article_body_starting_with_title_is_not_prefixed() -> None:
    raw = "Putin in Pjöngjang: der Präsident ist angekommen."
    assert clean_article(raw, "Putin in Pjöngjang")[1] == raw


def test_clean_article_without_title_line_has_no_title() -> None:
    raw = "Der Präsident ist angekommen. Er bleibt zwei Tage.\n\nMehr folgt."
    assert clean_article(raw) == ("", raw)


def test_clean_article_normalizes_newlines_and_blank_runs() -> None:
    raw = "Titel\r\n\r\n\r\n\r\nErster Absatz.   \r\nNoch eine Zeile.\r\n\n\n\nZweiter Absatz.\t\n"
    assert clean_article(raw)[1] == "Titel\n\nErster Absatz.\nNoch eine Zeile.\n\nZweiter Absatz."


def test_clean_article_composes_to_nfc() -> None:
    decomposed = "Pra\u0308sident"
    assert clean_article(f"Der {decomposed} spricht.")[1] == "Der Präsident spricht."


def test_clean_article_dropped_line_keeps_paragraphs_apart() -> None:
    raw = "Erster Absatz.\nAnzeige\nZweiter Absatz."
    assert clean_article(raw)[1] == "Erster Absatz.\n\nZweiter Absatz."


def test_clean_article_only_boilerplate_gives_empty_text() -> None:
    assert clean_article("PREV Irgendwas\n-\n© 2024 Verlag") == ("", "")


@pytest.mark.parametrize(
    "line",
    [
        "-",
        "* * *",
        "PREV Das chilenische Pizzakochteam gewann drei Auszeichnungen",
        "NEXT Laut UN sind die Auswirkungen beispiellos",
        "Weiterlesen",
        "Lesen Sie auch: Was der Besuch bedeutet",
        "Mehr zum Thema",
        "Read more",
        "Related: Putin in Vietnam",
        "Advertisement",
        "Anzeige",
        "Share",
        "Share this article",
        "Teilen",
        "Previous article",
        "Next: Kim in Moskau",
        "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Mit der Nutzung stimmen Sie zu.",
        "We use cookies to improve your experience.",
        "© 2024 Escambray",
        "Copyright 2024 Reuters",
    ],
)
def test_is_boilerplate_drops_navigation_banners_and_notices(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Next week, the ministers will meet again in Hanoi.",
        "Share prices fell sharply after the announcement.",
        "Teilen sich die beiden Länder die Kosten, wird es billiger.",
        "Previously unknown documents were published on Monday.",
        "Nextera Energy reported record profits.",
        "Anzeigen gegen den Minister wurden erstattet.",
        "Der Präsident sprach.",
        "2024",
    ],
)
def test_is_boilerplate_keeps_sentences_that_start_alike(line: str) -> None:
    assert not is_boilerplate(line)


def test_always_drop_prefixes_are_data() -> None:
    assert "Lesen Sie auch" in ALWAYS_DROP_PREFIXES


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (SAMPLE_TITLE + " – Escambray", (SAMPLE_TITLE, "Escambray")),
        ("Putin reist nach Vietnam | DER SPIEGEL", ("Putin reist nach Vietnam", "DER SPIEGEL")),
        ("Putin travels to Vietnam - BBC News", ("Putin travels to Vietnam", "BBC News")),
        ("Putin reist weiter — tagesschau.de", ("Putin reist weiter", "tagesschau.de")),
        ("Kim Jong-un trifft Putin", ("Kim Jong-un trifft Putin", "")),
        ("Russland – Ukraine", ("Russland – Ukraine", "")),
        ("Gipfel in Hanoi – ein Bericht über vier lange Tage", ("Gipfel in Hanoi – ein Bericht über vier lange Tage", "")),
        ("", ("", "")),
    ],
)
def test_split_site_name_only_short_suffixes(title: str, expected: tuple[str, str]) -> None:
    assert split_site_name(title) == expected


def test_guess_title_takes_short_first_line() -> None:
    assert guess_title(["", "Putin besucht Nordkorea", "Text."]) == "Putin besucht Nordkorea"


def test_guess_title_rejects_sentence_and_long_line() -> None:
    assert guess_title(["Putin besucht Nordkorea."]) == ""
    assert guess_title(["Wort " * 50]) == ""


def test_normalize_removes_invisible_characters_and_line_separators() -> None:
    assert normalize("\ufeffA\u2028B\x0cC\x07") == "A\nB\nC"
