"""Reading one article's fields out of each input format, before cleaning.

Each parser takes decoded text and the place it came from (``where``, used in
error messages) and returns ``Fields``, or raises ``InputError`` naming what
is wrong and what to do.  Decoding bytes to text is here too.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import charset_normalizer
import yaml

from pipelines.errors import InputError

PREFERRED_LEGACY_ENCODINGS = ("cp1252",)
"""Chosen when charset-normalizer finds one of them as plausible as its best
guess: for short Western European text it otherwise picks look-alikes such as
cp775 or hp_roman8 that turn "ä" into "õ"."""

FIELD_NAMES = ("id", "title", "published", "source", "url", "lang")
"""The optional fields of an article object, besides "text"."""

MAX_NESTING = 64
"""Deepest nesting of JSON arrays and objects read (an article object is 1 or 2 levels deep); deeper
input is rejected before parsing, as Python's parsers would fail on it with a RecursionError."""

MIN_HTML_WORDS = 10
"""trafilatura falls back to any text of a page; fewer words than this are
navigation or a teaser, not an article."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_LATIN1_ALIASES = {"latin1", "latin_1", "iso8859_1", "ascii"}


@dataclass(frozen=True)
class Fields:
    """An article as one format gives it: raw text and metadata strings
    ("" when absent)."""

    text: str
    id: str = ""
    title: str = ""
    published: str = ""
    source: str = ""
    url: str = ""
    lang: str = ""


# Decoding -------------------------------------------------------------------


def decode_bytes(data: bytes, where: str, *, html: bool = False) -> str:
    """Decode a file's bytes: a BOM wins, then strict UTF-8, then (for HTML)
    a declared ``<meta charset>``, then charset-normalizer's best legacy guess.

    Raises InputError for binary data and for UTF-8 with invalid bytes that
    no single encoding explains.
    """
    bom_encoding = _bom_encoding(data)
    if bom_encoding:
        return _decode_or_reject(data, bom_encoding, where)
    if b"\x00" in data:
        raise InputError(where, "binary file (found NUL bytes): not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _decode_not_utf8(data, err, where, html)


def _bom_encoding(data: bytes) -> str:
    return next((name for bom, name in _BOMS if data.startswith(bom)), "")


def _decode_or_reject(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        reason = f"invalid {encoding} at byte {err.start} after a {encoding} byte order mark: re-save it as UTF-8"
        raise InputError(where, reason) from err


def _decode_not_utf8(data: bytes, err: UnicodeDecodeError, where: str, html: bool) -> str:
    """Decode data that is not valid UTF-8 (see ``decode_bytes``)."""
    if _cut_inside_last_character(data, err):
        return data[: err.start].decode("utf-8")
    if _mostly_utf8(data):
        found = f"invalid UTF-8 at byte {err.start} (0x{data[err.start]:02X}) and no other encoding fits"
        raise InputError(where, f"{found} (the rest is UTF-8): fix that character or re-save the file as UTF-8")
    encoding = (_declared_charset(data) if html else "") or _guess_legacy_encoding(data)
    if not encoding:
        raise InputError(where, "binary file (no text encoding fits): not an article")
    return data.decode(encoding)


def _cut_inside_last_character(data: bytes, err: UnicodeDecodeError) -> bool:
    """Valid UTF-8 with non-ASCII text, only its last character cut short
    (as in a truncated download): the partial character is dropped."""
    truncated = err.end == len(data) and err.reason == "unexpected end of data"
    return truncated and _NON_ASCII.search(data[: err.start].decode("utf-8")) is not None


def _mostly_utf8(data: bytes) -> bool:
    """More valid non-ASCII UTF-8 characters than invalid bytes: a UTF-8 file
    with damage, which a single-byte encoding would turn into mojibake."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    return len(_NON_ASCII.findall(text)) - invalid > invalid


def _declared_charset(data: bytes) -> str:
    """The ``<meta charset>`` of an HTML page if it decodes the page, else ""."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return ""
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
        name = "cp1252" if name.replace("-", "_") in _LATIN1_ALIASES else name
        data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return ""
    return name


def _guess_legacy_encoding(data: bytes) -> str:
    """charset-normalizer's least chaotic decoding, preferring
    ``PREFERRED_LEGACY_ENCODINGS``; "" when nothing fits (binary data)."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return ""
    least = min(match.chaos for match in matches)
    calm = [match for match in matches if match.chaos <= least]
    for preferred in PREFERRED_LEGACY_ENCODINGS:
        if any(preferred in match.could_be_from_charset for match in calm):
            return preferred
    plausible = [m.encoding for m in calm if not m.encoding.startswith(("utf_16", "utf_32"))]
    return plausible[0] if plausible else ""


# Plain text and Markdown ----------------------------------------------------

class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, except that dates stay strings: ``published: 2024-02-30`` must become a
    warning about that article, not a ValueError from the loader (``pipelines.dates`` reads them)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_YAML_KEY = re.compile(r"\s*(#.*)?\Z|[A-Za-z_][\w-]*\s*:")


def parse_text(text: str, where: str) -> Fields:
    """A plain-text article with optional YAML front matter."""
    meta, body = split_front_matter(text, where)
    return _fields_from(meta, body, where)


def parse_markdown(text: str, where: str) -> Fields:
    """A Markdown article with optional YAML front matter; a leading
    ``# Heading`` is the title unless the front matter has one."""
    meta, body = split_front_matter(text, where)
    heading, body = strip_markdown(body)
    fields = _fields_from(meta, body, where)
    if fields.title or not heading:
        return fields
    return _fields_from({**meta, "title": heading}, body, where)


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """Split ``---`` YAML front matter off a text; ``({}, text)`` without one.

    A leading ``---`` block counts as front matter only when its first line
    looks like ``key:`` (so a text starting with a ``---`` rule is just text).
    """
    match = _FRONT_MATTER.match(text)
    if not match or not _YAML_KEY.match(match.group(1) or ""):
        return {}, text
    try:
        meta = yaml.load(match.group(1) or "", Loader=_FrontMatterLoader) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as err:
        reason = f"front matter is not valid YAML ({_yaml_problem(err)}): fix it or remove the --- block"
        raise InputError(where, reason) from err
    except RecursionError as err:
        raise InputError(where, "front matter is nested too deeply: fix it or remove the --- block") from err
    except ValueError as err:  # a number too long to convert, for one
        raise InputError(where, f"front matter has {_unreadable_value(err)}: fix it or remove the --- block") from err
    if not isinstance(meta, dict):
        raise InputError(where, "front matter is not `key: value` fields: fix it or remove the --- block")
    return meta, text[match.end() :]


def _yaml_problem(err: yaml.YAMLError) -> str:
    mark = getattr(err, "problem_mark", None)
    problem = getattr(err, "problem", None) or "syntax error"
    return f"{problem} at line {mark.line + 2}" if mark else str(problem)


_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MARKDOWN_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^ {0,3}> ?"), ""),
)
"""Markdown syntax replaced by its text: images (dropped), links, reference
links, strong, emphasis, inline code, block quote markers."""
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")


def strip_markdown(text: str) -> tuple[str, str]:
    """Markdown to plain text, line by line: ``(leading H1 text or "", text)``."""
    lines = [_plain_line(line) for line in text.splitlines() if not _LINK_DEFINITION.match(line)]
    first = next((line for line in text.splitlines() if line.strip()), "")
    heading = _HEADING.match(first)
    title = _plain_line(first) if heading and len(heading.group(1)) == 1 else ""
    return title, "\n".join(lines)


def _plain_line(line: str) -> str:
    heading = _HEADING.match(line)
    line = heading.group(2) if heading else line
    for pattern, replacement in _MARKDOWN_INLINE:
        line = pattern.sub(replacement, line)
    return line


# JSON -------------------------------------------------------------------------


def parse_json(text: str, where: str) -> Any:
    """A JSON value; InputError naming the position of a syntax error, or saying that the value is
    nested deeper than MAX_NESTING or holds a number Python will not convert (over 4,300 digits)."""
    if json_nesting(text) > MAX_NESTING:
        raise InputError(where, f"JSON nested more than {MAX_NESTING} levels deep: not an article; fix or remove it")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        position = f"line {err.lineno}, column {err.colno}" if err.lineno > 1 else f"column {err.colno}"
        raise InputError(where, f"invalid JSON ({err.msg} at {position}): fix or remove it") from err
    except RecursionError as err:  # MAX_NESTING makes this unlikely; never let it abort a run
        raise InputError(where, "JSON nested too deeply: not an article; fix or remove it") from err
    except ValueError as err:
        raise InputError(where, f"JSON has {_unreadable_value(err)}: fix or remove it") from err


def _unreadable_value(err: ValueError) -> str:
    """What a parser's ValueError means, without Python's advice to change interpreter limits."""
    if "integer string conversion" in str(err):
        return f"a number with more than {sys.get_int_max_str_digits():,} digits"
    return f"a value that cannot be read ({str(err).split(';')[0]})"


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def json_nesting(text: str) -> int:
    """How deeply arrays and objects nest in JSON ``text`` (brackets inside strings do not count),
    found without parsing: about 0.2 s for 10 MiB."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def record_fields(value: Any, where: str) -> Fields:
    """The fields of one article object ``{"text", "id"?, "title"?, …}``."""
    if not isinstance(value, dict):
        example = '{"id": "…", "text": "…"}'
        raise InputError(where, f"a JSON {_json_type(value)} is not an article: write an object like {example}")
    text = value.get("text")
    if text is None:
        raise InputError(where, 'missing "text": every article needs its text')
    if not isinstance(text, str):
        raise InputError(where, f'"text" is a JSON {_json_type(text)}: it must be a string')
    if not text.strip():
        raise InputError(where, 'empty "text": nothing to ingest')
    return _fields_from(value, text, where)


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


# HTML ---------------------------------------------------------------------------


def parse_html(html: str, where: str) -> Fields:
    """The main text and metadata of an HTML page, found by trafilatura
    (which only parses the given string here and never fetches anything)."""
    document = _bare_extraction(where)(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
    )
    text = (getattr(document, "text", None) or "").strip()
    if len(text.split()) < MIN_HTML_WORDS:
        raise InputError(where, "no main text found in the HTML page: not an article, or its text comes from scripts")
    meta = {name: getattr(document, attribute, None) for name, attribute in _HTML_FIELDS}
    return _fields_from(meta, _paragraphs(text), where)


_HTML_FIELDS = (("title", "title"), ("published", "date"), ("source", "sitename"), ("url", "url"))


def _bare_extraction(where: str) -> Callable[..., Any]:
    try:
        from trafilatura import bare_extraction
    except ImportError as err:
        first_line = str(err).splitlines()[0] if str(err) else type(err).__name__
        reason = f"cannot read HTML: trafilatura does not load ({first_line}); install the project's requirements"
        raise InputError(where, reason) from err
    return bare_extraction


def _paragraphs(text: str) -> str:
    """trafilatura puts one block per line; make each a paragraph."""
    return "\n\n".join(line for line in text.splitlines() if line.strip())


# Metadata values ---------------------------------------------------------------


def _fields_from(meta: Mapping[str, Any], text: str, where: str) -> Fields:
    values = {name: metadata_value(meta.get(name), name, where) for name in FIELD_NAMES}
    return Fields(text=text, **values)


def metadata_value(value: Any, name: str, where: str) -> str:
    """A metadata field as a string: dates as YYYY-MM-DD, numbers as
    written, None as ""; InputError for lists and objects."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    if isinstance(value, (list, dict)):
        raise InputError(where, f'"{name}" must be a single value, not a list or object: fix it')
    return str(value).strip()
