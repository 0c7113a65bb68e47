"""What the store cannot hold: NUL and lone surrogates, found without a regex walk."""

from __future__ import annotations

import pytest

from pipelines.store_write import is_storable, storable


@pytest.mark.parametrize("text", ["Kiel an der Ostsee", "„Zitat“ – 😀", "", "\u00e9t\u00e9"])
def test_store_write_is_storable_accepts_what_both_backends_hold(text: str) -> None:
    assert is_storable(text)
    assert storable(text) == text


@pytest.mark.parametrize("text", ["Ki\x00el", "Ki\ud800el", "\udfff", "\ud83d\ude00", "é\x00"])
def test_store_write_is_storable_refuses_nul_and_surrogates(text: str) -> None:
    assert not is_storable(text)
    assert is_storable(storable(text))
