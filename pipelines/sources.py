"""Reading files, folders and JSON lines into clean ``Article`` records.

Everything that cannot be read becomes a ``Rejection`` that says where and
why, and reading goes on with the next file or line: one bad input never
stops an ingest, whatever fails while reading it.  What is repaired or
dropped in an input that is kept is noted on its article (``notices``).

Formats, chosen by file suffix (case-insensitive):

- ``.txt``, ``.md``: optional YAML front matter (``title``, ``published``,
  ``source``, ``url``, ``lang``, ``id``); Markdown syntax is reduced to text.
- ``.html``, ``.htm``: main text and metadata found by trafilatura.
- ``.json``: one article object, or an array of them.
- ``.jsonl`` and stdin (``-``): one article object per line, streamed
  (``pipelines.jsonl``).

Article objects are ``{"text", "id"?, "lang"?, "title"?, "published"?,
"source"?, "url"?}``.  A language given by the article wins over the
``lang`` argument, which wins over detection.  An id given twice in one
input is kept once: the last one wins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from pipelines.articles import Item, article_from_fields, article_of, id_key, last_wins
from pipelines.errors import InputError
from pipelines.files import (
    FOLDER,
    FOLDER_DOCS,
    MAX_BYTES,
    SUPPORTED_SUFFIXES,
    kind,
    open_file,
    path_key,
    path_where,
    read_bytes,
    walk,
)
from pipelines.formats import Fields, decode_bytes, parse_html, parse_json, parse_markdown, parse_text, record_fields
from pipelines.jsonl import read_jsonl
from pipelines.language import normalize_code
from pipelines.records import Article, Rejection

__all__ = [
    "FOLDER_DOCS", "MAX_BYTES", "STDIN", "STDIN_WHERE", "SUPPORTED_SUFFIXES", "Item", "Rejection",
    "article_from_fields", "files_in", "read_file", "read_jsonl", "read_paths",
]

STDIN = "-"
STDIN_WHERE = "<stdin>"

_PARSERS: dict[str, Callable[[str, str], Fields]] = {
    ".txt": parse_text,
    ".md": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}


def read_paths(paths: Iterable[str | Path], lang: str | None = None) -> Iterator[Item]:
    """Articles from files, folders (recursively) and ``-`` (JSONL on stdin).

    Folders are read in sorted order; hidden files and folders, files with
    unsupported suffixes and symlinked folders inside them are skipped, and
    so (with a Rejection) are pipes, devices and link loops with a supported
    suffix.  A file reached twice is read once.  Raises InputError at once
    for a ``lang`` that is no language code.
    """
    _check_lang(lang)
    return _read_all(paths, lang)


def _check_lang(lang: str | None) -> None:
    try:
        normalize_code(lang)
    except ValueError as err:
        raise InputError("lang", str(err)) from err


def _read_all(paths: Iterable[str | Path], lang: str | None) -> Iterator[Item]:
    seen: set[str] = set()
    for path in paths:
        if str(path) == STDIN:
            yield from _guarded(read_jsonl(_stdin(), STDIN_WHERE, lang), STDIN_WHERE)
        else:
            yield from _read_path(Path(path), lang, seen)


def _stdin() -> IO[bytes] | IO[str]:
    return getattr(sys.stdin, "buffer", sys.stdin)


def _read_path(path: Path, lang: str | None, seen: set[str]) -> Iterator[Item]:
    try:
        found = kind(path)
    except InputError as err:
        yield Rejection(err.where, err.reason)
        return
    for entry in walk(path) if found == FOLDER else [path]:
        if isinstance(entry, Rejection):
            yield entry
        elif (real := os.path.realpath(entry)) not in seen:
            seen.add(real)
            yield from read_file(entry, lang)


def files_in(folder: Path) -> Iterator[Path]:
    """The files ``read_paths`` would read from ``folder`` (same skipping rules)."""
    return (entry for entry in walk(folder) if isinstance(entry, Path))


def read_file(path: Path, lang: str | None = None) -> Iterator[Item]:
    """The article (or articles, for .json arrays and .jsonl) in one file."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "without suffix"
        supported = ", ".join(SUPPORTED_SUFFIXES)
        yield Rejection(path_where(path), f"unsupported file type {shown}: use one of {supported}")
        return
    items = _read_jsonl_file(path, lang) if suffix == ".jsonl" else _read_document(path, suffix, lang)
    yield from _guarded(items, path_where(path))


def _guarded(items: Iterator[Item], where: str) -> Iterator[Item]:
    """``items``; an InputError, or any unexpected failure, while reading them ends this input alone
    with a Rejection, and reading goes on with the next input."""
    try:
        yield from items
    except InputError as err:
        yield Rejection(err.where, err.reason)
    except Exception as err:  # noqa: BLE001 (one bad input never stops a run)
        yield Rejection(where, f"cannot read it ({type(err).__name__}: {err}): fix or remove it, or report this")


def _read_document(path: Path, suffix: str, lang: str | None) -> Iterator[Item]:
    where, key = path_where(path), path_key(path)
    text = decode_bytes(read_bytes(path), where, html=suffix in (".html", ".htm"))
    if not text.strip():
        raise InputError(where, "empty file: nothing to ingest")
    if suffix == ".json":
        yield from _json_articles(parse_json(text, where), where, key, lang)
    else:
        yield article_of(_PARSERS[suffix](text, where), key, where, lang)


def _json_articles(value: object, where: str, key: str, lang: str | None) -> Iterator[Item]:
    """One article for a JSON object, one per item for an array (an id given twice: the last wins)."""
    if not isinstance(value, list):
        yield _record_article(value, where, key, lang)
        return
    if not value:
        yield Rejection(where, "empty JSON array: nothing to ingest")
    items = [_record_article(item, f"{where}:item {n}", f"{key}#{n}", lang) for n, item in enumerate(value, 1)]
    last_of = {item.key: n for n, item in enumerate(items, 1) if isinstance(item, Article)}
    yield from last_wins(enumerate(items, 1), last_of)


def _record_article(value: object, where: str, key: str, lang: str | None) -> Item:
    """An article from a JSON object; its "id" (if any) makes the key."""
    try:
        fields = record_fields(value, where)
    except InputError as err:
        return Rejection(err.where, err.reason)
    return article_of(fields, id_key(fields) or key, where, lang)


def _read_jsonl_file(path: Path, lang: str | None) -> Iterator[Item]:
    with open_file(path) as stream:
        yield from read_jsonl(stream, path_where(path), lang, key_base=path_key(path))
