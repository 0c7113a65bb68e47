"""Plain, immutable records that flow between the pipeline stages.

Every record converts to and from the JSON shape of the public contract
(DESIGN.md section 3) with ``to_dict()`` / ``from_dict()``.  Offsets are
character offsets into ``Extraction.text`` (the cleaned article text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from pipelines.printable import printable

ENTITY_TYPES = ("person", "organization", "country", "place", "agreement")
METHODS = ("model", "gazetteer", "rule")
MODALITIES = ("reported", "planned", "denied", "hypothetical")


@dataclass(frozen=True)
class _InputMessage:
    """A message about one input: ``where`` is a file path, ``path:line N``,
    ``path:item N`` or ``<stdin>:line N``; ``reason`` says what is wrong and
    what to do.  Both are made printable (control characters escaped), so a
    file name can never add lines to a summary."""

    where: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "where", printable(self.where))
        object.__setattr__(self, "reason", printable(self.reason))

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class Rejection(_InputMessage):
    """An input that was not turned into an article."""


class Notice(_InputMessage):
    """A warning: something dropped or repaired in an input that was kept
    (a date that is no date, a NUL byte removed, a duplicate id replaced)."""


@dataclass(frozen=True)
class Article:
    """One article as read from a file or a JSONL line, after cleaning.

    ``key`` identifies where it came from (file path, path#line, or the
    caller's id) so a changed source can replace its earlier facts;
    ``id`` is the caller's id when given, else the content hash.
    """

    id: str
    key: str
    text: str
    lang: str
    title: str = ""
    published: str = ""
    source: str = ""
    url: str = ""
    content_hash: str = ""
    where: str = ""
    """Where it was read (``path``, ``path:line N``), for messages."""
    notices: tuple[Notice, ...] = ()
    """Warnings about this input: what was dropped or repaired while reading it."""


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Sentence:
        return cls(int(data["start"]), int(data["end"]))


@dataclass(frozen=True)
class Mention:
    """A span of the text that refers to an entity.

    ``kind`` is ``name`` (the name itself), ``alias`` (a shortened name such
    as a surname), ``adjective`` (a country adjective such as "russische")
    or ``anaphor`` (a phrase like "dieses Pakts").
    """

    start: int
    end: int
    text: str
    sentence: int
    method: str
    score: float
    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            sentence=int(data["sentence"]),
            method=str(data["method"]),
            score=float(data["score"]),
            kind=str(data.get("kind", "name")),
        )


@dataclass(frozen=True)
class Entity:
    """A resolved entity of one article with all its mentions there."""

    id: str
    type: str
    label: str
    attrs: Mapping[str, Any] = field(default_factory=dict)
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "label": self.label,
            "attrs": dict(self.attrs),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        return cls(
            id=str(data["id"]),
            type=str(data["type"]),
            label=str(data["label"]),
            attrs=dict(data.get("attrs") or {}),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True)
class Relation:
    """A typed, directed relation backed by one evidence sentence."""

    source: str
    relation: str
    target: str
    sentence: int
    evidence: str
    modality: str = "reported"
    score: float = 0.5
    basis: str = "text"  # "text": the sentence states it; "gazetteer": known facts about the entities; "article": inferred from the article (a building in the country it is about)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        return cls(
            source=str(data["source"]),
            relation=str(data["relation"]),
            target=str(data["target"]),
            sentence=int(data["sentence"]),
            evidence=str(data.get("evidence", "")),
            modality=str(data.get("modality", "reported")),
            score=float(data.get("score", 0.5)),
            basis=str(data.get("basis", "text")),
        )


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the public extraction record."""

    id: str
    lang: str
    title: str
    text: str
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    published: str = ""
    source: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Extraction:
        return cls(
            id=str(data["id"]),
            lang=str(data.get("lang", "")),
            title=str(data.get("title", "")),
            text=str(data["text"]),
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences", ())),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", ())),
            published=str(data.get("published", "")),
            source=str(data.get("source", "")),
            url=str(data.get("url", "")),
        )

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)
