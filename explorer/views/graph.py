"""The graph: legend, what is hidden, the vis-network component, and showing more or fewer entities."""

from __future__ import annotations

import html
from typing import Any

import streamlit as st

from explorer.graph_component import TYPE_COLORS, Highlight, graph_view
from explorer.graph_component.payload import FOCUS_BORDER, MATCH_BORDER
from explorer.queries import View
from explorer.views.sidebar import PREFIX

GRAPH_KEY = "kg_graph"
STEP = 100
PATH_COLOR = "#d62728"  # frontend.js PATH_COLOR


def _chip(colour: str, text: str, ring: str = "") -> str:
    border = f"border:3px solid {html.escape(ring)};" if ring else ""
    return (f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;{border}'
            f'background:{html.escape(colour)}"></span> {html.escape(text)}')


def legend(marks: set[str], path: bool) -> None:
    """Entity types and their colours (the canvas's palette), and the marks the view uses."""
    chips = [_chip(color, kind) for kind, color in TYPE_COLORS.items()]
    if "focus" in marks:
        chips.append(_chip("#ffffff", "focus", FOCUS_BORDER[0]))
    if "match" in marks:
        chips.append(_chip("#ffffff", "search match", MATCH_BORDER[0]))
    if path:
        chips.append(f'<span style="color:{PATH_COLOR}">━</span> connection path')
    st.markdown(f'<div class="kg-legend">{" ".join(chips)}</div>', unsafe_allow_html=True)


def caption(view: View, hidden_co: int) -> str:
    """What is shown, what is hidden, and how labels behave."""
    text = f"Showing {len(view.nodes)} of {view.total_nodes} entities and {len(view.edges)} relations."
    if hidden_co:
        text += f" Hidden: {hidden_co} co-mentions resting on a single sentence."
    return text + " Labels of less mentioned entities appear as you zoom in; click a node to follow its links."


def render(payload: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]], view: View,
           selected: dict[str, str] | None, height: int, png_request: int = 0, hidden_co: int = 0,
           highlight: Highlight | None = None) -> dict[str, str] | None:
    """Draw the graph; returns the selection a click made (or the one passed in)."""
    nodes, edges, options = payload
    legend({str(n.get("mark")) for n in nodes}, bool(highlight))
    st.caption(caption(view, hidden_co))
    return graph_view(nodes, edges, key=GRAPH_KEY, height=height, selected=selected, options=options,
                      png_request=png_request, highlight=highlight)


def _show_co_mentions() -> None:
    """Button callback (it runs before the rerun, when the sidebar's slider may still be set)."""
    st.session_state[PREFIX + "co_min_support"] = 1


def size_controls(view: View, top_n: int, hidden_co: int) -> int:
    """"Show more" / "Show fewer" entities and "Show the single-sentence co-mentions" (which sets
    the sidebar's "Minimum sentences per co-mention" to 1).  Returns the new top N."""
    more, fewer, co = st.columns([1, 1, 2])
    if view.total_nodes > len(view.nodes) and more.button(f"Show {STEP} more entities", key="g_more"):
        top_n += STEP
    if top_n > STEP and fewer.button(f"Show {STEP} fewer entities", key="g_fewer"):
        top_n = max(STEP, top_n - STEP)
    if hidden_co:
        co.button(f"Show the {hidden_co} single-sentence co-mentions", key="g_co", on_click=_show_co_mentions)
    return top_n
