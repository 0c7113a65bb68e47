"""Articles from JSON lines (a .jsonl file or stdin), one line at a time.

Each line is read on its own: a bad line becomes a Rejection and reading goes on.  An id given
twice in one input is kept once, the last line wins (``articles.last_wins``): a first pass over
the input finds the last line of each id, so the stream must be rewindable; stdin from a pipe is
first copied to a temporary file (in memory up to SPOOL_MEMORY bytes).
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from pipelines.articles import Item, article_of, id_key, last_wins
from pipelines.errors import InputError
from pipelines.files import MAX_BYTES
from pipelines.formats import parse_json, record_fields
from pipelines.records import Article, Rejection

MAX_LINE_BYTES = MAX_BYTES
SPOOL_MEMORY = 64 * 1024 * 1024

Stream = IO[bytes] | IO[str]
_BINARY_LINE = "binary data (found NUL bytes): not JSON lines; stopped reading this input"


def read_jsonl(stream: Stream, where: str, lang: str | None = None, *, key_base: str | None = None) -> Iterator[Item]:
    """Articles from JSON lines, read one line at a time.

    Blank lines are skipped; a bad line becomes a Rejection and reading goes
    on, except after a line with NUL bytes (binary data), where it stops.
    Keys: ``id:<id>`` for lines with an id, else ``<key_base>#<line>``, or
    ``stdin:<hash[:16]>`` when ``key_base`` is None.
    """
    with _rewindable(stream) as lines:
        start = lines.tell()
        last_of = _last_lines(lines)
        lines.seek(start)
        yield from last_wins(_numbered_items(lines, where, lang, key_base), last_of)


@contextmanager
def _rewindable(stream: Stream) -> Iterator[Stream]:
    """``stream`` itself when it can seek, else a temporary copy of it."""
    if _seekable(stream):
        yield stream
        return
    mode = "w+" if isinstance(stream, io.TextIOBase) else "w+b"
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_MEMORY, mode=mode) as spool:
        shutil.copyfileobj(stream, spool)  # type: ignore[misc]
        spool.seek(0)
        yield spool


def _seekable(stream: Stream) -> bool:
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _last_lines(stream: Stream) -> dict[str, int]:
    """The number of the last line of each id key (the first pass for ``last_wins``)."""
    last_of: dict[str, int] = {}
    for number, raw in _lines(stream):
        if raw is not None and _has_nul(raw):
            break
        # A line without the text "id" has no id (a key escaped as "\u0069d" would slip through).
        if raw is not None and ('"id"' in raw if isinstance(raw, str) else b'"id"' in raw):
            key = _line_key(raw, number)
            if key:
                last_of[key] = number
    return last_of


def _line_key(raw: bytes | str, number: int) -> str:
    try:
        return id_key(record_fields(parse_json(_line_text(raw, "", number), ""), ""))
    except Exception:  # noqa: BLE001 (a bad line is reported by the second pass)
        return ""


def _numbered_items(stream: Stream, where: str, lang: str | None, key_base: str | None) -> Iterator[tuple[int, Item]]:
    count = 0
    for number, raw in _lines(stream):
        line_where = f"{where}:line {number}"
        if raw is not None and _has_nul(raw):
            yield number, Rejection(line_where, _BINARY_LINE)
            return
        item = _guarded_line_item(raw, line_where, number, key_base, lang)
        if item is not None:
            count += 1
            yield number, item
    if not count:
        yield 0, Rejection(where, "empty input: no JSON lines to ingest")


def _lines(stream: Stream) -> Iterator[tuple[int, bytes | str | None]]:
    """Numbered lines; None for a line longer than MAX_LINE_BYTES (skipped)."""
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES and not _ends_line(line):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def _ends_line(line: bytes | str) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _has_nul(line: bytes | str) -> bool:
    return (b"\x00" in line) if isinstance(line, bytes) else ("\x00" in line)


def _skip_rest_of_line(stream: Stream) -> None:
    while (chunk := stream.readline(1 << 20)) and not _ends_line(chunk):
        pass


def _guarded_line_item(
    raw: bytes | str | None, where: str, number: int, key_base: str | None, lang: str | None
) -> Item | None:
    """``_line_item``, with any unexpected failure turned into a Rejection of that line alone."""
    try:
        return _line_item(raw, where, number, key_base, lang)
    except Exception as err:  # noqa: BLE001 (one bad line never stops a run)
        return Rejection(where, f"cannot read this line ({type(err).__name__}: {err}): fix or remove it")


def _line_item(
    raw: bytes | str | None, where: str, number: int, key_base: str | None, lang: str | None
) -> Item | None:
    """The article of one JSON line, a Rejection, or None for a blank line."""
    try:
        text = _line_text(raw, where, number)
        if not text.strip():
            return None
        fields = record_fields(parse_json(text, where), where)
    except InputError as err:
        return Rejection(err.where, err.reason)
    article = article_of(fields, id_key(fields) or (f"{key_base}#{number}" if key_base else ""), where, lang)
    if isinstance(article, Article) and not article.key:
        return dataclasses.replace(article, key=f"stdin:{article.content_hash[:16]}")
    return article


def _line_text(raw: bytes | str | None, where: str, number: int) -> str:
    if raw is None:
        raise InputError(where, f"line longer than {MAX_LINE_BYTES // 2**20} MiB: shorten or split that article")
    if isinstance(raw, str):
        return raw.lstrip("\ufeff") if number == 1 else raw
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as err:
        reason = f"invalid UTF-8 at byte {err.start} of the line: JSON lines must be UTF-8; re-save as UTF-8"
        raise InputError(where, reason) from err
