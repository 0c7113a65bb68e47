"""Pure functions on a Snapshot: the filtered view, search, entity cards, explained paths, rankings.

How ``compute_view`` applies the filters, in this order:

1. Documents: ``documents``, ``sources``, ``languages`` and the date range
   (inclusive, on the first ten characters of ``published``) select the
   documents; all are combined with AND.  Undated documents (no valid
   ``published``) are kept whatever the date range while
   ``include_undated`` is set (the default: a range at its full width drops
   nothing) and always dropped when it is not (URL ``undated=0``).
   Weights (mentions), edge support
   (sentences) and document counts are counted in those documents only.
2. Edges: relation rows of the selected documents whose relation is in
   ``relations`` (empty: all); ``co_mentioned`` rows are dropped when
   ``hide_co_mentioned`` is set unless ``relations`` names it explicitly.
   Rows are aggregated per ``source|relation|target`` and edges with fewer
   than ``min_support`` sentences are dropped, ``co_mentioned`` edges with
   fewer than ``co_min_support`` (default 2: a co-mention resting on a
   single sentence is hidden) too, and edges reported by fewer than
   ``min_sources`` distinct outlets (``explorer.corroboration``).
3. Nodes: entities with at least ``min_mentions`` mentions in the selected
   documents (with ``min_mentions <= 0`` also unmentioned edge endpoints).
4. Countries: places, organisations and countries are kept when their
   country is listed; entities without a country (persons, agreements, blocs)
   are kept when an edge links them to such a kept entity; entities of other
   countries are dropped.  This runs before the type filter, so
   ``types=("person",), countries=("VN",)`` shows persons linked to Vietnam.
5. Types: ``types`` (empty: all).  With a ``relations`` filter, nodes left
   without any edge are dropped too (the focus and search hits stay).
6. Search: the entities whose label or alias contains ``search`` (case and
   diacritics ignored) and their neighbours; nothing matches -> empty view.
7. Focus: the ego network, ``hops`` (1..3) steps around ``focus`` along the
   remaining edges, in either direction.  The focus entity is always in the
   view, even when the other filters would drop it; an unknown focus gives
   an empty view.
8. ``top_n``: the focus, then search hits, then the rest, each by weight
   (then degree, then id); ``top_n <= 0`` shows everything.  ``total_nodes``
   and ``total_edges`` count the view before this cut.

The work is done on integer arrays built once per snapshot (``explorer.selection``).
Measured on this 2-core machine for a synthetic store of 5,000 entities and
50,000 relation sentences (``python -m bench.synthetic``), median of 5:
10-20 ms per view with any filter (30 ms for all 5,000 nodes), plus 0.09 s
once per snapshot for the arrays.  Counting outlets, texts, languages and
first/last seen for the shown edges and nodes (``explorer.corroboration``)
added, on the same store with other jobs sharing the cores, about 35 ms
for the top 100 (31 -> 67 ms) and 60 ms for all 5,000 nodes (69 -> 127 ms);
``min_sources`` above 1 counts the outlets of every edge, before the cut.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from explorer import corroboration as cor
from explorer import selection as sel
from explorer.connections import shortest_paths
from explorer.data import Snapshot
from explorer.search import fold, match_rank, matching_ids, search_keys
from pipelines.records import ENTITY_TYPES

MAX_BETWEENNESS_NODES = 2000
BETWEENNESS_BUDGET = 600_000  # pivots x edges; networkx visits about 2-4 million per second here
MIN_BETWEENNESS_PIVOTS = 20
REACH_COLUMNS = ["sources", "texts", "languages"]
NODE_COLUMNS = ["id", "label", "type", "country", "weight", "documents", "degree", *REACH_COLUMNS]
COUNT_COLUMNS = ("weight", "documents", "degree", *REACH_COLUMNS)
EDGE_COLUMNS = ["id", "source", "target", "relation", "support", "documents", "modality", "score", "basis",
                *REACH_COLUMNS, "first_seen", "last_seen"]
_EDGE_DTYPES = {"support": "int64", "documents": "int64", "score": "float64", **dict.fromkeys(REACH_COLUMNS, "int64")}
WEIGHINGS = ("sentences", "sources")  # what an edge's width and order follow


@dataclass(frozen=True)
class Filters:
    """What the sidebar selects; hashable (tuples only) so views can be cached by it.

    See the module docstring for how each field acts.
    """

    types: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    min_mentions: int = 1
    min_support: int = 1
    hide_co_mentioned: bool = False
    search: str = ""
    focus: str = ""
    hops: int = 1
    top_n: int = 100
    co_min_support: int = 2
    include_undated: bool = True
    min_sources: int = 1
    weigh_by: str = "sentences"


@dataclass(frozen=True, eq=False)
class View:
    """What the graph shows.

    - nodes: id, label, type, country, weight (mentions in the selected
      documents), documents (selected documents mentioning it), degree
      (edges shown), sources, texts, languages (distinct among those
      documents, see ``explorer.corroboration``); heaviest first.
    - edges: id (``source|relation|target``), source, target, relation,
      support (evidence sentences), documents, modality (the most frequent),
      score (highest), basis ("text" when a sentence states it, else what it rests on: "gazetteer", "article"),
      sources, texts, languages, first_seen, last_seen (ISO days, "" when undated); best supported
      first (with ``weigh_by`` "sources": most outlets first, then sentences).
    - total_nodes / total_edges: the view before the ``top_n`` cut.
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    total_nodes: int
    total_edges: int


def compute_view(snapshot: Snapshot, filters: Filters) -> View:
    """The nodes and edges the filters select (see the module docstring)."""
    always = _focus_set(snapshot, filters)
    scope = sel.select(snapshot, filters, keep=always)
    if scope is None:
        return _empty_view()
    shown = sel.top_nodes(scope, filters.top_n, scope.arrays.mask(always))
    edges = sel.between(scope.arrays, scope.edges, shown)
    edge_reach, node_reach = sel.reaches(snapshot, filters, scope.docs, edges, shown)
    return View(_node_frame(snapshot, scope, shown, edges, node_reach), _edge_frame(scope, edges, edge_reach, filters.weigh_by),
                int(scope.nodes.sum()), int(scope.edges.sum()))


def search_entities(snapshot: Snapshot, text: str, limit: int = 20) -> pd.DataFrame:
    """Entities whose names contain the text: id, label, type, mentions, rank.

    Ranked exact name (0) > name prefix (1) > word prefix (2) > substring (3),
    then by mentions (most first), then label.
    """
    ids, query = matching_ids(snapshot, text), fold(text)
    found = snapshot.entities.loc[ids, ["id", "label", "type", "mentions"]]
    found = found.assign(rank=[match_rank(key, query) for key in search_keys(snapshot).loc[ids]])
    found = found.sort_values(["rank", "mentions", "label"], ascending=[True, False, True], kind="stable")
    return found.head(max(limit, 0)).reset_index(drop=True)


def entity_card(snapshot: Snapshot, entity_id: str) -> dict[str, Any]:
    """Facts about one entity (merged ids are followed); {} when unknown.

    Always: id, type, label, aliases, country (ISO2 or ""), attrs, counts
    (mentions, documents, relations_out / relations_in: relation type ->
    number of distinct edges).  Persons with a role: role, leads ({id,
    label} or None).  Agreements: kind, status, year, parties ([{id, label}]
    from the stored parties and ``party_to`` edges).
    """
    entity_id = snapshot.resolve(entity_id)
    if entity_id not in snapshot.entities.index:
        return {}
    row = snapshot.entities.loc[entity_id]
    card = {"id": entity_id, "type": row["type"], "label": row["label"], "aliases": list(row["aliases"]),
            "country": row["country"], "attrs": dict(row["attrs"]), "counts": _counts(snapshot, row)}
    return {**card, **_type_facts(snapshot, row)}


def explain_paths(snapshot: Snapshot, filters: Filters, a: str, b: str, k: int = 3) -> list[list[dict[str, Any]]]:
    """Up to k shortest simple paths from a to b, ignoring edge direction, each a list of hops.

    The graph is the filtered one before search, focus and ``top_n`` (those
    shape the picture, not the data), with a and b always in it;
    ``co_mentioned`` edges count only when the filters show them.  Between
    two entities linked by several relations, the best supported one is
    used.  Each hop goes from path[i] to path[i+1]: source, target (in path
    order), source_label, target_label, relation, direction ("forward" when
    the relation reads source -> target, else "backward"), edge_id, support,
    and its best evidence sentence (highest score, then most recent):
    document_id, sentence (index), document_title, published, modality,
    score, also as ``evidence`` {document_id, sentence}.
    """
    a, b = snapshot.resolve(a), snapshot.resolve(b)
    plain = replace(filters, search="", focus="", top_n=0)
    scope = sel.select(snapshot, plain, keep=frozenset({a, b}))
    if scope is None or a == b:
        return []
    return shortest_paths(snapshot, scope, sel.document_mask(snapshot, plain), a, b, k)


def path_highlight(hops: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The entity ids (in path order) and edge ids of one path from ``explain_paths``."""
    nodes = list(dict.fromkeys(n for hop in hops for n in (hop["source"], hop["target"])))
    return {"nodes": nodes, "edges": [hop["edge_id"] for hop in hops]}


def with_path(snapshot: Snapshot, view: View, hops: list[dict[str, Any]]) -> View:
    """The view plus the path's entities and edges it does not show (so the whole path can be
    drawn); an added entity weighs its mentions in all documents, an added edge its hop's support."""
    shown = set(view.nodes["id"])
    extra = [n for n in path_highlight(hops)["nodes"] if n not in shown and n in snapshot.entities.index]
    nodes = snapshot.entities.loc[extra, ["id", "label", "type", "country", "mentions", "documents"]]
    nodes = nodes.rename(columns={"mentions": "weight"}).assign(degree=0, sources=0, texts=0, languages=0)[NODE_COLUMNS]
    have = set(view.edges["id"])
    edges = pd.DataFrame([_path_edge(hop) for hop in hops if hop["edge_id"] not in have], columns=EDGE_COLUMNS)
    return View(pd.concat([view.nodes, nodes], ignore_index=True).astype(view.nodes.dtypes.to_dict()),
                pd.concat([view.edges, edges], ignore_index=True).astype(view.edges.dtypes.to_dict()),
                view.total_nodes, view.total_edges)


def _path_edge(hop: dict[str, Any]) -> dict[str, Any]:
    forward = hop.get("direction", "forward") == "forward"
    source, target = (hop["source"], hop["target"]) if forward else (hop["target"], hop["source"])
    return {"id": hop["edge_id"], "source": source, "target": target, "relation": hop["relation"],
            "support": int(hop.get("support", 1)), "documents": 1, "modality": hop.get("modality", "reported"),
            "score": float(hop.get("score", 0.0)), "sources": 1, "texts": 1, "languages": 1,
            "first_seen": "", "last_seen": ""}


def rankings(view: View) -> pd.DataFrame:
    """The view's nodes with betweenness: id, label, type, weight, degree, betweenness.

    Betweenness (networkx, normalised, edges undirected) is exact while
    nodes x edges stays under 600,000 (about 0.3 s here), else estimated
    from 600,000 / edges pivots (at least 20; seed 7, so repeatable); above
    2,000 nodes it is left empty (NaN).  Sorted by betweenness, then
    weight, then id.
    """
    nodes = view.nodes[["id", "label", "type", "weight", "degree"]].copy()
    nodes["betweenness"] = nodes["id"].map(_betweenness(nodes["id"], view.edges)).astype("float64")
    order = ["betweenness", "weight", "id"]
    return nodes.sort_values(order, ascending=[False, False, True], na_position="last").reset_index(drop=True)


def facets(snapshot: Snapshot) -> dict[str, Any]:
    """The values the sidebar offers.

    types, relations, sources, languages (lists); countries (ISO2 -> label,
    by label); documents (id -> title, newest first); date_min, date_max
    (ISO dates, "" when no document is dated).
    """
    docs = snapshot.documents
    dated = docs.loc[docs["published"] != "", "published"].str.slice(0, 10)
    newest = docs.sort_values(["published", "id"], ascending=False)
    return {
        "types": _ordered_types(snapshot.entities["type"]),
        "relations": sorted(snapshot.relations["relation"].unique()),
        "countries": _country_labels(snapshot),
        "sources": sorted(v for v in docs["source"].unique() if v),
        "languages": sorted(v for v in docs["lang"].unique() if v),
        "documents": dict(zip(newest["id"], newest["title"].where(newest["title"] != "", newest["key"]), strict=False)),
        "date_min": dated.min() if len(dated) else "",
        "date_max": dated.max() if len(dated) else "",
    }


# -- compute_view helpers -----------------------------------------------------------------


def _focus_set(snapshot: Snapshot, filters: Filters) -> frozenset[str]:
    return frozenset({snapshot.resolve(filters.focus)}) if filters.focus else frozenset()


def _node_frame(snapshot: Snapshot, scope: sel.Scope, shown: np.ndarray, edges: np.ndarray, reach: cor.Reach | None) -> pd.DataFrame:
    positions = np.flatnonzero(shown)
    ids = scope.arrays.ids[positions]
    nodes = snapshot.entities.loc[ids, ["id", "label", "type", "country"]].reset_index(drop=True)
    nodes["weight"] = scope.weight[positions]
    nodes["documents"] = scope.documents[positions]
    nodes["degree"] = sel.degrees(scope.arrays, edges)[positions]
    for name in REACH_COLUMNS:
        nodes[name] = getattr(reach, name)[positions] if reach is not None else 0
    nodes = nodes.astype(dict.fromkeys(COUNT_COLUMNS, "int64"))
    return nodes.sort_values(["weight", "id"], ascending=[False, True])[NODE_COLUMNS].reset_index(drop=True)


def _edge_frame(scope: sel.Scope, shown: np.ndarray, reach: cor.Reach, weigh_by: str = "sentences") -> pd.DataFrame:
    a, codes = scope.arrays, np.flatnonzero(shown)
    edges = pd.DataFrame({
        "id": pd.array(a.e_ids[codes], dtype="str"),
        "source": pd.array(a.ids[a.e_source[codes]], dtype="str"),
        "target": pd.array(a.ids[a.e_target[codes]], dtype="str"),
        "relation": pd.array(a.kinds[a.e_kind[codes]], dtype="str"),
        "support": scope.support[codes].astype("int64"),
        "documents": scope.edge_documents[codes].astype("int64"),
        "modality": pd.array(np.asarray(a.modalities, dtype=object)[scope.modality[codes]], dtype="str"),
        "score": scope.score[codes].astype("float64"),
        "basis": pd.array(a.e_basis[codes], dtype="str"),
        **{name: getattr(reach, name)[codes].astype("int64") for name in REACH_COLUMNS},
        "first_seen": pd.array(cor.day_texts(reach.first[codes]), dtype="str"),
        "last_seen": pd.array(cor.day_texts(reach.last[codes]), dtype="str"),
    })
    order = ["sources", "support", "id"] if weigh_by == "sources" else ["support", "id"]
    return edges.sort_values(order, ascending=[False] * (len(order) - 1) + [True]).reset_index(drop=True)


def _empty_view() -> View:
    nodes = pd.DataFrame({c: pd.Series(dtype="int64" if c in COUNT_COLUMNS else "str") for c in NODE_COLUMNS})
    edges = pd.DataFrame({c: pd.Series(dtype=_EDGE_DTYPES.get(c, "str")) for c in EDGE_COLUMNS})
    return View(nodes, edges, 0, 0)


# -- entity_card helpers ------------------------------------------------------------------


def _counts(snapshot: Snapshot, row: pd.Series) -> dict[str, Any]:
    a = sel.arrays(snapshot)
    position = a.ids.get_loc(row["id"])
    return {"mentions": int(row["mentions"]), "documents": int(row["documents"]),
            "relations_out": _by_relation(a, a.e_source == position),
            "relations_in": _by_relation(a, a.e_target == position)}


def _by_relation(a: sel.Arrays, edges: np.ndarray) -> dict[str, int]:
    """Relation type -> number of edges in the mask, most frequent first."""
    counts = pd.Series(a.kinds[a.e_kind[edges]], dtype="str").value_counts()
    return {str(kind): int(n) for kind, n in counts.items()}


def _type_facts(snapshot: Snapshot, row: pd.Series) -> dict[str, Any]:
    attrs = row["attrs"]
    if row["type"] == "agreement":
        return {"kind": attrs.get("kind", ""), "status": attrs.get("status", ""), "year": attrs.get("year"),
                "parties": _parties(snapshot, row["id"], attrs.get("parties") or [])}
    if row["type"] == "person":
        leads = attrs.get("leads")
        return {"role": attrs.get("role", ""), "leads": _labelled(snapshot, leads) if leads else None}
    return {}


def _parties(snapshot: Snapshot, agreement_id: str, stored: list[str]) -> list[dict[str, str]]:
    rel = snapshot.relations
    linked = rel.loc[(rel["target"] == agreement_id) & (rel["relation"] == "party_to"), "source"]
    ids = dict.fromkeys([snapshot.resolve(str(p)) for p in stored] + list(linked))
    return [_labelled(snapshot, party) for party in ids]


def _labelled(snapshot: Snapshot, entity_id: str) -> dict[str, str]:
    entity_id = snapshot.resolve(str(entity_id))
    known = entity_id in snapshot.entities.index
    return {"id": entity_id, "label": snapshot.entities.at[entity_id, "label"] if known else entity_id}


# -- explain_paths, rankings and facets helpers ---------------------------------------------


def _betweenness(ids: pd.Series, edges: pd.DataFrame) -> dict[str, float]:
    """Exact when nodes x edges stays within the budget, else from as many pivots as fit in it."""
    if len(ids) > MAX_BETWEENNESS_NODES:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(zip(edges["source"], edges["target"], strict=False))
    links = max(graph.number_of_edges(), 1)
    pivots = max(MIN_BETWEENNESS_PIVOTS, BETWEENNESS_BUDGET // links)
    return nx.betweenness_centrality(graph, k=None if pivots >= len(ids) else pivots, seed=7)


def _ordered_types(types: pd.Series) -> list[str]:
    present = set(types.unique())
    return [t for t in ENTITY_TYPES if t in present] + sorted(present - set(ENTITY_TYPES))


def _country_labels(snapshot: Snapshot) -> dict[str, str]:
    entities = snapshot.entities
    codes = set(entities.loc[entities["country"] != "", "country"])
    labels = {code: str(entities["label"].get(f"country:{code}", code)) for code in codes}
    return dict(sorted(labels.items(), key=lambda item: (fold(item[1]), item[0])))
