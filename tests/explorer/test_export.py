"""Standalone HTML (offline, escaped) and graph-file downloads of the current view."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from explorer.export import (
    export_bytes,
    graph_to_networkx,
    remote_resources,
    standalone_html,
)
from explorer.graph_component import VIS_JS_PATH, vis_payload
from pipelines.errors import ExportError
from pipelines.exports import EDGE_COLUMNS

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
REMOTE_LOAD = re.compile(r"<(?:script|img|iframe)[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
                         r"|<link[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE)


@pytest.fixture(scope="module")
def payload() -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    nodes = pd.DataFrame([
        ("person:a", "Anna Ümlaut", "person", 4, 2),
        ("organization:x", f"Evil {SCRIPT}", "organization", 2, 1),
        ("place:p", f"{IMG} <a href='javascript:alert(1)'>link</a>", "place", 1, 1),
    ], columns=["id", "label", "type", "weight", "documents"])
    edges = pd.DataFrame([
        ("person:a", "meets", "organization:x", 3, 2, "reported"),
        ("organization:x", "located_in", "place:p", 1, 1, "planned"),
        ("person:a", "co_mentioned", "place:p", 2, 1, "reported"),
    ], columns=["source", "relation", "target", "support", "documents", "modality"])
    positions = {"person:a": (0.0, 0.0), "organization:x": (150.0, 40.0), "place:p": (-80.0, 120.5)}
    return vis_payload(nodes, edges, positions)


@pytest.fixture(scope="module")
def page(payload) -> str:
    nodes, edges, options = payload
    return standalone_html(nodes, edges, options, title=f"Slides {SCRIPT} {IMG} href")


def test_page_loads_nothing_remote(page: str) -> None:
    assert not REMOTE_LOAD.search(page)
    assert remote_resources(page) == []
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "sourceMappingURL" not in page


def test_page_has_vis_network_inline(page: str) -> None:
    vis = VIS_JS_PATH.read_text(encoding="utf-8")
    assert vis[200:2000] in page  # a slice of the library itself, not a reference to it
    assert "new vis.Network(" in page


def test_no_payload_appears_unescaped(page: str) -> None:
    assert "<script>alert" not in page
    assert "<img src=x onerror" not in page
    assert "<a href='javascript" not in page
    assert page.count("<h1>") == 1
    assert f"<h1>Slides {_escaped(SCRIPT)} {_escaped(IMG)} href</h1>" in page
    assert f"<title>Slides {_escaped(SCRIPT)} {_escaped(IMG)} href</title>" in page


def test_titles_never_switch_pyvis_to_html_popups(page: str) -> None:
    assert "popup.innerHTML" not in page  # the template's href branch is not rendered
    data = _dataset(page, "nodes")
    assert "href" not in data[2]["title"] and "h\u2060ref" in data[2]["title"]  # invisible joiner


def test_labels_reach_the_page_as_json(page: str) -> None:
    labels = [node["label"] for node in _dataset(page, "nodes")]
    assert labels[1] == f"Evil {SCRIPT}" and labels[0] == "Anna Ümlaut"


def test_positions_kept_and_physics_off(payload, page: str) -> None:
    nodes = _dataset(page, "nodes")
    assert [(n["x"], n["y"]) for n in nodes] == [(0, 0), (150, 40), (-80, 120)]  # whole pixels
    match = re.search(r"var options = (\{.*?\});\n", page)
    assert match
    options = json.loads(match.group(1))
    assert options["physics"]["enabled"] is False
    nodes_in, edges, options_in = payload
    on = {**options_in, "physics": {"enabled": True, "solver": "barnesHut"}}
    assert '"enabled": false' in standalone_html(nodes_in, edges, on, title="t")


def test_options_with_markup_are_refused(payload) -> None:
    nodes, edges, options = payload
    with pytest.raises(ValueError):
        standalone_html(nodes, edges, {**options, "locale": "</script>"}, title="t")


def test_graph_to_networkx_keeps_ids_and_numbers(payload) -> None:
    graph = graph_to_networkx(*payload[:2])
    assert set(graph.nodes) == {"person:a", "organization:x", "place:p"}
    assert graph.nodes["person:a"] == {"label": "Anna Ümlaut", "type": "person", "mentions": 4, "documents": 2,
                                       "color": "#4e79a7", "size": 36.0, "x": 0.0, "y": 0.0}
    assert graph.edges["person:a", "organization:x", "meets"] == {
        "relation": "meets", "weight": 3, "documents": 2, "modality": "reported", "width": 7.0}
    assert graph.number_of_edges() == 3


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip(payload, fmt: str, read) -> None:
    graph = read(io.BytesIO(export_bytes(payload[0], payload[1], fmt)))
    assert set(graph.nodes) == {"person:a", "organization:x", "place:p"}
    assert graph.number_of_edges() == 3
    label = graph.nodes["organization:x"].get("label")
    assert label == f"Evil {SCRIPT}"
    relations = sorted(data.get("relation") for _, _, data in graph.edges(data=True))
    assert relations == ["co_mentioned", "located_in", "meets"]


def test_json_round_trips(payload) -> None:
    data = json.loads(export_bytes(payload[0], payload[1], "json"))
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.nodes["place:p"]["type"] == "place" and graph.number_of_edges() == 3


def test_csv_is_the_edges_table_with_labels(payload) -> None:
    rows = list(csv.reader(io.StringIO(export_bytes(payload[0], payload[1], "csv").decode("utf-8"))))
    assert tuple(rows[0]) == EDGE_COLUMNS
    assert len(rows) == 1 + 3
    first = dict(zip(rows[0], rows[1], strict=False))
    assert first["source_label"] == "Anna Ümlaut" and first["target_label"] == f"Evil {SCRIPT}"
    assert first["weight"] == "3" and first["relation"] == "meets"


def test_unknown_format_is_an_export_error(payload) -> None:
    with pytest.raises(ExportError):
        export_bytes(payload[0], payload[1], "xlsx")


def _escaped(text: str) -> str:
    return html.escape(text)


def _dataset(page: str, name: str) -> list[dict[str, Any]]:
    """The JSON pyvis wrote into ``new vis.DataSet(...)`` for nodes or edges."""
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page)
    assert match, name
    return json.loads(match.group(1))


DATES = {"person:a": ("2024-01-02", "2024-05-06"), "person:a|meets|organization:x": ("2024-02-01", "2024-02-03")}


def test_gexf_carries_viz_colour_size_position_and_dates(payload) -> None:
    graph = nx.read_gexf(io.BytesIO(export_bytes(payload[0], payload[1], "gexf", DATES)))
    node = graph.nodes["place:p"]
    assert node["viz"]["color"] == {"r": 0x76, "g": 0xb7, "b": 0xb2, "a": 1.0}  # the place colour
    assert node["viz"]["size"] == payload[0][2]["size"] and node["viz"]["position"] == {"x": -80.0, "y": -120.0, "z": 0.0}  # y up
    assert (graph.nodes["person:a"]["start"], graph.nodes["person:a"]["end"]) == DATES["person:a"]
    assert "start" not in node and graph.graph["mode"] == "dynamic"
    meets = next(data for _, _, data in graph.edges(data=True) if data["relation"] == "meets")
    assert (meets["start"], meets["end"]) == ("2024-02-01", "2024-02-03")


def test_graphml_carries_rgb_size_position_and_dates(payload) -> None:
    graph = nx.read_graphml(io.BytesIO(export_bytes(payload[0], payload[1], "graphml", DATES)))
    node = graph.nodes["person:a"]
    assert (node["r"], node["g"], node["b"], node["color"]) == (0x4e, 0x79, 0xa7, "#4e79a7")
    assert (node["size"], node["x"], node["y"]) == (36.0, 0.0, 0.0)
    assert (node["first_date"], node["last_date"]) == DATES["person:a"]


def test_page_legend_and_evidence_are_escaped_and_clickable(payload) -> None:
    nodes, edges, options = payload
    evidence = {"person:a": {"title": f"Anna {SCRIPT}", "sentences": [
        {"text": f"She said </script>{IMG}", "article": "T & <i>", "date": "2024-01-02"}], "more": 2}}
    page = standalone_html(nodes, edges, options, title="t", legend=[("#4e79a7", f"person {SCRIPT}"),
                                                                    ("red;background:url(x)", "bad colour")],
                           evidence=evidence)
    assert SCRIPT not in page and IMG not in page and "</script>{" not in page
    assert f"person {_escaped(SCRIPT)}" in page and "url(x)" not in page  # a colour that is no #rrggbb is dropped
    data = re.search(r'<script type="application/json" id="kg-evidence-data">(.*?)</script>', page, re.DOTALL)
    assert data and json.loads(data.group(1)) == evidence
    assert 'network.on("click"' in page and "textContent" in page and "innerHTML" not in data.group(0)


def test_page_evidence_panel_words_in_the_reader_language(payload) -> None:
    nodes, edges, options = payload
    page = standalone_html(nodes, edges, options, title="t", evidence={}, lang="de")
    texts = re.search(r'<script type="application/json" id="kg-evidence-texts">(.*?)</script>', page, re.DOTALL)
    assert texts and json.loads(texts.group(1)) == {"none": "Für dieses Element enthält die Datei keine Sätze.",
                                                    "more": "{n} weitere sind nicht in dieser Datei."}
    assert "No sentences" not in page and "texts.more.replace" in page


def test_graph_files_of_a_german_view_keep_the_stored_english_keys() -> None:
    nodes = pd.DataFrame([("person:a", "Anna", "person", 4, 2), ("country:KP", "Nordkorea", "country", 2, 1)],
                         columns=["id", "label", "type", "weight", "documents"])
    edges = pd.DataFrame([("person:a", "visits", "country:KP", 3, 2, "planned")],
                         columns=["source", "relation", "target", "support", "documents", "modality"])
    german, english = (vis_payload(nodes, edges, {}, lang=lang) for lang in ("de", "en"))
    assert german[1][0]["label"] == "besucht"  # drawn in German …
    assert nx.utils.graphs_equal(graph_to_networkx(*german[:2]), graph_to_networkx(*english[:2]))  # … exported as stored
    assert export_bytes(german[0], german[1], "csv") == export_bytes(english[0], english[1], "csv")
