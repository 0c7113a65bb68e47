"""Downloads of the current view: standalone HTML for slides, PNG of the canvas, and graph files."""

from __future__ import annotations

from typing import Any

import streamlit as st

from explorer.export import export_bytes, standalone_html

FORMATS = {"graphml": "application/xml", "gexf": "application/xml", "json": "application/json", "csv": "text/csv"}


def render(payload: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]], title: str) -> bool:
    """Download buttons; returns True when the PNG of the canvas was asked for."""
    nodes, edges, options = payload
    columns = st.columns(len(FORMATS) + 2)
    columns[0].download_button("HTML (offline)", standalone_html(nodes, edges, options, title=title),
                               file_name="entente-view.html", mime="text/html", key="x_html")
    png = columns[1].button("PNG of the graph", key="x_png")
    for column, (fmt, mime) in zip(columns[2:], FORMATS.items()):
        column.download_button(fmt.upper(), export_bytes(nodes, edges, fmt), file_name=f"entente-view.{fmt}", mime=mime, key=f"x_{fmt}")
    return png
