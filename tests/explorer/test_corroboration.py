"""Corroboration: distinct outlets, texts and languages per edge and entity, first and last seen,
and the filters and widths that use them, on a store built by the real ingest code."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer.corroboration import day_numbers, day_text, edge_summary, entity_summary, summary_line
from explorer.data import Snapshot, load_snapshot
from explorer.graph_component import vis_payload
from explorer.graph_component.payload import reach_phrase
from explorer.queries import Filters, compute_view
from pipelines.store import Store
from tests.wire_store import MEETS, MELONI, build_wire_store

ALL = Filters(co_min_support=1, top_n=0)


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    with Store.open(build_wire_store(tmp_path_factory.mktemp("wire"))) as store:
        return load_snapshot(store)


def _edge(snapshot: Snapshot, edge_id: str, filters: Filters = ALL) -> dict[str, object]:
    edges = compute_view(snapshot, filters).edges
    return edges.set_index("id").loc[edge_id].to_dict()


def test_corroboration_wire_copy_counts_two_outlets_one_text(wire: Snapshot) -> None:
    edge = _edge(wire, MEETS)
    assert (edge["sources"], edge["texts"], edge["languages"], edge["documents"]) == (3, 2, 2, 3)


def test_corroboration_edge_first_and_last_seen(wire: Snapshot) -> None:
    edge = _edge(wire, MEETS)
    assert (edge["first_seen"], edge["last_seen"]) == ("2024-05-13", "2024-06-20")


def test_corroboration_counts_only_the_selected_documents(wire: Snapshot) -> None:
    edge = _edge(wire, MEETS, Filters(co_min_support=1, top_n=0, languages=("en",)))
    assert (edge["sources"], edge["texts"], edge["languages"], edge["last_seen"]) == (2, 1, 1, "2024-05-13")


def test_corroboration_min_sources_drops_single_outlet_edges(wire: Snapshot) -> None:
    view = compute_view(wire, Filters(co_min_support=1, top_n=0, min_sources=2))
    assert MEETS in set(view.edges["id"]) and view.edges["sources"].min() >= 2
    assert MELONI not in set(view.edges["source"]) | set(view.edges["target"])


def test_corroboration_entity_counts_outlets(wire: Snapshot) -> None:
    nodes = compute_view(wire, ALL).nodes.set_index("id")
    assert nodes.loc["person:olaf-scholz", ["sources", "texts", "languages"]].tolist() == [3, 2, 2]
    assert nodes.loc[MELONI, "sources"] == 1


def test_corroboration_weigh_by_sources_orders_and_widens(wire: Snapshot) -> None:
    view = compute_view(wire, Filters(co_min_support=1, top_n=0, weigh_by="sources"))
    assert view.edges["sources"].is_monotonic_decreasing
    _, edges, _ = vis_payload(view.nodes, view.edges, {}, weigh_by="sources")
    widths = {e["id"]: e["width"] for e in edges if e["relation"] != "co_mentioned"}
    assert widths[MEETS] == max(widths.values())


def test_corroboration_single_source_edge_is_faded_and_said(wire: Snapshot) -> None:
    view = compute_view(wire, ALL)
    _, edges, _ = vis_payload(view.nodes, view.edges, {})
    single = [e for e in edges if e.get("single_source")]
    assert single and all(e["color"]["opacity"] < 1 and "single source" in e["title"] for e in single)
    meets = next(e for e in edges if e["id"] == MEETS)
    assert "single_source" not in meets and "3 outlets, 2 texts, 2 languages" in meets["title"]
    assert "seen 2024-05-13 – 2024-06-20" in meets["title"]


def test_corroboration_day_numbers_round_trip_and_undated() -> None:
    days = day_numbers(pd.Series(["2024-05-13", "", "1969-12-31"], dtype="str"))
    assert [day_text(int(d)) for d in days] == ["2024-05-13", "", "1969-12-31"]


def test_corroboration_reach_phrase_counts_in_each_language() -> None:
    assert reach_phrase("en", 2, 1, 1) == "2 outlets, 1 text, 1 language"
    assert reach_phrase("de", 2, 1, 3) == "2 Medien, 1 Text, 3 Sprachen"


def test_corroboration_edge_card_summary_first_and_last_seen(wire: Snapshot) -> None:
    facts = edge_summary(wire, MEETS)
    assert facts["outlets"] == ["Outlet A", "Outlet B", "Outlet C"]
    assert summary_line(facts) == "3 outlets, 2 texts, 2 languages · first seen 2024-05-13, last seen 2024-06-20"


def test_corroboration_entity_card_summary_single_source(wire: Snapshot) -> None:
    assert summary_line(entity_summary(wire, MELONI)) == "1 outlet, 1 text, 1 language (single source) · first seen 2024-07-02, last seen 2024-07-02"


def test_corroboration_summary_line_in_german(wire: Snapshot) -> None:
    assert summary_line(edge_summary(wire, MEETS), "de") == \
        "3 Medien, 2 Texte, 2 Sprachen · zuerst gemeldet 2024-05-13, zuletzt 2024-06-20"
    assert summary_line(entity_summary(wire, MELONI), "de").startswith("1 Medium, 1 Text, 1 Sprache (eine einzige Quelle)")


def test_corroboration_tooltips_in_german_name_outlets_and_dates(wire: Snapshot) -> None:
    view = compute_view(wire, ALL)
    meets = next(e for e in vis_payload(view.nodes, view.edges, {}, lang="de")[1] if e["id"] == MEETS)
    assert "3 Medien, 2 Texte, 2 Sprachen" in meets["title"] and "gemeldet 2024-05-13 – 2024-06-20" in meets["title"]
    assert "trifft" in meets["title"] and "meets" not in meets["title"] and meets["relation"] == "meets"
