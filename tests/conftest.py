"""Shared fixtures: the sample articles extracted and ingested with the project's own code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipelines.extract import extract_many
from pipelines.ingest import IngestReport, ingest
from pipelines.records import Article, Extraction
from pipelines.sources import read_paths
from pipelines.store import Store
from tests.postgres_harness import fresh_database, server_url

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "sample_data"
FIRST_ARTICLE = SAMPLE_DATA / "putin-nordkorea-escambray.de.txt"


def graph_of(store: Store) -> dict[str, Any]:
    """Everything a user sees of the graph: entities, aliases, redirects, relations with their evidence,
    mentions per entity and document, and the documents (without their ingestion time)."""
    relations = store.relations()
    return {
        "documents": [{k: v for k, v in d.items() if k != "ingested_at"} for d in store.documents()],
        "entities": store.entities(),
        "aliases": store.all_aliases(),
        "redirects": store.redirects(),
        "relations": relations,
        "evidence": [store.evidence(r["source"], r["relation"], r["target"]) for r in relations],
        "mention_counts": sorted(store.mention_counts()),
        "counts": store.counts(),
    }


@pytest.fixture(scope="session")
def sample_records() -> dict[str, Extraction]:
    """Extraction record of every sample article, keyed by file name."""
    articles = [a for a in read_paths([SAMPLE_DATA]) if isinstance(a, Article)]
    return {Path(article.key).name: record for article, record in extract_many(articles)}


@pytest.fixture(scope="session")
def first_record(sample_records: dict[str, Extraction]) -> Extraction:
    return sample_records[FIRST_ARTICLE.name]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """A database built from sample_data/ by the real ingest code."""
    db = tmp_path_factory.mktemp("db") / "entente.sqlite"
    return db, ingest([SAMPLE_DATA], db)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Admin URL of a real PostgreSQL server (see tests/postgres_harness.py); fails, never skips."""
    try:
        with server_url() as url:
            yield url
    except RuntimeError as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """URL of a new, empty database, dropped after the test."""
    with fresh_database(postgres_server) as url:
        yield url
