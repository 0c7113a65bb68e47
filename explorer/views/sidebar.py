"""The sidebar: filters and focus, seeded once from the URL so a shared link reproduces the view."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

import streamlit as st

from explorer.picks import title_choices
from explorer.queries import WEIGHINGS, Filters
from explorer.state import INT_BOUNDS
from explorer.text import iso_day
from explorer.views import pick
from explorer.views.words import kind, rel, shown, switch, tr

PREFIX = "f_"


def seed_from_url(filters: Filters) -> None:
    """Put the URL's filters into the widgets' state on the first run of a session only."""
    if st.session_state.get(PREFIX + "seeded"):
        return
    for f in fields(Filters):
        value = getattr(filters, f.name)
        st.session_state[PREFIX + f.name] = list(value) if isinstance(value, tuple) else value
    st.session_state[PREFIX + "seeded"] = True


def _multiselect(label: str, name: str, options: list[Any], fmt: dict[str, str] | None = None) -> tuple[str, ...]:
    key = PREFIX + name
    st.session_state[key] = [v for v in st.session_state.get(key, []) if v in options]
    chosen = st.multiselect(label, options, key=key, format_func=(lambda v: fmt.get(v, v)) if fmt else str, placeholder=tr("all"))
    return tuple(chosen)


def _day(value: Any, low: dt.date, high: dt.date, default: dt.date) -> dt.date:
    """``value`` as a date within low..high (``default`` when it is no ISO date)."""
    day = iso_day(value)
    return min(max(dt.date.fromisoformat(day), low), high) if day else default


def _dates(facets: dict[str, Any]) -> tuple[str, str]:
    """The date range control, offered when documents are dated (undated ones have no date)."""
    low, high = iso_day(facets.get("date_min")), iso_day(facets.get("date_max"))
    if not low or not high:
        return "", ""
    lo, hi = dt.date.fromisoformat(low), dt.date.fromisoformat(high)
    use = st.checkbox(tr("use_dates"), key=PREFIX + "use_dates", value=bool(st.session_state.get(PREFIX + "date_from")))
    if not use:
        return "", ""
    start = _day(st.session_state.get(PREFIX + "date_from"), lo, hi, lo)
    end = _day(st.session_state.get(PREFIX + "date_to"), lo, hi, hi)
    picked = st.date_input(tr("dates"), (start, max(start, end)), lo, hi, key=PREFIX + "dates")
    if isinstance(picked, tuple) and len(picked) == 2:
        return picked[0].isoformat(), picked[1].isoformat()
    return "", ""


def render(facets: dict[str, Any], focus_options: dict[str, str], find: pick.Find) -> Filters:
    """Draw the filter controls and return the filters they select; ``focus_options``: entity
    labels by id, ``find``: the entities the focus picker offers for a typed text."""
    switch()
    st.header(tr("filters"))
    search = st.text_input(tr("search"), key=PREFIX + "search", placeholder=tr("search_placeholder"))
    types = _multiselect(tr("types"), "types", list(facets["types"]), {t: kind(t) for t in facets["types"]})
    relations = _multiselect(tr("relations"), "relations", list(facets["relations"]), {r: rel(r) for r in facets["relations"]})
    countries = _multiselect(tr("countries"), "countries", list(facets["countries"]), dict(facets["countries"]))
    documents = _documents(facets["documents"])
    sources = _multiselect(tr("sources"), "sources", list(facets["sources"]))
    languages = _multiselect(tr("languages"), "languages", list(facets["languages"]))
    date_from, date_to = _dates(facets)
    undated = st.checkbox(tr("include_undated"), key=PREFIX + "include_undated", help=tr("include_undated_help"))
    min_mentions = st.slider(tr("min_mentions"), *INT_BOUNDS["min_mentions"], key=PREFIX + "min_mentions")
    min_support = st.slider(tr("min_support"), *INT_BOUNDS["min_support"], key=PREFIX + "min_support")
    hide_co = st.checkbox(tr("hide_co_mentioned"), key=PREFIX + "hide_co_mentioned")
    co_min = st.slider(tr("co_min_support"), 1, 10, key=PREFIX + "co_min_support", disabled=hide_co,
                       help=tr("co_min_support_help"))
    weigh_by = st.radio(tr("weigh_by"), WEIGHINGS, key=PREFIX + "weigh_by", horizontal=True,
                        format_func=shown(lambda v: f"weigh_{v}"))
    min_sources = st.slider(tr("min_sources"), *INT_BOUNDS["min_sources"], key=PREFIX + "min_sources",
                            help=tr("min_sources_help"))
    st.header(tr("focus_header"))
    focus = _focus(focus_options, find)
    hops = st.slider(tr("hops"), *INT_BOUNDS["hops"], key=PREFIX + "hops", disabled=not focus)
    top_n = int(st.session_state.get(PREFIX + "top_n", Filters().top_n))
    return Filters(types, relations, countries, documents, sources, languages, date_from, date_to,
                   min_mentions, min_support, hide_co, search, focus, hops, top_n, co_min, include_undated=undated,
                   min_sources=min_sources, weigh_by=str(weigh_by))


def _documents(titles: dict[str, str]) -> tuple[str, ...]:
    """The article filter: a title search whose matches fill the multiselect (2,500 titles are too
    many to send on every rerun)."""
    key = PREFIX + "documents"
    st.session_state[key] = [v for v in st.session_state.get(key) or [] if v in titles]
    pick.many(tr("documents"), tr("pick_find_articles"), key, lambda text, keep: title_choices(titles, text, keep), titles)
    return tuple(st.session_state[key])


def _focus(options: dict[str, str], find: pick.Find) -> str:
    key = PREFIX + "focus"
    if st.session_state.get(key) not in options:
        st.session_state[key] = ""
    pick.one(tr("focus"), tr("pick_find_focus"), key, find, options, none=tr("no_focus"))
    return pick.value(key)
