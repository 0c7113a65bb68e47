"""English person rules: where a given name opens a person's name though a place has the same name, and
which capitalised words only describe a person.

- A one-word place or country that is also a given name opens a person's name when a name word that no
  lexicon knows follows it ("Elizabeth Cronmiller", "Chad Edward Gaudin"), though not after a preposition
  of place ("in Paris Macron met"); a one-word country right
  after a given name is that person's family name ("Michael Jordan").
- A short family name before a hyphenated given name of two short syllables is a person, as Korean names
  are written ("Hwang Hee-chan").
- A common word glued by a hyphen to a lower-case common word heads a compound ("Prize-winner",
  "award-winning"): no name runs through it ("a Booker Prize-winner" names nobody).
- A lone capitalised word after an article ("the Joker") or that the article also writes in the plural ("Muslims") or after a lower-case
  prefix and a hyphen ("non-Muslim") is a descriptor, not a person ("Muslim").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.english_rules import PLACE_PREPOSITIONS
from pipelines.components.names import capitalised_run, is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import covered, glued_hyphen
from pipelines.knowledge.people import english_given_forms, english_given_names, first_names, is_english_word

MAX_MORE_NAMES = 3  # name words after the given name ("Chad Edward Gaudin")
ARTICLES = frozenset({"the", "a", "an"})
MIN_COMPOUND_PART = 4
MAX_SYLLABLE = 5  # letters of a syllable of a Korean name ("Hwang", "Heung")  # letters of the head of a compound; its tail has more ("Prize-winner")


def given_name_places(tokens: Tokens, known: list[Candidate], ends_name: Callable[[str], bool]) -> tuple[list[Candidate], list[Candidate]]:
    """``known`` less the places and countries that are part of a person's name, and the persons that a
    place's name opens; ``ends_name`` tells the words that end an organisation's or a place's name
    ("Foundation", "Stadium"), after which the run names no person."""
    taken = covered(known)
    opened = [p for c in known if (p := _opened_person(tokens, c, taken, ends_name))]
    inside = covered(opened)
    kept = [c for c in known if inside.isdisjoint(range(c.start, c.end)) and not _surname_country(tokens, c, taken)]
    return kept, opened


def _one_word_name(cand: Candidate) -> bool:
    return cand.type in ("place", "country") and cand.kind == "name" and cand.length == 1


def _opened_person(tokens: Tokens, cand: Candidate, taken: set[int], ends_name: Callable[[str], bool]) -> Candidate | None:
    """The person whose name ``cand`` (a given name that is also a place) opens, if an unknown name word
    follows it."""
    start, nxt = cand.start, cand.end
    if not _one_word_name(cand) or tokens.words[start] not in english_given_forms() or nxt >= len(tokens):
        return None
    word = tokens.words[nxt]
    in_run = start > 0 and is_name_word(tokens.words[start - 1], "en")  # "University of Texas Arlington Jane Doe"
    after_preposition = start > 0 and tokens.lower[start - 1] in PLACE_PREPOSITIONS  # "In Paris Macron met"
    if in_run or after_preposition or nxt in taken or not is_name_word(word, "en") or word.isupper() or is_english_word(word):
        return None
    end = capitalised_run(tokens, nxt, taken, MAX_MORE_NAMES)
    last = tokens.words[end - 1]
    return None if ends_name(last) or _plural(last) else rule_candidate(tokens, start, end, "person", {})


def _plural(word: str) -> bool:
    """A word with a plural's ending, as a team's name has ("Boston Bruins"); this costs the family
    names that end in "s" after a place's given name."""
    return word.endswith("s") and not word.endswith("ss")


def _surname_country(tokens: Tokens, cand: Candidate, taken: set[int]) -> bool:
    """``cand`` is a one-word country right after a free given name of the English word clusters or the
    curated list (the world's given names hold words such as "Nazi"), with no capitalised word after it
    ("Michael Jordan")."""
    i = cand.start
    before_given = i > 0 and i - 1 not in taken and tokens.words[i - 1] in common_given_names()
    free_after = cand.end < len(tokens) and is_name_word(tokens.words[cand.end], "en")
    return cand.type == "country" and _one_word_name(cand) and before_given and not free_after


@cache
def common_given_names() -> frozenset[str]:
    """The given names of the English word clusters and the curated list, without the world's."""
    return english_given_names() | first_names()


def hyphenated_given_names(tokens: Tokens, taken: set[int]) -> list[Candidate]:
    """Persons named by a short family name and a hyphenated given name of two short syllables, as Korean
    names are written ("Hwang Hee-chan"); no part held by another entity."""
    found = []
    for i in tokens.positions.get("-", []):
        start = i - 2
        if start >= 0 and glued_hyphen(tokens, i) and taken.isdisjoint(range(start, i + 2)) and _syllables(tokens, start, i):
            found.append(rule_candidate(tokens, start, i + 2, "person", {}))
    return found


def _syllables(tokens: Tokens, start: int, hyphen: int) -> bool:
    """Tokens ``start``, ``hyphen - 1`` and ``hyphen + 1`` read "Hwang Hee-chan": short capitalised words
    (the last in either case), the first standing apart and no common word (syllables may be: "Hee",
    "Chan")."""
    family, first, second = tokens.words[start], tokens.words[hyphen - 1], tokens.words[hyphen + 1]
    shapes = family.istitle() and first.istitle() and (second.istitle() or second.islower())
    short = all(word.isalpha() and len(word) <= MAX_SYLLABLE for word in (family, first, second))
    apart = tokens.spaces[start] and (start == 0 or not is_name_word(tokens.words[start - 1], "en"))
    return shapes and short and bool(apart) and not is_english_word(family)


def compound_heads(tokens: Tokens) -> set[int]:
    """Token indexes of capitalised common words glued by a hyphen to a lower-case common word ("Prize" of
    "Prize-winner"), and of the hyphen and the word after: a compound, no part of a name."""
    heads: set[int] = set()
    for i in tokens.positions.get("-", []):
        head, tail = tokens.words[i - 1], tokens.words[i + 1] if i + 1 < len(tokens) else ""
        if glued_hyphen(tokens, i) and _compound(head, tail):
            heads |= {i - 1, i, i + 1}
    return heads


def _compound(head: str, tail: str) -> bool:
    """A capitalised common word and a lower-case common word of compound length ("Prize", "winner"); the
    short parts of East Asian given names ("Lung-bin", "Ki-moon") are no compound."""
    lengths = len(head) >= MIN_COMPOUND_PART and len(tail) > MIN_COMPOUND_PART
    return lengths and head[:1].isupper() and tail.islower() and is_english_word(head) and is_english_word(tail)


def without_descriptors(tokens: Tokens, persons: list[Candidate]) -> list[Candidate]:
    """``persons`` less the one-word names after an article ("the Joker") and those the article also uses
    as a common word: in the plural or after a lower-case prefix and a hyphen ("Muslims", "non-Muslim")."""
    return [p for p in persons if p.length > 1 or not (_after_article(tokens, p.start) or _descriptor(tokens, tokens.words[p.start]))]


def _after_article(tokens: Tokens, i: int) -> bool:
    return i > 0 and tokens.lower[i - 1] in ARTICLES


def _descriptor(tokens: Tokens, word: str) -> bool:
    prefixed = any(i > 1 and glued_hyphen(tokens, i - 1) and tokens.words[i - 2].islower() for i in tokens.positions.get(word, []))
    return word + "s" in tokens.positions or prefixed
