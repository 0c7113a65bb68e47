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
from pipelines.keys import entity_id
from pipelines.knowledge.people import name_classes

FAMILY_NAME_FIRST = frozenset({"Kim", "Xi", "Li", "Wang", "Moon", "Yoon", "Lee", "Park", "Hu", "Jiang", "Mao", "Zhang", "Choe", "Ri", "Pak"})


def surname_tokens(tokens: Tokens, person: Candidate) -> tuple[str, ...]:
    """The token texts a later short mention of this person would use."""
    words = tokens.words[person.start : person.end]
    if not person.label.endswith(words[-1]):  # named in the genitive: "Barack Obamas"
        words = words[:-1] + [words[-1][:-1]]
    if words[0] in FAMILY_NAME_FIRST:
        return (words[0],)
    for i, word in enumerate(words[1:], start=1):
        if word in PARTICLES:
            return tuple(words[i:])
    spaces = tokens.spaces
    last_word_start = max(i for i in range(len(words)) if i == 0 or spaces[person.start + i - 1])
    return tuple(words[last_word_start:])


Full = list[tuple[Candidate, tuple[str, ...]]]


def _refers_to(cand: Candidate, person: Candidate, surname: tuple[str, ...]) -> bool:
    """``cand`` is a short, genitive or trailing form of ``person``'s name ("Putin", "Putins", "Wladimir
    Putins", "Lula da Silva" of "Luiz Inácio Lula da Silva")."""
    short = " ".join(surname)
    words, full_words = cand.label.split(), person.label.split()
    trailing = 1 < len(words) < len(full_words) and full_words[-len(words):] == words
    return (genitive_stem(cand.label) or cand.label) == person.label or cand.label in (short, short + "s") or trailing


def _nearest(people: list[Candidate], at: int) -> Candidate | None:
    """The person ``at`` refers to among ``people`` (candidates of full names): the only one, or, when
    different people share the name, the one named last before ``at``; None when none of those was."""
    if len({p.id for p in people}) == 1:
        return people[0]
    before = [p for p in people if p.start < at]
    return max(before, key=lambda p: p.start) if before else None


def _canonical_for(cand: Candidate, full: Full) -> Candidate | None:
    """The full-name person a short or genitive mention refers to."""
    return _nearest([p for p, surname in full if p.label != cand.label and _refers_to(cand, p, surname)], cand.start)


def without_genitive(tokens: Tokens, cand: Candidate) -> Candidate:
    """A German person named in the genitive ("Barack Obamas", "Putins") under the name itself: the last word
    is no known name, its stem is a given or family name."""
    last = tokens.words[cand.end - 1]
    stem = genitive_stem(last, 3)
    if tokens.lang != "de" or cand.type != "person" or not stem or name_classes().get(last) is not None:
        return cand
    if name_classes().get(stem) not in ("given", "family"):
        return cand
    label = cand.label[:-1]
    return replace(cand, id=entity_id("person", label), label=label)


def link_persons(tokens: Tokens, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates with short person names re-pointed at the full name, plus alias mentions found in the text."""
    candidates = [without_genitive(tokens, c) for c in candidates]
    persons = [c for c in candidates if c.type == "person"]
    full = [(p, surname_tokens(tokens, p)) for p in persons if len(p.label.split()) > 1]
    full.sort(key=lambda item: -len(item[0].label))
    linked = []
    for cand in candidates:
        target = _canonical_for(cand, full) if cand.type == "person" else None
        linked.append(replace(cand, id=target.id, label=target.label, kind="alias", attrs={**target.attrs, **cand.attrs}) if target else cand)
    return sorted(linked + _alias_mentions(tokens, full, linked), key=lambda c: c.start)


def _alias_mentions(tokens: Tokens, full: Full, taken: list[Candidate]) -> list[Candidate]:
    """Bare surnames ("Putin", "Putins") not yet covered by another candidate, each of the person named
    last before it when people share the surname."""
    blocked = covered(taken)
    words, starts = tokens.words, tokens.positions
    by_form: dict[tuple[str, ...], list[Candidate]] = {}
    for person, surname in full:
        for form in (surname, genitive(surname)):
            by_form.setdefault(form, []).append(person)
    found = []
    for form, people in sorted(by_form.items(), key=lambda item: -len(item[1][0].label)):
        n = len(form)
        for i in starts.get(form[0], []):
            owner = _nearest(people, i) if tuple(words[i : i + n]) == form and not overlaps(blocked, i, i + n) else None
            if owner:
                attrs = {"leads": owner.attrs["leads"]} if owner.attrs.get("leads") else {}
                found.append(Candidate(i, i + n, "person", owner.id, owner.label, "rule", 0.8, "alias", attrs))
                blocked |= set(range(i, i + n))
    return found
