"""The interface both database backends offer the store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from pipelines.errors import StoreError


class Backend(Protocol):
    """One open connection.  SQL is ``pipelines.schema`` text with ``:name`` parameters.

    ``where`` names the database in messages (a path, or a URL without its
    password); ``errors`` are the driver's exception classes, which the store
    turns into StoreError with that name.
    """

    where: str
    errors: tuple[type[BaseException], ...]

    def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> None:
        """Run one statement, discarding any rows."""

    def executemany(self, sql: str, params: Sequence[Mapping[str, Any]]) -> None:
        """Run one statement once per parameter set."""

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """All result rows as dicts keyed by column name."""

    def tuples(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """All result rows as plain tuples (cheap for bulk reads)."""

    def iterate(self, sql: str, params: Mapping[str, Any] | None = None) -> Iterable[tuple[Any, ...]]:
        """Result rows as tuples, fetched as they are consumed."""

    def scalar(self, sql: str, params: Mapping[str, Any] | None = None) -> Any:
        """The first column of the first row, or None when there is no row."""

    def begin_write(self) -> None:
        """Start a transaction holding the database's single write lock (one writer at a time)."""

    def commit(self) -> None:
        """Commit the open transaction."""

    def rollback(self) -> None:
        """Roll the open transaction back."""

    def schema_version(self) -> int:
        """The number of migration steps applied."""

    def close(self) -> None:
        """Close the connection; safe to call twice."""


class ExplicitTransactions:
    """Commit, rollback and close for a DB-API connection in autocommit mode whose transactions are
    opened with an explicit ``BEGIN`` (both backends work this way)."""

    _conn: Any

    def commit(self) -> None:
        self._conn.execute("COMMIT")

    def rollback(self) -> None:
        self._conn.execute("ROLLBACK")

    def close(self) -> None:
        self._conn.close()


def refuse_newer(version: int, supported: int) -> None:
    """A database written by a later Entente (more migration steps than we know) is refused, not guessed at."""
    if version > supported:
        raise StoreError(
            f"database schema version {version} is newer than this Entente supports "
            f"({supported}); upgrade Entente or use another database"
        )
