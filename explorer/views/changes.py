""""What changed": the sidebar choice of periods, and below the graph the counts and the entities
and relations that vanished (new ones are marked in the graph itself)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import streamlit as st

from explorer.change_marks import headline
from explorer.text import inert, iso_day
from pipelines.changes import LAST_INGEST

MODES = ("off", "since the last ingest", "between periods")
Choice = tuple[str, str, str]  # since, until, by


def controls(facets: dict[str, Any]) -> Choice | None:
    """The periods to compare, or None when the choice is off."""
    st.header("What changed")
    mode = st.radio("Compare", MODES, key="c_mode", horizontal=False, label_visibility="collapsed")
    if mode == MODES[1]:
        return LAST_INGEST, "", "ingested"
    if mode != MODES[2]:
        return None
    low, high = iso_day(facets.get("date_min")), iso_day(facets.get("date_max"))
    if not low or not high:
        st.caption("No article is dated: compare since the last ingest instead.")
        return None
    lo, hi = dt.date.fromisoformat(low), dt.date.fromisoformat(high)
    since = st.date_input("New since (earlier: before this day)", lo + (hi - lo) / 2, lo, hi, key="c_since")
    until = st.date_input("Until (inclusive)", hi, lo, hi, key="c_until")
    return since.isoformat(), until.isoformat(), "published"


def render(diff: dict[str, Any], labels: dict[str, str]) -> None:
    """The counts, and what vanished, in an expander under the graph."""
    period = "the last ingest" if diff["by"] == "ingested" else f"{diff['since']}" + (f" – {diff['until']}" if diff["until"] else "")
    with st.expander(f"What changed since {inert(period)}: {headline(diff)}", expanded=False):
        docs = diff["documents"]
        st.caption(f"{docs['after']} articles in the later period, {docs['before']} before"
                   + (f", {docs['undated']} undated (in neither)" if docs["undated"] else "")
                   + ". New entities and relations are marked in the graph.")
        entities = pd.DataFrame(diff["entities"]["vanished"], columns=["label", "type", "mentions", "documents"])
        st.markdown(f"**Vanished entities ({len(entities)})**")
        st.dataframe(entities, hide_index=True, width="stretch", height=min(300, 40 + 35 * len(entities)))
        relations = pd.DataFrame([{"from": labels.get(r["source"], r["source"]), "relation": r["relation"],
                                   "to": labels.get(r["target"], r["target"]), "sentences": r["sentences"]}
                                  for r in diff["relations"]["vanished"]], columns=["from", "relation", "to", "sentences"])
        st.markdown(f"**Vanished relations ({len(relations)})**")
        st.dataframe(relations, hide_index=True, width="stretch", height=min(300, 40 + 35 * len(relations)))
