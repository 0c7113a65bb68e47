"""Ordered tables of word beginnings or endings, asked "which entries does this word begin (end) with?".

The lexicon tests scan a table in order for the first entry a word starts or ends with ("abkommen" of
"Freihandelsabkommen"); with a few hundred entries that is a few hundred ``endswith`` calls per new word
form.  ``Affixes`` finds the same entries with one dictionary lookup per length the table holds, and
gives them back in table order, so a caller that takes the first one meeting its own condition keeps the
answer of its scan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, Literal, TypeVar

V = TypeVar("V")
Accept = Callable[[str, str, V], bool]  # (form, affix, value) -> whether the entry counts for the form
Match = tuple[str, str, V]  # (form, affix, value)


class Affixes(Generic[V]):
    """``(affix, value)`` entries in a fixed order, indexed by affix, for words' beginnings (``"start"``)
    or endings (``"end"``)."""

    def __init__(self, entries: Iterable[tuple[str, V]], at: Literal["start", "end"]) -> None:
        self.at = at
        self._entries: dict[str, list[tuple[int, V]]] = {}
        for rank, (affix, value) in enumerate(entries):
            self._entries.setdefault(affix, []).append((rank, value))
        self._lengths = sorted({len(affix) for affix in self._entries}, reverse=True)

    def _affixes(self, word: str) -> Iterable[str]:
        """The beginnings (or endings) of ``word`` as long as an entry, longest first."""
        size = len(word)
        if self.at == "start":
            return (word[:length] for length in self._lengths if length <= size)
        return (word[size - length :] for length in self._lengths if length <= size)

    def first(self, forms: Iterable[str], accept: Accept[V] = lambda form, affix, value: True) -> Match[V] | None:
        """``(form, affix, value)`` of the first entry, in table order, that one of ``forms`` begins (ends)
        with and that ``accept(form, affix, value)``; of two forms matching one entry, the earlier form."""
        best: tuple[int, str, str, V] | None = None
        for form in forms:
            for affix in self._affixes(form):
                for rank, value in self._entries.get(affix, ()):
                    if (best is None or rank < best[0]) and accept(form, affix, value):
                        best = (rank, form, affix, value)
        return None if best is None else best[1:]
