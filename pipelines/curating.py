"""Taking, undoing and listing curation decisions on a store: what the CLI and the explorer both call.

Each function checks the request against the curated graph (``pipelines.decisions.check``) before
writing, so a bad one is a CurationError with what to do and the store is unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipelines.decisions import REJECTS, CurationError, Decision, Known, check, rejections_of, undoable
from pipelines.store import Store

__all__ = ["CurationError", "Rejected", "known", "rejected", "restore", "take", "undo"]


def known(store: Store, entity_id: str | None = None) -> Known:
    """What the curated graph holds; the names of ``entity_id`` when given (for a split)."""
    rows = store.entity_rows()
    edges = frozenset(f"{r['source']}|{r['relation']}|{r['target']}" for r in store.relations())
    names = {store.resolve_id(entity_id): store.mention_texts(entity_id)} if entity_id else {}
    return Known({row["id"]: row["type"] for row in rows}, names, edges, store.resolve_id,
                 {row["id"]: row["label"] for row in rows})


def take(store: Store, kind: str, payload: Mapping[str, Any], who: str = "") -> Decision:
    """Check and store one decision; the stored decision."""
    entity = str(payload.get("entity") or "") if kind == "split" else None
    checked = check(kind, payload, known(store, entity))
    decision_id = store.decide(kind, checked, who.strip())
    return next(d for d in store.decisions() if d.id == decision_id)


def undo(store: Store, decision_id: int, who: str = "") -> Decision:
    """Undo a decision that holds; the decision as it was."""
    found = undoable(store.decisions(), decision_id)
    store.undo([found.id], who.strip())
    return found


def restore(store: Store, item: str, who: str = "") -> list[Decision]:
    """Undo the rejections of an entity id or edge id; the rejections undone."""
    found = rejections_of(store.decisions(), item)
    store.undo([d.id for d in found], who.strip())
    return found


@dataclass(frozen=True)
class Rejected:
    """A rejected entity or relation with the decision that rejected it."""

    item: str
    kind: str  # "entity" or "relation"
    decision: Decision


def rejected(store: Store) -> list[Rejected]:
    """The rejections that hold, oldest first."""
    return [Rejected(d.subjects()[0], d.kind.removeprefix("reject-"), d)
            for d in store.decisions() if d.active and d.kind in REJECTS and d.subjects()]


def require_int(value: str, what: str = "decision id") -> int:
    """A whole number from user input, or CurationError."""
    try:
        return int(value.strip())
    except ValueError as err:
        raise CurationError(f"{what} must be a whole number, not {value[:40]!r}") from err
