"""kg_paragraphs sets exactly the sentences of spaCy's sentencizer followed by the line-break rule."""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc

from pipelines.components.sentences import break_at_lines, split_sentences
from pipelines.nlp import get_nlp

TEXTS = [
    "", "a", ".", "\n", "Hallo.", "Er sagte: „Nein!“ Dann ging er.\n\nNeu", "…  ?! ) Das (sic.) war's.  \n x",
    "U.S.A. ist. \"Ja.\" Nein", "\n\nA\n \nB. C", "Titel ohne Punkt\nPutin besucht Nordkorea. Kim empfängt ihn!",
]


SENTENCIZER = spacy.blank("de").add_pipe("sentencizer")


def _reference(doc: Doc) -> list[bool | None]:
    """spaCy's sentencizer, then the line-break rule token by token."""
    doc = SENTENCIZER(doc)
    for token in doc[1:]:
        if token.is_space:
            token.is_sent_start = False
        elif "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return [t.is_sent_start for t in doc]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(3)
    pieces = list("ab .!?\n\"()-,;:…") + ["\n\n", "  ", "Wort", "z.B."]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_split_sentences_matches_the_sentencizer_and_line_breaks() -> None:
    nlp = get_nlp("de")
    for text in TEXTS + _random_texts(1500):
        expected = _reference(nlp.make_doc(text))
        assert [t.is_sent_start for t in split_sentences(nlp.make_doc(text))] == expected, repr(text)


def test_break_at_lines_keeps_other_boundaries() -> None:
    doc = get_nlp("de").make_doc("Eins zwei\n\ndrei vier")
    doc[1].is_sent_start = True
    assert [t.is_sent_start for t in break_at_lines(doc)] == [True, True, False, True, None]
