"""Within one article: link short and inflected person names to the full name.

"Putin", "Putins" and "Präsident Putin" become mentions of "Wladimir Putin"
when the article names him in full; "Xi" of "Xi Jinping" and "Kim" of
"Kim Jong-un" (family name first) likewise.
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.components.candidates import Candidate
from pipelines.components.names import PARTICLES
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import covered, genitive, genitive_stem, overlaps

FAMILY_NAME_FIRST = frozenset({"Kim", "Xi", "Li", "Wang", "Moon", "Yoon", "Lee", "Park", "Hu", "Jiang", "Mao", "Zhang", "Choe", "Ri", "Pak"})


def surname_tokens(tokens: Tokens, person: Candidate) -> tuple[str, ...]:
    """The token texts a later short mention of this person would use."""
    words = tokens.words[person.start : person.end]
    if words[0] in FAMILY_NAME_FIRST:
        return (words[0],)
    for i, word in enumerate(words[1:], start=1):
        if word in PARTICLES:
            return tuple(words[i:])
    spaces = tokens.spaces
    last_word_start = max(i for i in range(len(words)) if i == 0 or spaces[person.start + i - 1])
    return tuple(words[last_word_start:])


def _canonical_for(cand: Candidate, full: list[tuple[Candidate, tuple[str, ...]]]) -> Candidate | None:
    """The full-name person a short or genitive mention refers to ("Putin", "Putins", "Wladimir Putins")."""
    for person, surname in full:
        if cand.label == person.label:
            return None
        short = " ".join(surname)
        if (genitive_stem(cand.label) or cand.label) == person.label or cand.label in (short, short + "s"):
            return person
    return None


def link_persons(tokens: Tokens, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with short person names re-pointed at the full name, plus alias mentions found in the text."""
    persons = [c for c in candidates if c.type == "person"]
    full = [(p, surname_tokens(tokens, p)) for p in persons if len(p.label.split()) > 1]
    full.sort(key=lambda item: -len(item[0].label))
    linked = []
    for cand in candidates:
        target = _canonical_for(cand, full) if cand.type == "person" else None
        linked.append(replace(cand, id=target.id, label=target.label, kind="alias", attrs={**target.attrs, **cand.attrs}) if target else cand)
    return sorted(linked + _alias_mentions(tokens, full, linked), key=lambda c: c.start)


def _alias_mentions(tokens: Tokens, full: list[tuple[Candidate, tuple[str, ...]]], taken: list[Candidate]) -> list[Candidate]:
    """Bare surnames ("Putin", "Putins") not yet covered by another candidate."""
    if not full:
        return []
    blocked = covered(taken)
    words, starts = tokens.words, tokens.positions
    found = []
    for person, surname in full:
        n = len(surname)
        forms = {surname, genitive(surname)}
        for i in sorted({i for form in forms for i in starts.get(form[0], [])}):
            if tuple(words[i : i + n]) in forms and not overlaps(blocked, i, i + n):
                attrs = {"leads": person.attrs["leads"]} if person.attrs.get("leads") else {}
                found.append(Candidate(i, i + n, "person", person.id, person.label, "rule", 0.8, "alias", attrs))
                blocked |= set(range(i, i + n))
    return found
