""""How is X connected to Y?": up to three shortest paths, each hop with its evidence sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from explorer.i18n import counted
from explorer.text import inert
from explorer.views import pick
from explorer.views.words import current, rel, tr

Paths = list[list[dict[str, Any]]]


def _hop(hop: dict[str, Any], labels: dict[str, str], sentence: str) -> str:
    arrow = "→" if hop.get("direction", "forward") == "forward" else "←"
    left, right = labels.get(hop["source"], hop["source"]), labels.get(hop["target"], hop["target"])
    meta = " · ".join(inert(v) for v in (hop.get("document_title"), hop.get("published")) if v)
    return (f"<li><strong>{inert(left)}</strong> {arrow} <em>{inert(rel(str(hop['relation'])))}</em> {arrow} "
            f"<strong>{inert(right)}</strong><br><span class='kg-evidence'>{inert(sentence)}</span>"
            f"<br><small>{meta}</small></li>")


def render(find: Callable[[str, str], Paths], options: dict[str, str], choices: pick.Find,
           sentence_of: Callable[[dict[str, Any]], str]) -> None:
    """Pick two entities and show how they are connected in the filtered graph (``find(a, b)``:
    ``explorer.queries.explain_paths`` for the current filters); path 1 is drawn on the graph.
    ``options``: entity labels by id; ``choices``: the entities a picker offers for a typed text.
    The picks are kept under ``p_from`` and ``p_to`` (``app.py`` draws their path)."""
    for key in ("p_from", "p_to"):
        if st.session_state.get(key) not in options:
            st.session_state[key] = ""
    left, right = st.columns(2)
    with left:
        pick.one(tr("from"), tr("pick_find_from"), "p_from", choices, options, placeholder=tr("choose_entity"))
    with right:
        pick.one(tr("to"), tr("pick_find_to"), "p_to", choices, options, placeholder=tr("choose_entity"))
    a, b = pick.value("p_from"), pick.value("p_to")
    if not a or not b or a == b:
        return
    paths = find(a, b)
    if not paths:
        st.info(tr("no_connection", a=inert(options[a]), b=inert(options[b])))
        return
    st.caption(tr("path_drawn"))
    for n, path in enumerate(paths, start=1):
        hops = "".join(_hop(hop, options, sentence_of(hop)) for hop in path)
        st.markdown(f"{tr('path_n', n=n, hops=counted(current(), len(path), 'hop'))}<ol>{hops}</ol>", unsafe_allow_html=True)
