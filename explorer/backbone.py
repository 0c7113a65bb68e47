"""The readable backbone of a view: which of its edges the graph draws by default.

A dense view (the 5,000-entity synthetic store's top 100 entities have about 2,900 edges among
them) is a hairball nobody can read, and vis-network spends most of a redraw on it.  The default
drawing keeps an edge when it is among the ``k`` strongest edges of either of its two ends, so
every entity keeps its own strongest links, however weak they are next to the hubs'; the rest are
hidden and counted ("2,412 weaker connections hidden"), and "Show all connections" draws them all.

An edge is stronger than another when it has more evidence sentences (with ``weigh_by``
"sources": more outlets first), then a heavier type (``TYPE_WEIGHT``: a typed relation a sentence
states, then one resting on a gazetteer or an article's metadata, then a co-mention), then by id,
so the choice is the same on every run.  The edges of ``keep_nodes`` (the focus entity, the
selected node) and the ``keep_edges`` (a drawn connection path, the selected edge) are always kept.

``K`` = 6: of the default view's edges it keeps 564 of 2,943 on the 5,000-entity synthetic store and
394 of 548 on the sample data; k = 4 keeps 385 / 306, k = 8 738 / 451 (bench/README.md, "Readable
backbone", says what the screenshots showed).  numpy over the view's edge frame (3 ms for 2,943
edges); no Streamlit.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.selection import CO_MENTIONED

K = 6
CHOICES = ("backbone", "all")  # Look.edges: the backbone only, or every edge of the view
TYPE_WEIGHT = {"typed": 2, "unstated": 1, CO_MENTIONED: 0}  # typed & stated > gazetteer/article basis > co-mention


@dataclass(frozen=True)
class Thinned:
    """The edges to draw (a frame like the view's, in its order) and how many were hidden."""

    edges: pd.DataFrame
    hidden: int


@dataclass(frozen=True)
class Keep:
    """What the backbone always draws: the edges touching ``nodes`` and the edges with an id in ``edges``."""

    nodes: frozenset[str] = frozenset()
    edges: frozenset[str] = frozenset()

    @classmethod
    def of(cls, focus: str, selected: tuple[str, str], path_edges: Collection[str]) -> Keep:
        """The focus entity (id or ""), the selection ((kind, id): "node" or "edge"; ("", "") for
        none) and a drawn path's edge ids."""
        kind, chosen = selected
        nodes = {focus} | ({chosen} if kind == "node" else set())
        edges = set(path_edges) | ({chosen} if kind == "edge" else set())
        return cls(frozenset(nodes - {""}), frozenset(edges))


NOTHING_KEPT = Keep()


def type_weights(edges: pd.DataFrame) -> pd.Series:
    """``TYPE_WEIGHT`` per edge row (relation and, when present, basis columns)."""
    basis = edges["basis"] if "basis" in edges else pd.Series("text", index=edges.index)
    weights = pd.Series(TYPE_WEIGHT["typed"], index=edges.index)
    weights[basis.fillna("text") != "text"] = TYPE_WEIGHT["unstated"]
    weights[edges["relation"] == CO_MENTIONED] = TYPE_WEIGHT[CO_MENTIONED]
    return weights


def strength_order(edges: pd.DataFrame, weigh_by: str = "sentences") -> np.ndarray:
    """Row positions of ``edges``, strongest first (see the module docstring)."""
    keys = [edges["id"].astype(str).to_numpy(), -type_weights(edges).to_numpy(), -edges["support"].to_numpy()]
    if weigh_by == "sources" and "sources" in edges:
        keys.append(-edges["sources"].to_numpy())
    return np.lexsort(keys)  # the last key sorts first


def strongest(edges: pd.DataFrame, k: int = K, weigh_by: str = "sentences") -> np.ndarray:
    """A mask: True for each edge among the ``k`` strongest of its source or of its target."""
    strength = np.empty(len(edges), dtype=np.int64)
    strength[strength_order(edges, weigh_by)] = np.arange(len(edges))  # 0: the strongest edge
    codes, _ = pd.factorize(np.concatenate([edges["source"].to_numpy(), edges["target"].to_numpy()]))
    rows = np.tile(np.arange(len(edges)), 2)
    ends = np.lexsort((strength[rows], codes))  # each node's edge ends together, strongest first
    first = np.flatnonzero(np.r_[True, codes[ends][1:] != codes[ends][:-1]])
    place = np.arange(len(ends)) - np.repeat(first, np.diff(np.r_[first, len(ends)]))
    kept = np.zeros(len(edges), dtype=bool)
    kept[rows[ends[place < k]]] = True
    return kept


def backbone(edges: pd.DataFrame, k: int = K, *, keep_nodes: Collection[str] = (),
             keep_edges: Collection[str] = (), weigh_by: str = "sentences") -> Thinned:
    """The edges to draw by default: the ``strongest`` ``k`` per end, plus every edge touching
    ``keep_nodes`` and every edge id in ``keep_edges``; the view's order is kept."""
    if edges.empty:
        return Thinned(edges, 0)
    kept = strongest(edges, k, weigh_by)
    kept |= edges["source"].isin(keep_nodes).to_numpy() | edges["target"].isin(keep_nodes).to_numpy()
    kept |= edges["id"].isin(keep_edges).to_numpy()
    return Thinned(edges[kept], int((~kept).sum()))


def drawn_edges(edges: pd.DataFrame, choice: str, *, keep_nodes: Collection[str] = (),
                keep_edges: Collection[str] = (), weigh_by: str = "sentences") -> Thinned:
    """The edges ``choice`` (one of CHOICES) draws: all of them, or the ``backbone`` (see there)."""
    if choice == "all":
        return Thinned(edges, 0)
    if choice != "backbone":
        raise ValueError(f"unknown edge choice {choice!r}; choose one of: {', '.join(CHOICES)}")
    return backbone(edges, keep_nodes=keep_nodes, keep_edges=keep_edges, weigh_by=weigh_by)
