"""What one relation trigger may link: its clause's entities and what the article tells about them."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.components.candidates import Candidate
from pipelines.components.tokens import Tokens


@dataclass(frozen=True)
class Context:
    """Article-wide facts the sentence rules use: the entity ids present and each person's home countries."""

    present: set[str]
    homes: dict[str, set[str]]


@dataclass(frozen=True)
class Scope:
    """One trigger with what it may link: the entities of its clause, the token where the next
    trigger starts, and the countries each person's office ties them to (nobody visits home)."""

    t: Tokens
    lang: str
    trigger: int
    ents: list[Candidate]
    limit: int
    homes: dict[str, set[str]]
    present: set[str]



def nearest(cands: list[Candidate], token: int, before: bool | None = None) -> Candidate | None:
    """The candidate closest to ``token`` (only those before or after it, when ``before`` says so)."""
    pool = [c for c in cands if before is None or (c.end <= token if before else c.start > token)]
    return min(pool, key=lambda c: min(abs(c.start - token), abs(c.end - 1 - token)), default=None)


