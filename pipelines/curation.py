"""Applying curation decisions to the store's rows: decisions in, curated entity/mention/relation rows out.

Pure: ``Curation.build`` turns the decisions that hold (``pipelines.decisions``) into maps, and the
functions below rewrite the rows the store reads, so every reader (the explorer's snapshot, the
exports, an entity's card and a relation's evidence) sees the same curated graph.  Decisions are
applied in this order, whatever order they were taken in: splits (on the extracted ids), merges
(chains followed: B into A, then A into C puts B in C), renames and type changes, then rejections
(of an entity with every mention and relation it has, or of one aggregated relation).  A relation
that a merge turns into a loop (A meets A) is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipelines.decisions import Decision

Place = tuple[str, str, int]  # extracted entity id, document id, sentence index
SentencesOf = Callable[[Iterable[str], str], Mapping[Place, int]]


@dataclass(frozen=True)
class Split:
    """A name split off an entity: the sentences (of ``sources``, the extracted ids that made up the
    entity) naming it by exactly ``alias`` belong to ``new_id``; ``sentences`` counts those mentions."""

    sources: frozenset[str]
    alias: str
    new_id: str
    sentences: Mapping[Place, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Curation:
    """The decisions that hold, as maps.  ``merged``: id -> the id it was merged into (one step)."""

    merged: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    types: Mapping[str, str] = field(default_factory=dict)
    splits: tuple[Split, ...] = ()
    rejected_entities: frozenset[str] = frozenset()
    rejected_edges: frozenset[str] = frozenset()

    @classmethod
    def build(cls, decisions: Sequence[Decision], sentences_of: SentencesOf | None = None) -> Curation:
        """The curation of the decisions that hold; ``sentences_of(ids, alias)`` finds where the
        extracted ids are named ``alias`` (the store's query; none when not given)."""
        active = [d for d in decisions if d.active]
        merged: dict[str, str] = {}
        for d in (d for d in active if d.kind == "merge"):
            keep, drop = _follow(merged, str(d.payload.get("keep"))), _follow(merged, str(d.payload.get("drop")))
            if keep != drop:
                merged[drop] = keep
        base = cls(merged=merged)
        splits = tuple(base._split(d, sentences_of) for d in active if d.kind == "split")
        return cls(merged, _by_entity(base, active, "rename", "label"), _by_entity(base, active, "retype", "type"),
                   splits, frozenset(base.canonical(str(d.payload.get("entity"))) for d in active if d.kind == "reject-entity"),
                   frozenset(base.edge(str(d.payload.get("edge"))) for d in active if d.kind == "reject-relation"))

    def _split(self, decision: Decision, sentences_of: SentencesOf | None) -> Split:
        sources = self.preimage(str(decision.payload.get("entity")))
        alias = str(decision.payload.get("alias"))
        found = sentences_of(sorted(sources), alias) if sentences_of else {}
        return Split(frozenset(sources), alias, str(decision.payload.get("new_id")), dict(found))

    @property
    def empty(self) -> bool:
        return not (self.merged or self.labels or self.types or self.splits or self.rejected_entities or self.rejected_edges)

    def canonical(self, entity_id: str) -> str:
        """The id an entity id ends up as after the merges."""
        return _follow(self.merged, entity_id)

    def edge(self, edge_id: str) -> str:
        """An edge id (``source|relation|target``) with both ends merged; other text as it is."""
        parts = edge_id.split("|")
        return "|".join((self.canonical(parts[0]), parts[1], self.canonical(parts[2]))) if len(parts) == 3 else edge_id

    def preimage(self, entity_id: str) -> set[str]:
        """The ids that end up as ``entity_id`` after the merges (itself included)."""
        return {entity_id} | {old for old in self.merged if self.canonical(old) == entity_id}

    def candidates(self, entity_id: str) -> set[str]:
        """The extracted ids whose facts may end up at ``entity_id`` (through merges or a split)."""
        found = self.preimage(entity_id)
        for split in self.splits:
            if self.canonical(split.new_id) == entity_id:
                found |= split.sources
        return found

    def at(self, entity_id: str, document_id: str, sentence: int) -> str:
        """The curated id of an extracted id in one sentence: a split moves it, then merges apply."""
        for split in self.splits:
            if entity_id in split.sources and (entity_id, document_id, sentence) in split.sentences:
                return self.canonical(split.new_id)
        return self.canonical(entity_id)

    def mention_at(self, entity_id: str, document_id: str, sentence: int, text: str) -> str:
        """The curated id of one mention: a split moves the mentions by its name only."""
        for split in self.splits:
            if entity_id in split.sources and text == split.alias and (entity_id, document_id, sentence) in split.sentences:
                return self.canonical(split.new_id)
        return self.canonical(entity_id)

    def hidden(self, entity_id: str) -> bool:
        """True for an id that is gone: rejected, or merged into another."""
        return entity_id in self.rejected_entities or entity_id in self.merged

    def moved(self) -> dict[tuple[str, str], dict[str, int]]:
        """(extracted id, document) -> curated id -> mentions a split moves there."""
        found: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        for split in self.splits:
            target = self.canonical(split.new_id)
            for (entity_id, document_id, _), count in split.sentences.items():
                per = found[(entity_id, document_id)]
                per[target] = per.get(target, 0) + count
        return found


def _follow(merged: Mapping[str, str], entity_id: str) -> str:
    seen = {entity_id}
    while entity_id in merged and merged[entity_id] not in seen:
        entity_id = merged[entity_id]
        seen.add(entity_id)
    return entity_id


def _by_entity(curation: Curation, decisions: Iterable[Decision], kind: str, key: str) -> dict[str, str]:
    """The latest value of ``key`` per (merged) entity among decisions of ``kind``."""
    return {curation.canonical(str(d.payload.get("entity"))): str(d.payload.get(key)) for d in decisions if d.kind == kind}


# -- rows ------------------------------------------------------------------------------


def entity_rows(curation: Curation, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Entity rows (id, type, label, attrs, …) without merged-away and rejected ones, renamed and
    retyped, with an entity per split name; by id."""
    by_id = {str(row["id"]): dict(row) for row in rows}
    for split in curation.splits:
        new_id, source = split.new_id, next((by_id[s] for s in sorted(split.sources) if s in by_id), None)
        if source is not None and new_id not in by_id and curation.canonical(new_id) == new_id:
            by_id[new_id] = {**source, "id": new_id, "label": split.alias, "attrs": {}}
    kept = [row for entity_id, row in by_id.items() if not curation.hidden(entity_id)]
    for row in kept:
        row["label"] = curation.labels.get(row["id"], row["label"])
        row["type"] = curation.types.get(row["id"], row["type"])
    return sorted(kept, key=lambda row: row["id"])


def mention_counts(curation: Curation, rows: Iterable[Sequence[Any]]) -> list[tuple[str, str, int]]:
    """``(entity_id, document_id, count)`` rows with splits moved and merged entities summed; by document."""
    moved, totals = curation.moved(), defaultdict[tuple[str, str], int](int)
    for entity_id, document_id, count in rows:
        rest = int(count)
        for target, n in moved.get((entity_id, document_id), {}).items():
            totals[(target, document_id)] += min(n, rest)
            rest -= min(n, rest)
        totals[(curation.canonical(entity_id), document_id)] += rest
    kept = ((e, d, n) for (e, d), n in totals.items() if n > 0 and e not in curation.rejected_entities)
    return sorted(kept, key=lambda row: (row[1], row[0]))


def relation_rows(curation: Curation, rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Relation sentence rows (source, relation, target, document_id, sentence, …) with both ends
    curated; loops, rejected entities and rejected relations dropped, duplicates kept once."""
    found: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for row in rows:
        source, relation, target, document_id, sentence = row[:5]
        s, t = curation.at(source, document_id, sentence), curation.at(target, document_id, sentence)
        if s == t or s in curation.rejected_entities or t in curation.rejected_entities:
            continue
        if f"{s}|{relation}|{t}" in curation.rejected_edges:
            continue
        found.setdefault((s, relation, t, document_id, sentence), (s, relation, t, *row[3:]))
    return [found[key] for key in sorted(found)]


def aliases(curation: Curation, names: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Entity id -> its names, merged entities' names joined and split names moved; sorted."""
    found: dict[str, set[str]] = defaultdict(set)
    for entity_id, values in names.items():
        found[curation.canonical(entity_id)].update(values)
    for split in curation.splits:
        for source in split.sources:
            found.get(curation.canonical(source), set()).discard(split.alias)
        found[curation.canonical(split.new_id)].add(split.alias)
    return {e: sorted(v) for e, v in sorted(found.items()) if v and e not in curation.rejected_entities}


def redirects(curation: Curation, stored: Mapping[str, str]) -> dict[str, str]:
    """Old id -> the id it ends up as: the store's own redirects and the merges."""
    found = {old: curation.canonical(new) for old, new in stored.items()}
    found.update({old: curation.canonical(old) for old in curation.merged})
    return {old: new for old, new in sorted(found.items()) if old != new}


# -- aggregates (what ``Store.entities`` and ``Store.relations`` give) -----------------


def entity_counts(
    entities: Iterable[Mapping[str, Any]], mentions: Iterable[Sequence[Any]], relations: Iterable[Sequence[Any]],
) -> list[dict[str, Any]]:
    """Entity rows with ``mention_count`` and ``document_count`` (mentioning or related documents)."""
    mention_total: dict[str, int] = defaultdict(int)
    documents: dict[str, set[str]] = defaultdict(set)
    for entity_id, document_id, count in mentions:
        mention_total[entity_id] += int(count)
        documents[entity_id].add(document_id)
    for source, _, target, document_id, *_ in relations:
        documents[source].add(document_id)
        documents[target].add(document_id)
    return [{**row, "mention_count": mention_total.get(row["id"], 0), "document_count": len(documents.get(row["id"], ()))}
            for row in entities]


def aggregate_relations(rows: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """Relation sentences (source, relation, target, document_id, sentence, modality, score, basis)
    aggregated per (source, relation, target) as ``Store.relations()`` gives them."""
    groups: dict[tuple[str, str, str], list[Sequence[Any]]] = defaultdict(list)
    for row in rows:
        groups[(row[0], row[1], row[2])].append(row)
    return [_aggregate(key, group) for key, group in sorted(groups.items())]


def _aggregate(key: tuple[str, str, str], rows: list[Sequence[Any]]) -> dict[str, Any]:
    modalities: dict[str, int] = defaultdict(int)
    for row in rows:
        modalities[row[5]] += 1
    return {"source": key[0], "relation": key[1], "target": key[2], "count": len(rows),
            "documents": len({row[3] for row in rows}), "score": max(row[6] for row in rows),
            "basis": max(row[7] for row in rows), "modalities": dict(modalities)}
