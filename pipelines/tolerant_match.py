"""Tolerant entity matching: how outside checks match extracted entities to gold ones.

An extracted entity matches a gold entity of the same type when their ids are equal, or when the slug of
the extracted entity's label or of one of its mention texts equals the slug of the gold label or the
name part of the gold id ("organization:un" ~ an entity labelled "UN"). Each entity is matched at most
once: exact ids first, then the remaining ones in gold order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pipelines.keys import slug
from pipelines.records import Entity, Extraction


@dataclass(frozen=True)
class EntityMatch:
    """The outcome of matching one article: matched pairs, unmatched extracted ids, unmatched gold ids."""

    pairs: tuple[tuple[str, str], ...]
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]


def _gold_type(gold: Mapping[str, Any]) -> str:
    return str(gold.get("type") or gold["id"].split(":", 1)[0])


def gold_keys(gold: Mapping[str, Any]) -> set[str]:
    """Slugs that name a gold entity: its label's and its id's name part."""
    keys = {slug(gold["id"].split(":", 1)[-1])}
    return keys | ({slug(str(gold["label"]))} if gold.get("label") else set())


def entity_keys(entity: Entity) -> set[str]:
    """Slugs that name an extracted entity: its label's and its mention texts'."""
    return {slug(entity.label), *(slug(m.text) for m in entity.mentions)}


def match_entities(record: Extraction, golds: Iterable[Mapping[str, Any]]) -> EntityMatch:
    """Match the record's non-agreement entities to the gold entities, one to one."""
    free = {e.id: e for e in record.entities if e.type != "agreement"}
    golds = list(golds)
    pairs = [(g["id"], g["id"]) for g in golds if free.pop(g["id"], None) is not None]
    matched = {gold_id for gold_id, _ in pairs}
    for gold in (g for g in golds if g["id"] not in matched):
        found = _tolerant(free.values(), gold)
        if found is not None:
            pairs.append((gold["id"], free.pop(found).id))
            matched.add(gold["id"])
    missed = tuple(g["id"] for g in golds if g["id"] not in matched)
    return EntityMatch(tuple(pairs), tuple(sorted(free)), missed)


def _tolerant(candidates: Iterable[Entity], gold: Mapping[str, Any]) -> str | None:
    kind, keys = _gold_type(gold), gold_keys(gold)
    return next((e.id for e in candidates if e.type == kind and entity_keys(e) & keys), None)
