"""Database backends behind ``pipelines.store.Store``: SQLite (the embedded default) and PostgreSQL.

A database is named by a *target*: a file path for SQLite, or a
``postgresql://`` URL.  Both backends run the same SQL text from
``pipelines.schema`` (named ``:param`` parameters) and offer the same small
interface (``Backend``), so the store's logic is written once.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.backends.base import Backend

Target = str | Path
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: Target) -> bool:
    """True for a ``postgresql://`` (or ``postgres://``) URL, False for a file path."""
    return str(target).startswith(POSTGRES_SCHEMES)


def public_target(target: Target) -> str:
    """The target as it may be printed: a URL loses its password."""
    if is_postgres(target):
        from pipelines.backends.postgres import public_url

        return public_url(str(target))
    return str(target)


def open_backend(target: Target) -> Backend:
    """Connect to ``target`` and migrate it to the current schema (StoreError naming it on failure)."""
    if is_postgres(target):
        from pipelines.backends.postgres import PostgresBackend  # psycopg only when asked for

        return PostgresBackend.connect(str(target))
    from pipelines.backends.sqlite import SqliteBackend

    return SqliteBackend.connect(Path(target))


__all__ = ["Backend", "Target", "is_postgres", "open_backend", "public_target"]
