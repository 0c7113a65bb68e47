"""Stored values made safe to show: untrusted text as inert text, untrusted dates as ISO dates or nothing.

Streamlit renders ``st.markdown``, headings, captions, alerts, toasts and ``st.table`` cells as
Markdown (with Streamlit's own ``:color[…]``, ``:emoji:`` and ``$math$`` directives), and the
evidence snippets as HTML inside Markdown. ``inert`` writes every character that either language
could read as syntax as a numeric character reference: both decode it back to the character and
neither treats it as markup (CommonMark: "entity references cannot be used in place of symbols
indicating structure"), so ``![x](http://…)`` shows as those characters and fetches nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

# ASCII punctuation that Markdown, GitHub-flavoured Markdown, Streamlit's directives or HTML give
# a meaning to; letters, digits, space, '-', ',', '.', '/', '?', '@' and '%' stay readable.
_SYNTAX = re.compile(r"[\\`*_{}\[\]()#+!|<>&:$~=\"';^]")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# Streamlit's Markdown turns a bare "http://…" or "www.…" in text into a link, even when written with
# character references; an invisible word joiner after the scheme or "www" keeps it plain text.
_AUTOLINK = re.compile(r"(?<=[A-Za-z]:)(?=//)|(?<=\bwww)(?=\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def inert(value: Any) -> str:
    """``value`` as text for Markdown or HTML: shown literally, on one line, never markup or a link."""
    text = _AUTOLINK.sub(WORD_JOINER, _LINE_BREAKS.sub(" ", plain(value)))
    return _SYNTAX.sub(lambda match: f"&#{ord(match.group())};", text)


def plain(value: Any, default: str = "") -> str:
    """A stored value as text: ``default`` for None, NaN and empty values (a NULL title shows as
    missing, not as "None")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return default
    text = str(value)
    return text if text and text not in ("<NA>", "nan") else default


def iso_day(value: Any) -> str:
    """The ``YYYY-MM-DD`` a stored ``published`` starts with, if it is a real date; else "".

    The store keeps what the input said; anything else ("19.06.2024", an RSS date, "2024-02-30")
    counts as undated here rather than breaking a page.
    """
    text = plain(value)[:10]
    if not _ISO_DAY.fullmatch(text):
        return ""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return ""


def number(value: Any, default: float = 0.0) -> float:
    """A finite float, ``default`` for missing or junk values (a score stored as "abc")."""
    try:
        result = float(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return result if math.isfinite(result) else default
