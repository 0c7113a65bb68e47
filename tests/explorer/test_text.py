"""Stored values made safe to show: inert text, dates that are real ISO dates or nothing, finite numbers."""

from __future__ import annotations

import html
import re

import pytest

from explorer.text import WORD_JOINER, inert, iso_day, number, plain

HOSTILE = ['![x](http://example.invalid/a.png)', "**bold** _it_ `code`", "<script>window.__xss=1</script>",
           ":red[red] :material/home: $E=mc^2$", "[link](javascript:alert(1))", "# heading | cell | ~~gone~~"]


@pytest.mark.parametrize("text", HOSTILE)
def test_inert_keeps_the_text_and_drops_every_syntax_character(text: str) -> None:
    out = inert(text)
    assert html.unescape(out).replace(WORD_JOINER, "") == text
    assert not set(re.sub(r"&#\d+;", "", out)) & set("![]()*_`<>:$|~#&")


def test_inert_breaks_bare_links_invisibly() -> None:
    assert html.unescape(inert("see http://a.example/x and www.b.example")) == f"see http:{WORD_JOINER}//a.example/x and www{WORD_JOINER}.b.example"


def test_inert_puts_text_on_one_line_and_shows_missing_values_as_empty() -> None:
    assert inert("a\nb\r\nc") == "a b c"
    assert inert(None) == "" and plain(float("nan")) == "" and plain(None, "d") == "d"


@pytest.mark.parametrize("stored", ["19.06.2024", "Wed, 19 Jun 2024 10:00:00 GMT", "2024-02-30", "2024-13-45",
                                    "", None, "abcd-ef-gh", "20240619", 20240619])
def test_iso_day_treats_every_stored_value_that_is_no_real_date_as_undated(stored: object) -> None:
    assert iso_day(stored) == ""


def test_iso_day_keeps_iso_dates_and_timestamps_as_their_day() -> None:
    assert iso_day("2024-06-19") == "2024-06-19" and iso_day("2024-06-19T10:00:00+02:00") == "2024-06-19"


@pytest.mark.parametrize(("stored", "expected"), [("0.5", 0.5), ("abc", 0.0), (None, 0.0), (float("inf"), 0.0), ("1e999", 0.0)])
def test_number_reads_junk_as_the_default(stored: object, expected: float) -> None:
    assert number(stored) == expected
