"""Explorer fixtures: the sample database opened as a store and loaded as a snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.data import Snapshot, load_snapshot
from pipelines.ingest import IngestReport
from pipelines.store import Store


@pytest.fixture(scope="session")
def store(sample_db: tuple[Path, IngestReport]) -> Store:
    return Store.open(sample_db[0])


@pytest.fixture(scope="session")
def snapshot(store: Store) -> Snapshot:
    return load_snapshot(store)
