"""Downloads of the current view: standalone HTML for slides, PNG of the canvas, and graph files."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

import streamlit as st

from explorer.export import Span, export_bytes, standalone_html
from explorer.views.words import current, tr

FORMATS = {"graphml": "application/xml", "gexf": "application/xml", "json": "application/json", "csv": "text/csv"}


def render(payload: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]], title: str,
           legend: Sequence[tuple[str, str]] = (), evidence: Callable[[], Mapping[str, Any]] = dict,
           dates: Callable[[], Mapping[str, Span]] = dict) -> bool:
    """Download buttons; returns True when the PNG of the canvas was asked for.

    The HTML page carries ``legend`` and the ``evidence()`` of its nodes and edges; the graph files
    carry ``dates()`` (first and last evidence day per node and edge id).

    The files are made when a button is clicked (``data`` is a callable): nothing is built for views
    nobody downloads, and no stored file of an earlier view is left for the page to ask for after a
    rerun (which Streamlit answers with a 404 in the browser console).
    """
    nodes, edges, _ = payload
    columns = st.columns(len(FORMATS) + 2)
    page = partial(_page, payload, title, legend, evidence, current())  # the language read now: the file is made later
    columns[0].download_button(tr("export_html"), page,
                               file_name="entente-view.html", mime="text/html", key="x_html")
    png = columns[1].button(tr("export_png"), key="x_png")
    for column, (fmt, mime) in zip(columns[2:], FORMATS.items(), strict=False):
        column.download_button(fmt.upper(), partial(_graph_file, nodes, edges, fmt, dates),
                               file_name=f"entente-view.{fmt}", mime=mime, key=f"x_{fmt}")
    return png


def _page(payload: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]], title: str,
          legend: Sequence[tuple[str, str]], evidence: Callable[[], Mapping[str, Any]], lang: str) -> str:
    nodes, edges, options = payload
    return standalone_html(nodes, edges, options, title=title, legend=legend, evidence=evidence(), lang=lang)


def _graph_file(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], fmt: str,
                dates: Callable[[], Mapping[str, Span]]) -> bytes:
    return export_bytes(nodes, edges, fmt, dates())
