"""The drill-down: an entity's card or a relation's evidence, sentence by sentence, grouped by article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from explorer.corroboration import summary_line
from explorer.evidence import ArticleEvidence, article_header, mention_evidence, relation_evidence
from explorer.text import inert
from explorer.views import words
from explorer.views.words import basis_text, current, named, tr
from pipelines.store import Store

CARD_FIELDS = ("type", "id", "role", "leads", "country", "kind", "status", "year")
NAMED_FIELDS = ("type", "kind", "status")  # stored vocabulary keys, shown in the page's language
ARTICLES_PAGE = 20  # articles whose sentences a card shows at first, and per "Show more"


def card_facts(card: dict[str, Any], vocabulary: Callable[[str, str], str] = lambda group, key: key) -> dict[str, str]:
    """The card's facts as text rows (linked entities by label, counts last); the type, kind and
    status named by ``vocabulary(group, key)`` (``explorer.i18n.term`` in the reader's language)."""
    facts = {}
    for name in CARD_FIELDS:
        value = card.get(name)
        if value in (None, "", []):
            continue
        facts[name] = str(value["label"]) if isinstance(value, dict) and "label" in value else str(value)
        if name in NAMED_FIELDS:
            facts[name] = vocabulary(name, facts[name])
    counts = card.get("counts") or {}
    facts.update({name: str(counts[name]) for name in ("mentions", "documents") if name in counts})
    return facts


def _articles(articles: list[ArticleEvidence]) -> None:
    for article in articles:
        st.markdown(article_header(article), unsafe_allow_html=True)
        body = "".join(f'<li class="kg-evidence">{sentence}</li>' for sentence in article.sentences)
        st.markdown(f"<ul>{body}</ul>", unsafe_allow_html=True)


def reach(facts: dict[str, Any] | None) -> None:
    """One line: outlets, texts, languages, first and last seen (``corroboration.summary``)."""
    if facts:
        outlets = ", ".join(inert(name or tr("unknown_outlet")) for name in facts["outlets"][:12])
        st.caption(tr("reported_by", summary=inert(summary_line(facts, current())), outlets=outlets), help=tr("reported_by_help"))


def entity(store: Store, card: dict[str, Any], outlets: dict[str, Any] | None = None) -> None:
    """The entity card (with ``outlets``: ``corroboration.summary``) and every sentence that mentions it."""
    st.subheader(inert(card["label"]))
    reach(outlets)
    facts = card_facts(card, named)
    st.table({tr("field"): [tr(f"card_{name}") for name in facts], tr("value"): [inert(value) for value in facts.values()]})
    aliases = [a for a in card.get("aliases") or [] if a != card["label"]]
    if aliases:
        st.caption(tr("also_called", names=", ".join(inert(alias) for alias in aliases)))
    if card.get("parties"):
        st.caption(tr("parties", names=", ".join(inert(p["label"]) for p in card["parties"])))
    shown_key = f"articles_shown:{card['id']}"
    shown = st.session_state.get(shown_key, ARTICLES_PAGE)
    articles = mention_evidence(store.mentions(card["id"], articles=shown))
    total = int((card.get("counts") or {}).get("documents") or len(articles))
    sentences = sum(len(a.sentences) for a in articles)
    has_more = len(articles) >= shown and total > len(articles)  # a full page, and the card counts more
    more = tr("newest_of", shown=len(articles), total=total) if has_more else ""
    st.markdown(f"**{tr('sentences_in_articles', sentences=sentences, articles=len(articles))}{more}**")
    _articles(articles)
    if has_more:  # the callback runs before the card's next run (a fragment: only the card is drawn again)
        st.button(tr("more_articles", n=ARTICLES_PAGE), key=f"more:{card['id']}", on_click=_show_more, args=(shown_key, shown))


def _show_more(shown_key: str, shown: int) -> None:
    st.session_state[shown_key] = shown + ARTICLES_PAGE


def relation(store: Store, edge_id: str, labels: dict[str, str], outlets: dict[str, Any] | None = None) -> None:
    """Every evidence sentence of one relation (``source|relation|target``)."""
    if edge_id.count("|") < 2:
        st.info(tr("no_relation"))
        return
    source, rel, target = edge_id.split("|", 2)
    st.subheader(f"{inert(labels.get(source, source))} — {inert(words.rel(rel))} → {inert(labels.get(target, target))}")
    reach(outlets)
    rows = store.evidence(source, rel, target)
    names = [labels.get(source, ""), labels.get(target, "")]
    articles = relation_evidence(rows, names, current())
    st.markdown(f"**{tr('evidence_in_articles', sentences=len(rows), articles=len(articles))}**")
    bases = {str(row.get("basis") or "text") for row in rows}
    if len(bases) == 1 and "text" not in bases:
        note = basis_text(bases.pop())
        st.caption(tr("basis_only_names", note=note[:1].upper() + note[1:]))
    _articles(articles)
