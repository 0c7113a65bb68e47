"""The graph: legend, the vis-network component, and the control to show more entities."""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from explorer.graph_component import TYPE_COLORS, graph_view
from explorer.queries import View

GRAPH_KEY = "kg_graph"
STEP = 100


def legend() -> None:
    """Entity types and their colours (the same palette the canvas uses)."""
    chips = " ".join(
        f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;background:{html.escape(color)}"></span> {html.escape(kind)}'
        for kind, color in TYPE_COLORS.items()
    )
    st.markdown(f'<div class="kg-legend">{chips}</div>', unsafe_allow_html=True)


def render(payload: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]], view: View,
           selected: dict[str, str] | None, height: int, png_request: int = 0) -> dict[str, str] | None:
    """Draw the graph; returns the selection a click made (or the one passed in)."""
    nodes, edges, options = payload
    legend()
    st.caption(f"Showing {len(view.nodes)} of {view.total_nodes} entities and {len(view.edges)} relations.")
    return graph_view(nodes, edges, key=GRAPH_KEY, height=height, selected=selected, options=options, png_request=png_request)


def more_control(view: View, top_n: int) -> int:
    """A button that raises the number of entities shown; returns the new top N."""
    if view.total_nodes > len(view.nodes) and st.button(f"Show {STEP} more entities", key="g_more"):
        return top_n + STEP
    return top_n
