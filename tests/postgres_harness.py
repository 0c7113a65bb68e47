"""A real PostgreSQL server for the tests, and fresh databases on it.

``ENTENTE_TEST_POSTGRES`` (set by ``.ci/run``, which installs and starts
Debian's PostgreSQL) names a server URL whose role may create databases.
Without it, a throwaway server is started from the installed PostgreSQL
binaries (Debian's ``postgresql`` package) in a temporary folder, on a free
port of 127.0.0.1, and removed afterwards.  With neither, the tests fail
with what to install; they never skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ENV = "ENTENTE_TEST_POSTGRES"
MISSING = (
    "PostgreSQL is needed for the store tests: install the server (`apt-get install postgresql`) "
    f"or set {ENV}=postgresql://user:password@host:port/postgres (a role that may create databases)"
)


def server_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``: on PATH, else the newest Debian version."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; as root, run it as the ``postgres`` user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def throwaway_server(bin_dir: Path) -> Iterator[str]:
    """Start a server in a new temporary cluster; yield its admin URL; stop and delete it after."""
    base = Path(tempfile.mkdtemp(prefix="entente-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", _free_port()
    run = lambda *args: subprocess.run(_as_server_user([str(a) for a in args]), check=True, capture_output=True)  # noqa: E731
    try:
        run(bin_dir / "initdb", "-D", data, "-U", "entente", "--auth=trust", "-E", "UTF8", "--no-locale")
        options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={base} -c fsync=off"
        run(bin_dir / "pg_ctl", "-D", data, "-o", options, "-l", base / "server.log", "-w", "start")
        try:
            yield f"postgresql://entente@127.0.0.1:{port}/postgres"
        finally:
            run(bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def server_url() -> Iterator[str]:
    """The admin URL of a usable server: ``ENTENTE_TEST_POSTGRES``, else a throwaway one.

    Raises RuntimeError with ``MISSING`` when there is no way to get one.
    """
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    bin_dir = server_bin()
    if bin_dir is None:
        raise RuntimeError(MISSING)
    with throwaway_server(bin_dir) as url:
        yield url


def with_database(url: str, name: str) -> str:
    """``url`` pointing at database ``name`` instead."""
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """Create an empty database on the server; yield its URL; drop it after."""
    name = f"entente_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
    try:
        yield with_database(admin_url, name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
