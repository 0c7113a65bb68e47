"""What changed between two periods: the pure diff and its reading of a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.changes import BadDate, Rows, changes, changes_in, checked_day, last_ingest, periods
from pipelines.store import Store
from tests.wire_store import MEETS, MELONI, build_wire_store


def _rows() -> Rows:
    documents = {"d1": ("2024-05-01", "2024-06-01T10:00:00+00:00"), "d2": ("2024-06-10", "2024-06-11T09:00:00+00:00"),
                 "d3": ("", "2024-06-11T09:03:00+00:00")}
    mentions = [("person:a", "d1", 2), ("person:b", "d1", 1), ("person:b", "d2", 3), ("person:c", "d2", 1),
                ("person:d", "d3", 1)]
    relations = [("person:a", "meets", "person:b", "d1"), ("person:b", "meets", "person:c", "d2"),
                 ("person:b", "meets", "person:c", "d2")]
    entities = {f"person:{x}": (x.upper(), "person") for x in "abcd"}
    return Rows(documents, mentions, relations, entities)


def test_changes_new_and_vanished_entities_with_counts() -> None:
    diff = changes(_rows(), "2024-06-01")
    assert [e["id"] for e in diff["entities"]["new"]] == ["person:c"]
    assert [e["id"] for e in diff["entities"]["vanished"]] == ["person:a"]
    assert diff["entities"]["counts"] == {"before": 2, "after": 2, "new": 1, "vanished": 1}
    assert diff["documents"] == {"before": 1, "after": 1, "undated": 1}


def test_changes_new_relation_counts_its_sentences() -> None:
    diff = changes(_rows(), "2024-06-01")
    assert diff["relations"]["new"] == [{"id": "person:b|meets|person:c", "source": "person:b", "relation": "meets",
                                         "target": "person:c", "sentences": 2, "documents": 1}]
    assert [r["id"] for r in diff["relations"]["vanished"]] == ["person:a|meets|person:b"]


def test_changes_until_closes_the_later_period() -> None:
    assert periods(_rows(), "2024-05-01", "2024-05-31") == (set(), {"d1"}, 1)


def test_changes_by_ingested_counts_undated_documents() -> None:
    diff = changes(_rows(), "2024-06-11", by="ingested")
    assert diff["documents"] == {"before": 1, "after": 2, "undated": 0}
    assert [e["id"] for e in diff["entities"]["new"]] == ["person:c", "person:d"]


def test_last_ingest_joins_batches_of_one_run() -> None:
    stamps = ["2024-06-01T10:00:00+00:00", "2024-06-11T09:00:00+00:00", "2024-06-11T09:03:00+00:00"]
    assert last_ingest(stamps) == "2024-06-11T09:00:00+00:00"
    assert last_ingest([]) == ""


@pytest.mark.parametrize("bad", ["2024-13-01", "13.05.2024", "yesterday", "2024-02-30", ""])
def test_checked_day_rejects_what_is_no_date(bad: str) -> None:
    with pytest.raises(BadDate, match="is not a date: give YYYY-MM-DD"):
        checked_day(bad)


def test_changes_in_store_since_june_sees_new_and_vanished(tmp_path: Path) -> None:
    with Store.open(build_wire_store(tmp_path)) as store:
        diff = changes_in(store, "2024-07-01")
    assert MELONI in [e["id"] for e in diff["entities"]["new"]]
    assert MEETS in [r["id"] for r in diff["relations"]["vanished"]]
    assert diff["documents"] == {"before": 3, "after": 1, "undated": 0}
