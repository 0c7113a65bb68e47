"""The PostgreSQL backend: SQL translation, messages without passwords, migrations on a real server."""

from __future__ import annotations

import psycopg
import pytest

from pipelines.backends import is_postgres, public_target
from pipelines.backends.postgres import ddl, placeholders, public_url
from pipelines.errors import StoreError
from pipelines.schema import SCHEMA_VERSION
from pipelines.store import Store


def test_postgres_placeholders_become_pyformat() -> None:
    sql = "SELECT a FROM t WHERE id = :id AND x::text = :x_2 AND s LIKE '5%'"
    assert placeholders(sql) == "SELECT a FROM t WHERE id = %(id)s AND x::text = %(x_2)s AND s LIKE '5%%'"


def test_postgres_ddl_keeps_sqlite_semantics() -> None:
    statement = "CREATE TABLE t (text TEXT NOT NULL, score REAL NOT NULL)"
    assert ddl(statement) == 'CREATE TABLE t (text TEXT COLLATE "C" NOT NULL, score DOUBLE PRECISION NOT NULL)'


def test_postgres_public_url_drops_the_password() -> None:
    assert public_url("postgresql://kg:s3cret@db.example:5432/news") == "postgresql://kg@db.example:5432/news"
    assert public_target("postgres://db/news") == "postgres://db/news"
    assert is_postgres("postgresql://db/news") and not is_postgres("data/postgresql.sqlite")


def test_postgres_unreachable_server_is_a_store_error_without_password() -> None:
    with pytest.raises(StoreError) as raised:
        Store.open("postgresql://kg:s3cret@127.0.0.1:9/news?connect_timeout=2")
    assert "postgresql://kg@127.0.0.1:9/news" in str(raised.value) and "s3cret" not in str(raised.value)
    assert "check the URL" in str(raised.value)


def test_postgres_open_migrates_an_empty_database(postgres_url: str) -> None:
    with Store.open(postgres_url) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.counts()["documents"] == 0
    with Store.open(postgres_url) as again:  # a second open changes nothing
        assert again.schema_version == SCHEMA_VERSION


def test_postgres_open_refuses_a_newer_schema(postgres_url: str) -> None:
    Store.open(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("UPDATE entente_schema SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer than this Entente supports"):
        Store.open(postgres_url)


def test_postgres_concurrent_first_runs_create_the_schema_once(postgres_server: str) -> None:
    """Eight ingests starting at once on each of 20 fresh databases: every one opens the store.
    (Without the schema lock, 4 of 15 such rounds had a run fail on CREATE TABLE IF NOT EXISTS.)"""
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import ExitStack
    from threading import Barrier

    from tests.postgres_harness import fresh_database

    def open_at_once(url: str, barrier: Barrier) -> int:
        barrier.wait()
        with Store.open(url) as store:
            return store.schema_version

    with ExitStack() as stack, ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(20):
            url, barrier = stack.enter_context(fresh_database(postgres_server)), Barrier(8)
            futures = [pool.submit(open_at_once, url, barrier) for _ in range(8)]
            assert [f.result() for f in futures] == [SCHEMA_VERSION] * 8
