"""Running a function over a stream of chunks on other processes, results in input order.

Used by ingest for extraction: the caller saves each result before asking for the next, so
the order of saving (which decides the canonical ids of merged entities) is the input's,
whichever process did the work.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from itertools import islice
from typing import Any, TypeVar

Chunk = TypeVar("Chunk")
Result = TypeVar("Result")
Submit = Callable[..., Any]  # submit(fn, chunk) -> a future with .result()

AHEAD = 6  # chunks done (or under way) but not yet taken by the caller, at most: bounds memory
IN_POOL = 2  # unfinished chunks per pool process


def alongside(
    work: Callable[[Chunk], Result], submit: Submit, chunks: Iterator[Chunk], pool_size: int
) -> Iterator[Result]:
    """``work`` on each chunk, on a pool of ``pool_size`` processes and in this one.

    The pool is kept IN_POOL chunks per process ahead.  Between two results the caller does its
    own work (saving); when the next result is not ready yet, this process works on a chunk
    itself instead of waiting, as long as fewer than AHEAD chunks are pending.
    """
    queue: deque[Future[Result] | Result] = deque()
    while True:
        while _unfinished(queue) < IN_POOL * pool_size and (chunk := next(chunks, None)) is not None:
            queue.append(submit(work, chunk))
        if not queue:
            return
        if not _ready(queue[0]) and len(queue) < AHEAD and (chunk := next(chunks, None)) is not None:
            queue.append(work(chunk))
        else:
            yield _result(queue.popleft())


def in_flight(work: Callable[[Chunk], Result], submit: Submit, chunks: Iterator[Chunk], workers: int) -> Iterator[Result]:
    """``work`` on each chunk, all on other processes, keeping ``2 * workers`` chunks in flight."""
    pending: list[Any] = [submit(work, chunk) for chunk in islice(chunks, 2 * workers)]
    while pending:
        done = pending.pop(0).result()
        pending += [submit(work, chunk) for chunk in islice(chunks, 1)]
        yield done


def _unfinished(queue: deque[Any]) -> int:
    return sum(1 for item in queue if isinstance(item, Future) and not item.done())


def _ready(item: object) -> bool:
    return not isinstance(item, Future) or item.done()


def _result(item: Any) -> Any:
    return item.result() if isinstance(item, Future) else item
