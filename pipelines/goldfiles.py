"""Readers of NER gold files: GermEval 2014 TSV and CoNLL-2003 style columns.

Both yield sentences as tokens plus labelled token spans (end exclusive). Labels the scorer does not
score (GermEval's OTH and every ``*deriv`` / ``*part`` label) are kept with ``scored=False`` so that a
prediction exactly on such a span counts neither way. Each sentence carries the number of its document:
in a CoNLL file the sentences after a ``-DOCSTART-`` line share one (so the recogniser sees the whole
article, as ``ingest`` does); GermEval sentences, and CoNLL sentences before any ``-DOCSTART-``, are each
a document of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.errors import InputError

SCORED_LABELS = ("PER", "ORG", "LOC")
FORMATS = ("germeval", "conll")


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str
    scored: bool


@dataclass
class GoldSentence:
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    document: int = 0

    def spans(self) -> list[GoldSpan]:
        return bio_spans(self.tags)


def bio_spans(tags: list[str]) -> list[GoldSpan]:
    """Spans of a BIO (or IOB1) tag sequence; ``I-`` after another label opens a new span."""
    spans: list[GoldSpan] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        continues = prefix == "I" and name == label
        if label and not continues:
            spans.append(GoldSpan(start, i, label, label in SCORED_LABELS))
            label = ""
        if prefix in ("B", "I") and not continues:
            start, label = i, name
    return spans


def _columns(path: Path, fmt: str) -> Iterator[tuple[int, list[str]]]:
    try:
        with open(path, encoding="utf-8") as handle:
            yield from ((n, line.rstrip("\n").split("\t" if fmt == "germeval" else None)) for n, line in enumerate(handle, 1))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read the gold file ({err})") from err


def _token_tag(cells: list[str], fmt: str, where: str) -> tuple[str, str]:
    if fmt == "germeval" and len(cells) >= 3:
        return cells[1], cells[2]
    if fmt == "conll" and len(cells) >= 2:
        return cells[0], cells[-1]
    raise InputError(where, f"not a {fmt} line: expected {'index, token, outer tag' if fmt == 'germeval' else 'token … tag'} columns")


def read_gold(path: Path, fmt: str) -> Iterator[GoldSentence]:
    """Sentences of a GermEval (``fmt="germeval"``) or CoNLL (``fmt="conll"``) file, numbered by document."""
    if fmt not in FORMATS:
        raise InputError(str(path), f"unknown gold format {fmt!r}: use one of {', '.join(FORMATS)}")
    sentence, document, in_docstart = GoldSentence(), 0, False
    for number, cells in _columns(path, fmt):
        if not cells or not "".join(cells).strip() or cells[0] == "-DOCSTART-":
            if sentence.tokens:
                yield sentence
                document += 0 if in_docstart else 1
            if cells and cells[0] == "-DOCSTART-":
                document, in_docstart = document + (1 if in_docstart else 0), True
            sentence = GoldSentence(document=document)
        elif not (fmt == "germeval" and cells[0].startswith("#")):
            token, tag = _token_tag(cells, fmt, f"{path}:line {number}")
            sentence.tokens.append(token)
            sentence.tags.append(tag)
    if sentence.tokens:
        yield sentence


def sentences_with_limit(sentences: Iterable[GoldSentence], limit: int | None) -> Iterator[GoldSentence]:
    for n, sentence in enumerate(sentences):
        if limit is not None and n >= limit:
            return
        yield sentence
