"""Long texts extracted in pieces under spaCy's limit; the record's offsets point into the whole text."""

from __future__ import annotations

import pytest

from pipelines.extract import extract
from pipelines.pieces import MAX_PIECE_CHARS, pieces
from pipelines.records import Article
from pipelines.sources import article_from_fields

WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützen"
FILLER = (" ".join([WORD] * 20) + ".\n\n")


def test_pieces_cut_after_paragraphs_under_the_limit() -> None:
    text = "Erster Absatz.\n\nZweiter Absatz.\n\nDritter."
    assert pieces(text, limit=20) == [(0, 16), (16, 33), (33, 41)]


def test_pieces_fall_back_to_words_and_characters() -> None:
    assert pieces("aaa bbb ccc", limit=5) == [(0, 4), (4, 8), (8, 11)]
    assert pieces("x" * 12, limit=5) == [(0, 5), (5, 10), (10, 12)]


def test_pieces_short_text_is_one_piece() -> None:
    assert pieces("kurz", limit=MAX_PIECE_CHARS) == [(0, 4)]


@pytest.fixture(scope="module")
def long_article() -> Article:
    """An article over spaCy's 1,000,000-character limit, with names at both ends."""
    body = "Olaf Scholz reist nach Paris.\n\n" + FILLER * (1_050_000 // len(FILLER)) + "Emmanuel Macron empfängt Olaf Scholz in Paris."
    article = article_from_fields(body, key="long", title="Ein sehr langer Bericht", lang="de")
    assert isinstance(article, Article) and len(article.text) > 1_000_000
    return article


def test_extract_text_over_spacy_limit_offsets_point_into_whole_text(long_article: Article) -> None:
    record = extract(long_article)
    assert record.text == long_article.text
    mentions = {e.id: e.mentions for e in record.entities}
    assert [m.start > 1_000_000 for m in mentions["person:olaf-scholz"]] == [False, True]
    assert "person:emmanuel-macron" in mentions
    for entity in record.entities:
        for mention in entity.mentions:
            assert record.text[mention.start : mention.end] == mention.text
            sentence = record.sentences[mention.sentence]
            assert sentence.start <= mention.start < mention.end <= sentence.end


def test_extract_text_over_spacy_limit_relations_name_their_sentence(long_article: Article) -> None:
    record = extract(long_article)
    assert record.relations and all(
        record.text[record.sentences[r.sentence].start : record.sentences[r.sentence].end] == r.evidence for r in record.relations
    )
