"""Evidence for the drill-down: grouping, highlighting, escaping."""

from __future__ import annotations

import html
from pathlib import Path

from explorer.evidence import article_header, highlight, mention_evidence, relation_evidence
from pipelines.ingest import IngestReport
from pipelines.store import Store

PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def test_highlight_escapes_text_and_marks_spans() -> None:
    sentence = f"Putin {PAYLOAD} traf Kim."
    out = highlight(sentence, [(0, 5), (len(sentence) - 4, len(sentence) - 1)])
    assert out.startswith("<mark>Putin</mark>") and out.endswith("<mark>Kim</mark>.")
    assert "<script>" not in out and "<img" not in out and html.unescape(out) == f"<mark>Putin</mark> {PAYLOAD} traf <mark>Kim</mark>."


def test_highlight_leaves_no_markdown_syntax() -> None:
    sentence = "Gipfel ![x](http://example.invalid/a.png) **fett** :red[rot] $x$"
    out = highlight(sentence, [(0, 6)])
    assert not any(syntax in out for syntax in ("![", "](", "**", ":red[", "$x$"))
    assert html.unescape(out).replace("\u2060", "") == f"<mark>Gipfel</mark>{sentence[6:]}"


def test_highlight_ignores_overlapping_and_out_of_range_spans() -> None:
    assert highlight("abcdef", [(0, 3), (2, 4), (5, 99)]) == "<mark>abc</mark>def"


def test_mention_evidence_groups_by_article_with_every_putin_mention(sample_db: tuple[Path, IngestReport]) -> None:
    db, _ = sample_db
    with Store.open(db) as store:
        rows = store.mentions("person:wladimir-putin")
    articles = mention_evidence(rows)
    assert len(articles) == len({r["document_id"] for r in rows})
    marked = [s for a in articles for s in a.sentences]
    assert all("<mark>" in s for s in marked)
    assert sum(s.count("<mark>") for s in marked) == len(rows)
    assert any("<mark>Putin" in s for s in marked)


def test_relation_evidence_highlights_endpoint_names_and_notes_modality() -> None:
    rows = [{"document_id": "d1", "document_title": "T", "sentence_text": "Putin wird nach Vietnam reisen.", "modality": "planned"}]
    (article,) = relation_evidence(rows, ["Putin", "Vietnam"])
    assert article.sentences == ['<mark>Putin</mark> wird nach <mark>Vietnam</mark> reisen. <span class="kg-modality">(planned)</span>']


def test_article_header_escapes_title_and_links_only_http_urls() -> None:
    rows = [{"document_id": "d", "document_title": PAYLOAD, "document_url": "javascript:alert(1)", "sentence_text": "x"}]
    (article,) = relation_evidence(rows)
    header = article_header(article)
    assert "<script>" not in header and "href" not in header and html.unescape(header).count(PAYLOAD) == 1
    rows[0]["document_url"] = "https://example.org/a?b=1&c=2"
    assert 'href="https://example.org/a?b=1&amp;c=2"' in article_header(relation_evidence(rows)[0])


def test_relation_evidence_says_a_gazetteer_fact_is_not_stated() -> None:
    rows = [{"document_id": "d1", "sentence_text": "Kim empfing Gäste in Pjöngjang.", "basis": "gazetteer"},
            {"document_id": "d1", "sentence_text": "Putin besuchte Pjöngjang.", "basis": "text"}]
    (article,) = relation_evidence(rows)
    assert article.sentences[0].endswith('<span class="kg-basis">(from the gazetteer, not stated in the sentence)</span>')
    assert "kg-basis" not in article.sentences[1]
