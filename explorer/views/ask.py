"""The question box: a question in German or English, a short answer, each line opening its evidence."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from explorer.questions import EXAMPLES, Answer
from explorer.text import inert
from explorer.views.words import tr

KEY = "q_text"
KEPT = "q_kept"  # the question outside the widget: the box is not drawn while its tab is closed


def render(answer_of: Callable[[str], Answer], evidence: Callable[[dict[str, str]], None]) -> None:
    """Ask, answer, and show a line's evidence sentences (``evidence(selection)``) when it is opened.

    A line's sentences are fetched only while it is open: each line is an expander that reruns the
    page when opened or closed.
    """
    if KEY not in st.session_state and st.session_state.get(KEPT):
        st.session_state[KEY] = st.session_state[KEPT]  # the tab was closed: its widget's state went with it
    question = st.text_input(tr("ask_label"), key=KEY, placeholder=f"{EXAMPLES['en'][0]} · {EXAMPLES['de'][0]}")
    st.session_state[KEPT] = question
    if not question.strip():
        st.caption(tr("ask_examples", examples=" · ".join(inert(e) for e in (*EXAMPLES["en"][:3], *EXAMPLES["de"][3:]))))
        return
    result = answer_of(question)
    if not result.understood:
        st.info(tr("ask_templates"))
        st.markdown("\n".join(f"- {inert(example)}" for example in result.examples))
        return
    st.markdown(f"**{inert(result.heading)}**")
    for number, line in enumerate(result.lines):
        box = st.expander(inert(line.text), key=f"q_line:{number}:{line.selection['id']}", on_change="rerun")
        if box.open:
            with box:
                evidence(line.selection)
    if result.more:
        st.caption(tr("ask_more", n=result.more))
