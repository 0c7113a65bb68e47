"""Long texts extracted in pieces: cut at paragraph breaks under a length, records joined back.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and the rules slow down faster
than linearly on very long texts (measured: 200,000 characters 6 s, 600,000 characters 23 s), while
a 10 MiB file may hold 10 million characters.  A text over MAX_PIECE_CHARS is therefore extracted in
pieces of at most that length, and the pieces' records are joined into one record whose offsets
point into the whole text, as stored.  An entity found in several pieces is one entity; surnames
and anaphors are resolved within a piece only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipelines.records import Article, Entity, Extraction, Mention, Relation, Sentence

MAX_PIECE_CHARS = 100_000
_CUTS = ("\n\n", "\n", ". ", " ")
"""Where a piece ends, in order of preference: after a paragraph, a line, a sentence, a word."""


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` in order, each at most ``limit`` characters."""
    spans, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, end: int) -> int:
    """The end of the last paragraph (else line, sentence, word) ending in ``text[start:end]``."""
    for separator in _CUTS:
        found = text.rfind(separator, start + 1, end)
        if found > start:
            return found + len(separator)
    return end


def piece_article(article: Article, start: int, end: int) -> Article:
    return replace(article, text=article.text[start:end])


def join_records(article: Article, parts: Sequence[tuple[int, Extraction]]) -> Extraction:
    """One record of ``article`` from the records of its pieces, each with the piece's start offset."""
    sentences: list[Sentence] = []
    entities: dict[str, Entity] = {}
    relations: list[Relation] = []
    for offset, part in parts:
        base = len(sentences)
        sentences += [Sentence(s.start + offset, s.end + offset) for s in part.sentences]
        relations += [replace(r, sentence=r.sentence + base) for r in part.relations]
        for entity in part.entities:
            entities[entity.id] = _joined(entities.get(entity.id), _shifted(entity, offset, base))
    first = parts[0][1]
    return replace(first, text=article.text, sentences=tuple(sentences), entities=tuple(entities.values()),
                   relations=tuple(relations))


def _shifted(entity: Entity, offset: int, base: int) -> Entity:
    mentions = tuple(_shifted_mention(m, offset, base) for m in entity.mentions)
    return replace(entity, mentions=mentions)


def _shifted_mention(mention: Mention, offset: int, base: int) -> Mention:
    return replace(mention, start=mention.start + offset, end=mention.end + offset, sentence=mention.sentence + base)


def _joined(earlier: Entity | None, later: Entity) -> Entity:
    """The entity of both pieces: the earlier label and type, attributes of both (earlier wins)."""
    if earlier is None:
        return later
    return replace(earlier, attrs={**later.attrs, **earlier.attrs}, mentions=earlier.mentions + later.mentions)
