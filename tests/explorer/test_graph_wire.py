"""The graph's compact form (explorer/graph_component/wire.py): lossless, and much smaller.

``tests.explorer.wire_reader.expand`` reads the compact form the way ``wire.js`` does in the browser;
the browser test (tests/e2e/test_graph_component_e2e.py) checks that wire.js itself gives back the
same items.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from bench.synthetic import build_store
from explorer.data import load_snapshot
from explorer.graph_component import component_data, vis_payload
from explorer.graph_component.payload import node_sizes
from explorer.graph_component.wire import compact, size
from explorer.layout import layout_positions
from explorer.queries import Filters, compute_view
from pipelines.store import Store
from tests.explorer.test_graph_component import XSS, frames
from tests.explorer.wire_reader import expand

MAX_BYTES_PER_EDGE = 110  # measured 75 on this store (the full dicts: 520)


def parallel_and_marked() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The test view with every kind of item: marks, new, curves, dashes, faded, co-mentions."""
    nodes, edges, positions = frames()
    edges = pd.concat([edges, pd.DataFrame([("person:a", "visits", "country:KP", 2, 1, "former"),
                                            ("country:KP", "meets", "person:a", 1, 1, "reported")],
                                           columns=edges.columns)], ignore_index=True)
    edges["sources"] = [1, 3, 2, 1, 1, 2, 1]
    edges["basis"] = ["text", "text", "text", "geonames", "text", "text", "text"]
    drawn = vis_payload(nodes, edges, positions, focus="person:a", matches={"place:p"}, new={"country:KP"}, lang="de")
    return drawn[0], drawn[1]


def test_wire_expands_back_to_the_payload_exactly() -> None:
    nodes, edges = parallel_and_marked()
    assert expand(json.loads(json.dumps(compact(nodes, edges)))) == (nodes, edges)


def test_wire_hostile_text_comes_back_unchanged_as_plain_text() -> None:
    nodes, edges = parallel_and_marked()
    back = {n["id"]: n for n in expand(json.loads(json.dumps(compact(nodes, edges))))[0]}
    assert back["organization:b"]["label"] == XSS[0] and back["place:p"]["title"].startswith(XSS[1] + "\n")


def test_wire_edges_point_at_node_indices_and_derive_their_ids() -> None:
    nodes, edges = parallel_and_marked()
    wire = compact(nodes, edges)
    assert "id" not in wire["edges"]["cols"]  # every id is from|relation|to
    from_col = wire["edges"]["cols"]["from"]
    assert all(isinstance(v, int) for v in from_col.get("v", [from_col.get("d")]))
    assert all(isinstance(tip[0], list) for tip in wire["edges"]["title"])  # "A —name→ B" rebuilt


def test_wire_keeps_ids_and_ends_it_cannot_derive() -> None:
    nodes, edges = parallel_and_marked()
    edges = [{**edges[0], "id": "e0"}, {**edges[1], "to": "country:XX", "id": "person:a|visits|country:XX"}]
    wire = compact(nodes, edges)
    assert expand(json.loads(json.dumps(wire)))[1] == edges
    assert "country:XX" in json.dumps(wire["edges"]["cols"]["to"])


def test_wire_component_data_sends_the_compact_graph_once_per_signature() -> None:
    nodes, edges = parallel_and_marked()
    data = component_data(nodes, edges, key="g", height=600, selected=None, options=None, png_request=0)
    assert "nodes" not in data and data["graph"] == compact(nodes, edges)
    again = component_data(nodes, edges, key="g", height=600, selected=None, options=None, png_request=1)
    assert again["graph"] is data["graph"]


@pytest.fixture(scope="module")
def synthetic_view(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A 400-entity synthetic store's default view with every co-mention shown (1,300 edges)."""
    path = Path(tmp_path_factory.mktemp("wire")) / "synthetic.sqlite"
    build_store(path, 400, 4000)
    with Store.open(path) as store:
        snap = load_snapshot(store)
    view = compute_view(snap, replace(Filters(), co_min_support=1))
    ids, pairs = tuple(view.nodes["id"]), tuple(zip(view.edges["source"], view.edges["target"], strict=True))
    positions = layout_positions(ids, pairs, sizes=node_sizes(view.nodes))
    nodes, edges, _ = vis_payload(view.nodes, view.edges, positions)
    return nodes, edges


def test_wire_is_a_fraction_of_the_full_dicts_on_a_synthetic_store(synthetic_view) -> None:
    nodes, edges = synthetic_view
    wire = compact(nodes, edges)
    assert len(edges) > 1000
    assert size(wire) / len(edges) < MAX_BYTES_PER_EDGE
    assert size(wire) * 5 < size([nodes, edges])
    assert expand(json.loads(json.dumps(wire))) == (nodes, edges)
