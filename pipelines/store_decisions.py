"""The store's side of curation: writing and reading decisions, and the curated reads.

Decisions are rows of their own (``schema.DECISIONS``); the extracted facts are never changed by
them, so a re-ingest replaces facts and the decisions still apply.  ``curation_of`` builds the
``pipelines.curation.Curation`` a read applies; the functions below read the rows a curated answer
needs, by extracted id (``Curation.candidates``), and leave the rewriting to ``pipelines.curation``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from pipelines import curation as curate
from pipelines import schema as sql
from pipelines.backends import Backend
from pipelines.curation import Curation, Place
from pipelines.decisions import Decision


def now() -> str:
    """The time a decision is taken or undone (UTC, ISO 8601, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_decision(db: Backend, kind: str, payload: Mapping[str, Any], who: str) -> int:
    """Store a decision inside the caller's write transaction; its new id."""
    db.execute(sql.INSERT_DECISION, {"kind": kind, "payload": json.dumps(dict(payload), ensure_ascii=False, sort_keys=True),
                                     "who": who, "decided_at": now()})
    return int(db.scalar(sql.LAST_DECISION))


def undo_decisions(db: Backend, ids: Iterable[int], who: str) -> None:
    """Mark decisions undone inside the caller's write transaction."""
    db.executemany(sql.UNDO_DECISION, [{"id": int(i), "undone_at": now(), "undone_by": who} for i in ids])


def decisions(db: Backend) -> list[Decision]:
    """Every decision, undone ones included, oldest first."""
    return [Decision.from_row(row) for row in db.rows(sql.DECISIONS)]


def curation_of(db: Backend) -> Curation:
    """The curation the decisions that hold make (empty without any)."""
    found = decisions(db)
    return Curation.build(found, lambda ids, alias: _alias_sentences(db, ids, alias)) if found else Curation()


def _alias_sentences(db: Backend, entity_ids: Iterable[str], alias: str) -> dict[Place, int]:
    found: dict[Place, int] = {}
    for entity_id in entity_ids:
        for document_id, sentence, count in db.tuples(sql.ALIAS_SENTENCES, {"entity_id": entity_id, "alias": alias}):
            found[(entity_id, document_id, int(sentence))] = int(count)
    return found


def mention_texts(db: Backend, curation: Curation, entity_id: str) -> list[str]:
    """The names a (curated) entity is mentioned by, most used first."""
    untouched = curation.candidates(entity_id) == {entity_id} and not any(entity_id in s.sources for s in curation.splits)
    if untouched:  # one grouped query instead of reading every mention
        return [row[0] for row in db.tuples(sql.MENTION_TEXTS, {"entity_id": entity_id})]
    counts: dict[str, int] = {}
    for row in curated_mentions(db, curation, entity_id):
        counts[row["text"]] = counts.get(row["text"], 0) + 1
    return sorted(counts, key=lambda text: (-counts[text], text))


def curated_mentions(db: Backend, curation: Curation, entity_id: str) -> list[dict[str, Any]]:
    """Every mention of a curated entity (``Store.mentions`` rows), newest document first."""
    found = []
    for candidate in sorted(curation.candidates(entity_id)):
        for row in db.rows(sql.MENTIONS, {"entity_id": candidate}):
            if curation.mention_at(candidate, row["document_id"], int(row["sentence"]), row["text"]) == entity_id:
                found.append(row)
    return sorted(found, key=_newest_first)


def curated_evidence(db: Backend, curation: Curation, source: str, relation: str, target: str) -> list[dict[str, Any]]:
    """The evidence sentences of one curated relation (``Store.evidence`` rows); none when rejected."""
    if curation.hidden(source) or curation.hidden(target) or f"{source}|{relation}|{target}" in curation.rejected_edges:
        return []
    found: dict[tuple[str, int], dict[str, Any]] = {}
    for s in sorted(curation.candidates(source)):
        for t in sorted(curation.candidates(target)):
            for row in db.rows(sql.EVIDENCE, {"source": s, "relation": relation, "target": t}):
                place = (row["document_id"], int(row["sentence"]))
                if curation.at(s, *place) == source and curation.at(t, *place) == target:
                    found.setdefault(place, row)
    return sorted(found.values(), key=_newest_first)


def _newest_first(row: Mapping[str, Any]) -> tuple[Any, ...]:
    published = str(row.get("document_published") or "")
    # Descending by date as the SQL orders it: invert each character.
    return (tuple(-ord(c) for c in published) + (1,), row["document_id"], int(row["sentence"]), int(row.get("start") or 0))


def page_of_articles(rows: list[dict[str, Any]], articles: int, offset: int) -> list[dict[str, Any]]:
    """The rows of ``articles`` articles after skipping ``offset`` (rows already newest first)."""
    order = list(dict.fromkeys(row["document_id"] for row in rows))
    chosen = set(order[max(0, offset): max(0, offset) + max(0, articles)])
    return [row for row in rows if row["document_id"] in chosen]


def curated_entities(db: Backend, curation: Curation) -> list[dict[str, Any]]:
    """``Store.entities()`` rows of the curated graph (attrs still JSON text)."""
    mentions = curate.mention_counts(curation, db.tuples(sql.MENTION_COUNTS))
    relations = curate.relation_rows(curation, db.tuples(sql.RELATION_ROWS))
    return curate.entity_counts(curate.entity_rows(curation, db.rows(sql.ENTITY_ROWS)), mentions, relations)


def curated_relations(db: Backend, curation: Curation) -> list[dict[str, Any]]:
    """``Store.relations()`` rows of the curated graph."""
    return curate.aggregate_relations(curate.relation_rows(curation, db.tuples(sql.RELATION_SENTENCES)))


def stamp(db: Backend) -> str:
    """Changes whenever a decision is taken or undone."""
    rows = db.tuples(sql.DECISIONS_STAMP)
    return "/".join(str(value) for value in rows[0]) if rows else ""
