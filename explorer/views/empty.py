"""What the canvas says when the filters leave nothing to draw: which controls to loosen."""

from __future__ import annotations

from dataclasses import fields

from explorer.queries import Filters
from explorer.views.words import tr

# Filters field -> the interface string of the control that sets it (co_min_support only narrows
# past its default, hops only widens, top_n never empties a view)
CONTROLS = {
    "search": "search", "types": "types", "relations": "relations", "countries": "countries",
    "documents": "documents", "sources": "sources", "languages": "languages", "date_from": "dates",
    "date_to": "dates", "include_undated": "include_undated", "min_mentions": "min_mentions",
    "min_support": "min_support", "hide_co_mentioned": "hide_co_mentioned", "co_min_support": "co_min_support",
    "focus": "focus",
}


def narrowing(filters: Filters) -> list[str]:
    """The interface keys of the controls set away from their defaults, in sidebar order, each once."""
    default = Filters()
    keys = [CONTROLS[f.name] for f in fields(Filters)
            if f.name in CONTROLS and getattr(filters, f.name) != getattr(default, f.name)]
    order = list(dict.fromkeys(CONTROLS.values()))
    return sorted(set(keys), key=order.index)


def nothing_matches(filters: Filters, no_entities: bool) -> str:
    """The message for an empty view: the store is empty, or these filters should be loosened."""
    if no_entities:
        return tr("nothing_at_all")
    names = [f"“{tr(key)}”" for key in narrowing(filters)]
    listed = ", ".join(names[:-1]) + tr("or") + names[-1] if len(names) > 1 else "".join(names)
    return tr("nothing_matches", names=listed or f"“{tr('filters')}”")
