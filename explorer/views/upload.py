"""Add articles from the browser: the pipeline ingests them and the graph refreshes."""

from __future__ import annotations

from pipelines.backends import Target
from typing import Callable

import streamlit as st

from explorer.text import inert
from explorer.upload import SUFFIXES, ingest_uploads


def render(db: Target, on_change: Callable[[], None]) -> None:
    files = st.file_uploader("Articles (txt, md, html, json, jsonl)", type=list(SUFFIXES), accept_multiple_files=True, key="u_files")
    if not files or not st.button("Add to the graph", key="u_add"):
        return
    with st.spinner("Extracting entities and relations…"):
        report = ingest_uploads(files, db)
    st.success(f"{report.new} new, {report.replaced} replaced, {report.unchanged} unchanged, {len(report.rejected)} rejected")
    for rejection in report.rejected:
        st.error(f"{inert(rejection.where)}: {inert(rejection.reason)}")
    if report.new or report.replaced:
        on_change()
