"""Clauses of a sentence, without a parser: where a typed relation may link its two ends.

A sentence is cut at semicolons, colons, dashes and quotation marks, and at a comma
that opens a subordinate or coordinate clause ("…, als er Ravensbergen traf", "…, while Obama
…"). A comma before an apposition or a relative pronoun does not cut: "Stephen Harper, der
Ministerpräsident Kanadas, besuchte …" and "Putin, der Nordkorea besuchte, …" speak of the
noun before the comma.
"""

from __future__ import annotations

from pipelines.components.tokens import Tokens

# Brackets do not cut: an aside in brackets ("Kirchner (Argentinien)") belongs to the clause around it.
HARD_BREAKS = frozenset(";:–—„“”\"«»")
# Words that open a new clause after a comma (German and English subordinators and coordinators).
CLAUSE_OPENERS = frozenset(
    "als dass daß weil wenn während nachdem obwohl ob wo wie um sondern aber doch denn bevor seit seitdem "
    "damit sodass falls indem zumal wobei weshalb weswegen "
    "after when while because although but whereas since if before though unless until so however".split()
)


def clauses(t: Tokens, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """The clauses of ``sent`` as token ranges ``[start, end)``, in order; break tokens belong to none."""
    found: list[tuple[int, int]] = []
    start, end = sent
    first = start
    for i in range(start, end):
        if _breaks(t, i, end):
            if i > first:
                found.append((first, i))
            first = i + 1
    if end > first:
        found.append((first, end))
    return found


def _breaks(t: Tokens, i: int, end: int) -> bool:
    word = t.words[i]
    return word in HARD_BREAKS or (word == "," and i + 1 < end and t.lower[i + 1] in CLAUSE_OPENERS)


def clause_of(ranges: list[tuple[int, int]], token: int) -> tuple[int, int]:
    """The clause of ``ranges`` that holds ``token`` (an empty range at ``token`` if it is a break)."""
    return next(((s, e) for s, e in ranges if s <= token < e), (token, token))
