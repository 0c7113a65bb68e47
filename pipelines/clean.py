"""Turn raw article text into the cleaned text that every offset points into.

Pure functions, no I/O.  The cleaned text starts with the title line, then a
blank line, then the body paragraphs separated by blank lines.  Kept lines
are never changed inside: only whitespace at their ends, line endings and
Unicode normalisation (NFC) differ from the input.  Boilerplate lines are
dropped by the rules kept as data below.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_TITLE_CHARS = 200
"""A first line longer than this is body text, not a title."""

SITE_SEPARATORS = (" – ", " — ", " | ", " - ")
"""Separators between a headline and a trailing site name."""

MAX_SITE_WORDS = 3

ALWAYS_DROP_PREFIXES = (
    "PREV",
    "NEXT",
    "Weiterlesen",
    "Lesen Sie auch",
    "Lesen Sie mehr",
    "Mehr zum Thema",
    "Das könnte Sie auch interessieren",
    "Read more",
    "Read also",
    "Related:",
    "Related articles",
    "Related stories",
    "Advertisement",
    "Anzeige",
    "Werbung",
    "Wir verwenden Cookies",
    "Diese Website verwendet Cookies",
    "Diese Seite verwendet Cookies",
    "We use cookies",
    "This website uses cookies",
    "This site uses cookies",
    "©",
    "(c) ",
    "Alle Rechte vorbehalten",
    "All rights reserved",
)
"""A line starting with one of these (as whole words) is navigation, a teaser,
an advert, a cookie banner or a copyright notice, whatever follows."""

SHORT_LINE_DROP_PREFIXES = (
    "Previous",
    "Next",
    "Vorheriger Artikel",
    "Nächster Artikel",
    "Zurück",
    "Share",
    "Teilen",
    "Related",
    "Copyright",
    "Follow us",
    "Folgen Sie uns",
    "Newsletter",
    "Abonnieren",
    "Subscribe",
)
"""These also start ordinary sentences ("Next week, …", "Share prices …"), so
a line starting with one is dropped only when it looks like a link or a label:
short (at most ``MAX_LABEL_WORDS`` words) and not ending like a sentence."""

MAX_LABEL_WORDS = 12

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\ufeff]")
# Lone surrogates (from a JSON "\\ud800" escape) cannot be stored or printed as UTF-8.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_DAMAGE = re.compile(r"[\x00\ud800-\udfff]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning: the title without site name, the text, and
    the site name split off the title ("" when there was none)."""

    title: str
    text: str
    site_name: str = ""


def clean_article(raw_text: str, title: str = "") -> tuple[str, str]:
    """Clean an article; return ``(title, cleaned_text)``.

    An empty ``title`` is taken from the first line when that looks like a
    headline (see ``guess_title``).
    """
    cleaned = clean(raw_text, title)
    return cleaned.title, cleaned.text


def clean(raw_text: str, title: str = "") -> Cleaned:
    """Clean an article and keep the site name split off its title."""
    lines = normalize(raw_text).split("\n")
    raw_title = _one_line(title) or guess_title(lines)
    short_title, site_name = split_site_name(raw_title)
    repeats = {_fold(raw_title), _fold(short_title)} - {""}
    body = _join_paragraphs(_drop_boilerplate(lines, repeats))
    return Cleaned(short_title, _with_title(short_title, body), site_name)


def normalize(text: str) -> str:
    """NFC, "\\n" line endings, no invisible control characters, lone
    surrogates as U+FFFD, no whitespace at line ends."""
    text = _SURROGATES.sub("\ufffd", _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text)))
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def guess_title(lines: list[str]) -> str:
    """The first non-empty line if it reads like a headline: at most
    ``MAX_TITLE_CHARS`` characters and not ending with a period; else ""."""
    first = next((line.strip() for line in lines if line.strip()), "")
    if len(first) > MAX_TITLE_CHARS or first.endswith((".", "…")):
        return ""
    return "" if is_boilerplate(first) else first


def split_site_name(title: str) -> tuple[str, str]:
    """Split a trailing site name off a headline.

    "Putin besucht Nordkorea – Escambray" -> ("Putin besucht Nordkorea",
    "Escambray").  The suffix must be 1 to ``MAX_SITE_WORDS`` words after the
    last separator, and the headline before it longer than the suffix.
    """
    cut = max((title.rfind(sep), sep) for sep in SITE_SEPARATORS)
    position, separator = cut
    if position <= 0:
        return title, ""
    head, site = title[:position].strip(), title[position + len(separator) :].strip()
    site_words, head_words = len(site.split()), len(head.split())
    if not 1 <= site_words <= MAX_SITE_WORDS or head_words <= site_words:
        return title, ""
    return head, site


def is_boilerplate(line: str) -> bool:
    """Whether a (stripped, non-empty) line is navigation, an advert, a
    banner, a copyright notice, or only punctuation such as "-"."""
    if not any(char.isalnum() for char in line):
        return True
    # str.startswith with a tuple rejects most lines in one C call before the word-end check.
    if line.startswith(ALWAYS_DROP_PREFIXES) and any(
        _starts_with_word(line, prefix) for prefix in ALWAYS_DROP_PREFIXES
    ):
        return True
    return _looks_like_label(line) and line.startswith(SHORT_LINE_DROP_PREFIXES) and any(
        _starts_with_word(line, prefix) for prefix in SHORT_LINE_DROP_PREFIXES
    )


def _starts_with_word(line: str, prefix: str) -> bool:
    """``line`` starts with ``prefix`` and the prefix ends at a word end."""
    if not line.startswith(prefix):
        return False
    rest = line[len(prefix) :]
    return not rest or not (prefix[-1].isalnum() and rest[0].isalnum())


def _looks_like_label(line: str) -> bool:
    return len(line.split()) <= MAX_LABEL_WORDS and not line.endswith((".", "!", "?", "…"))


def _drop_boilerplate(lines: list[str], title_keys: set[str]) -> list[str]:
    """Replace dropped lines by blank lines, so paragraphs stay apart."""
    return [
        "" if line and (_fold(line) in title_keys or is_boilerplate(line)) else line
        for line in lines
    ]


def _join_paragraphs(lines: list[str]) -> str:
    """Join lines; any run of blank lines becomes one paragraph break."""
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _with_title(title: str, body: str) -> str:
    """The body with the title line in front, unless it already starts so."""
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}" if body else title


def _one_line(title: str) -> str:
    return clean_value(title)


def clean_value(value: str) -> str:
    """A metadata value (title, id, source, url) on one line: NFC, no control characters, lone
    surrogates replaced by U+FFFD, runs of white space as one space."""
    value = _SURROGATES.sub("\ufffd", _INVISIBLE.sub("", value))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def is_damaged(value: str) -> bool:
    """Whether ``value`` holds NUL bytes or lone surrogates: characters no database or terminal takes,
    which cleaning removes or replaces (and a reader should warn about)."""
    return _DAMAGE.search(value) is not None


def _fold(line: str) -> str:
    """A comparison key: case-folded, whitespace collapsed."""
    return " ".join(line.split()).casefold()
