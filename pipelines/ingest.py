"""Ingesting articles into the store: read, skip unchanged, extract (in this process, alongside a
pool of worker processes, or on a Dask cluster), save in batches in input order.

Each batch is saved in one transaction, so a run that is killed leaves the
database as it was before the interrupted batch; the next run skips what
was saved and picks up the rest.  A text already stored (or read earlier in
the run) under another key is not extracted again: it is saved as its own
document with the stored copy's facts.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from pipelines.backends import Target
from pipelines.dask_engine import dask_submit
from pipelines.distribute import alongside, in_flight
from pipelines.extract import extract_safely
from pipelines.records import Article, Extraction, Notice, Rejection
from pipelines.sources import read_paths
from pipelines.store import Store
from pipelines.store_rows import StoreRows, store_rows
from pipelines.store_write import COPY, article_hash, storable_article

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
Planned = tuple[Article, bool]  # an article and whether it needs extracting (False: a copy of stored text)
Batch = list[tuple[Article, StoreRows | None]]  # None: a copy of stored text
Extracted = list[tuple[Article, StoreRows | None | Rejection]]  # a Rejection for an article whose extraction failed


@dataclass
class IngestReport:
    """What one ingest run did, for the summary."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    copies: int = 0  # new or replaced documents whose text was stored under another key
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.new + self.replaced + self.unchanged

    def count(self, status: str) -> None:
        """Count a save result: ``new``, ``replaced`` or ``unchanged``, perhaps followed by ``COPY``."""
        kind = status.removesuffix(COPY)
        setattr(self, kind, getattr(self, kind) + 1)
        self.copies += status != kind

    def summary(self) -> str:
        lines = [f"documents: {self.new} new, {self.replaced} replaced, {self.unchanged} unchanged, {len(self.rejected)} rejected"]
        if self.copies:
            lines.append(f"{self.copies} copies of stored text (stored as their own documents; extraction reused)")
        lines += [f"rejected: {r}" for r in self.rejected]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def _extract_chunk(planned: list[Planned]) -> Extracted:
    """Extract the articles that need it; records as the rows the store keeps (cheap to send between
    processes), None for copies of stored text, or a Rejection for each article whose extraction failed."""
    with few_collections():  # also on Dask workers, which run only this
        extracted = iter(extract_safely([article for article, needed in planned if needed]))
        return [(article, _rows(article, next(extracted)[1]) if needed else None) for article, needed in planned]


def _extract_one(article: Article) -> StoreRows:
    """The rows of one article, for a copy whose stored text was replaced before it was saved."""
    rows = _extract_chunk([(article, True)])[0][1]
    if rows is None or isinstance(rows, Rejection):
        raise ValueError(f"{article.key}: {getattr(rows, 'reason', 'no extraction')}")
    return rows


def _rows(article: Article, record: Extraction | Rejection) -> StoreRows | Rejection:
    if isinstance(record, Rejection):
        return record
    try:
        return store_rows(record)
    except Exception as err:  # noqa: BLE001 (one article never stops a run)
        return Rejection(article.where or article.key, f"cannot store its extraction ({type(err).__name__}: {err}): please report it")


def _saved_only(batch: Extracted, report: IngestReport) -> Batch:
    """The articles of ``batch`` that were extracted (or are copies); the others are reported as rejected."""
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


def _chunks(items: Iterable[Planned], size: int) -> Iterator[list[Planned]]:
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


def _pending(items: Iterable[Article | Rejection], store: Store, report: IngestReport, progress: Progress) -> Iterator[Planned]:
    """Articles to save, each with whether it needs extraction; unchanged ones and rejections are
    only counted, and the warnings of every article are kept for the summary."""
    plan = _Plan(store)
    for item in items:
        if not isinstance(item, Rejection):
            reason = store.unstorable(item)
            item = Rejection(item.key, reason) if reason else item
        if isinstance(item, Rejection):
            report.rejected.append(item)
            progress(1)
            continue
        report.warnings += item.notices
        if (planned := plan(storable_article(item))) is None:
            report.count("unchanged")
            progress(1)
        else:
            yield planned


class _Plan:
    """Decides per article of one run: skip (unchanged), copy (text stored or read before) or extract.

    Remembers the text read under each key and the texts sent to extraction in this run, so a key
    read twice is saved as its last text (never judged against the store's, which the first one
    replaces) and a wire story read from 30 outlets is extracted once.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.keys: dict[str, str] = {}
        self.extracted: set[str] = set()

    def __call__(self, article: Article) -> Planned | None:
        digest = article_hash(article)
        earlier = self.keys.get(article.key)
        self.keys[article.key] = digest
        if earlier == digest:
            return None  # the same key and text twice in this input
        status = self.store.status(article)
        if status == "unchanged" and earlier is None:
            return None
        copy = status == "copy" or digest in self.extracted
        if not copy:
            self.extracted.add(digest)
        return article, not copy


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
    return ingest_items(read_paths(paths, lang), db, workers, progress, engine, scheduler)


def ingest_items(
    items: Iterable[Article | Rejection], db: Target, workers: int = 1,
    progress: Progress = lambda n: None, engine: str = "processes", scheduler: str | None = None,
) -> IngestReport:
    """Ingest articles already read (with the rejections met reading them), as ``ingest`` does;
    for callers that choose the keys themselves (the explorer keys uploads by file name)."""
    report = IngestReport()
    with few_collections(), Store.open(db) as store:
        pending = _pending(items, store, report, progress)
        for batch in _batches(_extracted(pending, workers, engine, scheduler), SAVE_BATCH):
            for status in store.save_batch(_saved_only(batch, report), extract=_extract_one):
                report.count(status)
            progress(len(batch))
    return report


def _extracted(articles: Iterable[Planned], workers: int, engine: str, scheduler: str | None) -> Iterator[Extracted]:
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
