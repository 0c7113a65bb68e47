"""Failures of the database itself (full disk, damaged file, lost server) give one ``error:`` line with
what to do, on ingest and export, and leave what earlier batches saved as it was."""

from __future__ import annotations

import random
import resource
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from pipelines.errors import StoreError
from pipelines.store import Store
from tests.conftest import ROOT
from tests.pipelines.test_store import DE_TEXT, english, german

ARTICLE = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on day {}. They signed agreement {}.\n"


def _cli(*args: str, file_size_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # in the child: writes beyond this many bytes fail (EFBIG), as on a full disk
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run([sys.executable, "-m", "pipelines", *args], capture_output=True, text=True,
                          cwd=ROOT, preexec_fn=limit, timeout=300)


def _one_error_line(result: subprocess.CompletedProcess[str], *phrases: str) -> str:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for phrase in phrases:
        assert phrase in lines[0]
    return lines[0]


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.txt").write_text(ARTICLE.format(i, i), encoding="utf-8")
    return folder


def test_store_errors_full_disk_on_save_is_one_message_and_keeps_earlier_batches(tmp_path: Path) -> None:
    path = tmp_path / "kg.sqlite"
    with Store.open(path) as store:
        store.save_batch([german()])
        before = store.counts()
        pages = store._db.scalar("PRAGMA page_count")  # no room for one more page: SQLITE_FULL
        store._db.execute(f"PRAGMA max_page_count = {int(pages)}")
        with pytest.raises(StoreError) as caught:
            store.save_batch([english()] + [german(f"{i}.txt", f"{DE_TEXT} {i}" * 20) for i in range(50)])
        assert "the disk is full" in str(caught.value) and "database or disk is full" in str(caught.value)
        assert "run the same command again" in str(caught.value)
    with Store.open(path) as store:
        assert store.counts() == before


def test_store_errors_ingest_cannot_write_the_file_is_one_error_line(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    assert _cli("ingest", str(_articles(tmp_path / "first", 1)), "--db", str(db), "--lang", "en").returncode == 0
    with Store.open(db) as store:
        before = store.counts()
    result = _cli("ingest", str(_articles(tmp_path / "more", 60)), "--db", str(db), "--lang", "en",
                  file_size_limit=db.stat().st_size + 60_000)
    _one_error_line(result, str(db), "run the same command again")
    with Store.open(db) as store:
        assert store.counts() == before


def _damage(path: Path) -> None:
    """Random bytes over everything after the first page (the header stays: SQLite opens the file)."""
    data = bytearray(path.read_bytes())
    rng = random.Random(10)
    data[8192:] = bytes(rng.randrange(256) for _ in range(len(data) - 8192))
    path.write_bytes(bytes(data))


def test_store_errors_damaged_file_on_export_and_ingest_is_one_error_line(tmp_path: Path) -> None:
    db, articles = tmp_path / "kg.sqlite", _articles(tmp_path / "articles", 3)
    assert _cli("ingest", str(articles), "--db", str(db), "--lang", "en").returncode == 0
    _damage(db)
    _one_error_line(_cli("export", "--db", str(db), "--format", "graphml", "-o", str(tmp_path / "g.graphml")),
                    "damaged", "move it away")
    _one_error_line(_cli("ingest", str(articles), "--db", str(db), "--lang", "en"), "damaged")


def test_store_errors_random_bytes_file_on_export_is_one_error_line(tmp_path: Path) -> None:
    db = tmp_path / "kg.sqlite"
    db.write_bytes(random.Random(3).randbytes(50_000))
    _one_error_line(_cli("export", "--db", str(db), "--format", "csv"), str(db), "--db")


def _terminate_others(admin_url: str, url: str) -> None:
    """End every other server process connected to ``url``'s database (pg_terminate_backend)."""
    database = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (database,))


def test_store_errors_lost_connection_mid_write_is_one_message_and_rolls_back(
    postgres_server: str, postgres_url: str
) -> None:
    with Store.open(postgres_url) as store:
        store.save_batch([german()])
        before = store.counts()
        with pytest.raises(StoreError) as caught:  # the server ends our connection after the first item
            store.save_batch([english(), german(key="copy.txt")],
                             on_item=lambda index, _: _terminate_others(postgres_server, postgres_url))
        assert "lost the connection to the PostgreSQL server" in str(caught.value)
        assert "run the same command again" in str(caught.value) and "password" not in str(caught.value)
        with pytest.raises(StoreError, match="lost the connection"):
            store.relations()
    with Store.open(postgres_url) as store:
        assert store.counts() == before
