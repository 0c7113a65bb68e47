"""The view's state in the URL: filters, focus and selection as query parameters, both ways.

A link is input like any other: ``read_link`` checks every parameter against what it may hold and
what the data knows, clamps or drops what does not fit and says so in short notices (plain text;
render them with ``explorer.text.inert``), worded in the reader's language. Pure functions, so
tests need no Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from explorer.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from explorer.queries import Filters
from explorer.structure import COLOURINGS, EDGE_CHOICES, SIZINGS, Look
from explorer.text import iso_day

LIST_FIELDS = ("types", "relations", "countries", "documents", "sources", "languages")
INT_FIELDS = ("min_mentions", "min_support", "hops", "top_n", "co_min_support", "min_sources")
INT_BOUNDS = {"min_mentions": (1, 20), "min_support": (1, 10), "hops": (1, 3), "top_n": (1, 5000), "co_min_support": (1, 10),
              "min_sources": (1, 20)}
DATE_FIELDS = ("date_from", "date_to")
TEXT_FIELDS = ("search",)
SELECTION_KINDS = ("node", "edge")
FLAGS = {"co": ("0", "1"), "present": ("1",), "undated": ("0", "1"), "lang": LANGUAGES,
         "weigh_by": ("sentences", "sources")}
FLAG_FIELDS = ("hide_co_mentioned", "include_undated")  # Filters fields a link carries as FLAGS (co, undated)
CHOICES = {"colour": COLOURINGS, "size": SIZINGS, "edges": EDGE_CHOICES}  # how the graph is drawn (explorer.structure)
KNOWN_NAMES = frozenset((*LIST_FIELDS, *INT_FIELDS, *DATE_FIELDS, *TEXT_FIELDS, "focus", *SELECTION_KINDS, *FLAGS,
                         *CHOICES))
STREAMLIT_NAMES = frozenset({"embed", "embed_options"})  # Streamlit's own
MAX_VALUE = 300   # characters in one parameter: longer ones are dropped, never searched or echoed
MAX_ITEMS = 200   # values in one list parameter
SHOWN = 40        # characters of a bad value repeated in its notice
Params = Mapping[str, "str | Sequence[str]"]


@dataclass(frozen=True)
class Known:
    """What the data holds, to check a link against: list-filter values per field, entity labels
    by id, aggregated edge ids, and how merged entity ids resolve."""

    values: Mapping[str, frozenset[str]]
    entities: Mapping[str, str]
    edges: frozenset[str] = frozenset()
    resolve: Callable[[str], str] = lambda entity_id: entity_id


class Notices(list[str]):
    """What a link asked for that was dropped or changed, worded in one language: ``add(key,
    **values)`` appends the interface string ``link_<key>``."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def add(self, key: str, **values: object) -> None:
        self.append(translate(self.lang, f"link_{key}", **values))

    def add_not_one_of(self, name: str, raw: str, allowed: Sequence[str]) -> None:
        """``name=raw`` is none of ``allowed``: ignored."""
        self.add("not_one_of", name=name, value=_shown(raw), allowed=translate(self.lang, "or").join(allowed))


@dataclass(frozen=True)
class Link:
    """A checked link: the filters, selection, presentation flag and interface language it asks for, and what was
    changed on the way (one short plain-text notice per parameter)."""

    filters: Filters = Filters()
    selection: dict[str, str] | None = None
    present: bool = False
    look: Look = Look()
    lang: str = DEFAULT_LANGUAGE
    notices: tuple[str, ...] = field(default=())


def read_link(params: Params, known: Known, lang: str = DEFAULT_LANGUAGE) -> Link:
    """The link's view; every parameter that is unknown, malformed, repeated, too long or out of
    range is dropped or clamped, with a notice in ``lang``."""
    notices = Notices(lang)
    for name in params:
        if name not in KNOWN_NAMES | STREAMLIT_NAMES:
            notices.add("unknown", name=_shown(name))
    values = {name: _single(params, name, notices) for name in params if name in KNOWN_NAMES and name not in LIST_FIELDS}
    checked: dict[str, Any] = {**_lists(params, known, notices), **_ints(values, notices),
                               **_dates(values, notices), **_texts(values, known, notices)}
    filters = replace(Filters(), **checked)
    co = _flag(values, "co", notices)
    if co:
        filters = replace(filters, hide_co_mentioned=co != "1")
    if _flag(values, "undated", notices) == "0":
        filters = replace(filters, include_undated=False)
    filters = replace(filters, weigh_by=_flag(values, "weigh_by", notices) or filters.weigh_by)
    selection = _selection(values, known, notices)
    present = _flag(values, "present", notices) == "1"
    look = _look(values, notices)
    lang = _flag(values, "lang", notices) or DEFAULT_LANGUAGE
    return Link(filters, selection, present, look, lang, tuple(notices))


def _values(params: Params, name: str) -> list[str]:
    raw = params.get(name)
    return [raw] if isinstance(raw, str) else list(raw or [])


def _single(params: Params, name: str, notices: Notices) -> str:
    """The last value of a parameter that takes one ("" when too long)."""
    values = _values(params, name)
    if len(values) > 1:
        notices.add("repeated", name=name, n=len(values))
    value = values[-1] if values else ""
    if len(value) > MAX_VALUE:
        notices.add("longer_than", name=name, n=MAX_VALUE)
        return ""
    return value


def _lists(params: Params, known: Known, notices: Notices) -> dict[str, tuple[str, ...]]:
    """Comma-separated list filters, all repeats joined, unknown values dropped."""
    result: dict[str, tuple[str, ...]] = {}
    for name in LIST_FIELDS:
        raw = ",".join(_values(params, name))
        if len(raw) > MAX_VALUE * 10:
            notices.add("too_long", name=name)
            continue
        items = list(dict.fromkeys(v for v in raw.split(",") if v))[:MAX_ITEMS]
        allowed = known.values.get(name, frozenset())
        unknown = [v for v in items if v not in allowed]
        if unknown:
            notices.add("no_such_value", name=name, values=", ".join(_shown(v) for v in unknown[:3]) + (" …" if len(unknown) > 3 else ""))
        if items:
            result[name] = tuple(v for v in items if v in allowed)
    return result


def _ints(values: Mapping[str, str], notices: Notices) -> dict[str, int]:
    """Whole numbers, clamped to what the controls offer."""
    result: dict[str, int] = {}
    for name in INT_FIELDS:
        raw = values.get(name, "")
        if not raw:
            continue
        try:
            number = int(raw.strip())
        except ValueError:
            notices.add("not_whole", name=name, value=_shown(raw))
            continue
        low, high = INT_BOUNDS[name]
        result[name] = min(max(number, low), high)
        if result[name] != number:
            notices.add("outside", name=name, value=_shown(raw), low=low, high=high, used=result[name])
    return result


def _dates(values: Mapping[str, str], notices: Notices) -> dict[str, str]:
    result: dict[str, str] = {}
    for name in DATE_FIELDS:
        raw = values.get(name, "")
        if raw and not iso_day(raw):
            notices.add("not_date", name=name, value=_shown(raw))
        elif raw:
            result[name] = iso_day(raw)
    return result


def _texts(values: Mapping[str, str], known: Known, notices: Notices) -> dict[str, str]:
    result = {name: values[name] for name in TEXT_FIELDS if values.get(name)}
    focus = values.get("focus", "")
    if focus and known.resolve(focus) in known.entities:
        result["focus"] = known.resolve(focus)
    elif focus:
        notices.add("no_entity", name="focus", value=_shown(focus))
    return result


def _flag(values: Mapping[str, str], name: str, notices: Notices) -> str:
    raw = values.get(name, "")
    if raw and raw not in FLAGS[name]:
        notices.add_not_one_of(name, raw, FLAGS[name])
        return ""
    return raw


def _look(values: Mapping[str, str], notices: Notices) -> Look:
    """``?colour=type|community``, ``?size=mentions|degree|pagerank`` and ``?edges=all``; anything else
    keeps the default."""
    chosen = {}
    for name, allowed in CHOICES.items():
        raw = values.get(name, "")
        if raw in allowed:
            chosen[name] = raw
        elif raw:
            notices.add_not_one_of(name, raw, allowed)
    return replace(Look(), **chosen)


def _selection(values: Mapping[str, str], known: Known, notices: Notices) -> dict[str, str] | None:
    """``?node=ID`` (a known entity, merged ids followed) or ``?edge=ID`` (a stored edge)."""
    node, edge = values.get("node", ""), values.get("edge", "")
    if node and known.resolve(node) in known.entities:
        return {"kind": "node", "id": known.resolve(node)}
    if node:
        notices.add("no_entity", name="node", value=_shown(node))
    if edge and edge in known.edges:
        return {"kind": "edge", "id": edge}
    if edge:
        notices.add("no_relation", name="edge", value=_shown(edge))
    return None


def _shown(value: str) -> str:
    """A bad value, shortened for its notice."""
    return value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"


def params_from_filters(filters: Filters) -> dict[str, str]:
    """Query parameters for the filters that differ from the defaults (short, readable links)."""
    default = Filters()
    params: dict[str, str] = {}
    for f in fields(Filters):
        value = getattr(filters, f.name)
        if value == getattr(default, f.name) or f.name in FLAG_FIELDS:
            continue
        params[f.name] = ",".join(value) if isinstance(value, tuple) else str(value)
    if filters.hide_co_mentioned:
        params["co"] = "0"
    if not filters.include_undated:
        params["undated"] = "0"
    return params


def params_from_language(lang: str) -> dict[str, str]:
    """``lang`` for a language other than the default (short links)."""
    return {"lang": lang} if lang != DEFAULT_LANGUAGE and lang in LANGUAGES else {}


def params_from_selection(selection: Mapping[str, str] | None) -> dict[str, str]:
    if not selection or selection.get("kind") not in SELECTION_KINDS:
        return {}
    return {str(selection["kind"]): str(selection["id"])}


def params_from_look(look: Look) -> dict[str, str]:
    """Query parameters for the drawing choices that differ from the defaults."""
    default = Look()
    return {name: getattr(look, name) for name in CHOICES if getattr(look, name) != getattr(default, name)}
