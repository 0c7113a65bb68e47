"""The sidebar's "Look" controls: colour by type or community, size by mentions, degree or PageRank."""

from __future__ import annotations

import streamlit as st

from explorer.structure import CHOICE_LABELS, COLOURINGS, SIZINGS, Look

PREFIX = "v_"
TEXT = {"header": "Look", "colour": "Colour nodes by", "size": "Size nodes by",
        "community_help": "Groups of entities more linked among themselves than to the rest (Louvain)."}


def seed_from_url(look: Look) -> None:
    """Put the URL's choices into the widgets' state on the first run of a session only."""
    if st.session_state.get(PREFIX + "seeded"):
        return
    st.session_state[PREFIX + "colour"], st.session_state[PREFIX + "size"] = look.colour, look.size
    st.session_state[PREFIX + "seeded"] = True


def render() -> Look:
    """Draw the two choices and return them."""
    st.header(TEXT["header"])
    colour = st.radio(TEXT["colour"], COLOURINGS, key=PREFIX + "colour", horizontal=True,
                      format_func=lambda v: CHOICE_LABELS[v], help=TEXT["community_help"])
    size = st.radio(TEXT["size"], SIZINGS, key=PREFIX + "size", horizontal=True, format_func=lambda v: CHOICE_LABELS[v])
    return Look(str(colour), str(size))
