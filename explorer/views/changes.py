""""What changed": the sidebar choice of periods, and below the graph the counts and the entities
and relations that vanished (new ones are marked in the graph itself)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from explorer.change_marks import headline
from explorer.text import inert, iso_day
from explorer.views.words import current, kind, rel, shown, tr
from pipelines.changes import LAST_INGEST

MODES = ("off", "since the last ingest", "between periods")  # the radio's values; shown through MODE_KEYS
MODE_KEYS = dict(zip(MODES, ("ch_off", "ch_last_ingest", "ch_between"), strict=True))
Choice = tuple[str, str, str]  # since, until, by
ENTITY_HEADERS = {"label": "col_label", "type": "col_type", "mentions": "col_weight", "documents": "col_documents"}
RELATION_HEADERS = {"from": "col_source", "relation": "col_relation", "to": "col_target", "sentences": "col_support"}


def controls(facets: dict[str, Any]) -> Choice | None:
    """The periods to compare, or None when the choice is off."""
    st.header(tr("ch_header"))
    mode = st.radio(tr("ch_compare"), MODES, key="c_mode", horizontal=False, label_visibility="collapsed",
                    format_func=shown(MODE_KEYS.__getitem__))
    if mode == MODES[1]:
        return LAST_INGEST, "", "ingested"
    if mode != MODES[2]:
        return None
    low, high = iso_day(facets.get("date_min")), iso_day(facets.get("date_max"))
    if not low or not high:
        st.caption(tr("ch_undated"))
        return None
    lo, hi = dt.date.fromisoformat(low), dt.date.fromisoformat(high)
    since = st.date_input(tr("ch_since"), lo + (hi - lo) / 2, lo, hi, key="c_since")
    until = st.date_input(tr("ch_until"), hi, lo, hi, key="c_until")
    return since.isoformat(), until.isoformat(), "published"


def render(diff: dict[str, Any], labels: dict[str, str]) -> None:
    """The counts, and what vanished, in an expander under the graph."""
    period = tr("ch_the_last_ingest") if diff["by"] == "ingested" else f"{diff['since']}" + (f" – {diff['until']}" if diff["until"] else "")
    with st.expander(tr("ch_title", period=inert(period), headline=headline(diff, current())), expanded=False):
        docs = diff["documents"]
        st.caption(tr("ch_documents", after=docs["after"], before=docs["before"])
                   + (tr("ch_documents_undated", n=docs["undated"]) if docs["undated"] else "") + tr("ch_marked"))
        entities = pd.DataFrame(diff["entities"]["vanished"], columns=["label", "type", "mentions", "documents"])
        st.markdown(tr("ch_vanished_entities", n=len(entities)))
        _table(entities.assign(type=entities["type"].map(kind)), ENTITY_HEADERS)
        relations = pd.DataFrame([{"from": labels.get(r["source"], r["source"]), "relation": rel(r["relation"]),
                                   "to": labels.get(r["target"], r["target"]), "sentences": r["sentences"]}
                                  for r in diff["relations"]["vanished"]], columns=list(RELATION_HEADERS))
        st.markdown(tr("ch_vanished_relations", n=len(relations)))
        _table(relations, RELATION_HEADERS)


def _table(frame: pd.DataFrame, headers: dict[str, str]) -> None:
    """A vanished-items table, its column headers in the page's language (``headers``: column -> key)."""
    st.dataframe(frame, hide_index=True, width="stretch", height=min(300, 40 + 35 * len(frame)),
                 column_config={column: tr(key) for column, key in headers.items()})
