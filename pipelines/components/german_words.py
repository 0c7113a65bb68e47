"""A German word's class in ``name_classes``, and whether it is a compound of a common noun: the word tests
the German rules share."""

from __future__ import annotations

from functools import lru_cache

from pipelines.components.word_tests import genitive_stem
from pipelines.knowledge.people import name_classes


@lru_cache(maxsize=200_000)
def word_class(word: str) -> str | None:
    """The class of ``word`` in ``name_classes``, or of the name whose genitive it is ("Wetzlars")."""
    classes = name_classes()
    found = classes.get(word)
    stem = genitive_stem(word, 3) if found is None else None
    return classes.get(stem) if stem else found


# Nouns that end place names: "Homburg", "Joachimsthal", "Neudorf", "Karlstadt".
PLACE_TAILS = frozenset("Burg Berg Tal Thal Dorf Stadt Feld Heim Bach Hof Hausen Au Aue See Brück Brücken Furt Kirchen Born Rode Wald Hain Stein".split())


def noun_compound(word: str) -> bool:
    """``word`` ends in a known common noun of three letters or more that is no usual end of a place name."""
    nouns = name_classes()
    for k in range(3, len(word) - 3):
        tail = word[k].upper() + word[k + 1 :]
        if nouns.get(tail) == "noun":
            return tail not in PLACE_TAILS
    return False
