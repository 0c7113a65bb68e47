"""The timeline under the graph: a histogram of the view's evidence dates, a range of periods that
filters the graph, and play / step controls that move a one-period window through it.  It has its
own tab under the graph and is built only while that tab is open (its chart was the costliest part
of a rerun's page, and it pushed the tabs below the fold).

State (``st.session_state``): ``t_unit`` (week / month), ``t_window`` (first and last period of the
range, or absent for all), ``t_playing``.  ``window_filters`` applies the window before the view is
computed; ``render`` draws the chart and controls, ``narrowed_note`` the range while they are hidden.
"""

from __future__ import annotations

from dataclasses import replace

import altair as alt
import streamlit as st

from explorer.queries import Filters
from explorer.timeline import UNITS, Timeline, at_end, period_end, step, window_dates
from explorer.views.words import shown, tr

PLAY_SECONDS = 2.0
HIGHLIGHT, DIMMED = "#4e79a7", "#c9d3e0"


def unit() -> str:
    return str(st.session_state.get("t_unit", UNITS[0]))


def narrowed() -> bool:
    """Whether a window is set (the timeline then narrows the graph even while it is not shown)."""
    return bool(st.session_state.get("t_window"))


def window_filters(filters: Filters, periods: list[str]) -> Filters:
    """The filters narrowed to the timeline's window (both date ranges hold)."""
    window = st.session_state.get("t_window")
    low, high = window_dates(periods, tuple(window), unit()) if window else ("", "")
    if not low:
        return filters
    return replace(filters, date_from=max(low, filters.date_from), date_to=min(high, filters.date_to or high))


def _set_window(window: tuple[str, str] | None) -> None:
    st.session_state["t_window"] = window


def _slider_moved(key: str) -> None:
    low, high = st.session_state[key]
    st.session_state["t_window"] = (low, high)
    st.session_state["t_playing"] = False


def _step(periods: list[str], forward: bool) -> None:
    _set_window(step(periods, _window(periods), forward))
    st.session_state["t_playing"] = False


def _toggle_play(periods: list[str]) -> None:
    playing = not st.session_state.get("t_playing", False)
    window = _window(periods)
    if playing and (window[0] != window[1] or at_end(periods, window)):
        _set_window((periods[0], periods[0]))  # play from the first period; each tick moves one on
    st.session_state["t_playing"] = playing


def _show_all() -> None:
    _set_window(None)
    st.session_state["t_playing"] = False


def _window(periods: list[str]) -> tuple[str, str]:
    window = st.session_state.get("t_window")
    return tuple(window) if window and window[0] in periods and window[1] in periods else (periods[0], periods[-1])


def _chart(tl: Timeline, window: tuple[str, str]) -> alt.Chart:
    bars = tl.bars.assign(shown=[window[0] <= p <= window[1] for p in tl.periods])
    return alt.Chart(bars).mark_bar().encode(
        x=alt.X("period:O", title=None, axis=alt.Axis(labelAngle=0)), y=alt.Y("sentences:Q", title=tr("tl_sentences")),
        color=alt.condition(alt.datum.shown, alt.value(HIGHLIGHT), alt.value(DIMMED)),
        tooltip=[alt.Tooltip("period:O", title=tr("tl_period_from", unit=tr(f"tl_unit_{unit()}"))),
                 alt.Tooltip("sentences:Q", title=tr("tl_sentences"))],
    ).properties(height=120)


def _shown(tl: Timeline, window: tuple[str, str]) -> str:
    text = tr("tl_shows", shown=f"{window[0]} – {period_end(window[1], unit())}")
    return text + (tr("tl_undated", n=tl.undated) if tl.undated else "")


def render(tl: Timeline) -> None:
    """The histogram and its controls (nothing but a line when no evidence is dated)."""
    periods = tl.periods
    if not periods:
        st.caption(tr("tl_none"))
        return
    window = _window(periods)
    st.altair_chart(_chart(tl, window), width="stretch")
    _controls(periods, window)
    st.caption(_shown(tl, window))
    if st.session_state.get("t_playing"):
        _ticker(periods)


def narrowed_note(tl: Timeline) -> None:
    """One line saying the timeline's range, when it narrows the graph (for when the timeline is
    not shown)."""
    if tl.periods and _window(tl.periods) != (tl.periods[0], tl.periods[-1]):
        st.caption(_shown(tl, _window(tl.periods)))


def _controls(periods: list[str], window: tuple[str, str]) -> None:
    cols = st.columns([2, 1, 1, 1, 1])
    cols[0].radio(tr("tl_by"), UNITS, key="t_unit", horizontal=True, on_change=_show_all, label_visibility="collapsed",
                  format_func=shown(lambda u: f"tl_unit_{u}"))
    cols[1].button(tr("tl_back"), key="t_back", on_click=_step, args=(periods, False), disabled=len(periods) < 2)
    playing = bool(st.session_state.get("t_playing"))
    cols[2].button(tr("tl_pause") if playing else tr("tl_play"), key="t_play", on_click=_toggle_play, args=(periods,),
                   disabled=len(periods) < 2)
    cols[3].button(tr("tl_next"), key="t_next", on_click=_step, args=(periods, True), disabled=len(periods) < 2)
    cols[4].button(tr("tl_all"), key="t_all", on_click=_show_all)
    if len(periods) > 1:  # keyed by the window: a step or tick draws a fresh slider at the new window
        key = f"t_slider:{unit()}:{window[0]}:{window[1]}"
        st.select_slider(tr("tl_range"), periods, value=window, key=key, on_change=_slider_moved, args=(key,),
                         format_func=lambda p: p[:7] if unit() == "month" else p)


@st.fragment(run_every=PLAY_SECONDS)
def _ticker(periods: list[str]) -> None:
    """While playing: one period on every PLAY_SECONDS, stopping at the last."""
    if not st.session_state.get("t_playing"):
        return
    window = step(periods, _window(periods))
    st.session_state["t_window"] = window
    if at_end(periods, window):
        st.session_state["t_playing"] = False
    st.rerun(scope="app")
