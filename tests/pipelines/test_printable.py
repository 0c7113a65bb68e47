from __future__ import annotations

import os

import pytest

from pipelines.printable import printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("a\nb.txt", "a\\nb.txt"), ("x\ry", "x\\ry"), ("\x1b[31mred", "\\x1b[31mred"), ("a\u2028b", "a\\u2028b")],
)
def test_printable_escapes_control_characters(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_printable_undecodable_file_name_byte_as_hex() -> None:
    assert printable(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"


def test_printable_leaves_text_and_is_idempotent() -> None:
    text = "Präsident Müller – „Zitat“ \\n"
    assert printable(text) == text
    assert printable(printable("a\nb\ud800")) == printable("a\nb\ud800")
