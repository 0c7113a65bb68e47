"""Scoring extraction records against hand-checked gold annotations.

Gold files (``sample_data/gold/<article>.yaml``) list an article's entities
by id, its agreements by kind, status, year and parties, and its key typed
relations.  Entities are matched by id, agreements by (parties, year), and
relations by (source, relation, target), each as sets per article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipelines.errors import InputError
from pipelines.records import Extraction

AGREEMENT_RELATIONS = ("party_to", "updates", "co_mentioned")
SYMMETRIC_RELATIONS = ("meets",)
# What the text says does not hold at the time it reports: gold lists neither former offices nor denied or
# hypothetical relations and agreements, so predictions with these modalities are not scored.
UNSCORED_MODALITIES = ("former", "denied", "hypothetical")


def _triple(source: str, relation: str, target: str) -> tuple[str, str, str]:
    """A relation as a comparable triple; symmetric relations ignore direction."""
    if relation in SYMMETRIC_RELATIONS and target < source:
        source, target = target, source
    return source, relation, target


@dataclass(frozen=True)
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Precision, recall and F1 rounded to four places, and the counts."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}

    def row(self, name: str, width: int = 8) -> str:
        """One line of a score table: ``name``, precision, recall, F1, tp, fp, fn."""
        return f"{name:{width}} {self.precision:9.3f} {self.recall:7.3f} {self.f1:6.3f} {self.tp:6} {self.fp:6} {self.fn:6}"

    @classmethod
    def of_sets(cls, predicted: set[Any], gold: set[Any]) -> Score:
        return cls(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def score_header(name: str, width: int = 8) -> str:
    """The header line above ``Score.row`` lines."""
    return f"{name:{width}} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}"


@dataclass(frozen=True)
class Gold:
    """The gold annotation of one article."""

    article: str
    entities: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)


def load_gold(path: Path) -> Gold:
    """Read one gold file; a malformed file raises InputError naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Gold(data["article"], data.get("entities") or [], data.get("agreements") or [], data.get("relations") or [])
    except (OSError, yaml.YAMLError, KeyError, TypeError) as err:
        raise InputError(str(path), f"not a gold annotation file ({err})") from err


def load_gold_folder(folder: Path) -> list[Gold]:
    """Every ``*.yaml`` gold file in ``folder``, sorted by name."""
    return [load_gold(path) for path in sorted(folder.glob("*.yaml"))]


def _agreement_key(parties: Iterable[str], year: Any) -> tuple[frozenset[str], int | None]:
    return frozenset(parties), int(year) if year else None


def entity_sets(record: Extraction, gold: Gold) -> tuple[set[str], set[str]]:
    """Predicted and gold entity ids (agreements are scored on their own)."""
    return {e.id for e in record.entities if e.type != "agreement"}, {e["id"] for e in gold.entities}


def agreement_sets(record: Extraction, gold: Gold) -> tuple[set[Any], set[Any]]:
    """Predicted and gold agreements as (parties, year) keys; denied and hypothetical ones are not predicted."""
    predicted = {
        _agreement_key(e.attrs.get("parties", []), e.attrs.get("year"))
        for e in record.entities if e.type == "agreement" and e.attrs.get("modality") not in UNSCORED_MODALITIES
    }
    return predicted, {_agreement_key(a["parties"], a.get("year")) for a in gold.agreements}


def relation_sets(record: Extraction, gold: Gold) -> tuple[set[Any], set[Any]]:
    """Typed relations between non-agreement entities (agreement links are scored with the agreements), as
    the text states them to hold (not former, denied or hypothetical ones)."""
    predicted = {
        _triple(r.source, r.relation, r.target)
        for r in record.relations if r.relation not in AGREEMENT_RELATIONS and r.modality not in UNSCORED_MODALITIES
    }
    predicted = {p for p in predicted if not p[0].startswith("agreement:") and not p[2].startswith("agreement:")}
    return predicted, {_triple(r["source"], r["relation"], r["target"]) for r in gold.relations}


def score_entities(record: Extraction, gold: Gold) -> Score:
    return Score.of_sets(*entity_sets(record, gold))


def score_agreements(record: Extraction, gold: Gold) -> Score:
    """Agreements with their parties (and year) as a set per article."""
    return Score.of_sets(*agreement_sets(record, gold))


def score_relations(record: Extraction, gold: Gold) -> Score:
    return Score.of_sets(*relation_sets(record, gold))
