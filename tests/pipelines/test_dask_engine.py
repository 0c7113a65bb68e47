"""Scale-out: the sample articles through Dask (a local cluster of 2 workers) into a real PostgreSQL
server give the same graph as the single-process SQLite run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import dask
import pytest

from pipelines.errors import EngineError
from pipelines.ingest import ingest
from pipelines.store import Store
from tests.conftest import ROOT, SAMPLE_DATA, graph_of


def ingest_with_dask(path: Path, db: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, as a user runs it (Dask's spawned workers re-import ``__main__``,
    which inside pytest may be a Streamlit test script)."""
    command = [sys.executable, "-m", "pipelines", "ingest", str(path), "--engine", "dask", "--workers", "2", "--db", db]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return run


def test_dask_engine_postgres_ingest_matches_single_process_sqlite(
    sample_db: tuple[Path, Any], postgres_url: str
) -> None:
    run = ingest_with_dask(SAMPLE_DATA, postgres_url)
    assert "26 new, 0 replaced, 0 unchanged" in run.stdout
    with Store.open(sample_db[0]) as sqlite, Store.open(postgres_url) as postgres:
        expected, found = graph_of(sqlite), graph_of(postgres)
    assert expected["counts"]["relations"] > 100 and expected["counts"]["mentions"] > 500
    for part in expected:
        assert found[part] == expected[part], part


def test_dask_engine_second_run_finds_everything_unchanged(postgres_url: str) -> None:
    article = SAMPLE_DATA / "putin-nordkorea-escambray.de.txt"
    first, again = ingest_with_dask(article, postgres_url), ingest_with_dask(article, postgres_url)
    assert "1 new, 0 replaced, 0 unchanged" in first.stdout
    assert "0 new, 0 replaced, 1 unchanged" in again.stdout


def test_dask_engine_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        ingest([SAMPLE_DATA / "putin-nordkorea-escambray.de.txt"], tmp_path / "kg.sqlite",
               engine="dask", scheduler="tcp://127.0.0.1:9")
    with Store.open(tmp_path / "kg.sqlite") as store:
        assert store.counts()["documents"] == 0


def test_dask_engine_script_without_main_guard_is_a_clear_error(tmp_path: Path) -> None:
    script = tmp_path / "no_guard.py"
    script.write_text(
        "from pipelines.errors import EntenteError\n"
        "from pipelines.ingest import ingest\n"
        "try:\n"
        f"    ingest([{str(SAMPLE_DATA / 'putin-nordkorea-escambray.de.txt')!r}], {str(tmp_path / 'kg.sqlite')!r},"
        " engine='dask', workers=1)\n"
        "except EntenteError as error:\n"
        "    print('error:', error)\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert "cannot start local Dask workers" in run.stdout and 'if __name__ == "__main__":' in run.stdout
