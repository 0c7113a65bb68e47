"""The SQLite backend: one file, WAL journal, the embedded default."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pipelines.backends import sqlite_migrations as migrations
from pipelines.backends.base import ExplicitTransactions
from pipelines.errors import StoreError
from pipelines.store_errors import database_problem


class SqliteBackend(ExplicitTransactions):
    """A SQLite connection in autocommit mode; transactions are explicit."""

    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self.where = str(path)

    @classmethod
    def connect(cls, path: Path) -> SqliteBackend:
        """Open (creating parent folders and the file) and migrate to the current schema."""
        conn = migrations.connect(path)
        try:
            migrations.migrate(conn)
        except StoreError as exc:
            conn.close()
            raise StoreError(f"{path}: {exc}") from exc
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(database_problem(exc, str(path)) or f"{path}: cannot migrate ({exc})") from exc
        return cls(conn, path)

    def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> None:
        self._conn.execute(sql, params or {})

    def executemany(self, sql: str, params: Sequence[Mapping[str, Any]]) -> None:
        self._conn.executemany(sql, params)

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return [dict(row) for row in self._conn.execute(sql, params or {})]

    def tuples(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return list(self.iterate(sql, params))

    def iterate(self, sql: str, params: Mapping[str, Any] | None = None) -> Iterable[tuple[Any, ...]]:
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples: much cheaper than sqlite3.Row for bulk reads
        return cursor.execute(sql, params or {})

    def scalar(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        row = self._conn.execute(sql, params or {}).fetchone()
        return None if row is None else row[0]

    def begin_write(self) -> None:
        """``BEGIN IMMEDIATE`` takes the write lock now rather than at the first write."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(database_problem(exc, self.where) or (
                f"{self.where}: cannot start a write ({exc}); is another ingest running?")) from exc

    def schema_version(self) -> int:
        return migrations.schema_version(self._conn)
