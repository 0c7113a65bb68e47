"""What changed between two periods: the entities and relations that are new in the later one and
those that vanished from it, with counts.  Pure logic on plain rows; ``changes_in(store, …)`` reads
them from a store, and the explorer passes its snapshot's rows.

The periods, for ``since`` and an optional ``until`` (both inclusive ISO days, or timestamps):

- before: documents dated before ``since``;
- after: documents dated from ``since`` to ``until`` (open when ``until`` is "").

"Dated" means ``published`` (``by="published"``: undated documents are in neither period and are
counted apart) or ``ingested_at`` (``by="ingested"``: every document has one).  An entity is present
in a period when a document of it mentions or relates it; a relation (``source|relation|target``)
when a document of it holds an evidence sentence.  New: present after, not before.  Vanished:
present before, not after.  ``last_ingest(...)`` finds where the latest ingest run began, for
"since the last ingest".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.store import Store

BY = ("published", "ingested")
LAST_INGEST = "last-ingest"
RUN_GAP = dt.timedelta(minutes=10)  # ingest batches closer than this belong to one run
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadDate(ValueError):
    """A period bound that is no ISO date (the message says which and what to give)."""


@dataclass(frozen=True)
class Rows:
    """What a diff reads.  documents: id -> (published, ingested_at); mentions: (entity_id,
    document_id, count); relations: (source, relation, target, document_id); entities: id ->
    (label, type)."""

    documents: Mapping[str, tuple[str, str]]
    mentions: Sequence[tuple[str, str, int]]
    relations: Sequence[tuple[str, str, str, str]]
    entities: Mapping[str, tuple[str, str]]


def checked_day(value: str) -> str:
    """``value`` if it is a real ``YYYY-MM-DD`` day (or a full ISO timestamp); else ``BadDate``."""
    text = value.strip()
    try:
        if _DAY.fullmatch(text):
            dt.date.fromisoformat(text)
            return text
        if _DAY.match(text):
            dt.datetime.fromisoformat(text)
            return text
    except ValueError:
        pass
    raise BadDate(f"{value!r} is not a date: give YYYY-MM-DD, e.g. 2024-05-13")


def last_ingest(ingested: Iterable[str]) -> str:
    """The timestamp at which the latest ingest run began ("" when nothing is stored): batches
    follow each other less than ``RUN_GAP`` apart within a run."""
    stamps = sorted({s for s in ingested if s})
    start = len(stamps) - 1
    while start > 0 and _gap(stamps[start - 1], stamps[start]) < RUN_GAP:
        start -= 1
    return stamps[start] if stamps else ""


def _gap(earlier: str, later: str) -> dt.timedelta:
    try:
        return dt.datetime.fromisoformat(later) - dt.datetime.fromisoformat(earlier)
    except (TypeError, ValueError):
        return RUN_GAP  # an unreadable stamp starts its own run


def periods(rows: Rows, since: str, until: str = "", by: str = "published") -> tuple[set[str], set[str], int]:
    """Ids of the documents before and after ``since`` (see the module docstring), and how many
    documents are in neither because they are undated."""
    before, after, undated = set(), set(), 0
    for doc_id, (published, ingested) in rows.documents.items():
        when = ingested if by == "ingested" else published[:10]
        if not _DAY.match(when or ""):
            undated += 1
        elif when < since:
            before.add(doc_id)
        elif not until or when[: len(until)] <= until:
            after.add(doc_id)
    return before, after, undated


def changes(rows: Rows, since: str, until: str = "", by: str = "published") -> dict[str, Any]:
    """The diff as a JSON-ready dict: since, until, by; documents {before, after, undated};
    entities and relations, each {counts {before, after, new, vanished}, new [...], vanished [...]}.
    An entity entry: id, label, type, mentions (in its period), documents; a relation entry: id,
    source, relation, target, sentences, documents.  Most mentioned / best supported first."""
    before, after, undated = periods(rows, since, until, by)
    return {"since": since, "until": until, "by": by,
            "documents": {"before": len(before), "after": len(after), "undated": undated},
            "entities": _compare(_entity_counts(rows, before), _entity_counts(rows, after),
                                 lambda key, n, d: _entity_entry(rows, key, n, d)),
            "relations": _compare(_relation_counts(rows, before), _relation_counts(rows, after), _relation_entry)}


def _compare(old: Mapping[str, tuple[int, int]], new: Mapping[str, tuple[int, int]], entry: Any) -> dict[str, Any]:
    """Counts and entries of what only ``new`` has and what only ``old`` has."""
    added = sorted((k for k in new if k not in old), key=lambda k: (-new[k][0], k))
    gone = sorted((k for k in old if k not in new), key=lambda k: (-old[k][0], k))
    return {"counts": {"before": len(old), "after": len(new), "new": len(added), "vanished": len(gone)},
            "new": [entry(k, *new[k]) for k in added], "vanished": [entry(k, *old[k]) for k in gone]}


def _entity_counts(rows: Rows, documents: set[str]) -> dict[str, tuple[int, int]]:
    """Entity id -> (mentions, documents) within the documents (relation ends count as present)."""
    mentions: Counter[str] = Counter()
    seen: dict[str, set[str]] = {}
    for entity_id, doc_id, count in rows.mentions:
        if doc_id in documents:
            mentions[entity_id] += int(count)
            seen.setdefault(entity_id, set()).add(doc_id)
    for source, _, target, doc_id in rows.relations:
        if doc_id in documents:
            seen.setdefault(source, set()).add(doc_id)
            seen.setdefault(target, set()).add(doc_id)
    return {entity_id: (mentions[entity_id], len(docs)) for entity_id, docs in seen.items()}


def _relation_counts(rows: Rows, documents: set[str]) -> dict[str, tuple[int, int]]:
    """Edge id -> (sentences, documents) within the documents."""
    sentences: Counter[str] = Counter()
    seen: dict[str, set[str]] = {}
    for source, relation, target, doc_id in rows.relations:
        if doc_id in documents:
            key = f"{source}|{relation}|{target}"
            sentences[key] += 1
            seen.setdefault(key, set()).add(doc_id)
    return {key: (sentences[key], len(docs)) for key, docs in seen.items()}


def _entity_entry(rows: Rows, entity_id: str, mentions: int, documents: int) -> dict[str, Any]:
    label, kind = rows.entities.get(entity_id, (entity_id, ""))
    return {"id": entity_id, "label": label, "type": kind, "mentions": mentions, "documents": documents}


def _relation_entry(edge_id: str, sentences: int, documents: int) -> dict[str, Any]:
    source, relation, target = edge_id.split("|", 2)
    return {"id": edge_id, "source": source, "relation": relation, "target": target,
            "sentences": sentences, "documents": documents}


def store_rows(store: Store) -> Rows:
    """The rows a diff reads, from a ``pipelines.store.Store``."""
    documents = {d["id"]: (str(d.get("published") or ""), str(d.get("ingested_at") or "")) for d in store.documents()}
    relations = [(r[0], r[1], r[2], r[3]) for r in store.relation_rows()]
    entities = {e["id"]: (e["label"], e["type"]) for e in store.entity_rows()}
    return Rows(documents, store.mention_counts(), relations, entities)


def changes_in(store: Store, since: str, until: str = "", by: str = "published") -> dict[str, Any]:
    """``changes`` on a store; ``since`` may be ``LAST_INGEST`` (then by ingested_at)."""
    rows = store_rows(store)
    if since == LAST_INGEST:
        since, by = last_ingest(ingested for _, ingested in rows.documents.values()), "ingested"
    return changes(rows, since, until, by)
