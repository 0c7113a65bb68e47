"""The timeline under the graph: evidence sentences of the view's relations per week or month, and
the periods a range or the play control steps through.  Pure functions on a Snapshot and a View.

A sentence is dated by its document's ``published`` day; sentences of undated documents are
counted apart.  A week starts on Monday; a period is named by its first day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from explorer.data import Snapshot
from explorer.queries import View

UNITS = ("month", "week")  # the first is the default


@dataclass(frozen=True, eq=False)
class Timeline:
    """bars: period (first day, ISO), sentences; one row per period from the first to the last
    dated sentence, empty periods included (so play steps through them evenly).  undated:
    sentences without a date."""

    bars: pd.DataFrame
    undated: int

    @property
    def periods(self) -> list[str]:
        return list(self.bars["period"])


def period_start(day: dt.date, unit: str) -> dt.date:
    """The first day of the week (Monday) or month holding ``day``."""
    return day - dt.timedelta(days=day.weekday()) if unit == "week" else day.replace(day=1)


def period_end(start: str, unit: str) -> str:
    """The last day (ISO) of the period that begins on ``start``."""
    first = dt.date.fromisoformat(start)
    if unit == "week":
        return (first + dt.timedelta(days=6)).isoformat()
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (following - dt.timedelta(days=1)).isoformat()


def timeline(snapshot: Snapshot, view: View, unit: str = "month") -> Timeline:
    """Evidence sentences of the view's edges, per period (see ``Timeline``)."""
    rows = snapshot.relations.loc[snapshot.relations["edge_id"].isin(set(view.edges["id"])), ["document_id"]]
    published = snapshot.documents.set_index("id")["published"]
    days = published.reindex(rows["document_id"].astype("str")).fillna("").str.slice(0, 10)
    dated = days[days != ""]
    if dated.empty:
        return Timeline(pd.DataFrame({"period": pd.Series(dtype="str"), "sentences": pd.Series(dtype="int64")}), len(days))
    starts = pd.Series([period_start(dt.date.fromisoformat(d), unit).isoformat() for d in dated], dtype="str")
    counts = starts.value_counts()
    every = _periods(min(starts), max(starts), unit)
    bars = pd.DataFrame({"period": every, "sentences": [int(counts.get(p, 0)) for p in every]})
    return Timeline(bars.astype({"period": "str", "sentences": "int64"}), int(len(days) - len(dated)))


def _periods(first: str, last: str, unit: str) -> list[str]:
    """Every period start from ``first`` to ``last`` (both period starts)."""
    found, current = [first], first
    while current < last:
        current = (dt.date.fromisoformat(period_end(current, unit)) + dt.timedelta(days=1)).isoformat()
        found.append(current)
    return found


def window_dates(periods: list[str], window: tuple[str, str], unit: str) -> tuple[str, str]:
    """The inclusive days (date_from, date_to) a range of periods covers; ("", "") when the
    window names periods the timeline does not have."""
    low, high = window
    if low not in periods or high not in periods:
        return "", ""
    return low, period_end(max(low, high), unit)


def step(periods: list[str], window: tuple[str, str], forward: bool = True) -> tuple[str, str]:
    """The next one-period window: a wider window (or one the timeline lacks) starts at its first
    period (stepping back: its last); a one-period window moves one period on (back), staying put
    at either end."""
    if not periods:
        return window
    low, high = (p if p in periods else periods[0 if forward else -1] for p in window)
    if low != high:
        return (low, low) if forward else (high, high)
    at = periods.index(low) + (1 if forward else -1)
    chosen = periods[min(max(at, 0), len(periods) - 1)]
    return chosen, chosen


def at_end(periods: list[str], window: tuple[str, str]) -> bool:
    """Whether play has reached the last period."""
    return bool(periods) and window == (periods[-1], periods[-1])
