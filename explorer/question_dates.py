"""Dates as people type them in a question, German or English, to an ISO day.

"2024-05-01", "2024-05", "2024", "1.5.2024", "1. Mai 2024", "1 May 2024", "May 1, 2024", "Mai 2024",
"March 2024".  Month names come from the CLDR data in Babel (wide and abbreviated forms), not from a
list of our own.  A month or a year alone stands for its first day.  Anything else is no date ("").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel.dates import get_month_names

from explorer.search import fold

LOCALES = ("en", "de")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?\s+(\w+)\.?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(\w+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"(\w+)\.?\s+(\d{4})")
_LEAD = re.compile(r"^(?:the|dem|den|der|on|am|im|in)\s+")


@cache
def month_numbers() -> dict[str, int]:
    """Folded month names (wide and abbreviated, English and German) -> 1..12."""
    names: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[fold(name).rstrip(".")] = int(number)
    return names


def parse_day(text: str) -> str:
    """The ISO day ``text`` names ("" when it is no date this module reads)."""
    text = _LEAD.sub("", fold(text).strip(" ?!.,"))
    months = month_numbers()
    for pattern, order in ((_ISO, "ymd"), (_DOTTED, "dmy"), (_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"),
                           (_MONTH_YEAR, "my")):
        found = pattern.fullmatch(text)
        if found:
            parts = dict(zip(order, found.groups(), strict=True))
            return _day(parts.get("y"), parts.get("m"), parts.get("d"), months)
    return ""


def _day(year: str | None, month: str | None, day: str | None, months: dict[str, int]) -> str:
    """ISO day of the parts (a month by number or name); "" when they make no calendar day."""
    number = int(month) if month and month.isdigit() else months.get(month or "", 0) if month else 1
    try:
        return dt.date(int(year or 0), number, int(day or 1)).isoformat()
    except ValueError:
        return ""
