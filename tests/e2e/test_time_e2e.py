"""Corroboration, timeline and what changed in the real explorer (`streamlit run`, Chromium), on a
small store of our own articles (tests/wire_store.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.harness import ROOT, graph_eval, wait_graph_drawn
from tests.wire_store import MEETS, MELONI, build_wire_store

APP = ROOT / "explorer" / "app.py"
KEY = "kg_graph"
EDGE_IDS = "net.body.data.edges.getIds()"


@pytest.fixture(scope="module")
def wire_url(streamlit_server: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> str:
    return streamlit_server(APP, {"KG_DB": str(build_wire_store(tmp_path_factory.mktemp("wire-app")))})


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    wait_graph_drawn(page, KEY, timeout=120_000)


def open_timeline(page: Page) -> None:
    """Open the timeline's tab under the graph (it is built only while open)."""
    page.get_by_role("tab", name="Timeline").click()
    expect(page.get_by_role("button", name="step ▶")).to_be_visible(timeout=30_000)


def edge_ids(page: Page) -> set[str]:
    return set(graph_eval(page, KEY, EDGE_IDS))


def wait_edges(page: Page, test: str) -> None:
    """Until the drawn edge ids satisfy ``test`` (a JS expression over ``ids``)."""
    page.wait_for_function(f"() => {{ const ids = window.__kg['{KEY}'].body.data.edges.getIds(); return {test}; }}",
                           timeout=30_000)


def test_time_e2e_min_outlets_filter_changes_the_graph(page: Page, wire_url: str) -> None:
    open_app(page, f"{wire_url}/?co_min_support=1")
    assert MEETS in edge_ids(page) and any(MELONI in e for e in edge_ids(page))
    assert graph_eval(page, KEY, f"net.body.data.edges.get('{MEETS}').single_source") is None
    slider = page.get_by_role("slider", name=re.compile("Reported by at least"))
    slider.focus()
    slider.press("ArrowRight")
    wait_edges(page, f"!ids.some(id => id.includes('{MELONI}')) && ids.includes('{MEETS}')")
    expect(page).to_have_url(re.compile(r"min_sources=2"))


def test_time_e2e_weigh_by_outlets_is_in_the_url_and_legend(page: Page, wire_url: str) -> None:
    open_app(page, f"{wire_url}/?weigh_by=sources&co_min_support=1")
    expect(page.get_by_text("one outlet only")).to_be_visible()
    widths = graph_eval(page, KEY, "Object.fromEntries(net.body.data.edges.get().filter(e => e.relation !== 'co_mentioned')"
                                   ".map(e => [e.id, e.width]))")
    assert widths[MEETS] == max(widths.values())


def test_time_e2e_timeline_range_filters_the_graph(page: Page, wire_url: str) -> None:
    open_app(page, f"{wire_url}/?co_min_support=1")
    open_timeline(page)
    slider = page.get_by_role("slider", name=re.compile("Evidence from")).last  # the range's upper thumb
    slider.focus()
    slider.press("ArrowLeft")  # July out: Meloni's story goes
    wait_edges(page, f"!ids.some(id => id.includes('{MELONI}')) && ids.includes('{MEETS}')")
    expect(page).to_have_url(re.compile(r"date_to=2024-06-30"))


def test_time_e2e_play_steps_through_months(page: Page, wire_url: str) -> None:
    open_app(page, f"{wire_url}/?co_min_support=1")
    open_timeline(page)
    page.get_by_role("button", name="step ▶").click()  # the first month alone: May
    wait_edges(page, f"ids.includes('{MEETS}') && !ids.some(id => id.includes('berlin') || id.includes('{MELONI}'))")
    expect(page.get_by_text(re.compile("graph shows evidence from 2024-05-01 – 2024-05-31"))).to_be_visible()
    page.get_by_role("button", name="▶ play").click()  # on from May: June, then July, then stops
    wait_edges(page, f"ids.some(id => id.includes('{MELONI}')) && !ids.includes('{MEETS}')")
    expect(page.get_by_role("button", name="▶ play")).to_be_visible(timeout=30_000)
    expect(page.get_by_text(re.compile("graph shows evidence from 2024-07-01 – 2024-07-31"))).to_be_visible()


def test_time_e2e_new_items_are_marked_and_vanished_listed(page: Page, wire_url: str) -> None:
    open_app(page, f"{wire_url}/?co_min_support=1")
    page.get_by_text("between periods").click()  # new since the middle of the dated range: 2024-06-07
    page.wait_for_function(f"() => window.__kg['{KEY}'].body.data.nodes.get('place:berlin')?.mark === 'new'", timeout=30_000)
    assert graph_eval(page, KEY, f"net.body.data.nodes.get('{MELONI}').mark") == "new"
    assert graph_eval(page, KEY, "net.body.data.nodes.get('person:olaf-scholz').mark") is None
    assert graph_eval(page, KEY, f"net.body.data.edges.get('{MEETS}').mark") is None
    summary = page.get_by_text(re.compile(r"What changed since 2024-06-07 – 2024-07-02: 4 new entities"))
    expect(summary).to_be_visible()
    summary.click()
    expect(page.get_by_text("Vanished entities (1)")).to_be_visible()
    expect(page.locator(".kg-legend")).to_contain_text("new relation")


def test_time_e2e_since_last_ingest_marks_everything_new(page: Page, wire_url: str) -> None:
    open_app(page, f"{wire_url}/?co_min_support=1")
    page.get_by_text("since the last ingest").click()
    page.wait_for_function(f"() => window.__kg['{KEY}'].body.data.nodes.get().every(n => n.mark === 'new')", timeout=30_000)
    expect(page.get_by_text(re.compile(r"What changed since the last ingest: 7 new entities"))).to_be_visible()
