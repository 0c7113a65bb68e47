"""Finding and opening input files: folders walked in sorted order, only regular files opened.

The kind of every path is checked with ``os.stat`` before it is opened, so a named pipe, a device
(a link to ``/dev/zero``) or a symbolic-link loop is skipped with a reason instead of blocking or
reading forever.  Paths are named printably in messages (``path_where``) and stored under a key that
is valid UTF-8 even for file names that are not (``path_key``).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pipelines.errors import InputError
from pipelines.printable import printable
from pipelines.records import Rejection

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")

MAX_BYTES = 10 * 1024 * 1024
"""Largest .txt/.md/.html/.json file, and largest JSONL line, in bytes
(10 MiB).  News articles are 5-100 kB; anything near this size is a dump of
many articles, which belongs in a .jsonl file, one article per line (a
.jsonl file itself is streamed and may be of any size)."""

# A folder's own documentation ("README.md") is not an article; given by path, it is read like any file.
FOLDER_DOCS = frozenset({"README", "LICENSE", "CHANGELOG", "NOTICE"})

FILE, FOLDER = "file", "folder"

_NOT_FILES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def path_where(path: Path) -> str:
    """How messages name ``path``: as given, control characters and undecodable bytes escaped."""
    return printable(str(path))


def path_key(path: Path) -> str:
    """The absolute real path that identifies a file's article, as valid UTF-8 (a byte of a non-UTF-8
    file name written as ``\\xff``).  Safe for symbolic-link loops, unlike ``Path.resolve``."""
    real = os.path.realpath(path)
    return real.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def kind(path: Path) -> str:
    """FILE or FOLDER (following symbolic links); InputError for anything that cannot be read as
    either: missing, a link loop or a broken link, a pipe, a device, a socket."""
    where = path_where(path)
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        raise InputError(where, _stat_problem(err, path)) from err
    if stat.S_ISDIR(mode):
        return FOLDER
    if stat.S_ISREG(mode):
        return FILE
    what = next((name for test, name in _NOT_FILES if test(mode)), "not a regular file")
    raise InputError(where, f"{what}, not a file: skipped (only regular files are read)")


def _stat_problem(err: OSError, path: Path) -> str:
    if err.errno == errno.ELOOP:
        return "symbolic link loop: fix or remove the link"
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return "broken symbolic link: fix or remove it" if path.is_symlink() else "no such file or folder: check the path"
    if err.errno == errno.EACCES:
        return "permission denied: make it readable"
    return f"cannot read ({err.strerror}): check it"


def walk(folder: Path) -> Iterator[Path | Rejection]:
    """Supported, non-hidden regular files under ``folder``, sorted by name; entries with a supported
    suffix that are no regular file are Rejections.  Symbolic links to folders are not followed."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield Rejection(path_where(folder), f"cannot list folder ({err.strerror}): check its permissions")
        return
    for entry in entries:
        if not (entry.name.startswith(".") or entry.stem.upper() in FOLDER_DOCS):
            yield from _entry(entry)


def _entry(entry: Path) -> Iterator[Path | Rejection]:
    supported = entry.suffix.lower() in SUPPORTED_SUFFIXES
    try:
        found = kind(entry)
    except InputError as err:
        yield from [Rejection(err.where, err.reason)] if supported else []
        return
    if found == FOLDER:
        yield from () if entry.is_symlink() else walk(entry)
    elif supported:
        yield entry


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes; InputError if it is no regular file, too large or unreadable."""
    with open_file(path, limited=True) as handle:
        data = handle.read(MAX_BYTES + 1)
    check_size(len(data), path_where(path))
    return data


def open_file(path: Path, *, limited: bool = False) -> BinaryIO:
    """A regular file (when ``limited``, of at most MAX_BYTES) opened for reading bytes; its kind
    is checked first, so a pipe never blocks."""
    where = path_where(path)
    if kind(path) != FILE:
        raise InputError(where, "a folder, not a file: give the folder to read what is in it")
    try:
        if limited:
            check_size(path.stat().st_size, where)
        return path.open("rb")
    except PermissionError as err:
        raise InputError(where, "permission denied: make the file readable") from err
    except OSError as err:
        raise InputError(where, f"cannot read file ({err.strerror}): check it") from err


def check_size(size: int, where: str) -> None:
    if size > MAX_BYTES:
        sizes = f"{size / 2**20:.1f} MiB, limit {MAX_BYTES / 2**20:.0f} MiB"
        raise InputError(where, f"file too large ({sizes}): split it, or write its articles as JSONL, one per line")
