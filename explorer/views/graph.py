"""The graph: legend, what is hidden, the vis-network component, and showing more or fewer entities."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

import streamlit as st

from explorer.backbone import K
from explorer.graph_component import TYPE_COLORS, Highlight, as_selection, graph_view, load_vis
from explorer.graph_component.payload import FOCUS_BORDER, MATCH_BORDER, NEW_BORDER, NEW_COLOR, SINGLE_SOURCE_OPACITY
from explorer.i18n import grouped
from explorer.queries import View
from explorer.structure import Look, Styling
from explorer.views.sidebar import PREFIX
from explorer.views.words import basis_text, current, kind, tr

GRAPH_KEY = "kg_graph"
STEP = 100
PATH_COLOR = "#d62728"  # frontend.js PATH_COLOR
UNSTATED_COLOR = "#9c9c9c"  # a dotted edge no sentence states


def _chip(colour: str, text: str, ring: str = "") -> str:
    border = f"border:3px solid {html.escape(ring)};" if ring else ""
    return (f'<span style="display:inline-block;width:.8em;height:.8em;border-radius:50%;{border}'
            f'background:{html.escape(colour)}"></span> {html.escape(text)}')


def legend(marks: set[str], path: bool, entries: list[tuple[str, str]] | None = None, note: str = "",
           bases: frozenset[str] = frozenset()) -> None:
    """The colours (entity types by default, else ``entries``: (colour, text)), the marks the view
    uses, ``note`` (what the size shows) and the dotted edges (``bases``: the relation bases of the
    view's edges; other than "text", no sentence states them)."""
    entries = entries if entries is not None else [(color, kind(name)) for name, color in TYPE_COLORS.items()]
    chips = [_chip(color, text) for color, text in entries]
    if "focus" in marks:
        chips.append(_chip("#ffffff", tr("mark_focus"), FOCUS_BORDER[0]))
    if "match" in marks:
        chips.append(_chip("#ffffff", tr("mark_match"), MATCH_BORDER[0]))
    if "new" in marks:
        chips.append(_chip("#ffffff", tr("legend_new"), NEW_BORDER[0])
                     + f' <span style="color:{NEW_COLOR}">━</span> {html.escape(tr("legend_new_relation"))}')
    if "single_source" in marks:
        chips.append(f'<span style="opacity:{SINGLE_SOURCE_OPACITY}">━━</span> {html.escape(tr("legend_one_outlet"))}')
    if path:
        chips.append(f'<span style="color:{PATH_COLOR}">━</span> {html.escape(tr("mark_path"))}')
    for basis in sorted(bases - {"text"}):
        chips.append(f'<span style="color:{UNSTATED_COLOR}">┈┈</span> {html.escape(basis_text(basis))}')
    if note:
        chips.append(f"<small>{html.escape(note)}</small>")
    st.markdown(f'<div class="kg-legend">{" ".join(chips)}</div>', unsafe_allow_html=True)


def picture_legend(marks: set[str], path: bool, entries: list[tuple[str, str]], note: str) -> list[tuple[str, str]]:
    """The legend as (colour, text) lines for the PNG and the HTML export ("" colour: a text line)."""
    lines = list(entries)
    lines += [(FOCUS_BORDER[0], tr("mark_focus"))] if "focus" in marks else []
    lines += [(MATCH_BORDER[0], tr("mark_match"))] if "match" in marks else []
    lines += [(NEW_COLOR, tr("legend_new_picture"))] if "new" in marks else []
    lines += [("", tr("legend_one_outlet_picture"))] if "single_source" in marks else []
    lines += [(PATH_COLOR, tr("mark_path"))] if path else []
    return lines + ([("", note)] if note else [])


def caption(view: View, hidden_co: int, drawn: int | None = None, hidden_weak: int = 0) -> str:
    """What is shown (``drawn`` edges, default: all of the view's), what is hidden (single-sentence
    co-mentions, ``hidden_weak`` edges the backbone leaves out), and how labels behave."""
    edges = len(view.edges) if drawn is None else drawn
    lang = current()
    text = tr("showing", nodes=len(view.nodes), total=grouped(lang, view.total_nodes), edges=grouped(lang, edges))
    if hidden_weak:
        text += tr("hidden_weak", n=grouped(lang, hidden_weak), k=K)
    if hidden_co:
        text += tr("hidden_co", n=grouped(lang, hidden_co))
    return text + tr("label_hint")


def noting_hidden(styled: Styling, hidden: int) -> Styling:
    """``styled`` whose legend note also says how many weaker connections the backbone hides
    (the page's legend, the PNG's and the HTML export's all show the note)."""
    if not hidden:
        return styled
    line = tr("legend_hidden_weak", n=grouped(current(), hidden))
    return replace(styled, note=f"{styled.note} · {line}" if styled.note else line)


def this_run_selection(before: dict[str, str] | None) -> dict[str, str] | None:
    """The selection this run shows: a click on the graph that reran the page (the component's new
    state, None for empty canvas) wins over ``before`` (the session's or the link's)."""
    state: Any = st.session_state.get(GRAPH_KEY) or {}  # the component's state: {"selection": ...}
    clicked = as_selection(state.get("selection"))
    return clicked if clicked != st.session_state.get("last_click") else before


def kept_selection(selection: dict[str, str] | None, chosen: Look) -> tuple[str, str]:
    """(kind, id) of ``selection``, whose edges the backbone keeps; ("", "") for none or when
    every edge is drawn (one cached drawing then serves every selection)."""
    if chosen.edges != "backbone" or not selection:
        return ("", "")
    return (selection["kind"], selection["id"])


def render(payload: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]], view: View,
           selected: dict[str, str] | None, height: int, png_request: int = 0, hidden_co: int = 0,
           highlight: Highlight | None = None, styling: Styling | None = None,
           present: bool = False, signature: str | None = None, vis_sent: bool = False,
           hidden_weak: int = 0) -> dict[str, str] | None:
    """Draw the graph; returns the selection a click made (or the one passed in).

    ``styling`` gives the legend's colours and size note (entity types when None); ``present``
    leaves out the caption (presentation mode says it in its own header); ``signature``: the
    payload's ``data_signature`` at this height, when the caller keeps one; ``vis_sent``: ``preload``
    ran earlier in this script run; ``hidden_weak``: the view's edges the backbone does not draw (said
    in the caption)."""
    nodes, edges, options = payload
    marks = {str(item.get("mark")) for item in [*nodes, *edges]} | ({"single_source"} if any(e.get("single_source") for e in edges) else set())
    entries, note = (styling.legend, styling.note) if styling else ([(c, k) for k, c in TYPE_COLORS.items()], "")
    entries = [(colour, kind(text)) for colour, text in entries]  # type names in the page's language
    legend(marks, bool(highlight), entries, note, frozenset(str(e.get("basis", "text")) for e in edges))
    if not present:
        st.caption(caption(view, hidden_co, len(edges), hidden_weak))
    return graph_view(nodes, edges, key=GRAPH_KEY, height=height, selected=selected, options=options,
                      png_request=png_request, highlight=highlight,
                      legend=picture_legend(marks, bool(highlight), entries, note),
                      texts={name: tr(f"canvas_{name}") for name in ("zoom", "zoom_title", "fit")}, signature=signature, vis_sent=vis_sent)


def preload() -> None:
    """Send vis-network now: called first in the page, the browser loads it while the script runs on.
    The loader draws nothing; its element is hidden so it leaves no gap above the title."""
    load_vis(GRAPH_KEY)
    st.html(f"<style>.st-key-{GRAPH_KEY}_vis {{ display: none; }}</style>")  # style only: takes no space


def _show_co_mentions() -> None:
    """Button callback (it runs before the rerun, when the sidebar's slider may still be set)."""
    st.session_state[PREFIX + "co_min_support"] = 1


def size_controls(view: View, top_n: int, hidden_co: int) -> int:
    """"Show more" / "Show fewer" entities and "Show the single-sentence co-mentions" (which sets
    the sidebar's "Minimum sentences per co-mention" to 1).  Returns the new top N."""
    more, fewer, co = st.columns([1, 1, 2])
    if view.total_nodes > len(view.nodes) and more.button(tr("show_more", n=STEP), key="g_more"):
        top_n += STEP
    if top_n > STEP and fewer.button(tr("show_fewer", n=STEP), key="g_fewer"):
        top_n = max(STEP, top_n - STEP)
    if hidden_co:
        co.button(tr("show_co", n=grouped(current(), hidden_co)), key="g_co", on_click=_show_co_mentions)
    return top_n
