"""Dates as people type them in a question, German or English, to an ISO day.

Full dates are read by ``pipelines.dates.iso_date`` ("2024-05-01", "1.5.2024", "1. Mai 2024",
"May 1, 2024"); a question may also name a month or a year ("Mai 2024", "2024-05", "2024"), which
stands for its first day.  Month names come from the CLDR data in Babel.  Anything else is no date ("").
"""

from __future__ import annotations

import re
from functools import cache

from babel.dates import get_month_names

from explorer.search import fold
from pipelines.dates import iso_date

LOCALES = ("en", "de")
_LEAD = re.compile(r"^(?:the|dem|den|der|on|am|im|in)\s+", re.IGNORECASE)
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_MONTH_YEAR = re.compile(r"(\w+)\.?\s+(\d{4})")


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
    text = _LEAD.sub("", text.strip(" ?!,"))
    try:
        return iso_date(text)
    except ValueError:
        return _month_or_year(fold(text).rstrip("."))


def _month_or_year(text: str) -> str:
    """The first day of "2024", "2024-05" or "Mai 2024" ("" for anything else)."""
    found = _YEAR_MONTH.fullmatch(text)
    if found:
        year, month = int(found.group(1)), int(found.group(2) or 1)
    elif (found := _MONTH_YEAR.fullmatch(text)) and found.group(1) in month_numbers():
        year, month = int(found.group(2)), month_numbers()[found.group(1)]
    else:
        return ""
    return f"{year:04d}-{month:02d}-01" if 1 <= month <= 12 else ""
