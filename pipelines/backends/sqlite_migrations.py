"""SQLite specifics: the connection, its PRAGMAs and the migration runner.

The schema version is the number of steps of ``schema.MIGRATIONS`` applied,
kept in SQLite's ``PRAGMA user_version``.  Each step runs in its own
transaction together with the version bump (SQLite DDL is transactional),
so a crash mid-migration leaves the previous version intact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from pipelines.backends.base import refuse_newer
from pipelines.errors import StoreError
from pipelines.schema import MIGRATIONS, Step

_PRAGMAS = (
    # Takes effect only on a new (empty) file: bigger pages mean fewer B-tree pages to split and write
    # back per commit (measured: saving 10 % faster than with the default 4 KiB).
    "PRAGMA page_size = 8192",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    # Bulk ingest: a 64 MiB page cache keeps the indexes being appended to in memory, and checkpoints
    # run every 10,000 pages (80 MiB of WAL with 8 KiB pages) instead of every 1,000: each one copies
    # the pages written since into the file and syncs it (measured on 2 million German words: saving
    # 9.8 s with 4 MiB checkpoints and batches of 64, 7.2 s with these and batches of 256).
    "PRAGMA cache_size = -65536",
    "PRAGMA wal_autocheckpoint = 10000",
)


def connect(path: Path) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) with our PRAGMAs set.

    Raises StoreError naming the path when the file is not a SQLite database
    or cannot be opened.  ``check_same_thread`` is off so a cached Store can
    serve Streamlit's script threads; writes still need one writer at a time.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"{path}: cannot open the database ({exc}); check the path and its permissions"
        ) from exc
    _configure(conn, path)
    return conn


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    """Set the PRAGMAs; the first read of the file is where a non-database shows itself."""
    try:
        for pragma in _PRAGMAS:
            conn.execute(pragma)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"{path}: not a usable SQLite database ({exc}); "
            "pass another file with --db or KG_DB, or move this file away"
        ) from exc
    conn.row_factory = sqlite3.Row


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of migration steps applied to this database."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, steps: Sequence[Step] = MIGRATIONS) -> int:
    """Apply the steps the database lacks, each in its own transaction; return the version.

    A database newer than ``steps`` (written by a later Entente) is refused
    rather than guessed at.
    """
    version = schema_version(conn)
    refuse_newer(version, len(steps))
    for number in range(version + 1, len(steps) + 1):
        _apply_step(conn, steps[number - 1], number)
    return schema_version(conn)


def _apply_step(conn: sqlite3.Connection, step: Step, number: int) -> None:
    """Run one step and record its number atomically (SQLite DDL is transactional)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in step:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(number)}")  # PRAGMAs take no parameters
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"migration to schema version {number} failed: {exc}") from exc
    conn.execute("COMMIT")
