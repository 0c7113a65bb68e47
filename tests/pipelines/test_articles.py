"""From an input's fields to a clean Article: repairs and dropped values are noted, never fatal."""

from __future__ import annotations

from pipelines.articles import article_from_fields, last_wins
from pipelines.records import Article, Notice, Rejection

BODY = "Bundeskanzler Olaf Scholz ist am Montag nach Paris gereist, wo er Emmanuel Macron traf."


def _article(**fields: str) -> Article:
    article = article_from_fields(fields.pop("text", BODY), key="k", where="in.jsonl:line 3", lang="de", **fields)
    assert isinstance(article, Article), article
    return article


def test_article_published_rss_date_becomes_iso() -> None:
    article = _article(published="Wed, 19 Jun 2024 10:00:00 GMT")
    assert (article.published, article.notices) == ("2024-06-19", ())


def test_article_published_german_date_becomes_iso() -> None:
    assert _article(published="19. Juni 2024").published == "2024-06-19"


def test_article_impossible_date_dropped_with_notice() -> None:
    article = _article(published="2024-02-30")
    assert article.published == ""
    assert article.notices == (
        Notice("in.jsonl:line 3", "published date dropped: '2024-02-30' is not a valid date (day is out of range for month)"),
    )


def test_article_nul_bytes_removed_from_id_title_text_with_notices() -> None:
    article = _article(text=BODY.replace("Paris", "Pa\x00ris"), title="Scholz\x00 in Paris", given_id="a\x001", source="Agentur\x00")
    assert (article.id, article.title, article.source) == ("a1", "Scholz in Paris", "Agentur")
    assert "\x00" not in article.text and "Paris gereist" in article.text
    assert [n.reason.split(" ")[0] for n in article.notices] == ['"text"', '"title"', '"id"', '"source"']


def test_article_lone_surrogate_replaced_with_notice() -> None:
    article = _article(text=BODY + " \ud800", url="https://example.org/\udcff")
    assert article.text.endswith("\ufffd") and article.url == "https://example.org/\ufffd"
    assert article.text.encode("utf-8") and len(article.notices) == 2


def test_rejection_and_notice_escape_newlines() -> None:
    assert str(Rejection("a\nrejected: b.txt", "x\ny")) == "a\\nrejected: b.txt: x\\ny"
    assert Notice("a", "b") != Rejection("a", "b")


def _line(number: int, given_id: str) -> tuple[int, Article | Rejection]:
    if not given_id:
        return number, Rejection(f"line {number}", "invalid JSON")
    article = article_from_fields(f"{BODY} {number}", key=f"id:{given_id}", given_id=given_id, where=f"line {number}")
    return number, article


def test_last_wins_keeps_the_last_of_an_id_and_notes_the_others() -> None:
    items = [_line(1, "a"), _line(2, "b"), _line(3, "a"), _line(4, ""), _line(5, "a")]
    kept = list(last_wins(items, {"id:a": 5, "id:b": 2}))
    assert [getattr(item, "id", "rejected") for item in kept] == ["b", "rejected", "a"]
    last = kept[2]
    assert isinstance(last, Article) and last.text.endswith(" 5")
    assert [n.where for n in last.notices] == ["line 1", "line 3"]
    assert last.notices[0].reason == "duplicate id 'a': replaced by the later one at line 5 (the last one wins)"
