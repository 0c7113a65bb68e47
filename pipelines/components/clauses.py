"""Clauses of a sentence, without a parser: where a typed relation may link its two ends.

A sentence is cut at semicolons, colons, dashes and quotation marks, and at a comma
that opens a subordinate or coordinate clause ("…, als er Ravensbergen traf", "…, while Obama
…"). A comma before an apposition or a relative pronoun does not cut: "Stephen Harper, der
Ministerpräsident Kanadas, besuchte …" and "Putin, der Nordkorea besuchte, …" speak of the
noun before the comma.
"""

from __future__ import annotations

from bisect import bisect_left

from pipelines.components.tokens import Tokens

# Brackets do not cut: an aside in brackets ("Kirchner (Argentinien)") belongs to the clause around it.
HARD_BREAKS = frozenset(";:–—„“”\"«»")
# Words that open a new clause after a comma (German and English subordinators and coordinators).
CLAUSE_OPENERS = frozenset(
    "als dass daß weil wenn während nachdem obwohl ob wo wie um sondern aber doch denn bevor seit seitdem "
    "damit sodass falls indem zumal wobei weshalb weswegen "
    "after when while because although but whereas since if before though unless until so however".split()
)


# The breaks of the last Doc asked about, with its token view: a Doc's rules ask about many tokens.
_last: tuple[Tokens | None, list[int]] = (None, [])


def clause_breaks(t: Tokens) -> list[int]:
    """The tokens of the Doc that end a clause, in order (found through the word index, not a scan)."""
    global _last
    seen, breaks = _last  # one read: another thread may replace the pair meanwhile
    if seen is not t:
        marks = [i for word in HARD_BREAKS for i in t.positions.get(word, ())]
        marks += [i for i in t.positions.get(",", ()) if _breaks(t, i, len(t))]
        breaks = sorted(marks)
        _last = (t, breaks)
    return breaks


def clause_around(t: Tokens, sent: tuple[int, int], token: int) -> tuple[int, int]:
    """The token range ``[start, end)`` of the clause of ``sent`` that holds ``token``."""
    cuts = clause_breaks(t)
    k = bisect_left(cuts, token)
    start = cuts[k - 1] + 1 if k > 0 and cuts[k - 1] >= sent[0] else sent[0]
    end = cuts[k] if k < len(cuts) and cuts[k] < sent[1] else sent[1]
    return start, max(end, start)


def _breaks(t: Tokens, i: int, end: int) -> bool:
    word = t.words[i]
    return word in HARD_BREAKS or (word == "," and i + 1 < end and t.lower[i + 1] in CLAUSE_OPENERS)
