"""Ingesting articles into the store: read, skip unchanged, extract (in this process, alongside a
pool of worker processes, or on a Dask cluster), save in batches in input order.

Each batch is saved in one transaction, so a run that is killed leaves the
database as it was before the interrupted batch; the next run skips what
was saved and picks up the rest.
"""

from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pipelines.backends import Target
from pipelines.dask_engine import dask_submit
from pipelines.distribute import alongside, in_flight
from pipelines.extract import extract_safely
from pipelines.records import Article, Extraction, Notice, Rejection
from pipelines.sources import read_paths
from pipelines.store import Store
from pipelines.store_rows import StoreRows, store_rows

# Articles per transaction. Each commit writes back every index page the batch touched, and a
# growing store's entity-keyed indexes are touched all over: saving 2 million German words took
# 9.8 s in batches of 64 (5.0 s of it committing), 7.2 s in batches of 256.
SAVE_BATCH = 256
CHUNK = 64  # articles per unit of extraction work; several make a save batch
ENGINES = ("processes", "dask")
# Extraction and saving allocate millions of short-lived objects. With Python's default first threshold
# (700) the cycle collector ran 2,800 times per 2 million German words and took 1.1 s of 23 s; at 50,000
# it runs a few times (0.04 s), and peak memory stayed the same (measured: 304 vs 305 MiB).
GC_THRESHOLD = 50_000
Progress = Callable[[int], None]
Batch = list[tuple[Article, StoreRows]]
Extracted = list[tuple[Article, StoreRows | Rejection]]  # a Rejection for an article whose extraction failed


@dataclass
class IngestReport:
    """What one ingest run did, for the summary."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.new + self.replaced + self.unchanged

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def summary(self) -> str:
        lines = [f"documents: {self.new} new, {self.replaced} replaced, {self.unchanged} unchanged, {len(self.rejected)} rejected"]
        lines += [f"rejected: {r}" for r in self.rejected]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def _extract_chunk(articles: list[Article]) -> Extracted:
    """Extract ``articles``; records as the rows the store keeps (cheap to send between processes),
    or a Rejection for each article whose extraction failed."""
    with few_collections():  # also on Dask workers, which run only this
        return [(article, _rows(article, record)) for article, record in extract_safely(articles)]


def _rows(article: Article, record: Extraction | Rejection) -> StoreRows | Rejection:
    if isinstance(record, Rejection):
        return record
    try:
        return store_rows(record)
    except Exception as err:  # noqa: BLE001 (one article never stops a run)
        return Rejection(article.where or article.key, f"cannot store its extraction ({type(err).__name__}: {err}): please report it")


def _saved_only(batch: Extracted, report: IngestReport) -> Batch:
    """The articles of ``batch`` that were extracted; the others are reported as rejected."""
    report.rejected += [rows for _, rows in batch if isinstance(rows, Rejection)]
    return [(article, rows) for article, rows in batch if not isinstance(rows, Rejection)]


@contextmanager
def few_collections() -> Iterator[None]:
    """Run the cycle collector's youngest generation every GC_THRESHOLD allocations, not 700."""
    saved = gc.get_threshold()
    gc.set_threshold(max(saved[0], GC_THRESHOLD), *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _batches(chunks: Iterable[Extracted], size: int) -> Iterator[Extracted]:
    """Consecutive chunks joined into batches of at least ``size`` items (the last may be smaller)."""
    batch: Extracted = []
    for chunk in chunks:
        batch += chunk
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pending(items: Iterable[Article | Rejection], store: Store, report: IngestReport, progress: Progress) -> Iterator[Article]:
    """Articles that need extraction; unchanged ones and rejections are only counted, and the
    warnings of every article are kept for the summary."""
    for item in items:
        if isinstance(item, Rejection):
            report.rejected.append(item)
            progress(1)
            continue
        report.warnings += item.notices
        if store.status(item) == "unchanged":
            report.count("unchanged")
            progress(1)
        else:
            yield item


def ingest(
    paths: Iterable[str | Path], db: Target, lang: str | None = None, workers: int = 1,
    progress: Progress = lambda n: None, engine: str = "processes", scheduler: str | None = None,
) -> IngestReport:
    """Ingest files, folders or ``-`` (stdin JSONL) into the store at ``db`` (a path or a URL).

    ``engine`` ``processes`` extracts in ``workers`` processes: this one
    and, for more than 1, a pool of ``workers - 1``; ``dask`` on the cluster
    at ``scheduler``, or on a local cluster of ``workers`` processes when no
    address is given (this process then only reads and saves).
    """
    report = IngestReport()
    with few_collections(), Store.open(db) as store:
        pending = _pending(read_paths(paths, lang), store, report, progress)
        for batch in _batches(_extracted(pending, workers, engine, scheduler), SAVE_BATCH):
            for status in store.save_batch(_saved_only(batch, report)):
                report.count(status)
            progress(len(batch))
    return report


def _extracted(articles: Iterable[Article], workers: int, engine: str, scheduler: str | None) -> Iterator[Extracted]:
    if engine == "dask":
        with dask_submit(scheduler, workers) as (submit, count):
            yield from in_flight(_extract_chunk, submit, _chunks(articles, CHUNK // count or 1), count)
    elif workers <= 1:
        yield from (_extract_chunk(chunk) for chunk in _chunks(articles, CHUNK))
    else:
        # This process is one of the ``workers``: with N processes on N cores, a writer that only
        # waited and saved would share a core with a worker and set the pace for all of them.
        with ProcessPoolExecutor(max_workers=workers - 1) as pool:
            yield from alongside(_extract_chunk, pool.submit, _chunks(articles, CHUNK), workers - 1)
