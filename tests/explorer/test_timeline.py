"""The timeline: evidence per week or month of the view, the days a range covers, play steps."""

from __future__ import annotations

import datetime as dt

import pytest

from explorer.data import Snapshot, load_snapshot
from explorer.queries import Filters, compute_view
from explorer.timeline import at_end, period_end, period_start, step, timeline, window_dates
from pipelines.store import Store
from tests.wire_store import MEETS, build_wire_store

ALL = Filters(co_min_support=1, top_n=0)


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    with Store.open(build_wire_store(tmp_path_factory.mktemp("wire"))) as store:
        return load_snapshot(store)


def test_timeline_months_count_evidence_sentences_of_the_view(wire: Snapshot) -> None:
    view = compute_view(wire, ALL)
    bars = timeline(wire, view, "month").bars
    assert list(bars["period"]) == ["2024-05-01", "2024-06-01", "2024-07-01"]
    total = int(wire.relations["edge_id"].isin(set(view.edges["id"])).sum())
    assert int(bars["sentences"].sum()) == total and bars["sentences"].min() > 0


def test_timeline_follows_the_view(wire: Snapshot) -> None:
    view = compute_view(wire, Filters(relations=("meets",), top_n=0))
    assert set(view.edges["id"]) == {MEETS}
    bars = timeline(wire, view, "month").bars
    assert dict(zip(bars["period"], bars["sentences"], strict=True)) == {"2024-05-01": 2, "2024-06-01": 2}  # the German title states it too


def test_timeline_weeks_include_empty_weeks(wire: Snapshot) -> None:
    bars = timeline(wire, compute_view(wire, ALL), "week").bars
    assert bars["period"].iloc[0] == "2024-05-13" and bars["period"].iloc[-1] == "2024-07-01"
    assert len(bars) == 8 and (bars["sentences"] == 0).sum() == 5


def test_timeline_range_of_periods_covers_whole_days() -> None:
    assert window_dates(["2024-01-01", "2024-02-01"], ("2024-01-01", "2024-02-01"), "month") == ("2024-01-01", "2024-02-29")
    assert window_dates(["2024-01-01"], ("2023-12-01", "2024-01-01"), "month") == ("", "")
    assert period_end("2024-05-13", "week") == "2024-05-19"
    assert period_start(dt.date(2024, 5, 16), "week") == dt.date(2024, 5, 13)


def test_timeline_play_steps_one_period_and_stops_at_the_end() -> None:
    periods = ["2024-05-01", "2024-06-01", "2024-07-01"]
    window = step(periods, ("2024-05-01", "2024-07-01"))
    assert window == ("2024-05-01", "2024-05-01")
    window = step(periods, step(periods, window))
    assert window == ("2024-07-01", "2024-07-01") and at_end(periods, window)
    assert step(periods, window) == window and step(periods, window, forward=False) == ("2024-06-01", "2024-06-01")
