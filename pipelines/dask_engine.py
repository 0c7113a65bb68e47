"""Extraction on a Dask cluster (``ingest --engine dask [--scheduler ADDRESS]``).

Workers only extract; the ingesting process saves the results, so the
store sees exactly the calls of a local run.  Without an address a local
cluster of worker processes is started for the run and stopped after it.
On a real cluster every worker needs this repository and its requirements
installed (see the README, "Scale-out").
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from pipelines.distribute import Submit
from pipelines.errors import EngineError


@contextmanager
def dask_submit(scheduler: str | None, workers: int) -> Iterator[tuple[Submit, int]]:
    """A ``submit(fn, *args)`` running on Dask workers, and how many workers there are.

    ``scheduler`` is an address such as ``tcp://10.0.0.5:8786``; None starts
    a local cluster of ``workers`` single-threaded processes.
    """
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)  # waits distributed.comm.timeouts.connect (Dask config)
        else:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        where = scheduler or "a local cluster"
        raise EngineError(f"cannot reach the Dask scheduler at {where} ({exc}); check the address and that it runs") from exc
    except RuntimeError as exc:  # a local worker process died while starting
        raise EngineError(
            f"cannot start local Dask workers ({exc}); they import the main module again, so a script "
            "that calls ingest() must do so under `if __name__ == \"__main__\":`"
        ) from exc
    try:
        count = len(client.scheduler_info().get("workers", {})) or workers
        yield (lambda fn, *args: client.submit(fn, *args, pure=False)), count
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
