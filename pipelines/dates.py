"""Publication dates as ISO dates (YYYY-MM-DD), from the formats news feeds and pages use.

Understood: ISO 8601 dates and date-times ("2024-06-19", "2024-06-19T10:00:00+02:00"), RFC 822
dates of RSS feeds and mail ("Wed, 19 Jun 2024 10:00:00 GMT"), German numeric dates ("19.06.2024"),
and dates with an English or German month name ("19. Juni 2024", "June 19, 2024", "19 Jun 2024",
"Mittwoch, 19. Juni 2024").  The date is the one written, never converted to another time zone:
"2024-06-19T23:30-05:00" is 19 June, the publisher's day.  Anything else, an impossible date
("2024-02-30"), a date without day, month or year, and a numeric date that reads two ways
("06/07/2024") raise ValueError with the reason.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable
from typing import TypeVar

from babel.dates import get_day_names, get_month_names
from dateutil import parser as dateutil_parser

NAME_LANGUAGES = ("de",)
"""Languages whose month and weekday names (from CLDR, via babel) are understood besides English."""

EXAMPLES = "2024-06-19, 19.06.2024, 19. Juni 2024, June 19, 2024 or an RSS date such as Wed, 19 Jun 2024 10:00:00 GMT"

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\S.*)?")
_RFC_822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}.*")
_DOTTED = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+\d{1,2}[:.]\d{2}.*)?")
_LETTER = re.compile(r"[^\W\d_]")
_T = TypeVar("_T")


def iso_date(value: str | dt.date) -> str:
    """The ISO date (YYYY-MM-DD) of a publication date; ValueError saying why when it is none."""
    if isinstance(value, dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = " ".join(value.split())
    for parse in _PARSERS:
        found = parse(text)
        if found is not None:
            return found.isoformat()
    raise ValueError(f"{value!r} is not a date we understand (write it as {EXAMPLES})")


def _iso(text: str) -> dt.date | None:
    match = _ISO.fullmatch(text)
    if not match:
        return None
    if len(text) > 10:
        _checked(dt.datetime.fromisoformat, text)
    return _checked_date(text, *match.groups())


def _rfc_822(text: str) -> dt.date | None:
    if not _RFC_822.fullmatch(text):
        return None
    return _checked(email.utils.parsedate_to_datetime, text).date()


def _dotted(text: str) -> dt.date | None:
    match = _DOTTED.fullmatch(text)
    return _checked_date(text, *reversed(match.groups())) if match else None


def _with_month_name(text: str) -> dt.date | None:
    """A date with a month name, by dateutil; every part must be given, and the day and month must
    not be interchangeable (as in "06/07/2024")."""
    if not _LETTER.search(text):
        return _numeric(text)
    return _complete(text, dayfirst=True)


def _numeric(text: str) -> dt.date | None:
    """Other numeric dates ("19/06/2024"), when they read one way only."""
    day_first, month_first = _complete(text, dayfirst=True), _complete(text, dayfirst=False)
    if day_first != month_first:
        raise ValueError(f"{text!r} reads as {day_first} or {month_first}: write it as an ISO date (YYYY-MM-DD)")
    return day_first


def _complete(text: str, dayfirst: bool) -> dt.date:
    """dateutil's reading of ``text``; ValueError when it misses the day, month or year (dateutil
    would fill them in from a default, so two defaults that differ in each part tell)."""
    first, second = (_dateutil(text, dayfirst, dt.datetime(year, year, year)) for year in (1, 2))
    if first != second:
        raise ValueError(f"{text!r} is not a full date (it needs day, month and year)")
    return first.date()


def _dateutil(text: str, dayfirst: bool, default: dt.datetime) -> dt.datetime:
    try:
        return dateutil_parser.parse(text, parserinfo=_NAMES, dayfirst=dayfirst, default=default, ignoretz=True)
    except (ValueError, OverflowError) as err:
        raise ValueError(f"{text!r} is not a date we understand (write it as {EXAMPLES})") from err


def _checked_date(text: str, year: str, month: str, day: str) -> dt.date:
    return _checked(lambda _: dt.date(int(year), int(month), int(day)), text)


def _checked(parse: Callable[[str], _T], text: str) -> _T:
    try:
        return parse(text)
    except (ValueError, TypeError, OverflowError) as err:
        raise ValueError(f"{text!r} is not a valid date ({err})") from err


def _names(names_of: Callable[..., object], number: int) -> tuple[str, ...]:
    found = {
        str(names_of(width, context, locale)[number]).rstrip(".")  # type: ignore[index]
        for locale in NAME_LANGUAGES for width in ("wide", "abbreviated") for context in ("format", "stand-alone")
    }
    return tuple(sorted(found))


class _Names(dateutil_parser.parserinfo):
    """dateutil's English month and weekday names plus those of NAME_LANGUAGES."""

    MONTHS: list[tuple[str, ...]] = [
        (*english, *_names(get_month_names, month)) for month, english in enumerate(dateutil_parser.parserinfo.MONTHS, 1)
    ]
    WEEKDAYS: list[tuple[str, ...]] = [
        (*english, *_names(get_day_names, day)) for day, english in enumerate(dateutil_parser.parserinfo.WEEKDAYS)
    ]


_NAMES = _Names(dayfirst=True)
_PARSERS = (_iso, _rfc_822, _dotted, _with_month_name)
