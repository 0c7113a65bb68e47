"""The sidebar's "Look" controls: colour by type or community, size by mentions, degree or PageRank,
and "Show all connections" (else the readable backbone, ``explorer.backbone``)."""

from __future__ import annotations

import streamlit as st

from explorer.backbone import K
from explorer.structure import COLOURINGS, EDGE_CHOICES, SIZINGS, Look
from explorer.views.words import shown, tr

PREFIX = "v_"


def seed_from_url(look: Look) -> None:
    """Put the URL's choices into the widgets' state on the first run of a session only."""
    if st.session_state.get(PREFIX + "seeded"):
        return
    st.session_state[PREFIX + "colour"], st.session_state[PREFIX + "size"] = look.colour, look.size
    st.session_state[PREFIX + "all_edges"] = look.edges == "all"
    st.session_state[PREFIX + "seeded"] = True


def render() -> Look:
    """Draw the choices and return them."""
    st.header(tr("look_header"))
    colour = st.radio(tr("look_colour"), COLOURINGS, key=PREFIX + "colour", horizontal=True,
                      format_func=shown(lambda v: f"choice_{v}"), help=tr("look_community_help"))
    size = st.radio(tr("look_size"), SIZINGS, key=PREFIX + "size", horizontal=True, format_func=shown(lambda v: f"choice_{v}"))
    every = st.checkbox(tr("look_all_edges"), key=PREFIX + "all_edges", help=tr("look_all_edges_help", k=K))
    return Look(str(colour), str(size), EDGE_CHOICES[1] if every else EDGE_CHOICES[0])
