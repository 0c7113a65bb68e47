"""One line that says what a view shows and how it was filtered (presentation mode, exports)."""

from __future__ import annotations

from collections.abc import Mapping

from explorer.queries import Filters

MAX_LISTED = 3  # values of one list filter named before "+N more"


def filter_summary(filters: Filters, labels: Mapping[str, str], shown: tuple[int, int, int]) -> str:
    """Plain text, e.g. "40 of 312 entities, 61 relations · types: person, country · focus: Wladimir
    Putin (1 hop)"; ``shown`` is (nodes shown, nodes in the view before the cut, edges shown).
    Escape it where it is rendered."""
    nodes, total, edges = shown
    parts = [f"{nodes} of {total} entities, {edges} relations"]
    for name in ("types", "relations", "countries", "sources", "languages"):
        values = getattr(filters, name)
        if values:
            parts.append(f"{name}: {_listed(values)}")
    if filters.documents:
        parts.append(f"articles: {len(filters.documents)}")
    if filters.date_from or filters.date_to:
        parts.append(f"published {filters.date_from or '…'} – {filters.date_to or '…'}")
    parts += _thresholds(filters)
    if filters.search:
        parts.append(f"search: “{filters.search}”")
    if filters.focus:
        hops = f"{filters.hops} hop" + ("" if filters.hops == 1 else "s")
        parts.append(f"focus: {labels.get(filters.focus, filters.focus)} ({hops})")
    return " · ".join(parts)


def _listed(values: tuple[str, ...]) -> str:
    shown = ", ".join(values[:MAX_LISTED])
    return shown + (f" +{len(values) - MAX_LISTED} more" if len(values) > MAX_LISTED else "")


def _thresholds(filters: Filters) -> list[str]:
    parts = []
    if filters.min_mentions > 1:
        parts.append(f"≥ {filters.min_mentions} mentions")
    if filters.min_support > 1:
        parts.append(f"≥ {filters.min_support} sentences per relation")
    if filters.hide_co_mentioned:
        parts.append("co-mentions hidden")
    elif filters.co_min_support > 1:
        parts.append(f"co-mentions from {filters.co_min_support} sentences")
    return parts
