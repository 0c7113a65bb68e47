"""Entities and relations as sortable tables; selecting a row drills down like a click on the graph."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer.queries import View
from explorer.views.words import kind, named, rel, tr


def _selected_row(event: object, frame: pd.DataFrame) -> pd.Series | None:
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    return frame.iloc[rows[0]] if rows else None


def headers(frame: pd.DataFrame) -> dict[str, str]:
    """Column headers in the page's language (``source_label`` is "from", ``target_label`` "to")."""
    return {column: tr(f"col_{column.removesuffix('_label') if column != 'label' else column}") for column in frame.columns}


def entities(view: View) -> dict[str, str] | None:
    """The entities in view; returns a node selection when a row is picked."""
    frame = view.nodes[["label", "type", "country", "weight", "documents", "degree", "id"]].sort_values("weight", ascending=False)
    frame = frame.assign(type=frame["type"].map(kind))
    event = st.dataframe(frame, key="t_entities", on_select="rerun", selection_mode="single-row", hide_index=True,
                         column_config=headers(frame))
    row = _selected_row(event, frame)
    return {"kind": "node", "id": str(row["id"])} if row is not None else None


def relations(view: View, labels: dict[str, str]) -> dict[str, str] | None:
    """The relations in view; returns an edge selection when a row is picked."""
    frame = view.edges.assign(
        source_label=view.edges["source"].map(lambda v: labels.get(v, v)),
        target_label=view.edges["target"].map(lambda v: labels.get(v, v)),
        relation=view.edges["relation"].map(rel),
        modality=view.edges["modality"].map(lambda m: named("mod", m)),
    )[["source_label", "relation", "target_label", "support", "documents", "modality", "id"]].sort_values("support", ascending=False)
    event = st.dataframe(frame, key="t_relations", on_select="rerun", selection_mode="single-row", hide_index=True,
                         column_config=headers(frame))
    row = _selected_row(event, frame)
    return {"kind": "edge", "id": str(row["id"])} if row is not None else None
