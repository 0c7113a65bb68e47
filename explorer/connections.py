"""Explained paths: how two entities are connected, hop by hop, with an evidence sentence each.

The public entry point is ``explorer.queries.explain_paths``; this module
does the graph work on a filtered ``selection.Scope``.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

import networkx as nx
import numpy as np

from explorer.data import Snapshot
from explorer.selection import CO_MENTIONED, Arrays, Scope

Hop = dict[str, Any]


def shortest_paths(snapshot: Snapshot, scope: Scope, docs: np.ndarray | None, a: str, b: str, k: int) -> list[list[Hop]]:
    """Up to k shortest simple paths from a to b in the scope's edges (direction ignored)."""
    start, end = scope.arrays.ids.get_indexer([a, b])
    graph = link_graph(scope)
    if start < 0 or end < 0 or start not in graph or end not in graph:
        return []
    try:
        paths = list(islice(nx.shortest_simple_paths(graph, int(start), int(end)), max(k, 0)))
    except nx.NetworkXNoPath:
        return []
    return [[hop(snapshot, scope, graph, docs, u, v) for u, v in zip(path, path[1:], strict=False)] for path in paths]


def link_graph(scope: Scope) -> nx.Graph:
    """One undirected link per pair of entities in view (nodes are entity positions), carrying
    the code of its best edge: typed relations before ``co_mentioned``, then the most
    sentences, then the edge id."""
    a = scope.arrays
    edges = np.flatnonzero(scope.edges)
    low = np.minimum(a.e_source[edges], a.e_target[edges])
    high = np.maximum(a.e_source[edges], a.e_target[edges])
    co = a.kinds[a.e_kind[edges]] == CO_MENTIONED
    order = np.lexsort((a.e_ids[edges].astype(str), -scope.support[edges], co, high, low))
    pair = low[order].astype(np.int64) * len(a.ids) + high[order]
    best = edges[order[np.unique(pair, return_index=True)[1]]]
    graph = nx.Graph()
    graph.add_edges_from(zip(a.e_source[best].tolist(), a.e_target[best].tolist(), ({"code": int(e)} for e in best), strict=False))
    return graph


def hop(snapshot: Snapshot, scope: Scope, graph: nx.Graph, docs: np.ndarray | None, u: int, v: int) -> Hop:
    """One step of a path, from entity position u to v (see ``queries.explain_paths`` for the keys)."""
    a, code = scope.arrays, graph.edges[u, v]["code"]
    source, target = str(a.ids[u]), str(a.ids[v])
    labels = snapshot.entities["label"]
    best = best_evidence(snapshot, a, code, docs)
    return {
        "source": source, "target": target,
        "source_label": str(labels.get(source, source)), "target_label": str(labels.get(target, target)),
        "relation": str(a.kinds[a.e_kind[code]]), "direction": "forward" if a.e_source[code] == u else "backward",
        "edge_id": str(a.e_ids[code]), "support": int(scope.support[code]), **best,
        "evidence": {"document_id": best["document_id"], "sentence": best["sentence"]},
    }


def best_evidence(snapshot: Snapshot, a: Arrays, code: int, docs: np.ndarray | None) -> dict[str, Any]:
    """The edge's best sentence in the selected documents: highest score, then the newest document.

    Ties: the earlier document in the snapshot's order, then the earlier sentence.
    Keys: document_id, sentence, document_title, published, modality, score.
    """
    rows = np.flatnonzero(a.r_edge == code)
    if docs is not None:
        rows = rows[docs[a.r_doc[rows]]]
    published = snapshot.documents["published"].to_numpy(dtype=object)[a.r_doc[rows]].astype(str)
    day = np.unique(published, return_inverse=True)[1]  # equal dates, equal rank
    row = rows[np.lexsort((a.r_sentence[rows], a.r_doc[rows], -day, -a.r_score[rows]))[0]]
    document = snapshot.documents.iloc[a.r_doc[row]]
    return {"document_id": str(document["id"]), "sentence": int(a.r_sentence[row]),
            "document_title": str(document["title"]), "published": str(document["published"]),
            "modality": a.modalities[a.r_modality[row]], "score": float(a.r_score[row])}
