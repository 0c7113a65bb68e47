"""One line that says what a view shows and how it was filtered (presentation mode, exports)."""

from __future__ import annotations

from collections.abc import Mapping

from explorer.i18n import DEFAULT_LANGUAGE, counted, term, translate
from explorer.queries import Filters

MAX_LISTED = 3  # values of one list filter named before "+N more"
VOCABULARIES = {"types": "type", "relations": "rel"}  # list filters whose stored keys have names


def filter_summary(filters: Filters, labels: Mapping[str, str], shown: tuple[int, int, int],
                   lang: str = DEFAULT_LANGUAGE) -> str:
    """Plain text in ``lang``, e.g. "40 of 312 entities, 61 relations · types: person, country ·
    focus: Wladimir Putin (1 hop)"; ``shown`` is (nodes shown, nodes in the view before the cut,
    edges shown).  Escape it where it is rendered."""
    nodes, total, edges = shown
    parts = [translate(lang, "sum_shown", nodes=nodes, total=total, edges=edges)]
    for name in ("types", "relations", "countries", "sources", "languages"):
        values = getattr(filters, name)
        if values:
            parts.append(f"{translate(lang, 'sum_' + name)}: {_listed(_named(values, name, lang), lang)}")
    if filters.documents:
        parts.append(translate(lang, "sum_articles", n=len(filters.documents)))
    if filters.date_from or filters.date_to:
        parts.append(translate(lang, "sum_published", start=filters.date_from or "…", end=filters.date_to or "…"))
    parts += _thresholds(filters, lang)
    if filters.search:
        parts.append(translate(lang, "sum_search", text=filters.search))
    if filters.focus:
        hops = counted(lang, filters.hops, "hop")
        parts.append(translate(lang, "sum_focus", name=labels.get(filters.focus, filters.focus), hops=hops))
    return " · ".join(parts)


def _named(values: tuple[str, ...], name: str, lang: str) -> tuple[str, ...]:
    """Entity types and relation types as the reader's language names them; other values as they are."""
    group = VOCABULARIES.get(name)
    return tuple(term(lang, group, value) for value in values) if group else values


def _listed(values: tuple[str, ...], lang: str) -> str:
    shown = ", ".join(values[:MAX_LISTED])
    return shown + (translate(lang, "sum_more", n=len(values) - MAX_LISTED) if len(values) > MAX_LISTED else "")


def _thresholds(filters: Filters, lang: str) -> list[str]:
    parts = []
    if filters.min_mentions > 1:
        parts.append(translate(lang, "sum_min_mentions", n=filters.min_mentions))
    if filters.min_support > 1:
        parts.append(translate(lang, "sum_min_support", n=filters.min_support))
    if filters.hide_co_mentioned:
        parts.append(translate(lang, "sum_co_hidden"))
    elif filters.co_min_support > 1:
        parts.append(translate(lang, "sum_co_min", n=filters.co_min_support))
    return parts
