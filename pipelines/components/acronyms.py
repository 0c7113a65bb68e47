"""An acronym introduced in brackets after a name is that name: "Movement for Democratic Change (MDC)",
"Bundeskriminalamt (BKA)". Every later mention of the acronym is an alias of the named organisation."""

from __future__ import annotations

import re

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import covered

BRACKET_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&]{1,6}$")
# Small words inside a name that give no letter to its acronym.
FUNCTION_WORDS = frozenset({"for", "of", "and", "the", "on", "für", "der", "die", "des", "und", "zur", "zum", "von", "'s", "’s"})
MAX_NAME_WORDS = 8


def acronym_aliases(tokens: Tokens, chosen: list[Candidate], not_organizations: frozenset[str] = frozenset()) -> list[Candidate]:
    """``chosen`` with each bracketed acronym bound to the organisation named right before it (found already,
    or the capitalised words whose initials spell it); the acronym's mentions become aliases of it.
    Acronyms in ``not_organizations`` (degrees, licences, units) are left alone."""
    first: dict[str, Candidate] = {}
    for i in _bracketed(tokens, not_organizations):
        owner = _owner(tokens, chosen, i)
        if owner is not None:
            owner = _as_first(owner, first.setdefault(tokens.words[i + 1], owner))
            chosen = bind_acronym(tokens, chosen, owner, tokens.words[i + 1])
    return chosen


def _as_first(owner: Candidate, first: Candidate) -> Candidate:
    """``owner`` as a mention of ``first``, the name the same acronym was introduced with earlier in the
    article ("Movement for Democratic Change (MDC)" … "Bewegung für Demokratischen Wandel (MDC)")."""
    if first is owner:
        return owner
    return Candidate(owner.start, owner.end, first.type, first.id, first.label, owner.method, owner.score, "alias", dict(first.attrs))


def _bracketed(tokens: Tokens, not_organizations: frozenset[str]) -> list[int]:
    """Indexes of the "(" of every "( ACRONYM )", less the acronyms in ``not_organizations`` ("MBA", "GPL")."""
    words = tokens.words
    return [
        i for i in tokens.positions.get("(", [])
        if i > 0 and i + 2 < len(words) and words[i + 2] == ")" and BRACKET_ACRONYM.match(words[i + 1])
        and words[i + 1] not in not_organizations
    ]


def _owner(tokens: Tokens, chosen: list[Candidate], i: int) -> Candidate | None:
    """The organisation the acronym at ``i + 1`` abbreviates: one chosen right before the bracket, else
    the capitalised words before it whose initials spell the acronym."""
    before = [c for c in chosen if c.end == i]
    if before:
        return before[0] if before[0].type == "organization" else None
    start = _spelled_start(tokens, i, tokens.words[i + 1])
    return rule_candidate(tokens, start, i, "organization", {}) if start is not None else None


def _spelled_start(tokens: Tokens, end: int, acronym: str) -> int | None:
    """Where the name ending before ``end`` starts whose capitalised words' initials are ``acronym``."""
    letters = ""
    for start in range(end - 1, max(end - MAX_NAME_WORDS, 0) - 1, -1):
        word = tokens.words[start]
        if word in FUNCTION_WORDS:
            continue
        if not word[:1].isupper():
            return None
        letters = word[0] + letters
        if letters == acronym:
            return start
    return None


def bind_acronym(tokens: Tokens, chosen: list[Candidate], owner: Candidate, acronym: str) -> list[Candidate]:
    """``chosen`` with ``owner`` in it (replacing what it covers) and every mention of ``acronym`` its alias."""
    kept = [c for c in chosen if c is owner or c.end <= owner.start or c.start >= owner.end]
    if owner not in kept:
        kept.append(owner)
    taken = covered(kept)
    aliases = [
        Candidate(k, k + 1, owner.type, owner.id, owner.label, "rule", owner.score, "alias", dict(owner.attrs))
        for k in tokens.positions.get(acronym, []) if k not in taken or _is_acronym(kept, k)
    ]
    alias_at = {c.start for c in aliases}
    return sorted([c for c in kept if c.start not in alias_at] + aliases, key=lambda c: c.start)


def _is_acronym(chosen: list[Candidate], k: int) -> bool:
    """The candidate at token ``k`` is the acronym alone (one token)."""
    return any(c.start == k and c.length == 1 for c in chosen)
