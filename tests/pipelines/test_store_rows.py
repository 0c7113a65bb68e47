"""The rows workers send to the writer: the same facts as the record, in plain tuples."""

from __future__ import annotations

import pickle
from pathlib import Path

from pipelines.records import Article, Extraction
from pipelines.sources import read_paths
from pipelines.store import Store
from pipelines.store_rows import store_rows
from tests.conftest import SAMPLE_DATA, graph_of


def _articles() -> dict[str, Article]:
    return {Path(a.key).name: a for a in read_paths([SAMPLE_DATA]) if isinstance(a, Article)}


def test_store_rows_store_the_same_graph_as_the_records(sample_records: dict[str, Extraction], tmp_path: Path) -> None:
    articles = _articles()
    items = [(articles[name], record) for name, record in sorted(sample_records.items())]
    with Store.open(tmp_path / "records.sqlite") as by_records, Store.open(tmp_path / "rows.sqlite") as by_rows:
        by_records.save_batch(items)
        by_rows.save_batch([(article, store_rows(record)) for article, record in items])
        assert graph_of(by_rows) == graph_of(by_records)


def test_store_rows_pickle_as_builtins_only(first_record: Extraction) -> None:
    rows = store_rows(first_record)
    data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"pipelines.records" not in data  # no record dataclasses: they are what made transfers slow
    assert pickle.loads(data) == rows
    assert len(rows.mentions) == sum(len(e.mentions) for e in first_record.entities)
    assert store_rows(rows) is rows
