"""The aggregated knowledge graph: one node per entity, one edge per (source, relation, target).

Every attribute is a scalar (str, int, float or bool) and never None, and
each attribute name has one type across the graph, so the GraphML and GEXF
writers accept the graph and Gephi reads it back with the same types.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from pipelines.records import MODALITIES
from pipelines.store import Store

Scalar = str | int | float | bool
NODE_FIELDS = ("label", "type", "mentions", "documents")


def build_graph(store: Store) -> nx.MultiDiGraph:
    """The whole store as a graph.

    Nodes (entity ids): label, type, mentions, documents, plus the entity's
    attrs flattened to scalars (country, kind, status, year, …; lists and
    dicts become JSON text).  Edges (key = relation): relation, weight
    (evidence sentences), documents, modality (the most frequent one).
    """
    graph = nx.MultiDiGraph()
    for entity in store.entities():
        graph.add_node(entity["id"], **node_attributes(entity))
    for relation in store.relations():
        graph.add_edge(relation["source"], relation["target"], key=relation["relation"],
                       **edge_attributes(relation))
    harmonise_types(graph)
    return graph


def node_attributes(entity: Mapping[str, Any]) -> dict[str, Scalar]:
    """Node attributes from a ``Store.entities()`` row; attrs never override the core fields."""
    core: dict[str, Scalar] = {
        "label": str(entity["label"]),
        "type": str(entity["type"]),
        "mentions": int(entity["mention_count"]),
        "documents": int(entity["document_count"]),
    }
    extra = {k: v for k, v in flatten_attrs(entity.get("attrs") or {}).items() if k not in core}
    return {**core, **extra}


def edge_attributes(relation: Mapping[str, Any]) -> dict[str, Scalar]:
    """Edge attributes from a ``Store.relations()`` row."""
    return {
        "relation": str(relation["relation"]),
        "weight": int(relation["count"]),
        "documents": int(relation["documents"]),
        "modality": main_modality(relation.get("modalities") or {}),
        "basis": str(relation.get("basis") or "text"),
    }


def main_modality(counts: Mapping[str, int]) -> str:
    """The most frequent modality; ties go to the first in the vocabulary order ("reported" first)."""
    if not counts:
        return "reported"
    return max(counts, key=lambda modality: (counts[modality], -_vocabulary_rank(modality)))


def _vocabulary_rank(modality: str) -> int:
    return MODALITIES.index(modality) if modality in MODALITIES else len(MODALITIES)


def flatten_attrs(attrs: Mapping[str, Any]) -> dict[str, Scalar]:
    """Scalars kept as they are, None dropped, anything else as JSON text."""
    flat: dict[str, Scalar] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        flat[str(key)] = value if isinstance(value, (str, int, float, bool)) else _as_json(value)
    return flat


def _as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def harmonise_types(graph: nx.MultiDiGraph) -> None:
    """Give each attribute name one type (in place): mixed int/float -> float, other mixes -> str.

    GraphML and GEXF declare one type per attribute name; an attribute that
    is a year (int) in one article and text in another would not read back.
    """
    for key, kind in _mixed_types(data for _, data in graph.nodes(data=True)).items():
        _convert(graph.nodes.values(), key, kind)
    for key, kind in _mixed_types(data for *_, data in graph.edges(keys=True, data=True)).items():
        _convert((data for *_, data in graph.edges(keys=True, data=True)), key, kind)


def _mixed_types(rows: Iterable[Mapping[str, Any]]) -> dict[str, type]:
    """Attribute names seen with more than one type, mapped to the type to convert to."""
    seen: dict[str, set[type]] = defaultdict(set)
    for row in rows:
        for key, value in row.items():
            seen[key].add(type(value))
    return {key: _common_type(types) for key, types in seen.items() if len(types) > 1}


def _common_type(types: set[type]) -> type:
    return float if types <= {int, float} else str


def _convert(rows: Iterable[dict[str, Any]], key: str, kind: type) -> None:
    for row in rows:
        if key in row:
            row[key] = kind(row[key])
