"""Work spread over a pool and this process, results in input order."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import pytest

from pipelines import distribute
from pipelines.ingest import _extract_chunk
from pipelines.records import Article, Rejection


def test_distribute_alongside_works_here_while_the_pool_is_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(distribute, "AHEAD", 8)
    articles = [Article(id=f"a{i}", key=f"a{i}", text=f"Wladimir Putin besuchte am {i + 1}. Mai Hanoi.", lang="de") for i in range(6)]
    all_read, in_pool = threading.Event(), []

    def chunks() -> Iterator[list[tuple[Article, bool]]]:
        yield from ([(article, True)] for article in articles)
        all_read.set()  # the pool finishes nothing before this thread has taken every chunk

    with ThreadPoolExecutor(max_workers=1) as pool:
        def submit(fn: Callable[[list[tuple[Article, bool]]], Any], chunk: list[tuple[Article, bool]]) -> Future[Any]:
            in_pool.append(chunk[0][0].id)
            return pool.submit(lambda: all_read.wait(60) and fn(chunk))

        batches = list(distribute.alongside(_extract_chunk, submit, chunks(), pool_size=1))

    assert [article.id for batch in batches for article, _ in batch] == [a.id for a in articles]
    # IN_POOL chunks went to the pool, the others were extracted here while it was busy.
    assert in_pool == [a.id for a in articles[: distribute.IN_POOL]] and len(in_pool) < len(articles)
    assert all(rows is not None and not isinstance(rows, Rejection) and rows.entities for batch in batches for _, rows in batch)


def test_distribute_in_flight_keeps_input_order_on_a_real_pool() -> None:
    articles = [Article(id=f"b{i}", key=f"b{i}", text=f"Olaf Scholz traf am {i + 1}. Juni Emmanuel Macron in Paris.", lang="de") for i in range(5)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        batches = list(distribute.in_flight(_extract_chunk, pool.submit, iter([[(a, True)] for a in articles]), workers=2))
    assert [article.id for batch in batches for article, _ in batch] == [a.id for a in articles]
    assert all(
        rows is not None and not isinstance(rows, Rejection) and {row[0] for row in rows.entities} >= {"person:olaf-scholz"}
        for batch in batches for _, rows in batch
    )
