"""Colour by community or type, size by mentions, degree or PageRank, and the legend that follows."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from explorer.graph_component import TYPE_COLORS, vis_payload
from explorer.graph_component.payload import FOCUS_BORDER, NODE_SIZE
from explorer.structure import (
    COMMUNITY_COLORS,
    SMALL_COMMUNITY_COLOR,
    Look,
    communities,
    community_legend,
    node_measure,
    recolour,
    styling,
)

# two triangles joined by one bridge, and a loner
TRIANGLES = [("a1", "a2"), ("a2", "a3"), ("a3", "a1"), ("b1", "b2"), ("b2", "b3"), ("b3", "b1"), ("a1", "b1")]
IDS = ["a1", "a2", "a3", "b1", "b2", "b3", "loner"]


def rows(weights: dict[str, int] | None = None) -> list[dict[str, Any]]:
    weights = weights or {}
    return [{"id": node, "label": node.upper(), "type": "person", "weight": weights.get(node, 1)} for node in IDS]


def test_communities_split_the_triangles_and_are_stable() -> None:
    found = communities(IDS, TRIANGLES)
    assert found["a1"] == found["a2"] == found["a3"] != found["b1"] == found["b2"] == found["b3"]
    assert found["loner"] == 2  # the smallest community comes last
    assert all(communities(list(reversed(IDS)), list(reversed(TRIANGLES))) == found for _ in range(3))


def test_node_measure_degree_and_pagerank() -> None:
    degree = node_measure(IDS, TRIANGLES, {}, "degree")
    assert degree["a1"] == 3 and degree["a2"] == 2 and degree["loner"] == 0
    rank = node_measure(["x", "y", "z"], [("x", "z"), ("y", "z")], {}, "pagerank")
    assert rank["z"] > rank["x"] == pytest.approx(rank["y"]) and sum(rank.values()) == pytest.approx(1.0)
    assert node_measure(["x"], [], {"x": 4}, "mentions") == {"x": 4.0}
    with pytest.raises(ValueError, match="degree"):
        node_measure(["x"], [], {}, "betweenness")


def test_styling_by_community_colours_and_names_each_community() -> None:
    styled = styling(rows({"a2": 9, "b3": 5}), TRIANGLES, Look("community", "degree"))
    assert styled.colours["a1"] == styled.colours["a3"] != styled.colours["b1"]
    assert set(styled.colours.values()) <= set(COMMUNITY_COLORS)
    texts = [text for _, text in styled.legend]
    assert "around A2 (3)" in texts and "around B3 (3)" in texts and "around LONER (1)" in texts
    assert styled.sizes["a1"] == NODE_SIZE[1] and styled.sizes["loner"] == NODE_SIZE[0]
    assert styled.note == "size: connections (degree)"


def test_styling_by_type_keeps_the_type_palette() -> None:
    styled = styling(rows({"a1": 4}), TRIANGLES, Look())
    assert styled.colours == {} and styled.legend[0] == (TYPE_COLORS["person"], "person")
    assert styled.sizes["a1"] == NODE_SIZE[1] and styled.note == "size: mentions"


def test_community_legend_groups_the_smallest_communities_in_one_grey_entry() -> None:
    membership = {f"n{i}": i for i in range(len(COMMUNITY_COLORS) + 3)}
    legend = community_legend(membership, {}, {})
    assert len(legend) == len(COMMUNITY_COLORS) + 1
    assert legend[-1] == (SMALL_COMMUNITY_COLOR, "3 small communities (3)")


def test_recolour_keeps_the_focus_border() -> None:
    nodes, _, _ = vis_payload(pd.DataFrame(rows()), pd.DataFrame(columns=["source", "target", "relation"]), {},
                              focus="a1")
    recolour(nodes, {"a1": "#123456", "a2": "#654321"})
    focus = next(n for n in nodes if n["id"] == "a1")
    assert focus["color"]["background"] == "#123456" and focus["color"]["border"] == FOCUS_BORDER[0]
    assert focus["color"]["highlight"]["background"] == "#123456"
    assert next(n for n in nodes if n["id"] == "a2")["color"] == "#654321"
