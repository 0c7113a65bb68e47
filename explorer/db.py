"""Where the explorer's database lives, building it from sample_data/ on first run, and its version."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from pipelines.backends import Target, is_postgres
from pipelines.ingest import IngestReport, ingest
from pipelines.sources import files_in
from pipelines.store import Store, default_db_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "sample_data"


def database_path() -> Target:
    """The same rule as the CLI: ``KG_DB`` (a file or a ``postgresql://`` URL), else
    ``data/entente.sqlite`` in the working directory."""
    return default_db_path()


def needs_build(db: Target) -> bool:
    """True when the database is missing or holds no documents yet (first run)."""
    if is_postgres(db):
        with Store.open(db) as store:
            return store.counts()["documents"] == 0
    path = Path(db)
    return not path.exists() or path.stat().st_size == 0


def build_from_samples(db: Target, progress: Callable[[int], None]) -> IngestReport:
    """Ingest sample_data/ into ``db`` (first run of the app)."""
    return ingest([SAMPLE_DATA], db, progress=progress)


def sample_count() -> int:
    """How many sample articles a first-run build reads (for the progress bar's total)."""
    return sum(1 for _ in files_in(SAMPLE_DATA))


def data_version(store: Store) -> str:
    """Changes whenever documents are added or replaced (by content, not only by the second they
    were ingested in), or a curation decision is taken or undone: the cache key of everything derived.
    Reads three columns of the documents, not all of them: it runs on every rerun."""
    pairs = sorted(f"{i}@{at}#{digest}" for i, at, digest in store.document_stamps())
    pairs.append("decisions@" + store.decisions_stamp())
    return hashlib.sha1("\n".join(pairs).encode("utf-8")).hexdigest()[:16]
