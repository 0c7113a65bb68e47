"""Curation in the real explorer (`streamlit run`, Debian's Chromium): merge two nodes from the card and
the graph shows one; undo; reject and restore."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pipelines.ingest import IngestReport
from tests.e2e.harness import ROOT, wait_graph_drawn

APP = ROOT / "explorer" / "app.py"
KEY = "kg_graph"
LULA, LULA_FULL = "person:lula", "person:luiz-inacio-lula-da-silva"
HAS_NODE = "([key, id]) => !!(window.__kg && window.__kg[key] && window.__kg[key].body.data.nodes.get(id))"
LACKS_NODE = "([key, id]) => !!(window.__kg && window.__kg[key] && !window.__kg[key].body.data.nodes.get(id))"


@pytest.fixture(scope="module")
def app_url(streamlit_server: Callable[..., str], sample_db: tuple[Path, IngestReport],
            tmp_path_factory: pytest.TempPathFactory) -> str:
    """The app on a copy of the sample database (built by the real ingest code)."""
    db = tmp_path_factory.mktemp("curation") / "entente.sqlite"
    shutil.copy(sample_db[0], db)
    return streamlit_server(APP, {"KG_DB": str(db)})


def wait_node(page: Page, node_id: str, present: bool) -> None:
    page.wait_for_function(HAS_NODE if present else LACKS_NODE, arg=[KEY, node_id], timeout=60_000)


def open_curation(page: Page) -> None:
    """Open the card's curation controls (Streamlit keeps an expander open across reruns)."""
    reject = page.get_by_role("button", name="Reject this entity")
    if not reject.is_visible():
        page.get_by_text("Curate this entity").click()
    expect(reject).to_be_visible()


def test_curation_e2e_merge_undo_reject_restore(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?node={LULA_FULL}")
    wait_graph_drawn(page, KEY, timeout=120_000)
    wait_node(page, LULA, True)
    open_curation(page)
    who = page.get_by_label("Your name (saved with each decision)")
    who.fill("Ann")
    who.press("Enter")
    search = page.get_by_label("Find the entity to merge")
    search.fill("lula")
    search.press("Enter")  # the picker offers the matches
    page.get_by_label("Merge with…").click()
    page.keyboard.type("Lula (person:lula)")
    expect(page.get_by_role("option", name="Lula (person:lula)")).to_be_visible()  # once the picker has rerun
    page.keyboard.press("Enter")
    merge = page.get_by_role("button", name="Merge it into this entity")
    expect(merge).to_be_enabled()  # once the page has rerun with the pick
    merge.click()

    wait_node(page, LULA, False)  # the graph shows one node for both
    wait_node(page, LULA_FULL, True)
    expect(page.get_by_text("Decision 1: merged Lula (person:lula) into")).to_be_visible()
    expect(page.get_by_text("#1 merged Lula (person:lula) into")).to_contain_text("Ann")

    page.get_by_role("button", name="Undo decision 1").click()
    wait_node(page, LULA, True)

    open_curation(page)
    page.get_by_role("button", name="Reject this entity").click()
    wait_node(page, LULA_FULL, False)
    page.get_by_text("Rejected (1)").click()
    page.get_by_role("button", name="Restore").click()
    wait_node(page, LULA_FULL, True)
    expect(page.get_by_text("Rejected (0)")).to_be_visible()
