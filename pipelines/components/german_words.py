"""A German word's class in ``name_classes``, which the German rules share."""

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
