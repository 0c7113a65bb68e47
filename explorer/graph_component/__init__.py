"""The explorer's graph: vis-network in a Streamlit ``st.components.v2`` component.

A click on a node or an edge comes back to Python as the component's
``selection`` state; a click on empty canvas clears it.  The vis-network
script is the one inside the installed pyvis package (nothing from a CDN),
sent by a loader component of its own (``<name>_vis``, the same message on
every rerun, so Streamlit sends it once per page); the graph component's code
is ``wire.js`` (the compact graph, see ``wire.py``) and ``frontend.js``,
styled by ``style.css``.

The browser keeps one vis Network per mount and swaps its data only when
``data_signature`` changes; it exposes ``window.__kg[key]`` (the Network),
``window.__kgDrawn[key]`` (``performance.now()``, ms since navigation, of
the first draw of the current data), ``window.__kgDrawMs[key]`` (setData to
that draw) and ``data-drawn="1"`` on ``.kg-canvas`` for tests and bench/.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyvis
import streamlit as st

from explorer.graph_component.payload import (
    OTHER_COLOR,
    TYPE_COLORS,
    TYPE_SHAPES,
    edge_id,
    vis_options,
    vis_payload,
)
from explorer.graph_component.wire import compact

__all__ = [
    "COMPONENT_NAME",
    "OTHER_COLOR",
    "TYPE_COLORS",
    "TYPE_SHAPES",
    "VIS_JS_PATH",
    "component_data",
    "data_signature",
    "edge_id",
    "graph_view",
    "load_vis",
    "vis_options",
    "vis_payload",
]

COMPONENT_NAME = "entente.graph_view"
HERE = Path(__file__).resolve().parent
VIS_JS_PATH = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
Selection = dict[str, str]
Highlight = dict[str, list[str]]


def vis_script() -> str:
    """vis-network as a module that only defines ``globalThis.vis`` (the loader component)."""
    vis = VIS_JS_PATH.read_text(encoding="utf-8")
    # the .map file is not shipped; the comment would only make devtools ask for it
    vis = vis.replace("//# sourceMappingURL=vis-network.min.js.map", "")
    return vis + "\nexport default function () {}\n"


def component_script() -> str:
    """The graph's own code (``wire.js``, then ``frontend.js``), which waits for ``globalThis.vis``."""
    return "\n".join((HERE / name).read_text(encoding="utf-8") for name in ("wire.js", "frontend.js"))


# vis-network (480 KB) in a component of its own whose message never changes: Streamlit sends an
# element's inline script with every message of it, and skips only a message equal to one it sent.
_vis_loader = st.components.v2.component(COMPONENT_NAME + "_vis", js=vis_script())
_component = st.components.v2.component(
    COMPONENT_NAME, js=component_script(), css=(HERE / "style.css").read_text(encoding="utf-8"),
)


def load_vis(key: str) -> None:
    """Send vis-network for the graph ``key`` now (once per run, before ``graph_view(..., vis_sent=True)``).

    A page that calls this first thing gets vis-network, and the browser's component code, while
    the rest of the script still runs: the browser fetches and evaluates them in the meantime
    instead of after the graph's own message."""
    _vis_loader(key=f"{key}_vis", data=None)


def graph_view(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, key: str, height: int = 640,
    selected: Selection | None = None, options: dict[str, Any] | None = None,
    on_select: Callable[[], None] | None = None, png_request: int = 0, highlight: Highlight | None = None,
    legend: list[tuple[str, str]] | None = None, texts: dict[str, str] | None = None, signature: str | None = None,
    vis_sent: bool = False,
) -> Selection | None:
    """Draw the graph; returns the selection the last click made, ``{"kind", "id"}`` or None.

    ``nodes``/``edges``/``options`` as ``vis_payload`` makes them.  ``key``
    is required: without a stable key the component remounts and loses its
    state.  ``selected`` is highlighted in the browser when it changes (deep
    links, a row picked in a table); it is not returned: the return value is
    what the user clicked (None before any click and after a click on empty
    canvas).  ``on_select`` runs, as a widget callback, when a click changes
    the selection.  A new value of ``png_request`` (a counter) makes the
    browser download the canvas as ``entente-graph.png``.  ``highlight``
    (``{"nodes": [ids], "edges": [ids]}``, a connection path) is drawn in red
    over a faded rest until it changes.  ``height`` 0 fills the window below
    the canvas's top (presentation mode).  ``legend`` (``(colour, text)``
    pairs; "" as colour for a plain line) is drawn into the PNG.  ``texts``
    (``zoom``, ``zoom_title``, ``fit``) words the buttons over the canvas in
    the page's language (English without).  ``signature``: ``data_signature`` of the same nodes,
    edges, options and height when the caller keeps it (hashing a large view takes longer than drawing it).
    ``vis_sent``: ``load_vis(key)`` already ran in this script run (else this sends vis-network first).

    In the browser a click on a node fades everything but the node and its
    neighbours at once; "Zoom to selection" and "Show all" buttons sit over
    the canvas; a node the user dragged keeps its place when the data is
    swapped (positions kept per ``key`` for the browser tab).
    """
    data = component_data(nodes, edges, key=key, height=height, selected=selected, options=options,
                          png_request=png_request, highlight=highlight, legend=legend, signature=signature)
    data["texts"] = dict(texts or {})
    if not vis_sent:
        load_vis(key)
    result = _component(key=key, data=data, default={"selection": None},
                        on_selection_change=on_select or _ignore)
    return as_selection(result.get("selection"))


def component_data(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, key: str, height: int,
    selected: Selection | None, options: dict[str, Any] | None, png_request: int,
    highlight: Highlight | None = None, legend: list[tuple[str, str]] | None = None,
    signature: str | None = None,
) -> dict[str, Any]:
    """The JSON the browser receives: the graph in its compact form (``wire.compact``, once per
    signature), its signature (computed unless given), and the per-run extras."""
    options = options if options is not None else vis_options(len(nodes), len(edges))
    sig = signature or data_signature(nodes, edges, options, height)
    return {
        "key": key, "graph": compact_once(nodes, edges, sig), "options": options, "height": int(height), "sig": sig,
        "selected": as_selection(selected), "png_request": int(png_request),
        "highlight": as_highlight(highlight), "legend": [[str(c), str(t)] for c, t in legend or []],
    }


_COMPACTED: dict[str, dict[str, Any]] = {}  # signature -> compact form, the newest few
COMPACT_KEPT = 8
_COMPACTING = threading.Lock()  # sessions rerun in threads of their own


def compact_once(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], signature: str) -> dict[str, Any]:
    """``wire.compact`` of the graph, kept for the last COMPACT_KEPT signatures: a rerun of the same
    view (a click, a tab) sends the same graph again."""
    with _COMPACTING:
        if signature not in _COMPACTED:
            while len(_COMPACTED) >= COMPACT_KEPT:
                del _COMPACTED[next(iter(_COMPACTED))]
            _COMPACTED[signature] = compact(nodes, edges)
        return _COMPACTED[signature]


def data_signature(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], options: dict[str, Any],
                   height: int) -> str:
    """Changes exactly when what vis draws changes (not with the selection or PNG counter)."""
    text = json.dumps([nodes, edges, options, height], sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def as_selection(value: Any) -> Selection | None:
    """``{"kind": "node"|"edge", "id": str}`` from the component state, None for anything else."""
    if isinstance(value, dict) and value.get("kind") in ("node", "edge") and value.get("id") is not None:
        return {"kind": str(value["kind"]), "id": str(value["id"])}
    return None


def as_highlight(value: Highlight | None) -> Highlight | None:
    """``{"nodes": [...], "edges": [...]}`` as lists of strings; None when both are empty."""
    if not value:
        return None
    nodes, edges = [str(v) for v in value.get("nodes", [])], [str(v) for v in value.get("edges", [])]
    return {"nodes": nodes, "edges": edges} if nodes or edges else None


def _ignore() -> None:
    """The default selection callback: a state needs one to be reported back at all."""
