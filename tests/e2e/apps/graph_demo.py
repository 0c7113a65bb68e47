"""A tiny app around graph_view for the e2e tests (and the benchmark: ENTENTE_DEMO_NODES=N,
ENTENTE_DEMO_SMOOTH=continuous to draw curved edges).

Shows the clicked selection in an st.text and the on_select calls in a caption; a "Fewer
nodes" checkbox swaps the data, a "PNG" button bumps the png_request counter, and ?node=ID
selects a node.
"""

from __future__ import annotations

import os

import streamlit as st
from demo_data import demo_frames, synthetic_frames  # type: ignore[import-not-found]  # beside this app

from explorer.graph_component import graph_view, vis_payload

KEY = "demo_graph"

st.session_state.setdefault("png", 0)
st.session_state.setdefault("callbacks", 0)


def count_callback() -> None:
    st.session_state["callbacks"] += 1


count = int(os.environ.get("ENTENTE_DEMO_NODES", "0"))
fewer = st.checkbox("Fewer nodes", key="fewer")
frames = synthetic_frames(count) if count else demo_frames(drop=2 if fewer else 0)
nodes, edges, options = vis_payload(*frames)
if os.environ.get("ENTENTE_DEMO_SMOOTH"):
    options["edges"]["smooth"] = {"type": os.environ["ENTENTE_DEMO_SMOOTH"]}
if st.button("PNG", key="png_button"):
    st.session_state["png"] += 1
deep_link = st.query_params.get("node")
selection = graph_view(nodes, edges, key=KEY, height=560, options=options, png_request=st.session_state["png"],
                       selected={"kind": "node", "id": deep_link} if deep_link else None,
                       on_select=count_callback)
st.text(f"selected {selection['kind']}: {selection['id']}" if selection else "nothing selected")
st.caption(f"on_select calls: {st.session_state['callbacks']}")
