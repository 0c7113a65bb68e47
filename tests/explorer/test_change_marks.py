"""What changed, on the explorer's snapshot: the same diff as the CLI, and the ids marked new."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.change_marks import diff_of, headline, new_ids
from explorer.data import Snapshot, load_snapshot
from explorer.graph_component import vis_payload
from explorer.queries import Filters, compute_view
from pipelines.changes import changes_in
from pipelines.store import Store
from tests.wire_store import MEETS, MELONI, build_wire_store


@pytest.fixture(scope="module")
def wire_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wire_store(tmp_path_factory.mktemp("wire"))


@pytest.fixture(scope="module")
def wire(wire_db: Path) -> Snapshot:
    with Store.open(wire_db) as store:
        return load_snapshot(store)


def test_change_marks_snapshot_diff_equals_the_store_diff(wire: Snapshot, wire_db: Path) -> None:
    with Store.open(wire_db) as store:
        assert diff_of(wire, "2024-06-01", "2024-06-30") == changes_in(store, "2024-06-01", "2024-06-30")


def test_change_marks_new_items_are_marked_in_the_graph(wire: Snapshot) -> None:
    diff = diff_of(wire, "2024-07-01")
    view = compute_view(wire, Filters(co_min_support=1, top_n=0))
    nodes, edges, _ = vis_payload(view.nodes, view.edges, {}, new=new_ids(diff))
    assert {n["id"] for n in nodes if n.get("mark") == "new"} == {MELONI, "country:TN"}
    assert all(e.get("mark") != "new" for e in edges if e["id"] == MEETS)
    assert headline(diff) == "2 new entities, 1 new relation; vanished: 5 entities, 8 relations"


def test_change_marks_since_last_ingest_everything_is_new(wire: Snapshot) -> None:
    diff = diff_of(wire, "last-ingest")
    assert diff["by"] == "ingested" and MELONI in new_ids(diff) and diff["entities"]["counts"]["vanished"] == 0
