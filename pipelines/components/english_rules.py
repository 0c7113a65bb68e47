"""English-only entity rules: organisation acronyms from the English word clusters ("NASA", "FIFA",
"NHS"), and names written in capitals (datelines "WASHINGTON, March 3 -", headlines) read as the known
name they spell."""

from __future__ import annotations

import re
from functools import lru_cache

from babel.numbers import list_currencies

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.gazetteer import Gazetteer
from pipelines.components.names import CALENDAR, free_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest, covered
from pipelines.knowledge.people import english_name_classes

_CAPITALS = re.compile(r"^[A-Z][A-Z'’.-]{2,}$")
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "via", "towards"})
_ACRONYM = re.compile(r"^[A-Z]{3,6}$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")  # "XVII" numbers a pope, a king or a congress
UNKNOWN_ACRONYMS = WordTest(lambda word: _unknown_acronym(word))
ACRONYMS = WordTest(lambda word: english_name_classes().get(word) == "organization")
CAPITALISED = WordTest(lambda word: bool(_CAPITALS.match(word)) and english_name_classes().get(word) != "organization")


def english_candidates(tokens: Tokens, blocked: set[int], gazetteer: Gazetteer) -> list[Candidate]:
    """The English rules' candidates outside ``blocked``."""
    return acronym_organizations(tokens, blocked) + names_in_capitals(tokens, blocked, gazetteer)


def acronym_organizations(tokens: Tokens, blocked: set[int]) -> list[Candidate]:
    """An acronym of the organisation clusters is an organisation, and so is one the clusters do not
    know as anything else ("AHAC", "BWF"; not "GDP", "CEO" or a currency), outside lines in capitals."""
    hits = [i for i in tokens.where(ACRONYMS) if i not in blocked]
    hits += [i for i in tokens.where(UNKNOWN_ACRONYMS) if i not in blocked and not _in_capitals_line(tokens, i)]
    return [rule_candidate(tokens, i, i + 1, "organization", {}) for i in sorted(hits)]


def _in_capitals_line(tokens: Tokens, i: int) -> bool:
    """Token ``i`` stands in a sentence written mostly in capitals (a headline or dateline line)."""
    start, end = tokens.sents[tokens.sent_of[i]]
    words = [w for w in tokens.words[start:end] if w[:1].isalpha()]
    return sum(w.isupper() for w in words) * 2 > len(words)


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _unknown_acronym(word: str) -> bool:
    return (
        bool(_ACRONYM.match(word)) and not _ROMAN.match(word)
        and word not in english_name_classes() and word not in _currencies()
    )


def names_in_capitals(tokens: Tokens, blocked: set[int], gazetteer: Gazetteer) -> list[Candidate]:
    """Known names written in capitals ("WASHINGTON", "NEW YORK"), found by their usual spelling; every
    word of the match must be in capitals."""
    capitals = [i for i in tokens.where(CAPITALISED) if i not in blocked]
    if not capitals:
        return []
    words = list(tokens.words)
    for i in capitals:
        words[i] = _usual_case(words[i])
    in_capitals = set(capitals)
    starts = [i for i in capitals if gazetteer.first_words.hits({words[i]})]
    return [
        Candidate(start, end, e.type, e.id, e.label, "gazetteer", e.score * 0.9, e.kind, dict(e.attrs))
        for start, end, e in gazetteer.find(words, starts)
        if e.type and in_capitals.issuperset(range(start, end))
    ]


def places_inside_names(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """Drop a place or country that a capitalised word no entity holds continues ("Norwich Union",
    "Montreal Canadiens", "Sheffield Wednesday"): it is part of a longer name, not the place; unless a
    preposition of place opens it ("in Paris Macron met …")."""
    taken = covered(chosen)
    return [c for c in chosen if not (
        c.type in ("place", "country") and c.kind == "name" and _continued(tokens, c.end, taken)
        and not (c.start > 0 and tokens.lower[c.start - 1] in PLACE_PREPOSITIONS)
    )]


def _continued(tokens: Tokens, end: int, taken: set[int]) -> bool:
    return (
        end < len(tokens) and not tokens.spaces[end - 1] is False
        and tokens.sent_of[end] == tokens.sent_of[end - 1]
        and (free_name_word(tokens, end, taken) or tokens.words[end] in CALENDAR)
    )


def _usual_case(word: str) -> str:
    """ "WASHINGTON" -> "Washington", "BOSNIA-HERZEGOVINA" -> "Bosnia-Herzegovina"."""
    return "-".join(part.capitalize() for part in word.split("-"))
