"""English names that no lexicon knows, told by the words around them.

An organisation stands before "'s chief executive" or "said in a statement" and after "shares of" or
"a spokesman for"; a website is named by its domain ("Gawker.com"); a person stands before an age
("Jones, 45,") or a verb of saying ("Dries Mertens said"), after "said" or after a role word and a comma
("the team's coach, Ana Perez,"), and beside a person in a list of names ("Yannick Carrasco and Dries
Mertens"). Once a name is found so, its other mentions in the article are the same entity.

The cues are data (``CONTEXT_CUES``); each is a phrase of lower-case words on one side of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.names import free_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest, overlaps
from pipelines.knowledge.people import is_english_word, role_for_word

MAX_WORDS = 3


@dataclass(frozen=True)
class Cue:
    """Words (lower case, as tokenised) that stand right ``before`` or right ``after`` a name of
    ``etype``; ``min_words`` is the fewest words the name must have."""

    etype: str
    side: str
    words: tuple[str, ...]
    min_words: int = 1


def _cues(etype: str, side: str, phrases: str, min_words: int = 1) -> tuple[Cue, ...]:
    return tuple(Cue(etype, side, tuple(p.split()), min_words) for p in phrases.split(";"))


_OWNED = "chief executive;ceo;spokesman;spokeswoman;spokesperson;chairman;chairwoman;co - founder;founder;shares;website;headquarters;subsidiary;employees;board of directors"
CONTEXT_CUES = (
    _cues("organization", "after", ";".join(f"'s {p}" for p in _OWNED.split(";")))
    + _cues("organization", "after", "co - founder;chief executive;ceo;spokesman;spokeswoman;spokesperson;said in a statement;announced on;inc;ltd;plc;corp")
    + _cues("organization", "before", "shares of;shares in;spokesman for;spokeswoman for;spokesperson for;a statement from;employees of;acquired by;subsidiary of;chief executive of;ceo of;co - founder of;founder of")
    + _cues("person", "after", "said;says;told;added;scored;explained", min_words=2)
    + _cues("person", "before", "said;says;according to", min_words=2)
)
_DOMAIN = re.compile(r"^[A-Z][\w-]*\.(?:com|org|net|gov|edu|info|io|co\.uk)$")
DOMAINS = WordTest(lambda word: bool(_DOMAIN.match(word)))
# Joiners of a list of names ("A, B and C").
LIST_JOINERS = frozenset({",", "and", "or"})


def cue_candidates(tokens: Tokens, taken: set[int], persons: list[Candidate]) -> list[Candidate]:
    """Names found by ``CONTEXT_CUES``, websites by their domain, persons before an age, after a role
    and a comma, or listed beside ``persons``, each with its other mentions in the article; none on
    ``taken`` tokens nor the surname of one of ``persons``, and no person whose last word is a common
    English word ("Vertical Horizon")."""
    surnames = {tokens.words[p.end - 1] for p in persons}
    found = _by_cues(tokens, taken, surnames) + _domains(tokens, taken)
    found += _before_age(tokens, taken) + _after_role(tokens, taken) + _listed_persons(tokens, taken, persons)
    found = [c for c in found if c.type != "person" or not is_english_word(tokens.words[c.end - 1])]
    return found + _other_mentions(tokens, taken, found)


def _name_word(tokens: Tokens, i: int, taken: set[int]) -> bool:
    return 0 <= i < len(tokens) and free_name_word(tokens, i, taken)


def _name_before(tokens: Tokens, end: int, taken: set[int]) -> int:
    """The start of the run of free name words that ends at ``end`` (``end`` when there is none)."""
    start = end
    while end - start < MAX_WORDS and _name_word(tokens, start - 1, taken):
        start -= 1
    return start


def _name_after(tokens: Tokens, start: int, taken: set[int]) -> int:
    """The end of the run of free name words from ``start`` (``start`` when there is none)."""
    end = start
    while end - start < MAX_WORDS and _name_word(tokens, end, taken):
        end += 1
    return end


def _matches(tokens: Tokens, at: int, words: tuple[str, ...]) -> bool:
    return tuple(tokens.lower[at : at + len(words)]) == words


def _by_cues(tokens: Tokens, taken: set[int], surnames: set[str]) -> list[Candidate]:
    found = []
    for cue in CONTEXT_CUES:
        for at in tokens.positions.get(cue.words[0], []) + tokens.positions.get(cue.words[0].capitalize(), []):
            if not _matches(tokens, at, cue.words):
                continue
            if cue.side == "after":
                start, end = _name_before(tokens, at, taken), at
            else:
                start = at + len(cue.words) + (1 if tokens.lower[at + len(cue.words) : at + len(cue.words) + 1] == ["the"] else 0)
                end = _name_after(tokens, start, taken)
            if end - start >= cue.min_words and _plausible(tokens, start, end, surnames):
                found.append(rule_candidate(tokens, start, end, cue.etype, {}))
    return found


def _plausible(tokens: Tokens, start: int, end: int, surnames: set[str]) -> bool:
    """A one-word name is no common English word and no surname of a person of the article."""
    word = tokens.words[start]
    return end - start > 1 or not (is_english_word(word) or word in surnames)


def _domains(tokens: Tokens, taken: set[int]) -> list[Candidate]:
    return [rule_candidate(tokens, i, i + 1, "organization", {}) for i in tokens.where(DOMAINS) if i not in taken]


def _age_at(tokens: Tokens, i: int) -> bool:
    """Tokens ``i``… read ", 45," (an age in an apposition)."""
    words = tokens.words
    return i + 2 < len(words) and words[i] == "," and words[i + 1].isdigit() and 0 < int(words[i + 1]) < 120 and words[i + 2] in (",", ".", ")")


def _before_age(tokens: Tokens, taken: set[int]) -> list[Candidate]:
    found = []
    for i in tokens.positions.get(",", []):
        start = _name_before(tokens, i, taken)
        if start < i and _age_at(tokens, i) and not (i - start == 1 and is_english_word(tokens.words[start])):
            found.append(rule_candidate(tokens, start, i, "person", {}))
    return found


def _after_role(tokens: Tokens, taken: set[int]) -> list[Candidate]:
    """A name of two or three words between commas right after a role word ("its coach, Ana Perez,")."""
    found = []
    for i in tokens.positions.get(",", []):
        end = _name_after(tokens, i + 1, taken)
        closed = end < len(tokens) and tokens.words[end] in (",", ".")
        if i > 0 and end - i > 2 and closed and role_for_word(tokens.words[i - 1], "en"):
            found.append(rule_candidate(tokens, i + 1, end, "person", {}))
    return found


def _listed_persons(tokens: Tokens, taken: set[int], persons: list[Candidate]) -> list[Candidate]:
    """Names of two or three words listed right before or after a person's name ("A, B and C")."""
    found = []
    for person in persons:
        if person.length < 2:
            continue
        for start, end in _list_neighbours(tokens, person, taken):
            if 2 <= end - start <= MAX_WORDS:
                found.append(rule_candidate(tokens, start, end, "person", {}))
    return found


def _list_neighbours(tokens: Tokens, person: Candidate, taken: set[int]) -> list[tuple[int, int]]:
    """The runs of name words joined to ``person`` by a comma, "and" or "or" (", and" too)."""
    after = person.end + 1 + (tokens.words[person.end + 1 : person.end + 2] == ["and"])
    before = person.start - 1 - (tokens.words[person.start - 2 : person.start - 1] == [","])
    runs = []
    if person.end < len(tokens) and tokens.words[person.end] in LIST_JOINERS:
        runs.append((after, _name_after(tokens, after, taken)))
    if person.start > 1 and tokens.words[person.start - 1] in LIST_JOINERS:
        runs.append((_name_before(tokens, before, taken), before))
    return runs


def _other_mentions(tokens: Tokens, taken: set[int], found: list[Candidate]) -> list[Candidate]:
    """The other mentions of the names in ``found``: the same words where no entity stands."""
    seen = {(c.start, c.end) for c in found}
    more = []
    for cand in {c.label: c for c in found}.values():
        words = tokens.words[cand.start : cand.end]
        for i in tokens.positions.get(words[0], []):
            end = i + len(words)
            if (i, end) not in seen and tokens.words[i:end] == words and not overlaps(taken, i, end) and not _name_word(tokens, end, taken):
                more.append(rule_candidate(tokens, i, end, cand.type, {}))
    return more
