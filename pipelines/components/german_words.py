"""Facts about single German words that the German rules share: a word's class in ``name_classes``, and
whether a token is glued to a hyphen after it."""

from __future__ import annotations

from functools import lru_cache

from pipelines.components.tokens import Tokens
from pipelines.knowledge.people import name_classes


@lru_cache(maxsize=200_000)
def word_class(word: str) -> str | None:
    """The class of ``word`` in ``name_classes``, or of the name whose genitive it is ("Wetzlars")."""
    classes = name_classes()
    found = classes.get(word)
    if found is None and len(word) > 3 and word[-1] == "s":
        found = classes.get(word[:-1])
    return found


def glued_to_next(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is followed by a hyphen without a space between."""
    return i + 1 < len(tokens) and not tokens.spaces[i] and tokens.words[i + 1] == "-"
