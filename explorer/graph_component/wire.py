"""The compact form in which the browser receives the graph's nodes and edges (``wire.js`` expands it).

``vis_payload``'s dicts repeat the same keys, colour objects, dash patterns and tooltip lines for
every item: 5,000 entities with their co-mentions came to about 2 MB of JSON, which the browser
parsed, kept and collected on every filter change.  Here the items become columns, one per key:

- a column is either *dense* (one value per item, ``null`` where the item lacks the key) or
  *sparse* (a default for every item plus the exceptions by item index), whichever is shorter;
- values that repeat (colours, shapes, relations, dash patterns) are *interned*: the column holds
  a table of distinct values and the items their index in it, again only when that is shorter;
- an edge's ``from``/``to`` is the index of its node (ids of nodes not in the view stay as text),
  and its ``id`` is left out when it is ``from|relation|to``;
- a tooltip (``title``, plain text) is a list of line references into one table of lines; an
  edge's first line ``"A —relation→ B"`` is rebuilt from the two labels and the relation's name,
  a node's first and last lines are its label and its id.

Nothing is lost: expanding the compact form gives back the dicts exactly (items must not hold
``None``, which the payload never does).  The tooltips stay plain text, put into the page by
vis-network as text.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

Item = dict[str, Any]
Column = dict[str, Any]
OWN_LABEL, OWN_ID = "l", "i"  # line references: the item's label, the item's id
TITLE = "title"


def compact(nodes: Sequence[Item], edges: Sequence[Item]) -> dict[str, Any]:
    """``{"nodes": ..., "edges": ...}``, each ``{"n": count, "cols": {key: column}, "title": ...}``."""
    index = {str(node["id"]): i for i, node in enumerate(nodes)}
    labels = {str(node["id"]): str(node.get("label", node["id"])) for node in nodes}
    lines = LineTable()
    node_tips = [lines.node_tip(node) for node in nodes]
    edge_tips = [lines.edge_tip(edge, labels) for edge in edges]
    return {"nodes": items_part(nodes, node_tips, lambda node: node),
            "edges": items_part(edges, edge_tips, lambda edge: wire_edge(edge, index)),
            "lines": lines.table}


def items_part(items: Sequence[Item], tips: list[Any], shape: Callable[[Item], Item]) -> dict[str, Any]:
    """The columns of ``items`` (each first reshaped by ``shape``, without its title) and their tooltips."""
    shaped = [{k: v for k, v in shape(item).items() if k != TITLE} for item in items]
    keys = list(dict.fromkeys(key for item in shaped for key in item))
    part: dict[str, Any] = {"n": len(items), "cols": {key: column([item.get(key) for item in shaped]) for key in keys}}
    if any(tip is not None for tip in tips):
        part[TITLE] = tips
    return part


def wire_edge(edge: Item, index: Mapping[str, int]) -> Item:
    """The edge with node indices for its ends and without an id that follows from them."""
    source, target = str(edge["from"]), str(edge["to"])
    shaped = {**edge, "from": index.get(source, source), "to": index.get(target, target)}
    if edge.get("id") == f"{source}|{edge.get('relation', '')}|{target}" and "relation" in edge:
        del shaped["id"]
    return shaped


class LineTable:
    """Distinct tooltip lines; a tooltip becomes a list of indices (or OWN_LABEL / OWN_ID, or
    ``[k]`` for an edge's derived first line with relation name ``k``)."""

    def __init__(self) -> None:
        self.table: list[str] = []
        self.seen: dict[str, int] = {}

    def ref(self, line: str) -> int:
        if line not in self.seen:
            self.seen[line] = len(self.table)
            self.table.append(line)
        return self.seen[line]

    def node_tip(self, node: Item) -> list[Any] | None:
        title = node.get(TITLE)
        if not isinstance(title, str):
            return None
        own = {str(node.get("label", node["id"])): OWN_LABEL, str(node["id"]): OWN_ID}
        lines = title.split("\n")
        return [own.get(line, None) if n in (0, len(lines) - 1) and line in own else self.ref(line)
                for n, line in enumerate(lines)]

    def edge_tip(self, edge: Item, labels: Mapping[str, str]) -> list[Any] | None:
        title = edge.get(TITLE)
        if not isinstance(title, str):
            return None
        head, *rest = title.split("\n")
        source, target = str(edge["from"]), str(edge["to"])
        before, after = f"{labels.get(source, source)} —", f"→ {labels.get(target, target)}"
        derived = (head.startswith(before) and head.endswith(after) and len(head) >= len(before) + len(after)
                   and source in labels and target in labels)
        first = [self.ref(head[len(before):len(head) - len(after)])] if derived else self.ref(head)
        return [first, *(self.ref(line) for line in rest)]


def column(values: list[Any]) -> Column:
    """Sparse when at most a third of the items differ from the most common value, else dense;
    interned when the values are not plain numbers and repeat (``None`` stands for a missing key)."""
    keys = [key_of(value) for value in values]
    table, indices = intern(values, keys)
    coded: list[Any] = values if table is None else indices
    mode, count = Counter(keys).most_common(1)[0] if keys else (None, 0)
    col: Column = {} if table is None else {"t": table}
    if count * 3 >= len(values) * 2:
        at = keys.index(mode)
        col.update(d=coded[at], x={str(i): c for i, (c, k) in enumerate(zip(coded, keys, strict=True)) if k != mode})
    else:
        col["v"] = coded
    return col


def intern(values: list[Any], keys: list[Hashable]) -> tuple[list[Any] | None, list[int | None]]:
    """A table of the distinct present values and each value's index (None stays None); no table
    when the values are plain numbers or seldom repeat (an index would not be shorter)."""
    distinct = set(keys)
    if len(distinct) * 2 > len(keys) or all(type(v) in (int, float) or v is None for v in values):
        return None, []
    seen: dict[Hashable, int] = {}
    table: list[Any] = []
    for value, key in zip(values, keys, strict=True):
        if value is not None and key not in seen:
            seen[key] = len(table)
            table.append(value)
    return table, [None if value is None else seen[key] for value, key in zip(values, keys, strict=True)]


def key_of(value: Any) -> Hashable:
    """A hashable stand-in for ``value``: equal exactly when the JSON is (True is not 1)."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))
    return (type(value), value)


def size(value: Any) -> int:
    """Bytes of ``value`` as compact JSON."""
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
