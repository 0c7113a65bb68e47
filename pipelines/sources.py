"""Reading files, folders and JSON lines into clean ``Article`` records.

Everything that cannot be read becomes a ``Rejection`` that says where and
why, and reading goes on with the next file or line: one bad input never
stops an ingest.

Formats, chosen by file suffix (case-insensitive):

- ``.txt``, ``.md``: optional YAML front matter (``title``, ``published``,
  ``source``, ``url``, ``lang``, ``id``); Markdown syntax is reduced to text.
- ``.html``, ``.htm``: main text and metadata found by trafilatura.
- ``.json``: one article object, or an array of them.
- ``.jsonl`` and stdin (``-``): one article object per line, streamed.

Article objects are ``{"text", "id"?, "lang"?, "title"?, "published"?,
"source"?, "url"?}``.  A language given by the article wins over the
``lang`` argument, which wins over detection.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from pipelines.clean import clean
from pipelines.errors import InputError
from pipelines.formats import (
    Fields,
    decode_bytes,
    parse_html,
    parse_json,
    parse_markdown,
    parse_text,
    record_fields,
)
from pipelines.keys import content_hash
from pipelines.language import detect_language, normalize_code
from pipelines.records import Article

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")

MAX_BYTES = 10 * 1024 * 1024
# A folder's own documentation ("README.md") is not an article; given by path, it is read like any file.
FOLDER_DOCS = frozenset({"README", "LICENSE", "CHANGELOG", "NOTICE"})
"""Largest .txt/.md/.html/.json file, and largest JSONL line, in bytes
(10 MiB).  News articles are 5-100 kB; anything near this size is a dump of
many articles, which belongs in a .jsonl file, one article per line (a
.jsonl file itself is streamed and may be of any size)."""

STDIN = "-"
STDIN_WHERE = "<stdin>"

_PARSERS: dict[str, Callable[[str, str], Fields]] = {
    ".txt": parse_text,
    ".md": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}


_BINARY_LINE = "binary data (found NUL bytes): not JSON lines; stopped reading this input"
_ONLY_BOILERPLATE = "no article text left after removing navigation and boilerplate lines: nothing to ingest"


@dataclass(frozen=True)
class Rejection:
    """An input that was not turned into an article.

    ``where`` is a file path, ``path:line N``, ``path:item N`` or
    ``<stdin>:line N``; ``reason`` says what is wrong and what to do.
    """

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


Item = Article | Rejection


def read_paths(paths: Iterable[str | Path], lang: str | None = None) -> Iterator[Item]:
    """Articles from files, folders (recursively) and ``-`` (JSONL on stdin).

    Folders are read in sorted order; hidden files and folders, files with
    unsupported suffixes and symlinked folders inside them are skipped.  A
    file reached twice is read once.  Raises InputError at once for a
    ``lang`` that is no language code.
    """
    _check_lang(lang)
    return _read_all(paths, lang)


def _check_lang(lang: str | None) -> None:
    try:
        normalize_code(lang)
    except ValueError as err:
        raise InputError("lang", str(err)) from err


def _read_all(paths: Iterable[str | Path], lang: str | None) -> Iterator[Item]:
    seen: set[Path] = set()
    for path in paths:
        if str(path) == STDIN:
            yield from read_jsonl(_stdin(), STDIN_WHERE, lang)
        else:
            yield from _read_path(Path(path), lang, seen)


def _stdin() -> IO[bytes] | IO[str]:
    return getattr(sys.stdin, "buffer", sys.stdin)


def _read_path(path: Path, lang: str | None, seen: set[Path]) -> Iterator[Item]:
    if not path.exists():
        yield Rejection(str(path), "no such file or folder: check the path")
        return
    for found in _walk(path) if path.is_dir() else [path]:
        if isinstance(found, Rejection):
            yield found
        elif found.resolve() not in seen:
            seen.add(found.resolve())
            yield from read_file(found, lang)


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    """Supported, non-hidden files under ``folder``, sorted by name."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield Rejection(str(folder), f"cannot list folder ({err.strerror}): check its permissions")
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.stem.upper() in FOLDER_DOCS:
            continue
        if entry.is_dir():
            yield from () if entry.is_symlink() else _walk(entry)
        elif entry.suffix.lower() in SUPPORTED_SUFFIXES:
            yield entry


def files_in(folder: Path) -> Iterator[Path]:
    """The files ``read_paths`` would read from ``folder`` (same skipping rules)."""
    return (entry for entry in _walk(folder) if isinstance(entry, Path))


def read_file(path: Path, lang: str | None = None) -> Iterator[Item]:
    """The article (or articles, for .json arrays and .jsonl) in one file."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "without suffix"
        supported = ", ".join(SUPPORTED_SUFFIXES)
        yield Rejection(str(path), f"unsupported file type {shown}: use one of {supported}")
        return
    try:
        yield from _read_jsonl_file(path, lang) if suffix == ".jsonl" else _read_document(path, suffix, lang)
    except InputError as err:
        yield Rejection(err.where, err.reason)


def _read_document(path: Path, suffix: str, lang: str | None) -> Iterator[Item]:
    where, key = str(path), str(path.resolve())
    text = decode_bytes(_read_bytes(path), where, html=suffix in (".html", ".htm"))
    if not text.strip():
        raise InputError(where, "empty file: nothing to ingest")
    if suffix == ".json":
        yield from _json_articles(parse_json(text, where), where, key, lang)
    else:
        yield _article(_PARSERS[suffix](text, where), key, where, lang)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; InputError if it is too large or unreadable."""
    where = str(path)
    try:
        _check_size(path.stat().st_size, where)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError as err:
        raise InputError(where, "permission denied: make the file readable") from err
    except OSError as err:
        raise InputError(where, f"cannot read file ({err.strerror}): check it") from err
    _check_size(len(data), where)
    return data


def _check_size(size: int, where: str) -> None:
    if size > MAX_BYTES:
        sizes = f"{size / 2**20:.1f} MiB, limit {MAX_BYTES / 2**20:.0f} MiB"
        raise InputError(where, f"file too large ({sizes}): split it, or write its articles as JSONL, one per line")


def _json_articles(value: object, where: str, key: str, lang: str | None) -> Iterator[Item]:
    """One article for a JSON object, one per item for an array."""
    if not isinstance(value, list):
        yield _record_article(value, where, key, lang)
        return
    if not value:
        yield Rejection(where, "empty JSON array: nothing to ingest")
    for number, item in enumerate(value, 1):
        yield _record_article(item, f"{where}:item {number}", f"{key}#{number}", lang)


def _record_article(value: object, where: str, key: str, lang: str | None) -> Item:
    """An article from a JSON object; its "id" (if any) makes the key."""
    try:
        fields = record_fields(value, where)
    except InputError as err:
        return Rejection(err.where, err.reason)
    return _article(fields, f"id:{fields.id}" if fields.id else key, where, lang)


# JSON lines -----------------------------------------------------------------


def _read_jsonl_file(path: Path, lang: str | None) -> Iterator[Item]:
    try:
        stream = path.open("rb")
    except PermissionError as err:
        raise InputError(str(path), "permission denied: make the file readable") from err
    except OSError as err:
        raise InputError(str(path), f"cannot read file ({err.strerror}): check it") from err
    with stream:
        yield from read_jsonl(stream, str(path), lang, key_base=str(path.resolve()))


def read_jsonl(
    stream: IO[bytes] | IO[str], where: str, lang: str | None = None, *, key_base: str | None = None
) -> Iterator[Item]:
    """Articles from JSON lines, read one line at a time.

    Blank lines are skipped; a bad line becomes a Rejection and reading goes
    on, except after a line with NUL bytes (binary data), where it stops.
    Keys: ``id:<id>`` for lines with an id, else ``<key_base>#<line>``, or
    ``stdin:<hash[:16]>`` when ``key_base`` is None.
    """
    count = 0
    for number, raw in _lines(stream):
        line_where = f"{where}:line {number}"
        if raw is not None and _has_nul(raw):
            yield Rejection(line_where, _BINARY_LINE)
            return
        item = _line_item(raw, line_where, number, key_base, lang)
        if item is not None:
            count += 1
            yield item
    if not count:
        yield Rejection(where, "empty input: no JSON lines to ingest")


def _lines(stream: IO[bytes] | IO[str]) -> Iterator[tuple[int, bytes | str | None]]:
    """Numbered lines; None for a line longer than MAX_BYTES (skipped)."""
    number = 0
    while line := stream.readline(MAX_BYTES + 1):
        number += 1
        if len(line) > MAX_BYTES and not _ends_line(line):
            _skip_rest_of_line(stream)
            yield number, None
        else:
            yield number, line


def _ends_line(line: bytes | str) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _has_nul(line: bytes | str) -> bool:
    return (b"\x00" in line) if isinstance(line, bytes) else ("\x00" in line)


def _skip_rest_of_line(stream: IO[bytes] | IO[str]) -> None:
    while (chunk := stream.readline(1 << 20)) and not _ends_line(chunk):
        pass


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
    key = f"id:{fields.id}" if fields.id else f"{key_base}#{number}" if key_base else ""
    article = _article(fields, key, where, lang)
    if isinstance(article, Article) and not key:
        return dataclasses.replace(article, key=f"stdin:{article.content_hash[:16]}")
    return article


def _line_text(raw: bytes | str | None, where: str, number: int) -> str:
    if raw is None:
        raise InputError(where, f"line longer than {MAX_BYTES // 2**20} MiB: shorten or split that article")
    if isinstance(raw, str):
        return raw.lstrip("\ufeff") if number == 1 else raw
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as err:
        reason = f"invalid UTF-8 at byte {err.start} of the line: JSON lines must be UTF-8; re-save as UTF-8"
        raise InputError(where, reason) from err


# Articles ---------------------------------------------------------------------


def _article(fields: Fields, key: str, where: str, lang: str | None) -> Item:
    return article_from_fields(
        fields.text,
        key=key,
        given_id=fields.id or None,
        title=fields.title,
        published=fields.published,
        source=fields.source,
        url=fields.url,
        lang=fields.lang or lang,
        where=where,
    )


def article_from_fields(
    text: str,
    *,
    key: str,
    given_id: str | None = None,
    title: str = "",
    published: str = "",
    source: str = "",
    url: str = "",
    lang: str | None = None,
    where: str | None = None,
) -> Item:
    """Clean ``text`` and build the Article, shared by all formats.

    The language is ``lang`` unless that is None or "auto", then detected;
    ``content_hash`` is that of the cleaned text, and ``id`` is ``given_id``
    or the hash's first 16 characters.  A site name split off the title
    becomes ``source`` when none is given.  Rejections name ``where``
    (default: ``key``).
    """
    where = where or key
    cleaned = clean(text, title)
    if not cleaned.text.strip():
        return Rejection(where, _ONLY_BOILERPLATE)
    try:
        language = detect_language(cleaned.text, lang)
    except ValueError as err:
        return Rejection(where, str(err))
    digest = content_hash(cleaned.text)
    return Article(
        id=given_id or digest[:16],
        key=key,
        text=cleaned.text,
        lang=language,
        title=cleaned.title,
        published=published,
        source=source or cleaned.site_name,
        url=url,
        content_hash=digest,
    )
