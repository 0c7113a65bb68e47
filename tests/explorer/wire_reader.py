"""The graph component's data as the browser reads it: the compact form (explorer/graph_component/
wire.py) expanded the way ``wire.js`` does, for tests that look at what the app sends."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from explorer.graph_component import COMPONENT_NAME


def graph_data(at: AppTest) -> dict[str, Any]:
    """The graph component's JSON with ``nodes`` and ``edges`` expanded from its compact ``graph``."""
    (element,) = [e for e in at.get("bidi_component") if e.proto.component_name == COMPONENT_NAME]
    data = json.loads(element.proto.json)
    data["nodes"], data["edges"] = expand(data["graph"])
    return data


def expand(wire: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes, edges = items(wire["nodes"]), items(wire["edges"])
    ids, labels = [n["id"] for n in nodes], {n["id"]: n["label"] for n in nodes}
    for edge in edges:
        edge["from"], edge["to"] = (ids[v] if isinstance(v, int) else v for v in (edge["from"], edge["to"]))
        edge.setdefault("id", f"{edge['from']}|{edge['relation']}|{edge['to']}")
    for part, rows in (("nodes", nodes), ("edges", edges)):
        for row, tip in zip(rows, wire[part].get("title", [None] * len(rows)), strict=True):
            if tip is not None:
                row["title"] = "\n".join(line(wire["lines"], row, ref, labels) for ref in tip)
    return nodes, edges


def items(part: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [{} for _ in range(part["n"])]
    for key, col in part["cols"].items():
        coded = col["v"] if "v" in col else [col["x"].get(str(i), col["d"]) for i in range(part["n"])]
        for row, value in zip(rows, coded, strict=True):
            if value is not None:
                row[key] = col["t"][value] if "t" in col else value
    return rows


def line(lines: list[str], row: dict[str, Any], ref: Any, labels: dict[str, str]) -> str:
    if isinstance(ref, list):
        return f"{labels[row['from']]} —{lines[ref[0]]}→ {labels[row['to']]}"
    return str(row["label"] if ref == "l" else row["id"]) if isinstance(ref, str) else lines[ref]
