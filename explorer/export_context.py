"""What an export carries besides the drawing: first and last evidence dates per node and edge,
and a few evidence sentences per node and edge for the standalone HTML page.

Dates come from the snapshot (no queries): an entity's dates are those of the dated articles that
mention it or relate it, an edge's those of the dated articles with one of its sentences; undated
articles do not count.  Sentences are read from the store, a few per item and only for the first
items (the view's order: heaviest nodes, best supported edges first), so a large view still makes a
page of reasonable size.  Everything here is plain text: escape it where it is rendered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from explorer.data import Snapshot
from explorer.i18n import DEFAULT_LANGUAGE, relation_name
from explorer.text import iso_day, plain
from pipelines.store import Store

Span = tuple[str, str]
MAX_ITEMS = 300         # nodes plus edges that get sentences
MAX_SENTENCES = 3       # per node or edge
MAX_CHARS = 400         # per sentence; longer ones are cut with "…"


def evidence_dates(snap: Snapshot, node_ids: Sequence[str], edge_ids: Sequence[str]) -> dict[str, Span]:
    """(first, last) ISO day per node id and edge id that has dated evidence."""
    published = snap.documents.set_index("id")["published"].map(iso_day)
    nodes = pd.concat([
        snap.mentions[["entity_id", "document_id"]].rename(columns={"entity_id": "key"}).astype(str),
        snap.relations[["source", "document_id"]].rename(columns={"source": "key"}).astype(str),
        snap.relations[["target", "document_id"]].rename(columns={"target": "key"}).astype(str),
    ])
    edges = snap.relations[["edge_id", "document_id"]].rename(columns={"edge_id": "key"}).astype(str)
    return {**_spans(nodes, set(node_ids), published), **_spans(edges, set(edge_ids), published)}


def _spans(rows: pd.DataFrame, keys: set[str], published: pd.Series) -> dict[str, Span]:
    rows = rows[rows["key"].isin(keys)]
    days = rows.assign(day=rows["document_id"].map(published).fillna(""))
    days = days[days["day"] != ""]
    grouped = days.groupby("key")["day"].agg(["min", "max"])
    return {str(key): (str(row["min"]), str(row["max"])) for key, row in grouped.iterrows()}


def export_evidence(store: Store, nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]],
                    labels: Mapping[str, str], lang: str = DEFAULT_LANGUAGE) -> dict[str, dict[str, Any]]:
    """Per node id and edge id (vis dicts), up to MAX_ITEMS in all: {"title", "sentences": [{"text",
    "article", "date"}], "more": sentences left out}; relation names in titles in ``lang``."""
    result: dict[str, dict[str, Any]] = {}
    for node in nodes[:MAX_ITEMS]:
        node_id = str(node["id"])
        result[node_id] = _entry(labels.get(node_id, node_id), store.mentions(node_id, articles=MAX_SENTENCES),
                                 int(node.get("weight") or 0))
    for edge in edges[: max(0, MAX_ITEMS - len(result))]:
        source, target, relation = str(edge["from"]), str(edge["to"]), str(edge.get("relation") or "")
        title = f"{labels.get(source, source)} —{relation_name(lang, relation)}→ {labels.get(target, target)}"
        result[str(edge["id"])] = _entry(title, store.evidence(source, relation, target), int(edge.get("support") or 0))
    return result


def _entry(title: str, rows: Sequence[Mapping[str, Any]], total: int) -> dict[str, Any]:
    """The first MAX_SENTENCES distinct sentences of ``rows`` (store evidence or mention rows)."""
    sentences: list[dict[str, str]] = []
    seen: set[tuple[str, int]] = set()
    for row in rows:
        key = (str(row["document_id"]), int(row["sentence"]))
        if key in seen:
            continue
        seen.add(key)
        text = plain(row.get("sentence_text")) or plain(row.get("evidence"))
        sentences.append({"text": text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…",
                          "article": plain(row.get("document_title")), "date": iso_day(row.get("document_published"))})
        if len(sentences) == MAX_SENTENCES:
            break
    return {"title": title, "sentences": sentences, "more": max(0, total - len(sentences))}
