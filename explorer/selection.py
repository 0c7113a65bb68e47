"""The steps behind ``queries.compute_view``, on integer arrays for speed.

A snapshot's frames are turned once into numpy arrays (``Arrays``, kept as
long as the snapshot lives): entities, documents and aggregated edges are
numbered, and every set of them is a boolean mask.  Filtering 50,000
relation sentences is then a few vectorised passes instead of string
lookups (pandas' ``isin`` on Arrow strings alone took 150 ms per view).
The order and meaning of the steps is documented in ``explorer.queries``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from explorer import corroboration as cor
from explorer.data import Snapshot, positions
from explorer.search import fold, matching_ids
from pipelines.records import MODALITIES

if TYPE_CHECKING:
    from explorer.queries import Filters

CO_MENTIONED = "co_mentioned"
MAX_HOPS = 3
_ARRAYS: weakref.WeakKeyDictionary[Snapshot, Arrays] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, eq=False)
class Arrays:
    """A snapshot numbered: entities 0..N-1 (sorted by id), documents 0..D-1, edges 0..E-1.

    ``m_*``: one entry per (entity, document) mention count; ``r_*``: one per
    relation sentence; ``e_*``: one per aggregated edge.  ``kinds`` and
    ``modalities`` name the relation and modality codes (modalities in the
    vocabulary order, so the lowest code wins a tie).
    """

    ids: pd.Index
    types: np.ndarray
    countries: np.ndarray
    doc_ids: pd.Index
    m_entity: np.ndarray
    m_doc: np.ndarray
    m_count: np.ndarray
    r_edge: np.ndarray
    r_doc: np.ndarray
    r_kind: np.ndarray
    r_modality: np.ndarray
    r_score: np.ndarray
    r_sentence: np.ndarray
    e_source: np.ndarray
    e_target: np.ndarray
    e_kind: np.ndarray
    e_ids: np.ndarray
    kinds: np.ndarray
    modalities: list[str]
    e_basis: np.ndarray  # per edge: "text" when a sentence states it, else what it rests on ("gazetteer")

    def mask(self, entity_ids: Iterable[str]) -> np.ndarray:
        """A node mask of these ids (unknown ids are ignored)."""
        found = np.zeros(len(self.ids), dtype=bool)
        positions = self.ids.get_indexer(pd.Index(list(entity_ids), dtype="str"))
        found[positions[positions >= 0]] = True
        return found


@dataclass(frozen=True, eq=False)
class Scope:
    """The filtered graph before the ``top_n`` cut: node and edge masks with their counts
    in the selected documents (weight, documents per node; support, documents, score,
    modality code per edge); ``hits`` marks the search matches."""

    arrays: Arrays
    nodes: np.ndarray
    edges: np.ndarray
    hits: np.ndarray
    weight: np.ndarray
    documents: np.ndarray
    support: np.ndarray
    edge_documents: np.ndarray
    score: np.ndarray
    modality: np.ndarray
    docs: np.ndarray | None


def arrays(snapshot: Snapshot) -> Arrays:
    """The snapshot's arrays, built on first use."""
    found = _ARRAYS.get(snapshot)
    if found is None:
        found = _ARRAYS[snapshot] = _build(snapshot)
    return found


def _build(snapshot: Snapshot) -> Arrays:
    entities = snapshot.entities.sort_index()
    ids, doc_ids = pd.Index(entities.index, dtype="str"), pd.Index(snapshot.documents["id"], dtype="str")
    m_entity, m_doc, m_known = _coded(snapshot.mentions, ids, doc_ids, "entity_id")
    r_source, r_doc, r_known = _coded(snapshot.relations, ids, doc_ids, "source", "target")
    rows = snapshot.relations[r_known]
    edge_codes, edge_ids = pd.factorize(rows["edge_id"])
    first = np.unique(edge_codes, return_index=True)[1]
    kind_codes, kinds = pd.factorize(rows["relation"])
    modalities = list(MODALITIES) + sorted(set(rows["modality"]) - set(MODALITIES))
    return Arrays(
        ids, entities["type"].to_numpy(dtype=object), entities["country"].to_numpy(dtype=object), doc_ids,
        m_entity, m_doc, snapshot.mentions["count"].to_numpy(dtype=np.int64)[m_known],
        edge_codes, r_doc, kind_codes, pd.Index(modalities).get_indexer(rows["modality"]),
        rows["score"].to_numpy(dtype=np.float64), rows["sentence"].to_numpy(dtype=np.int64),
        r_source[first], positions(ids, rows["target"].iloc[first]), kind_codes[first],
        np.asarray(edge_ids, dtype=object), np.asarray(kinds, dtype=object), modalities,
        edge_basis(edge_codes, rows["basis"].to_numpy(dtype=object), first),
    )


def edge_basis(edge_codes: np.ndarray, basis: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Per edge: "text" when one of its sentences states it, else the basis of its first sentence
    (``basis``: per relation sentence; ``first``: each edge's first sentence)."""
    stated = np.bincount(edge_codes, weights=basis == "text", minlength=len(first)) > 0
    return np.where(stated, "text", basis[first]).astype(object)


def _coded(frame: pd.DataFrame, ids: pd.Index, doc_ids: pd.Index, *columns: str
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions of the first entity column and of the document, for the rows whose entities
    and document are all known (a hand-made snapshot may lack some), and that row mask."""
    entity, document = positions(ids, frame[columns[0]]), positions(doc_ids, frame["document_id"])
    known = (entity >= 0) & (document >= 0)
    for column in columns[1:]:
        known &= positions(ids, frame[column]) >= 0
    return entity[known], document[known], known


def select(snapshot: Snapshot, filters: Filters, keep: frozenset[str]) -> Scope | None:
    """Apply every filter but ``top_n``; ``keep`` ids stay whatever the filters say.

    None when the focus names no known entity.
    """
    a = arrays(snapshot)
    focus = a.ids.get_indexer([snapshot.resolve(filters.focus)])[0] if filters.focus else -1
    if filters.focus and focus < 0:
        return None
    kept, docs = a.mask(keep), document_mask(snapshot, filters)
    weight, documents = entity_stats(a, docs)
    support, edge_documents, score, modality = edge_stats(a, filters, docs)
    alive = support >= least_support(a, filters)
    if filters.min_sources > 1:  # counting outlets of every edge costs; only when it can drop one
        alive &= reaches(snapshot, filters, docs, alive, None)[0].sources >= filters.min_sources
    nodes, live, hits = _narrow(snapshot, filters, weight, alive, kept)
    if focus >= 0:
        nodes = ego(a, int(focus), filters.hops, between(a, live, nodes))
    return Scope(a, nodes, between(a, live, nodes), hits & nodes, weight, documents,
                 support, edge_documents, score, modality, docs)


def reaches(snapshot: Snapshot, filters: Filters, docs: np.ndarray | None, edges: np.ndarray,
            nodes: np.ndarray | None) -> tuple[cor.Reach, cor.Reach | None]:
    """Distinct sources, texts, languages and days per edge of the ``edges`` mask and per node of
    the ``nodes`` mask (None: no node counts), over the rows the filters keep; 0 elsewhere."""
    a, doc_codes = arrays(snapshot), cor.codes(snapshot)
    rows = relation_rows(a, filters, docs) & edges[a.r_edge]
    edge_reach = cor.reach(a.r_edge[rows], a.r_doc[rows], len(a.e_ids), doc_codes)
    if nodes is None:
        return edge_reach, None
    mentions = nodes[a.m_entity] if docs is None else nodes[a.m_entity] & docs[a.m_doc]
    return edge_reach, cor.reach(a.m_entity[mentions], a.m_doc[mentions], len(a.ids), doc_codes)


def _narrow(snapshot: Snapshot, filters: Filters, weight: np.ndarray, alive: np.ndarray, kept: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nodes after the mention, country, type, relation and search steps, with the edges
    between them and the search hits (three masks)."""
    a = arrays(snapshot)
    nodes = weight >= max(filters.min_mentions, 1)
    if filters.min_mentions <= 0:
        nodes |= endpoints(a, alive)
    nodes = by_type(a, filters.types, by_country(a, filters.countries, nodes, alive)) | kept
    live = between(a, alive, nodes)
    searching = bool(fold(filters.search))  # blank text searches nothing
    hits = a.mask(matching_ids(snapshot, filters.search)) & nodes if searching else np.zeros_like(nodes)
    if filters.relations:
        nodes = endpoints(a, live) | kept | hits
    if searching:
        nodes = hits | neighbours(a, live, hits) | kept
    return nodes, live, hits


def document_mask(snapshot: Snapshot, filters: Filters) -> np.ndarray | None:
    """The documents the document filters select; None when none is set (all documents)."""
    docs = snapshot.documents
    dates = bool(filters.date_from or filters.date_to)
    if not (filters.documents or filters.sources or filters.languages or dates or not filters.include_undated):
        return None
    mask = np.ones(len(docs), dtype=bool)
    for column, wanted in (("id", filters.documents), ("source", filters.sources), ("lang", filters.languages)):
        if wanted:
            mask &= np.isin(docs[column].to_numpy(dtype=object), list(wanted))
    if dates or not filters.include_undated:
        mask &= _in_date_range(docs["published"], filters.date_from, filters.date_to, filters.include_undated)
    return mask


def _in_date_range(published: pd.Series, date_from: str, date_to: str, undated: bool) -> np.ndarray:
    """Dated documents between the bounds (inclusive, compared as ISO dates), and the undated ones
    when ``undated``."""
    day = published.str.slice(0, 10)
    mask = day != ""
    if date_from:
        mask = mask & (day >= date_from[:10])
    if date_to:
        mask = mask & (day <= date_to[:10])
    return (mask | (day == "") if undated else mask).to_numpy(dtype=bool)


def entity_stats(a: Arrays, docs: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Per entity: mentions and mentioning documents among the selected documents."""
    rows = slice(None) if docs is None else docs[a.m_doc]
    entity = a.m_entity[rows]
    weight = np.bincount(entity, weights=a.m_count[rows], minlength=len(a.ids)).astype(np.int64)
    return weight, np.bincount(entity, minlength=len(a.ids))


def edge_stats(a: Arrays, filters: Filters, docs: np.ndarray | None
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per edge, over the relation sentences the filters keep: support, documents, highest score,
    most frequent modality code (support 0: the edge is not in view)."""
    rows = relation_rows(a, filters, docs)
    edge, count = a.r_edge[rows], len(a.e_ids)
    score = np.zeros(count)
    np.maximum.at(score, edge, a.r_score[rows])
    pairs = np.unique(edge.astype(np.int64) * max(len(a.doc_ids), 1) + a.r_doc[rows])
    documents = np.bincount(pairs // max(len(a.doc_ids), 1), minlength=count)
    modes = len(a.modalities)
    modality = np.bincount(edge * modes + a.r_modality[rows], minlength=count * modes).reshape(count, modes)
    return np.bincount(edge, minlength=count), documents, score, modality.argmax(axis=1)


def relation_rows(a: Arrays, filters: Filters, docs: np.ndarray | None) -> np.ndarray:
    """The relation sentences the relation and document filters keep (a row mask)."""
    rows = _allowed_kinds(a, filters)[a.r_kind]
    return rows & docs[a.r_doc] if docs is not None else rows


def least_support(a: Arrays, filters: Filters) -> np.ndarray:
    """Per edge, the sentences it needs to be shown: ``min_support``, for co-mentions at least
    ``co_min_support`` (and never below 1)."""
    least = max(filters.min_support, 1)
    return np.where(a.kinds[a.e_kind] == CO_MENTIONED, max(least, filters.co_min_support), least)


def _allowed_kinds(a: Arrays, filters: Filters) -> np.ndarray:
    """Per relation code: shown?  ``co_mentioned`` is hidden unless listed explicitly."""
    allowed = np.isin(a.kinds, list(filters.relations)) if filters.relations else np.ones(len(a.kinds), dtype=bool)
    if filters.hide_co_mentioned and CO_MENTIONED not in filters.relations:
        allowed &= a.kinds != CO_MENTIONED
    return allowed


def by_country(a: Arrays, countries: tuple[str, ...], nodes: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Entities of these countries, plus country-less ones an edge links to them."""
    if not countries:
        return nodes
    own = nodes & np.isin(a.countries, list(countries))
    stateless = nodes & (a.countries == "")
    return own | (stateless & neighbours(a, between(a, edges, nodes), own))


def by_type(a: Arrays, types: tuple[str, ...], nodes: np.ndarray) -> np.ndarray:
    """The nodes whose entity type is listed (all when none is)."""
    return nodes & np.isin(a.types, list(types)) if types else nodes


def between(a: Arrays, edges: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """The edges with both ends among the nodes."""
    return edges & nodes[a.e_source] & nodes[a.e_target]


def endpoints(a: Arrays, edges: np.ndarray) -> np.ndarray:
    found = np.zeros(len(a.ids), dtype=bool)
    found[a.e_source[edges]] = True
    found[a.e_target[edges]] = True
    return found


def neighbours(a: Arrays, edges: np.ndarray, of: np.ndarray) -> np.ndarray:
    """Nodes one edge away from ``of``, in either direction."""
    found = np.zeros(len(a.ids), dtype=bool)
    found[a.e_target[edges & of[a.e_source]]] = True
    found[a.e_source[edges & of[a.e_target]]] = True
    return found


def ego(a: Arrays, focus: int, hops: int, edges: np.ndarray) -> np.ndarray:
    """The focus and every node within ``hops`` (clamped to 1..3) edges of it."""
    reached = np.zeros(len(a.ids), dtype=bool)
    reached[focus] = True
    frontier = reached
    for _ in range(min(max(hops, 1), MAX_HOPS)):
        frontier = neighbours(a, edges, frontier) & ~reached
        if not frontier.any():
            break
        reached = reached | frontier
    return reached


def top_nodes(scope: Scope, top_n: int, always: np.ndarray) -> np.ndarray:
    """Node mask of at most ``top_n`` nodes (all when ``top_n <= 0``): the focus, search hits,
    then the rest, each heaviest first, then by degree, then id."""
    chosen = np.flatnonzero(scope.nodes)
    if top_n <= 0 or len(chosen) <= top_n:
        return scope.nodes
    degree = degrees(scope.arrays, scope.edges)[chosen]
    priority = np.where(always[chosen], 0, np.where(scope.hits[chosen], 1, 2))
    order = np.lexsort((chosen, -degree, -scope.weight[chosen], priority))  # positions follow id order
    shown = np.zeros_like(scope.nodes)
    shown[chosen[order[:top_n]]] = True
    return shown


def degrees(a: Arrays, edges: np.ndarray) -> np.ndarray:
    """Per node: the number of edges in the mask that touch it."""
    return np.bincount(a.e_source[edges], minlength=len(a.ids)) + np.bincount(a.e_target[edges], minlength=len(a.ids))
