"""What one relation trigger may link: its clause's entities and what the article tells about them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipelines.components.candidates import Candidate
from pipelines.components.tokens import Tokens


class Context:
    """Article-wide facts the sentence rules use: the entity ids present, each person's home countries and
    the venue of the event the article reports (a place and its country, or the host's country). Homes and
    venue are worked out on first use: most articles have no trigger that needs them."""

    def __init__(self, present: set[str], homes: Callable[[], dict[str, set[str]]], venue: Callable[[], tuple[str, ...]],
                 persons: list[Candidate] | None = None) -> None:
        self.present, self._homes, self._venue = present, homes, venue
        self.persons = persons or []  # the article's person mentions, in order (for "he"/"er")
        self._known: dict[str, object] = {}

    @property
    def homes(self) -> dict[str, set[str]]:
        if "homes" not in self._known:
            self._known["homes"] = self._homes()
        return self._known["homes"]  # type: ignore[return-value]

    @property
    def venue(self) -> tuple[str, ...]:
        if "venue" not in self._known:
            self._known["venue"] = self._venue()
        return self._known["venue"]  # type: ignore[return-value]


@dataclass(frozen=True)
class Scope:
    """One trigger with what it may link: the entities of its clause, the token where the next
    trigger starts, and the countries each person's office ties them to (nobody visits home)."""

    t: Tokens
    lang: str
    trigger: int
    ents: list[Candidate]
    limit: int
    context: Context
    first: int  # where the trigger's clause starts
    at: dict[int, Candidate]  # token index -> the clause entity covering it
    outer: list[Candidate]  # the entities of the whole sentence

    @property
    def homes(self) -> dict[str, set[str]]:
        return self.context.homes

    @property
    def present(self) -> set[str]:
        return self.context.present



def nearest(cands: list[Candidate], token: int, before: bool | None = None) -> Candidate | None:
    """The candidate closest to ``token`` (only those before or after it, when ``before`` says so)."""
    pool = [c for c in cands if before is None or (c.end <= token if before else c.start > token)]
    return min(pool, key=lambda c: min(abs(c.start - token), abs(c.end - 1 - token)), default=None)




SUBJECT_PRONOUNS = frozenset({"he", "she", "er", "sie"})


def pronoun_subject(s: Scope, other: Candidate | None = None) -> Candidate | None:
    """"He traveled to Florida": the subject of the sentence before, i.e. the first person it names (of the
    last of the two sentences before that names one), when "he"/"er" stands in the trigger's clause before
    it and no person does ("X contacted …, who helped him reach Y. He traveled …" is X)."""
    t, sentence = s.t, s.t.sent_of[s.trigger]
    if not any(t.lower[i] in SUBJECT_PRONOUNS for i in range(s.first, s.trigger)):
        return None
    for back in (sentence - 1, sentence - 2):
        if back < 0:
            return None
        lo, hi = t.sents[back]
        named = [c for c in s.context.persons if lo <= c.start < hi and (other is None or c.id != other.id)]
        if named:
            return named[0]
    return None
