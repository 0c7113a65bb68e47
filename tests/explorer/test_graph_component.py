"""vis_payload (what the canvas gets) and graph_view as a Streamlit component, without a browser."""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from explorer.graph_component import (
    COMPONENT_NAME,
    OTHER_COLOR,
    TYPE_COLORS,
    as_selection,
    component_data,
    data_signature,
    vis_payload,
)
from explorer.graph_component.payload import EDGE_WIDTH, NODE_SIZE

XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def frames() -> tuple[pd.DataFrame, pd.DataFrame, dict[str, tuple[float, float]]]:
    nodes = pd.DataFrame([
        ("person:a", "Anna", "person", "", 40, 3),
        ("organization:b", XSS[0], "organization", "DE", 1, 1),
        ("country:KP", "North Korea", "country", "KP", 0, 0),
        ("place:p", XSS[1], "place", "KP", 10_000, 9),
        ("agreement:x", "Pact", "agreement", "", float("nan"), 2),
        ("bloc:eu", None, "bloc", "", 3, 1),
    ], columns=["id", "label", "type", "country", "weight", "documents"])
    edges = pd.DataFrame([
        ("person:a", "meets", "organization:b", 1, 1, "reported"),
        ("person:a", "visits", "country:KP", 50, 4, "planned"),
        ("country:KP", "party_to", "agreement:x", 3, 2, "denied"),
        ("place:p", "located_in", "country:KP", 2, 1, "hypothetical"),
        ("organization:b", "co_mentioned", "place:p", 7, 2, "reported"),
    ], columns=["source", "relation", "target", "support", "documents", "modality"])
    positions = {"person:a": (-100.0, 20.0), "organization:b": (50.123, -80.0), "country:KP": (0.0, 0.0),
                 "place:p": (120.0, 90.0), "agreement:x": (-60.0, -120.0)}
    return nodes, edges, positions


@pytest.fixture(scope="module")
def payload() -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    return vis_payload(*frames())


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_ids_are_the_entity_and_edge_ids_in_order(payload) -> None:
    nodes, edges, _ = payload
    assert [n["id"] for n in nodes] == list(frames()[0]["id"])
    assert [e["id"] for e in edges][:2] == ["person:a|meets|organization:b", "person:a|visits|country:KP"]
    assert all(e["id"] == f"{e['from']}|{e['relation']}|{e['to']}" for e in edges)
    assert vis_payload(*frames()) == payload  # same view, same payload


def test_an_edge_id_column_is_kept() -> None:
    nodes, edges, positions = frames()
    edges = edges.assign(id=[f"e{i}" for i in range(len(edges))])
    assert [e["id"] for e in vis_payload(nodes, edges, positions)[1]] == ["e0", "e1", "e2", "e3", "e4"]


def test_node_sizes_grow_with_weight_within_bounds(payload) -> None:
    nodes = by_id(payload[0])
    sizes = [n["size"] for n in nodes.values()]
    assert all(NODE_SIZE[0] <= size <= NODE_SIZE[1] for size in sizes)
    assert nodes["place:p"]["size"] == NODE_SIZE[1]
    assert nodes["country:KP"]["size"] == nodes["agreement:x"]["size"] == NODE_SIZE[0]  # 0 and NaN
    assert nodes["organization:b"]["size"] < nodes["person:a"]["size"] < nodes["place:p"]["size"]
    # square root: 40 of 10,000 is 6% of the range, not 0.4%
    assert nodes["person:a"]["size"] == pytest.approx(NODE_SIZE[0] + (NODE_SIZE[1] - NODE_SIZE[0]) * math.sqrt(0.004),
                                                      abs=0.05)


def test_edge_widths_within_bounds_and_co_mentions_thin(payload) -> None:
    edges = by_id(payload[1])
    strong, weak = edges["person:a|visits|country:KP"], edges["person:a|meets|organization:b"]
    assert strong["width"] == EDGE_WIDTH[1] and EDGE_WIDTH[0] <= weak["width"] < strong["width"]
    co = edges["organization:b|co_mentioned|place:p"]
    assert co["width"] < EDGE_WIDTH[0] and co["label"] == "" and co["arrows"] == {"to": {"enabled": False}}
    assert co["color"]["color"] != payload[2]["edges"]["color"]["color"]  # lighter than the usual grey
    assert strong["arrows"] == "to" and strong["label"] == "visits"
    assert edges["country:KP|party_to|agreement:x"]["label"] == "party to"


def test_dashes_mark_modality(payload) -> None:
    edges = by_id(payload[1])
    assert "dashes" not in edges["person:a|meets|organization:b"]  # reported: solid
    patterns = [edges[i]["dashes"] for i in ("person:a|visits|country:KP", "country:KP|party_to|agreement:x",
                                              "place:p|located_in|country:KP")]
    assert all(isinstance(p, list) and p for p in patterns) and len({tuple(p) for p in patterns}) == 3


def test_colours_and_shapes_by_type(payload) -> None:
    nodes = by_id(payload[0])
    for node in nodes.values():
        assert node["color"] == TYPE_COLORS.get(node["type"], OTHER_COLOR)
    assert set(TYPE_COLORS) == {"person", "organization", "country", "place", "agreement"}
    assert len(set(TYPE_COLORS.values()) | {OTHER_COLOR}) == 6
    assert nodes["bloc:eu"]["color"] == OTHER_COLOR and nodes["bloc:eu"]["label"] == "bloc:eu"  # no label: id
    assert len({n["shape"] for n in nodes.values() if n["type"] in TYPE_COLORS}) == 5


def test_positions_kept_and_missing_ones_left_to_vis(payload) -> None:
    nodes = by_id(payload[0])
    assert (nodes["organization:b"]["x"], nodes["organization:b"]["y"]) == (50, -80)  # whole pixels
    assert "x" not in nodes["bloc:eu"] and "y" not in nodes["bloc:eu"]


def test_hostile_labels_stay_plain_text(payload) -> None:
    """vis-network 9 shows a string title with innerText and draws labels on the canvas,
    so the text is passed as it is (escaping would show "&lt;"); the browser test proves no script runs."""
    nodes, edges, options = payload
    node = by_id(nodes)["organization:b"]
    assert node["label"] == XSS[0]
    assert isinstance(node["title"], str) and node["title"].splitlines()[0] == XSS[0]
    assert by_id(edges)["place:p|located_in|country:KP"]["title"].startswith(XSS[1])
    for kind in ("nodes", "edges"):  # font.multi "html" would parse <b>, <i> in labels
        assert "multi" not in options[kind].get("font", {})


def test_tooltips_say_what_the_numbers_mean(payload) -> None:
    nodes, edges = by_id(payload[0]), by_id(payload[1])
    assert nodes["person:a"]["title"] == "Anna\nperson · 40 mentions · 3 articles\nperson:a"
    assert edges["person:a|visits|country:KP"]["title"] == (
        "Anna —visits→ North Korea\n50 sentences in 4 articles · planned")


def test_tooltips_and_relation_names_in_german_keep_the_stored_keys() -> None:
    drawn_nodes, drawn_edges, _ = vis_payload(*frames(), lang="de")
    nodes, edges = by_id(drawn_nodes), by_id(drawn_edges)
    assert nodes["person:a"]["title"] == "Anna\nPerson · 40 Erwähnungen · 3 Artikel\nperson:a"
    visit = edges["person:a|visits|country:KP"]
    assert visit["title"] == "Anna —besucht→ North Korea\n50 Sätze in 4 Artikeln · geplant"
    assert (visit["label"], visit["relation"], visit["modality"]) == ("besucht", "visits", "planned")
    located = edges["place:p|located_in|country:KP"]
    assert located["label"] == "liegt in" and located["title"].endswith("—liegt in→ North Korea\n2 Sätze in 1 Artikel · hypothetisch")


def test_options_physics_off_straight_edges_hover(payload) -> None:
    options = payload[2]
    assert options["physics"] == {"enabled": False}
    assert options["edges"]["smooth"] is False and options["interaction"]["hover"] is True
    assert options["layout"]["improvedLayout"] is False


def test_dark_theme_uses_other_greys() -> None:
    light, dark = vis_payload(*frames())[2], vis_payload(*frames(), theme="dark")[2]
    assert light["edges"]["color"] != dark["edges"]["color"]


def test_repeated_ids_are_dropped() -> None:
    """vis refuses a data set with a repeated id and would draw nothing at all."""
    nodes, edges, positions = frames()
    nodes_out, edges_out, _ = vis_payload(pd.concat([nodes, nodes.iloc[:1]]), pd.concat([edges, edges.iloc[:2]]),
                                          positions)
    assert len(nodes_out) == len(nodes) and len(edges_out) == len(edges)


def test_empty_view() -> None:
    nodes, edges, _ = frames()
    assert vis_payload(nodes.iloc[:0], edges.iloc[:0], {})[:2] == ([], [])


def test_signature_ignores_selection_and_png_counter(payload) -> None:
    nodes, edges, options = payload
    base = component_data(nodes, edges, key="g", height=600, selected=None, options=options, png_request=0)
    other = component_data(nodes, edges, key="g", height=600, selected={"kind": "node", "id": "person:a"},
                           options=options, png_request=3)
    assert base["sig"] == other["sig"]
    assert component_data(nodes[:-1], edges, key="g", height=600, selected=None, options=options,
                          png_request=0)["sig"] != base["sig"]
    assert component_data(nodes, edges, key="g", height=700, selected=None, options=options,
                          png_request=0)["sig"] != base["sig"]


def test_component_data_sends_the_png_legend_as_text_pairs(payload) -> None:
    nodes, edges, options = payload
    data = component_data(nodes, edges, key="g", height=0, selected=None, options=options, png_request=0,
                          legend=[("#4e79a7", "person"), ("", "size: mentions")])
    assert data["legend"] == [["#4e79a7", "person"], ["", "size: mentions"]] and data["height"] == 0
    plain = component_data(nodes, edges, key="g", height=0, selected=None, options=options, png_request=0)
    assert plain["legend"] == [] and plain["sig"] == data["sig"]  # a new legend alone redraws nothing


def test_as_selection_accepts_only_node_or_edge() -> None:
    assert as_selection({"kind": "edge", "id": "a|r|b"}) == {"kind": "edge", "id": "a|r|b"}
    assert as_selection({"kind": "node", "id": 5}) == {"kind": "node", "id": "5"}
    for junk in (None, {}, {"kind": "other", "id": "x"}, {"kind": "node"}, "node"):
        assert as_selection(junk) is None


# ---- the component inside a Streamlit script (AppTest, no browser) ------------------------

def _demo_app() -> None:
    import pandas as pd
    import streamlit as st

    from explorer.graph_component import graph_view, vis_payload

    nodes = pd.DataFrame({"id": ["person:a", "country:KP"], "label": ["Anna", "<img src=x onerror=alert(1)>"],
                          "type": ["person", "country"], "weight": [3, 1], "documents": [1, 1]})
    edges = pd.DataFrame({"source": ["person:a"], "target": ["country:KP"], "relation": ["visits"],
                          "support": [2], "documents": [1], "modality": ["reported"]})
    payload = vis_payload(nodes, edges, {"person:a": (0.0, 0.0), "country:KP": (100.0, 0.0)})
    selection = graph_view(*payload[:2], key="g", options=payload[2], height=500,
                           selected={"kind": "node", "id": "country:KP"}, png_request=2)
    st.text(f"{selection['kind']}: {selection['id']}" if selection else "none")


def _component_json(at: AppTest) -> dict[str, Any]:
    return json.loads(element_named(at, COMPONENT_NAME).proto.json)


def element_named(at: AppTest, name: str) -> Any:
    (element,) = [e for e in at.get("bidi_component") if e.proto.component_name == name]
    return element


def test_component_receives_the_payload() -> None:
    at = AppTest.from_function(_demo_app, default_timeout=30).run()
    assert not at.exception
    data = _component_json(at)
    graph = data["graph"]  # the compact form (explorer/graph_component/wire.py): ids by column
    assert graph["nodes"]["cols"]["id"]["v"] == ["person:a", "country:KP"]
    assert graph["edges"]["n"] == 1 and "id" not in graph["edges"]["cols"]  # person:a|visits|country:KP
    assert data["key"] == "g" and data["height"] == 500 and data["png_request"] == 2
    assert data["selected"] == {"kind": "node", "id": "country:KP"}  # shown, not returned
    assert at.text[0].value == "none"
    graph = element_named(at, COMPONENT_NAME).proto
    assert "function expandGraph" in graph.js_content and "export default function" in graph.js_content
    assert len(graph.js_content) < 50_000 and "cdn" not in graph.css_content  # vis-network is not in it
    loader = element_named(at, COMPONENT_NAME + "_vis").proto  # vis-network: a message that never changes
    assert "vis-network" in loader.js_content and "sourceMappingURL" not in loader.js_content
    assert not loader.json  # no data


def test_simulated_click_comes_back_and_canvas_click_clears() -> None:
    at = AppTest.from_function(_demo_app, default_timeout=30).run()
    at.session_state["g"] = {"selection": {"kind": "edge", "id": "person:a|visits|country:KP"}}
    at.run()
    assert at.text[0].value == "edge: person:a|visits|country:KP"
    at.session_state["g"] = {"selection": None}  # what a click on empty canvas sends
    at.run()
    assert at.text[0].value == "none"


def test_data_is_stable_across_reruns() -> None:
    at = AppTest.from_function(_demo_app, default_timeout=30).run()
    first = _component_json(at)["sig"]
    at.run()
    assert _component_json(at)["sig"] == first


# ---- readability and marks ------------------------------------------------------------------

def parallel_frames() -> tuple[pd.DataFrame, pd.DataFrame, dict[str, tuple[float, float]]]:
    nodes = pd.DataFrame({"id": ["a", "b", "c"], "label": ["Alpha", "Beta", "Gamma"], "type": ["person"] * 3,
                          "weight": [9, 5, 1]})
    edges = pd.DataFrame({"source": ["a", "a", "b", "a"], "target": ["b", "b", "a", "c"],
                          "relation": ["meets", "visits", "criticises", "meets"], "support": [3, 2, 1, 1]})
    return nodes, edges, {"a": (0.0, 0.0), "b": (300.0, 0.0), "c": (0.0, 30.0)}


def test_parallel_edges_bend_apart_and_single_ones_stay_straight() -> None:
    _, edges, options = vis_payload(*parallel_frames())
    smooth = {e["id"]: e.get("smooth") for e in edges}
    assert smooth["a|meets|c"] is None and options["edges"]["smooth"] is False
    pair: list[Any] = [smooth[i] for i in ("a|meets|b", "a|visits|b", "b|criticises|a")]
    assert pair[1] is None  # the middle of three stays straight
    assert {s["type"] for s in (pair[0], pair[2])} == {"curvedCCW"}  # opposite sides: b->a bends the other way
    assert all(s["roundness"] > 0.2 for s in (pair[0], pair[2]))
    assert [e["label"] for e in edges][:3] == ["meets", "visits", "criticises"]  # each keeps its own label


def test_label_fonts_show_the_heaviest_first_and_neighbours_later() -> None:
    nodes, _, options = vis_payload(*parallel_frames())
    fonts = {n["id"]: n["font"]["size"] for n in nodes}
    ranks = {n["id"]: n["rank"] for n in nodes}
    assert ranks == {"a": 0, "b": 1, "c": 2}
    assert fonts["a"] >= fonts["b"] > fonts["c"]  # c sits 30 px under a: its label needs a deep zoom
    assert options["nodes"]["scaling"]["label"]["drawThreshold"] == 14


def test_focus_and_search_matches_get_a_border_and_the_first_labels() -> None:
    nodes, _, _ = vis_payload(*parallel_frames(), focus="c", matches={"b"})
    by = {n["id"]: n for n in nodes}
    assert by["c"]["mark"] == "focus" and by["c"]["borderWidth"] == 5 and by["c"]["color"]["background"] == TYPE_COLORS["person"]
    assert by["b"]["mark"] == "match" and by["b"]["borderWidth"] == 4
    assert "mark" not in by["a"] and by["a"]["color"] == TYPE_COLORS["person"]
    assert by["c"]["rank"] == 0 and by["b"]["rank"] == 1



def test_component_data_keeps_a_signature_the_caller_computed(payload) -> None:
    nodes, edges, options = payload
    kept = data_signature(nodes, edges, options, 600)
    data = component_data(nodes, edges, key="g", height=600, selected=None, options=options, png_request=0,
                          signature="kept-by-the-app")
    assert data["sig"] == "kept-by-the-app"
    assert component_data(nodes, edges, key="g", height=600, selected=None, options=options, png_request=0)["sig"] == kept

def test_component_data_carries_the_path_outside_the_signature(payload) -> None:
    nodes, edges, options = payload
    plain = component_data(nodes, edges, key="g", height=500, selected=None, options=options, png_request=0)
    path = component_data(nodes, edges, key="g", height=500, selected=None, options=options, png_request=0,
                          highlight={"nodes": ["person:a", "country:KP"], "edges": ["person:a|visits|country:KP"]})
    assert plain["highlight"] is None and plain["sig"] == path["sig"]
    assert path["highlight"] == {"nodes": ["person:a", "country:KP"], "edges": ["person:a|visits|country:KP"]}


def test_dashes_mark_a_former_relation_in_its_own_pattern() -> None:
    nodes, edges, positions = frames()
    edges.loc[len(edges)] = ("person:a", "leader_of", "country:KP", 2, 1, "former")
    drawn = by_id(vis_payload(nodes, edges, positions)[1])
    former = drawn["person:a|leader_of|country:KP"]
    others = {tuple(e["dashes"]) for i, e in drawn.items() if "dashes" in e and i != "person:a|leader_of|country:KP"}
    assert former["dashes"] and tuple(former["dashes"]) not in others
    assert "former" in former["title"]


def test_a_gazetteer_fact_is_dotted_pale_and_says_so() -> None:
    nodes, edges, positions = frames()
    edges["basis"] = ["text", "text", "text", "gazetteer", "text"]
    drawn = by_id(vis_payload(nodes, edges, positions)[1])
    known, stated = drawn["place:p|located_in|country:KP"], drawn["person:a|meets|organization:b"]
    others = {tuple(e["dashes"]) for i, e in drawn.items() if "dashes" in e and i != known["id"]}
    assert tuple(known["dashes"]) not in others and known["color"]["color"] != "#8c8c8c"
    assert "from the gazetteer, not stated in the sentence" in known["title"] and known["basis"] == "gazetteer"
    assert "gazetteer" not in stated["title"] and "color" not in stated and stated["basis"] == "text"


def test_a_relation_inferred_from_the_article_is_dotted_and_says_so() -> None:
    nodes, edges, positions = frames()
    edges["basis"] = ["text", "text", "text", "article", "text"]
    known = by_id(vis_payload(nodes, edges, positions)[1])["place:p|located_in|country:KP"]
    assert known["dashes"] and "inferred from the article's country, not stated in the sentence" in known["title"]
