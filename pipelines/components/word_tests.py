"""Yes/no questions about words: about word forms, answered once per form for a stream of Docs
(``WordTest``, ``FormLog``), and the tests about one token and its neighbours that the name rules share (glued
hyphens, the genitive "s", tokens already covered)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, KeysView
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pipelines.components.tokens import Tokens


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


class FormLog:
    """The distinct word forms of a stream of Docs (of one language), logged once each in the order they
    first came, so that each ``WordTest`` answers each form once, when it is next asked.

    ``WordTest.hits`` looks a Doc's distinct words up in the test's own memory of failing forms: a walk
    over a large set per test and Doc, and eleven tests ask about every Doc.  Here a Doc's words are
    looked up once (``add``) and each test only answers the forms logged since it last answered
    (``passing``).  Past ``memory`` forms the log starts afresh and every test with it.
    """

    def __init__(self, memory: int = 50_000) -> None:
        self.memory = memory
        self.epoch = 0  # counts the fresh starts; words added under an older one are added again
        self._seen: set[str] = set()
        self._batches: list[frozenset[str]] = []
        self._answered: dict[WordTest, tuple[int, set[str]]] = {}  # test -> (batches answered, forms passing)

    def add(self, words: frozenset[str]) -> int:
        """Log those of ``words`` not logged yet; the epoch under which all of ``words`` are logged."""
        new = words.difference(self._seen)
        if new and len(self._seen) + len(new) > self.memory:
            self._seen.clear()
            self._batches.clear()
            self._answered.clear()
            self.epoch += 1
            new = words
        if new:
            self._seen.update(new)
            self._batches.append(new)
        return self.epoch

    def passing(self, test: WordTest, words: frozenset[str], epoch: int) -> set[str]:
        """The ``words`` (added under ``epoch``) that pass ``test``."""
        if epoch != self.epoch:
            self.add(words)
        done, passes = self._answered.get(test, (0, set()))
        for batch in self._batches[done:]:
            passes.update(filter(test.test, batch))
        self._answered[test] = (len(self._batches), passes)
        return passes.intersection(words)


# The tests the name rules share about one token and its neighbours: hyphens glued to a word, the German
# genitive "s", tokens already held by a span. One concept, one function.
HYPHENS = ("-", "–")


class Span(Protocol):
    """Anything over tokens ``[start, end)`` (a candidate)."""

    start: int
    end: int


def in_capitals_line(tokens: Tokens, i: int) -> bool:
    """Token ``i`` stands in a sentence written mostly in capitals (a headline or dateline line)."""
    start, end = tokens.sents[tokens.sent_of[i]]
    words = [w for w in tokens.words[start:end] if w[:1].isalpha()]
    return sum(w.isupper() for w in words) * 2 > len(words)


def glued_to_next(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is followed by a hyphen without a space between ("Merkel" of "Merkel-Regierung")."""
    return i + 1 < len(tokens) and not tokens.spaces[i] and tokens.words[i + 1] == "-"


def glued_to_previous(tokens: Tokens, i: int) -> bool:
    """Token ``i`` follows a hyphen or dash without a space between: it ends a compound ("Star" of "Bayern-Star")."""
    return i > 0 and tokens.words[i - 1] in HYPHENS and not tokens.spaces[i - 1]


def glued_hyphen(tokens: Tokens, i: int, hyphens: tuple[str, ...] = ("-",)) -> bool:
    """Token ``i`` is one of ``hyphens`` glued to the words on both sides ("Jong" "-" "un")."""
    return 0 < i and i + 1 < len(tokens) and tokens.words[i] in hyphens and not tokens.spaces[i - 1] and not tokens.spaces[i]


def genitive_stem(word: str, shortest: int = 0) -> str | None:
    """The name whose German genitive ``word`` may be ("Merkels" -> "Merkel"), when that stem has at least
    ``shortest`` letters; None for a word without the "s"."""
    return word[:-1] if word.endswith("s") and len(word) > shortest else None


def genitive(words: tuple[str, ...]) -> tuple[str, ...]:
    """The German genitive of a name's words: an "s" on the last one (("Wladimir", "Putin") -> ("Wladimir",
    "Putins"))."""
    return words[:-1] + (words[-1] + "s",)


def covered(spans: Iterable[Span]) -> set[int]:
    """Token indexes inside any of ``spans``."""
    return {i for s in spans for i in range(s.start, s.end)}


def overlaps(taken: set[int], start: int, end: int) -> bool:
    """One of tokens ``[start, end)`` is in ``taken``."""
    return not taken.isdisjoint(range(start, end))
