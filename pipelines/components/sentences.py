"""Which sentence each token belongs to, computed once per Doc from sentence boundaries."""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span


def sentence_of_tokens(sentences: Sequence[Span], length: int) -> list[int]:
    """Sentence index of every token of a Doc of ``length`` tokens (walks boundaries, not Token objects)."""
    index = [0] * length
    for n, sent in enumerate(sentences):
        index[sent.start : sent.end] = [n] * (sent.end - sent.start)
    return index
