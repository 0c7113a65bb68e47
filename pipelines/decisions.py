"""Curation decisions: what a person decided about the graph, as records, and whether one may be taken.

A decision is stored in the ``decisions`` table and never edited, only marked undone; the graph a
reader sees is the extracted facts with every decision that holds applied (``pipelines.curation``).

Kinds and their payloads:

- ``merge``: ``{"keep": A, "drop": B}`` — B becomes part of A (A keeps its id, label and type).
- ``rename``: ``{"entity": ID, "label": LABEL}``.
- ``retype``: ``{"entity": ID, "type": TYPE}`` (one of ``records.ENTITY_TYPES``).
- ``split``: ``{"entity": ID, "alias": NAME, "new_id": NEW}`` — the sentences naming ID by exactly
  NAME become an entity of their own, NEW, labelled NAME.
- ``reject-entity``: ``{"entity": ID}``; ``reject-relation``: ``{"edge": "source|relation|target"}``.

Pure: ``check`` takes what the curated graph holds (``Known``) and raises CurationError with a message
that says what is wrong and what to do.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipelines.errors import EntenteError
from pipelines.keys import slug
from pipelines.records import ENTITY_TYPES

KINDS = ("merge", "rename", "retype", "split", "reject-entity", "reject-relation")
REJECTS = ("reject-entity", "reject-relation")
MAX_LABEL = 300


class CurationError(EntenteError):
    """A decision that cannot be taken or undone (unknown id, merging an entity with itself, …)."""


@dataclass(frozen=True)
class Decision:
    """One stored decision; ``undone_at`` is "" while it holds."""

    id: int
    kind: str
    payload: Mapping[str, Any]
    who: str = ""
    decided_at: str = ""
    undone_at: str = ""
    undone_by: str = ""

    @property
    def active(self) -> bool:
        return not self.undone_at

    def subjects(self) -> tuple[str, ...]:
        """The entity ids and edge ids this decision is about (for a card's history)."""
        keys = ("keep", "drop", "entity", "new_id", "edge")
        return tuple(str(self.payload[k]) for k in keys if self.payload.get(k))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "payload": dict(self.payload), "who": self.who,
                "decided_at": self.decided_at, "undone_at": self.undone_at, "undone_by": self.undone_by}

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Decision:
        """A ``decisions`` row; a payload that is no JSON object (a damaged row) reads as {}."""
        try:
            payload = json.loads(row.get("payload") or "{}")
        except (TypeError, ValueError, RecursionError):
            payload = {}
        return cls(int(row["id"]), str(row["kind"]), payload if isinstance(payload, dict) else {},
                   str(row.get("who") or ""), str(row.get("decided_at") or ""),
                   str(row.get("undone_at") or ""), str(row.get("undone_by") or ""))


TEMPLATES: Mapping[str, str] = {  # what a decision says, by kind; the explorer passes its own language's
    "merge": "merged {drop} into {keep}",
    "rename": "renamed {entity_id} to {label}",
    "retype": "changed the type of {entity} to {type}",
    "split": "split {alias} off {entity} as {new_id}",
    "reject-entity": "rejected {entity}",
    "reject-relation": "rejected the relation {edge}",
}


def describe(decision: Decision, labels: Mapping[str, str] | None = None, templates: Mapping[str, str] = TEMPLATES,
             vocabulary: Callable[[str, str], str] = lambda group, key: key) -> str:
    """One plain-text line: what was decided (names by ``labels``, else as they were when decided),
    worded by ``templates`` (placeholders: entity names, the quoted label or alias, the type, the new
    id, the edge as "A —relation→ B"); ``vocabulary(group, key)`` names a stored type ("type") or
    relation ("rel") key, as ``explorer.i18n.term`` does in the reader's language."""
    remembered = decision.payload.get("labels")
    p, name = decision.payload, _namer({**(remembered if isinstance(remembered, Mapping) else {}), **(labels or {})})
    if decision.kind not in templates:
        return f"{decision.kind} {json.dumps(dict(p))}"
    return templates[decision.kind].format(
        drop=name(p.get("drop")), keep=name(p.get("keep")), entity=name(p.get("entity")), entity_id=p.get("entity"),
        label=repr(p.get("label")), type=vocabulary("type", str(p.get("type"))), alias=repr(p.get("alias")),
        new_id=p.get("new_id"), edge=_edge_text(str(p.get("edge")), name, lambda key: vocabulary("rel", key)))


def _namer(labels: Mapping[str, str]) -> Any:
    return lambda entity_id: f"{labels[entity_id]} ({entity_id})" if entity_id in labels else str(entity_id)


def _edge_text(edge_id: str, name: Any, relation_name: Callable[[str], str] = str) -> str:
    source, _, rest = edge_id.partition("|")
    relation, _, target = rest.partition("|")
    return f"{name(source)} —{relation_name(relation)}→ {name(target)}"


@dataclass(frozen=True)
class Known:
    """What the curated graph holds, to check a decision against: entity id -> type, the names each
    entity is mentioned by, the aggregated edge ids, how an id resolves (merged ids followed), and
    entity id -> label (remembered in the payload, so a merged-away entity is still named later)."""

    types: Mapping[str, str]
    names: Mapping[str, Sequence[str]] = field(default_factory=dict)
    edges: frozenset[str] = frozenset()
    resolve: Any = staticmethod(lambda entity_id: entity_id)
    labels: Mapping[str, str] = field(default_factory=dict)


def check(kind: str, payload: Mapping[str, Any], known: Known) -> dict[str, Any]:
    """The payload to store for a new decision (ids resolved, a split's new id chosen), or
    CurationError saying what is wrong."""
    checks = {"merge": _check_merge, "rename": _check_rename, "retype": _check_retype,
              "split": _check_split, "reject-entity": _check_reject_entity, "reject-relation": _check_reject_relation}
    if kind not in checks:
        raise CurationError(f"unknown decision kind {kind!r}; choose one of: {', '.join(KINDS)}")
    checked = checks[kind](payload, known)
    ids = [str(checked[k]) for k in ("keep", "drop", "entity") if k in checked] + str(checked.get("edge", "")).split("|")[::2]
    remembered = {i: str(known.labels[i]) for i in ids if i in known.labels}
    return {**checked, "labels": remembered} if remembered else checked


def _entity(value: Any, known: Known, role: str = "entity") -> str:
    entity_id = known.resolve(str(value or ""))
    if entity_id not in known.types:
        raise CurationError(f"{role} {str(value)!r}: no such entity (or it was rejected); "
                            "find ids with `python -m pipelines export --format csv` or in the explorer")
    return str(entity_id)


def _check_merge(payload: Mapping[str, Any], known: Known) -> dict[str, Any]:
    keep, drop = _entity(payload.get("keep"), known, "entity"), _entity(payload.get("drop"), known, "entity")
    if keep == drop:
        raise CurationError(f"cannot merge {keep} with itself; name two different entities")
    return {"keep": keep, "drop": drop}


def _check_rename(payload: Mapping[str, Any], known: Known) -> dict[str, Any]:
    label = " ".join(str(payload.get("label") or "").split())
    if not label or len(label) > MAX_LABEL:
        raise CurationError(f"a new name must be 1 to {MAX_LABEL} characters, not {str(payload.get('label'))[:40]!r}")
    return {"entity": _entity(payload.get("entity"), known), "label": label}


def _check_retype(payload: Mapping[str, Any], known: Known) -> dict[str, Any]:
    entity_type = str(payload.get("type") or "")
    if entity_type not in ENTITY_TYPES:
        raise CurationError(f"unknown type {entity_type!r}; choose one of: {', '.join(ENTITY_TYPES)}")
    return {"entity": _entity(payload.get("entity"), known), "type": entity_type}


def _check_split(payload: Mapping[str, Any], known: Known) -> dict[str, Any]:
    entity_id, alias = _entity(payload.get("entity"), known), str(payload.get("alias") or "")
    names = list(known.names.get(entity_id, ()))
    if alias not in names:
        shown = ", ".join(repr(n) for n in names[:8]) or "none"
        raise CurationError(f"{entity_id} is not mentioned as {alias!r}; its names are: {shown}")
    if len(names) < 2:
        raise CurationError(f"{entity_id} is only mentioned as {alias!r}: nothing would be left; rename it instead")
    return {"entity": entity_id, "alias": alias, "new_id": split_id(entity_id, alias, known.types)}


def split_id(entity_id: str, alias: str, taken: Mapping[str, str]) -> str:
    """A new id for a name split off ``entity_id``: ``<type>:<slug>``, numbered when taken."""
    base = f"{entity_id.partition(':')[0]}:{slug(alias)}"
    candidate, number = base, 1
    while candidate in taken or candidate == entity_id:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _check_reject_entity(payload: Mapping[str, Any], known: Known) -> dict[str, Any]:
    return {"entity": _entity(payload.get("entity"), known)}


def _check_reject_relation(payload: Mapping[str, Any], known: Known) -> dict[str, Any]:
    edge = str(payload.get("edge") or "")
    parts = edge.split("|")
    if len(parts) == 3:
        edge = "|".join((known.resolve(parts[0]), parts[1], known.resolve(parts[2])))
    if edge not in known.edges:
        raise CurationError(f"no relation {str(payload.get('edge'))!r}; give it as SOURCE|RELATION|TARGET "
                            "(the edge id, e.g. person:a|meets|person:b)")
    return {"edge": edge}


def undoable(decisions: Sequence[Decision], decision_id: int) -> Decision:
    """The decision with this id if it holds, else CurationError."""
    found = next((d for d in decisions if d.id == decision_id), None)
    if found is None:
        raise CurationError(f"no decision {decision_id}; list them with `python -m pipelines curate list`")
    if not found.active:
        raise CurationError(f"decision {decision_id} was already undone ({found.undone_at})")
    return found


def rejections_of(decisions: Sequence[Decision], item: str) -> list[Decision]:
    """The holding rejections of an entity id or edge id (what ``restore`` undoes), or CurationError."""
    found = [d for d in decisions if d.active and d.kind in REJECTS and item in d.subjects()]
    if not found:
        raise CurationError(f"{item!r} is not rejected; list rejected items with `python -m pipelines curate list --rejected`")
    return found


def about(decisions: Sequence[Decision], item: str) -> list[Decision]:
    """The decisions (holding and undone) about an entity id or edge id, newest first."""
    return [d for d in reversed(decisions) if item in d.subjects()]
