"""Failures of the database itself, said in one line with what to do.

A full disk, a damaged SQLite file or a lost PostgreSQL connection is not the
article's fault: the message names the database and the remedy, and tells
that what earlier batches saved is kept (each batch is one transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from pipelines.errors import StoreError

KEPT = "batches saved before are kept"
# SQLite result codes by name (``sqlite3.Error.sqlite_errorname``, primary part before "_").
_SQLITE_ADVICE = {
    "SQLITE_FULL": "the disk is full; free some space and run the same command again: " + KEPT,
    "SQLITE_IOERR": "cannot read or write the file; check the disk and free space, then run the same command again: " + KEPT,
    "SQLITE_CORRUPT": "the database file is damaged; restore it from a backup, or move it away and ingest "
                      "the articles again into a new file (--db or KG_DB)",
    "SQLITE_NOTADB": "the file is not a SQLite database; pass another file with --db or KG_DB, or move this one away",
    "SQLITE_READONLY": "the database is read-only; check the permissions of the file and its folder",
    "SQLITE_CANTOPEN": "cannot open the file; check the path and its permissions",
}
_SERVER_GONE = frozenset({"57P01", "57P02", "57P03"})
_LOST_CONNECTION = ("lost the connection to the PostgreSQL server; check that the server runs and "
                    "run the same command again: " + KEPT)


def database_problem(exc: BaseException, where: str) -> str | None:
    """The one-line message for a failure of the database itself, or None for other errors."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    advice = _sqlite_advice(exc) if isinstance(exc, sqlite3.Error) else _postgres_advice(exc)
    return f"{where}: {advice} ({detail})" if advice else None


def _sqlite_advice(exc: sqlite3.Error) -> str | None:
    name = getattr(exc, "sqlite_errorname", "") or ""
    for code, advice in _SQLITE_ADVICE.items():
        if name == code or name.startswith(code + "_"):
            return advice
    return None


def _postgres_advice(exc: BaseException) -> str | None:
    try:
        import psycopg
    except ImportError:  # psycopg is only needed for PostgreSQL
        return None
    if not isinstance(exc, psycopg.Error):
        return None
    state = exc.sqlstate or ""
    if state == "53100":  # disk_full
        return "the server's disk is full; free some space and run the same command again: " + KEPT
    # No state: the client found the connection gone; 08: connection exception; 57P0x: server shut
    # down or the backend terminated (pg_terminate_backend).
    if (not state and isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError))) or \
            state.startswith("08") or state in _SERVER_GONE:
        return _LOST_CONNECTION
    return None


@contextmanager
def translated(where: str, errors: tuple[type[BaseException], ...]) -> Iterator[None]:
    """Turn the driver's ``errors`` into StoreError: a database problem with its remedy, else as it is."""
    try:
        yield
    except errors as exc:
        raise StoreError(database_problem(exc, where) or f"{where}: database error ({exc})") from exc
