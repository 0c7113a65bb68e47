"""Yes/no questions about word forms, answered once per form for a stream of Docs."""

from __future__ import annotations

from typing import Callable, KeysView


class WordTest:
    """A yes/no question about a word form, such as "does it name an agreement?".

    Lexicon rules single out few words, so the forms that fail are remembered (up to ``memory``
    of them) and a Doc's distinct words are tested by one set difference; asking per token cost
    a cached call per token and rule.
    """

    def __init__(self, test: Callable[[str], object], memory: int = 50_000) -> None:
        self.test, self.memory = test, memory
        self._passes: set[str] = set()
        self._fails: set[str] = set()

    def hits(self, words: KeysView[str] | frozenset[str] | set[str]) -> set[str]:
        """The ``words`` that pass (distinct words: a set is used as it is, without a copy)."""
        if len(self._passes) + len(self._fails) > self.memory:
            self._passes.clear()
            self._fails.clear()
        # set.difference walks the (small) left side; ``words - fails`` would walk all of ``fails``.
        distinct = words if isinstance(words, (set, frozenset)) else set(words)
        hits = self._passes.intersection(distinct)  # a set, walking the smaller side
        for word in distinct.difference(self._fails).difference(hits):
            if self.test(word):
                hits.add(word)
                self._passes.add(word)
            else:
                self._fails.add(word)
        return hits
