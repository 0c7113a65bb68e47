"""Search-driven pickers: a text box whose matches fill a short select box (or multiselect).

Each picker is a fragment: typing (committed after a short pause) reruns only the picker, which
sends the few matching options; a pick stores the choice under ``key`` and reruns the whole page.
The choice lives under ``key`` itself (not a widget's key), so it survives runs that do not draw
the picker (a closed tab, another card) and the URL can seed it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from explorer.views.words import tr

Find = Callable[[str, Sequence[str]], list[str]]  # (typed text, current choice) -> options to offer
RERUN = "pick_rerun_app"  # set by a pick's callback; the fragment then reruns the page


def query_key(key: str) -> str:
    return f"{key}:q"


def box_key(key: str) -> str:
    return f"{key}:box"


def _picked(key: str) -> None:
    """A pick was made: keep it under ``key`` and have the fragment rerun the page."""
    value = st.session_state[box_key(key)]
    st.session_state[key] = list(value) if isinstance(value, list) else (value or "")
    st.session_state[RERUN] = True


def _query(key: str, label: str) -> str:
    return st.text_input(label, key=query_key(key), live=True, placeholder=tr("pick_placeholder")) or ""


def _then_rerun_app() -> None:
    if st.session_state.pop(RERUN, False):
        st.rerun(scope="app")


@st.fragment
def one(label: str, find_label: str, key: str, find: Find, names: Mapping[str, str], none: str = "",
        **box: Any) -> None:
    """One entity (or ""): a search box labelled ``find_label``, then a select box of ``find``'s matches.

    ``names``: the display name of each id; ``none``: how "" is shown (no "" option when empty);
    ``box``: more ``st.selectbox`` arguments (``placeholder``...)."""
    current = str(st.session_state.get(key) or "")
    text = _query(key, find_label)
    options = find(text, [current] if current else [])
    options = ([""] if none else []) + options
    st.session_state[box_key(key)] = current if current in options else (None if not none else "")
    st.selectbox(label, options, key=box_key(key), on_change=_picked, args=(key,),
                 format_func=lambda v: names.get(v, v) if v else none, index=None if not none else 0, **box)
    _then_rerun_app()


@st.fragment
def many(label: str, find_label: str, key: str, find: Find, names: Mapping[str, str]) -> None:
    """Several items: a search box labelled ``find_label``, then a multiselect of the chosen items
    and ``find``'s matches."""
    current = [str(v) for v in st.session_state.get(key) or []]
    text = _query(key, find_label)
    options = find(text, current)
    st.session_state[box_key(key)] = [v for v in current if v in options]
    st.multiselect(label, options, key=box_key(key), on_change=_picked, args=(key,),
                   format_func=lambda v: names.get(v, v), placeholder=tr("all"))
    _then_rerun_app()


def value(key: str) -> str:
    """The choice stored under ``key`` ("" when none)."""
    return str(st.session_state.get(key) or "")
