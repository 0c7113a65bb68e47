"""Evidence sentences for the drill-down: grouped by article, the mention highlighted, all text escaped.

Pure functions over the rows ``Store.mentions()`` and ``Store.evidence()`` return, so the UI modules only
render what these produce. Text goes through ``explorer.text.inert``: it is shown with ``st.markdown``,
where Markdown in a title (``![x](http://…)``) would otherwise become an image the browser fetches.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from explorer.graph_component.payload import basis_note
from explorer.i18n import DEFAULT_LANGUAGE, term
from explorer.text import inert, iso_day, plain


@dataclass(frozen=True)
class ArticleEvidence:
    """One article's sentences about the selected entity or relation, as safe HTML snippets."""

    document_id: str
    title: str
    published: str
    source: str
    url: str
    sentences: list[str] = field(default_factory=list)


def highlight(sentence: str, spans: Iterable[tuple[int, int]]) -> str:
    """The sentence as inert text, with each ``(start, end)`` span (relative to it) wrapped in ``<mark>``."""
    out, cursor = [], 0
    for start, end in sorted(set(spans)):
        if start < cursor or end > len(sentence) or start >= end:
            continue
        out += [inert(sentence[cursor:start]), "<mark>", inert(sentence[start:end]), "</mark>"]
        cursor = end
    return "".join(out) + inert(sentence[cursor:])


def _article(row: Mapping[str, Any]) -> ArticleEvidence:
    """The article of an evidence row; a stored date that is no ISO date shows as none."""
    return ArticleEvidence(
        plain(row["document_id"]), plain(row.get("document_title")), iso_day(row.get("document_published")),
        plain(row.get("document_source")), plain(row.get("document_url")),
    )


def mention_evidence(rows: Iterable[Mapping[str, Any]]) -> list[ArticleEvidence]:
    """Mentions grouped by article, then by sentence, each mention highlighted in its sentence."""
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    texts: dict[tuple[str, int], str] = {}
    articles: dict[str, ArticleEvidence] = {}
    for row in rows:
        key = (str(row["document_id"]), int(row["sentence"]))
        offset = int(row["sentence_start"])
        spans.setdefault(key, []).append((int(row["start"]) - offset, int(row["end"]) - offset))
        texts[key] = str(row["sentence_text"])
        articles.setdefault(key[0], _article(row))
    for key in sorted(spans, key=lambda k: (k[0], k[1])):
        articles[key[0]].sentences.append(highlight(texts[key], spans[key]))
    return list(articles.values())


def relation_evidence(rows: Iterable[Mapping[str, Any]], names: Iterable[str] = (),
                      lang: str = DEFAULT_LANGUAGE) -> list[ArticleEvidence]:
    """Evidence sentences of a relation grouped by article; the endpoint names are highlighted where
    they occur; a modality other than "reported" and an unstated basis noted in ``lang``."""
    articles: dict[str, ArticleEvidence] = {}
    needles = [n for n in names if n]
    for row in rows:
        text = str(row.get("sentence_text") or row.get("evidence") or "")
        spans = [(i, i + len(n)) for n in needles for i in _find_all(text, n)]
        article = articles.setdefault(str(row["document_id"]), _article(row))
        article.sentences.append(highlight(text, spans) + _modality_note(row, lang) + _basis_note(row, lang))
    return list(articles.values())


def _modality_note(row: Mapping[str, Any], lang: str) -> str:
    modality = str(row.get("modality") or "reported")
    return "" if modality == "reported" else f' <span class="kg-modality">({inert(term(lang, "mod", modality))})</span>'


def _basis_note(row: Mapping[str, Any], lang: str) -> str:
    """For a relation the sentence does not state (``basis`` "gazetteer", "article"), what it rests on."""
    note = basis_note(str(row.get("basis") or "text"), lang)
    return f' <span class="kg-basis">({inert(note)})</span>' if note else ""


def _find_all(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + len(needle))
    return found


def article_header(article: ArticleEvidence) -> str:
    """"Title — source, date" as safe HTML, the title linked when the article has an http(s) URL."""
    title = inert(article.title or article.document_id)
    if article.url.startswith(("http://", "https://")):
        title = f'<a href="{html.escape(article.url, quote=True)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    meta = " · ".join(inert(part) for part in (article.source, article.published) if part)
    return f"<strong>{title}</strong>" + (f" <small>— {meta}</small>" if meta else "")
