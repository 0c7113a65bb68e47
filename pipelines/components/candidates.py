"""What the kg_* components find in a ``Doc``, before resolution into records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipelines.components.tokens import Tokens
from pipelines.keys import entity_id


@dataclass
class Candidate:
    """An entity mention over tokens ``[start, end)``.

    ``id`` is canonical when a gazetteer knows the entity (``country:RU``),
    else a provisional id that resolution may merge ("Putins" -> Putin).
    """

    start: int
    end: int
    type: str
    id: str
    label: str
    method: str
    score: float
    kind: str = "name"
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class AgreementCandidate:
    """A phrase naming one or more agreements ("frühere Abkommen aus den Jahren 1961, 2000 und 2001")."""

    start: int
    end: int
    kind: str
    status: str
    years: list[int]
    parties: list[str]
    anaphor: bool = False
    needs_partner: bool = False  # "Partnerschaft mit Nordkorea": the other party is implied
    sentence: int = 0
    modality: str = "reported"  # "kein Abkommen" -> denied, "könnte ein Abkommen" -> hypothetical
    joint: bool = False  # "gemeinsame Erklärung", "joint declaration": made by one group, its only party


@dataclass
class Agreement:
    """One resolved agreement of the article, with every phrase that refers to it."""

    id: str
    label: str
    kind: str
    status: str
    year: int | None
    parties: list[str]
    mentions: list[AgreementCandidate]
    updates: list[str] = field(default_factory=list)  # ids of earlier agreements
    update_sentence: int | None = None
    modality: str = "reported"  # denied or hypothetical when no phrase reports it as fact


@dataclass(frozen=True)
class RelationCandidate:
    """A typed relation found in sentence ``sentence`` (index into ``doc.sents``)."""

    source: str
    relation: str
    target: str
    sentence: int
    modality: str
    score: float
    basis: str = "text"  # or "gazetteer": from what the gazetteer knows, or "article": inferred from the article; not from the sentence


def rule_candidate(tokens: Tokens, start: int, end: int, etype: str, attrs: dict[str, Any]) -> Candidate:
    """A candidate found by a rule over tokens ``[start, end)``, its id from its text."""
    label = tokens.span_text(start, end)
    return Candidate(start, end, etype, entity_id(etype, label), label, "rule", 0.7, "name", attrs)

