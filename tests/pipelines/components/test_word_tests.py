"""Word tests answered once per form: WordTest's own memory and the per-language FormLog."""

from __future__ import annotations

from pipelines.components.tokens import build_tokens
from pipelines.components.word_tests import FormLog, WordTest
from pipelines.nlp import get_nlp


class Counted:
    """A word test that counts the forms it is asked about."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, word: str) -> bool:
        self.asked.append(word)
        return word[:1].isupper()


def test_word_tests_form_log_answers_each_form_once_per_test() -> None:
    log, counted = FormLog(), Counted()
    test = WordTest(counted)
    first = frozenset({"Kiel", "liegt", "an", "der", "Ostsee"})
    second = frozenset({"Kiel", "und", "Lübeck", "an", "der", "Ostsee"})
    assert log.passing(test, first, log.add(first)) == {"Kiel", "Ostsee"}
    assert log.passing(test, second, log.add(second)) == {"Kiel", "Lübeck", "Ostsee"}
    assert sorted(counted.asked) == sorted(first | second)


def test_word_tests_form_log_catches_up_on_docs_a_test_was_not_asked_about() -> None:
    log, early, late = FormLog(), WordTest(str.istitle), WordTest(Counted())
    docs = [frozenset({"Rom", "ist", "alt"}), frozenset({"Paris", "ist", "groß"}), frozenset({"Wien", "auch"})]
    epochs = [log.add(words) for words in docs]
    assert log.passing(early, docs[0], epochs[0]) == {"Rom"}
    assert log.passing(late, docs[2], epochs[2]) == {"Wien"}  # answers the forms of all three Docs
    assert log.passing(early, docs[2], epochs[2]) == {"Wien"}
    assert log.passing(late, docs[1], epochs[1]) == {"Paris"}


def test_word_tests_form_log_starts_afresh_past_its_memory() -> None:
    log, test = FormLog(memory=4), WordTest(str.istitle)
    old = frozenset({"Bonn", "war", "Hauptstadt"})
    old_epoch = log.add(old)
    new = frozenset({"Berlin", "ist", "es", "heute"})
    assert log.add(new) == old_epoch + 1
    assert log.passing(test, new, old_epoch + 1) == {"Berlin"}
    # a Doc logged before the fresh start is logged again when a test asks about it
    assert log.passing(test, old, old_epoch) == {"Bonn", "Hauptstadt"}


def test_word_tests_tokens_where_finds_the_tokens_of_passing_words() -> None:
    tokens = build_tokens(get_nlp("de")("Kiel grüßt Kiel und die Ostsee."))
    assert tokens.where(WordTest({"Kiel", "Ostsee"}.__contains__)) == [0, 2, 5]
    assert tokens.passing(WordTest(str.islower)) == {"grüßt", "und", "die"}
