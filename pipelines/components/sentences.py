"""Sentence boundaries: spaCy's sentencizer rule plus line breaks, computed on the Doc's arrays.

``Sentencizer`` and ``Token.is_sent_start`` create a Token object per token, and the setter
rescans the whole Doc on every call; here the boundaries are computed with numpy and written once.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from thinc.types import Ints2d

# ORTH ids of the characters after which spaCy's sentencizer ends a sentence.
PUNCT_IDS = numpy.array(sorted(get_string_id(c) for c in Sentencizer.default_punct_chars), dtype=numpy.uint64)


def split_sentences(doc: Doc) -> Doc:
    """Sentence starts as spaCy's ``sentencizer`` sets them (boundaries already set are kept), then
    ``break_at_lines``."""
    if not len(doc):
        return doc
    orths, punct, spaces, current = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SENT_START]).T
    signed = current.view(numpy.int64)
    starts = numpy.where(signed == 0, numpy.where(_sentencizer_starts(orths, punct), 1, -1), signed)
    return _write(doc, _with_line_breaks(doc, starts, orths, spaces))


def break_at_lines(doc: Doc) -> Doc:
    """A line break ends a sentence (titles and captions carry no full stop); white space opens none."""
    if len(doc) < 2:
        return doc
    if doc.has_annotation("DEP"):
        return _break_token_by_token(doc)
    orths, spaces, current = doc.to_array([ORTH, IS_SPACE, SENT_START]).T
    return _write(doc, _with_line_breaks(doc, current.view(numpy.int64).copy(), orths, spaces))


def _sentencizer_starts(orths: numpy.ndarray, punct: numpy.ndarray) -> numpy.ndarray:
    """Sentencizer.predict: a token that is no punctuation starts a sentence when a sentence-final
    character ("." "!" "?" …) stands between it and the previous such token; the first token starts one."""
    final = PUNCT_IDS[PUNCT_IDS.searchsorted(orths).clip(max=len(PUNCT_IDS) - 1)] == orths  # numpy.isin, faster
    plain = numpy.flatnonzero(~(punct.astype(bool) | final))
    finals_before = numpy.concatenate(([0], numpy.cumsum(final)))  # finals_before[i]: finals in [0, i)
    previous_plain = numpy.concatenate(([-1], plain[:-1]))
    guesses = numpy.zeros(len(orths), dtype=bool)
    guesses[plain[finals_before[plain] > finals_before[previous_plain + 1]]] = True
    guesses[0] = True
    return guesses


def _with_line_breaks(doc: Doc, starts: numpy.ndarray, orths: numpy.ndarray, spaces: numpy.ndarray) -> numpy.ndarray:
    """``starts`` (1 / -1 / 0 per token) with a start after each line break and none on white space."""
    strings = doc.vocab.strings
    # spaCy keeps at most one trailing " " per token, so every line break is inside a white-space token.
    for i in numpy.flatnonzero(spaces):
        if i + 1 < len(doc) and "\n" in strings[int(orths[i])]:
            starts[i + 1] = 1
    is_space = spaces.astype(bool)
    is_space[0] = False
    starts[is_space] = -1
    return starts


def _write(doc: Doc, starts: numpy.ndarray) -> Doc:
    column = starts.astype(numpy.int64).astype(numpy.uint64).reshape(-1, 1)
    doc.from_array([SENT_START], cast(Ints2d, column))
    return doc


def _break_token_by_token(doc: Doc) -> Doc:
    """The line-break rule through ``Token.is_sent_start``, which refuses a parsed Doc just as before."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            token.is_sent_start = False
        elif "\n" in previous.text:
            token.is_sent_start = True
    return doc
