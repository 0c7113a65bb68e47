"""The view's state in the URL: filters, focus and selection as query parameters, both ways.

Pure functions, so a shared link reproduces a view and tests need no Streamlit.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Mapping

from explorer.queries import Filters

LIST_FIELDS = ("types", "relations", "countries", "documents", "sources", "languages")
INT_FIELDS = ("min_mentions", "min_support", "hops", "top_n")
TEXT_FIELDS = ("date_from", "date_to", "search", "focus")
SELECTION_KINDS = ("node", "edge")


def filters_from_params(params: Mapping[str, str | list[str]]) -> Filters:
    """Filters from query parameters; unknown or malformed values fall back to the defaults."""
    values: dict[str, object] = {}
    for name in LIST_FIELDS:
        raw = params.get(name)
        values[name] = tuple(v for v in ",".join(raw if isinstance(raw, list) else [raw or ""]).split(",") if v)
    for name in INT_FIELDS:
        value = _first(params.get(name))
        if value.isdigit():
            values[name] = int(value)
    for name in TEXT_FIELDS:
        values[name] = _first(params.get(name))
    if "co" in params:
        values["hide_co_mentioned"] = _first(params.get("co")) != "1"
    return replace(Filters(), **values)  # type: ignore[arg-type]


def params_from_filters(filters: Filters) -> dict[str, str]:
    """Query parameters for the filters that differ from the defaults (short, readable links)."""
    default = Filters()
    params: dict[str, str] = {}
    for f in fields(Filters):
        value = getattr(filters, f.name)
        if value == getattr(default, f.name) or f.name == "hide_co_mentioned":
            continue
        params[f.name] = ",".join(value) if isinstance(value, tuple) else str(value)
    if not filters.hide_co_mentioned:
        params["co"] = "1"
    return params


def selection_from_params(params: Mapping[str, str | list[str]]) -> dict[str, str] | None:
    """``?node=ID`` or ``?edge=ID`` -> the selection the graph component uses."""
    for kind in SELECTION_KINDS:
        value = _first(params.get(kind))
        if value:
            return {"kind": kind, "id": value}
    return None


def params_from_selection(selection: Mapping[str, str] | None) -> dict[str, str]:
    if not selection or selection.get("kind") not in SELECTION_KINDS:
        return {}
    return {str(selection["kind"]): str(selection["id"])}


def _first(value: str | list[str] | None) -> str:
    if isinstance(value, list):
        return value[0] if value else ""
    return value or ""
