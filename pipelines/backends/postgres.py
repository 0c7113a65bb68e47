"""The PostgreSQL backend (``KG_DB=postgresql://user:password@host:5432/dbname``).

Runs the same SQL as SQLite.  Two translations keep results identical to the
SQLite store: text columns compare byte-wise (``COLLATE "C"``, SQLite's
default), so sorting and tie-breaking pick the same rows; and ``REAL`` is
stored as ``DOUBLE PRECISION``, SQLite's 8-byte float, so scores round-trip
exactly.  Writers serialise on a transaction-scoped advisory lock, as
SQLite's ``BEGIN IMMEDIATE`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row, tuple_row

from pipelines.backends.base import ExplicitTransactions, refuse_newer
from pipelines.errors import StoreError
from pipelines.schema import MIGRATIONS, Step
from pipelines.store_errors import database_problem

WRITE_LOCK = 0x454E54  # any constant shared by all Entente writers ("ENT")
SCHEMA_LOCK = 0x454E5453  # held while one process creates or migrates the schema ("ENTS")
LOCK_WAIT = "60s"
_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS entente_schema (version INTEGER NOT NULL)"
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def public_url(url: str) -> str:
    """The URL with its password removed, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=user + netloc))


@lru_cache(maxsize=256)
def placeholders(sql: str) -> str:
    """``:name`` parameters as psycopg's ``%(name)s`` (literal ``%`` doubled)."""
    return _PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))


def ddl(statement: str) -> str:
    """A schema statement with SQLite's types spelled for identical behaviour in PostgreSQL."""
    statement = re.sub(r"\bREAL\b", "DOUBLE PRECISION", statement)
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', statement)


class PostgresBackend(ExplicitTransactions):
    """A psycopg connection in autocommit mode; transactions are explicit, like the SQLite backend's."""

    errors: tuple[type[BaseException], ...] = (psycopg.Error,)

    def __init__(self, conn: psycopg.Connection[Any], url: str) -> None:
        self._conn = conn
        self.url = url
        self.where = public_url(url)

    @classmethod
    def connect(cls, url: str) -> PostgresBackend:
        """Connect and migrate; StoreError (without the password) when the server or database is unusable."""
        try:
            conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(
                f"{public_url(url)}: cannot connect ({str(exc).strip()}); "
                "check the URL, that the server runs and that the database exists"
            ) from exc
        backend = cls(conn, url)
        try:
            backend.migrate()
        except (StoreError, psycopg.Error) as exc:
            conn.close()
            raise StoreError(f"{backend.where}: {exc}") from exc
        return backend

    def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> None:
        self._conn.execute(placeholders(sql), params or {})

    def executemany(self, sql: str, params: Sequence[Mapping[str, Any]]) -> None:
        if params:
            with self._conn.cursor() as cursor:
                cursor.executemany(placeholders(sql), params)

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._conn.execute(placeholders(sql), params or {}).fetchall()

    def tuples(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        with self._conn.cursor(row_factory=tuple_row) as cursor:
            return cursor.execute(placeholders(sql), params or {}).fetchall()

    def iterate(self, sql: str, params: Mapping[str, Any] | None = None) -> Iterable[tuple[Any, ...]]:
        return iter(self.tuples(sql, params))

    def scalar(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        with self._conn.cursor(row_factory=tuple_row) as cursor:
            row = cursor.execute(placeholders(sql), params or {}).fetchone()
        return None if row is None else row[0]

    def begin_write(self) -> None:
        try:
            self._conn.execute("BEGIN")
            self._conn.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except psycopg.Error as exc:
            lost = database_problem(exc, self.where)
            if lost is None:
                self._conn.execute("ROLLBACK")
            raise StoreError(lost or f"{self.where}: cannot start a write ({exc}); is another ingest running?") from exc

    def schema_version(self) -> int:
        self._conn.execute(_VERSION_TABLE)
        return self._stored_version()

    def _stored_version(self) -> int:
        return int(self.scalar("SELECT COALESCE(MAX(version), 0) FROM entente_schema"))

    def migrate(self, steps: Sequence[Step] = MIGRATIONS) -> int:
        """Apply the missing steps, each in one transaction with its version (PostgreSQL DDL is transactional).

        Under a session advisory lock: two first runs on a fresh database would
        otherwise race on ``CREATE TABLE IF NOT EXISTS``, which is not atomic.
        """
        self._conn.execute("SELECT pg_advisory_lock(%s)", (SCHEMA_LOCK,))
        try:
            return self._migrate(steps)
        finally:
            self._conn.execute("SELECT pg_advisory_unlock(%s)", (SCHEMA_LOCK,))

    def _migrate(self, steps: Sequence[Step]) -> int:
        version = self.schema_version()
        refuse_newer(version, len(steps))
        for number in range(version + 1, len(steps) + 1):
            self._apply_step(steps[number - 1], number)
        return self.schema_version()

    def _apply_step(self, step: Step, number: int) -> None:
        self.begin_write()
        try:
            if self._stored_version() < number:
                for statement in step:  # another process may have migrated while we waited
                    self._conn.execute(ddl(statement))
                self.execute("DELETE FROM entente_schema")
                self.execute("INSERT INTO entente_schema (version) VALUES (:v)", {"v": number})
        except psycopg.Error as exc:
            self.rollback()
            raise StoreError(f"migration to schema version {number} failed: {exc}") from exc
        self.commit()
