"""Abbreviations of time zones ("MEZ", "MESZ", "UTC", "GMT", "EST"): CLDR's short zone names via babel. They
are written in capitals like organisations' acronyms, and are none."""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale


@cache
def time_zone_abbreviations() -> frozenset[str]:
    """The short names of CLDR's metazones and zones in German and English, and GMT; of three letters or
    more (two-letter ones such as "AT" or "ET" stand for other things more often)."""
    found = {"GMT"}
    for lang in ("de", "en"):
        locale = Locale(lang)
        for names in [*locale.meta_zones.values(), *locale.time_zones.values()]:
            found.update(_short_names(names))
    return frozenset(name for name in found if len(name) > 2)


def _short_names(names: Any) -> set[str]:
    """The generic, standard and daylight short names of one zone's CLDR entry."""
    short = names.get("short") or {}
    return {short[kind] for kind in ("generic", "standard", "daylight") if short.get(kind)}
