"""vis-network node and edge dicts for the current view, built directly (no pyvis calls).

pyvis 0.3.2's ``add_node``/``add_edge`` scan their lists on every call
(10,000 nodes: 12.8 s) and ``from_nx`` mutates the graph, so the dicts are
filled here, one per row, with stable ids: the entity id for a node,
``"source|relation|target"`` for an edge.

Tooltips (``title``) are plain text: vis-network 9 puts a string title into
the tooltip with ``innerText``, so markup in article text shows as text and
never runs.  Labels are drawn on the canvas as text (``font.multi`` stays
off).  Each node's font size comes from ``explorer.labels``: vis draws a
label only once the zoom makes it at least 13 px tall and it clears the
labels of more important nodes.  Edges between the same two entities are
drawn as separate curves, so each keeps its own label.  Besides what vis draws, each dict keeps the view's numbers (type,
weight, documents; relation, support, modality, basis) so exports can rebuild the
graph from what is on screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from typing import Any

import pandas as pd

from explorer.i18n import DEFAULT_LANGUAGE, basis_name, counted, relation_name, term, translate
from explorer.labels import LABEL_PX, MAX_LABEL_PX, font_sizes, reveal_scales

Position = tuple[float, float]
TYPE_COLORS: dict[str, str] = {  # Tableau 10: readable on light and dark backgrounds
    "person": "#4e79a7",
    "organization": "#f28e2b",
    "country": "#59a14f",
    "place": "#76b7b2",
    "agreement": "#e15759",
}
OTHER_COLOR = "#9c9c9c"
TYPE_SHAPES: dict[str, str] = {  # a second cue besides colour; all draw the label below
    "person": "dot",
    "organization": "square",
    "country": "diamond",
    "place": "triangle",
    "agreement": "star",
}
NODE_SIZE = (8.0, 36.0)   # vis radius in px, smallest and largest weight
EDGE_WIDTH = (1.0, 7.0)   # px, least and best supported edge
CO_MENTIONED = "co_mentioned"
CO_MENTIONED_WIDTH = 0.5
DASHES: dict[str, list[int]] = {  # modality -> dash pattern; "reported" is solid
    "planned": [8, 5],
    "hypothetical": [2, 5],
    "denied": [12, 4, 2, 4],
    "former": [3, 3],  # an office or membership that no longer holds ("ehemalige", "former")
}
# A relation no sentence states (relation ``basis`` other than "text"): dotted and pale, with what it rests on.
GAZETTEER_DASHES = [1, 6]


def basis_note(basis: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """What a relation rests on when no sentence states it, in ``lang`` ("" for basis "text")."""
    return "" if basis == "text" else basis_name(lang, basis)


FOCUS_BORDER = ("#111111", 5)   # colour, width: the focus entity
MATCH_BORDER = ("#f5b400", 4)   # search matches
NEW_COLOR = "#c51b8a"           # entities (border) and relations new in the later period ("What changed")
NEW_BORDER = (NEW_COLOR, 4)
SINGLE_SOURCE_OPACITY = 0.35    # an edge only one outlet reports is drawn faded (dashes stay for modality)
CURVE_STEP = 0.28  # roundness between two neighbouring parallel edges
EDGE_GREYS = {  # theme -> (edge, co_mentioned edge, highlight)
    "light": ("#8c8c8c", "#d4d4d4", "#3d3d3d"),
    "dark": ("#9a9a9a", "#4a4a4a", "#e0e0e0"),
}


def vis_payload(
    view_nodes: pd.DataFrame, view_edges: pd.DataFrame, positions: Mapping[str, Position],
    *, theme: str = "light", focus: str = "", matches: Collection[str] = (), weigh_by: str = "sentences",
    new: Collection[str] = (), lang: str = DEFAULT_LANGUAGE,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Nodes, edges and options for ``graph_view`` and ``standalone_html``.

    ``view_nodes``: id, label, type, and optionally weight (or mentions),
    documents, country.  ``view_edges``: source, target, relation, and
    optionally id, support (or weight), documents, modality, basis.  ``positions``
    are vis canvas pixels (as ``explorer.layout`` computes them); a node
    without one is left for vis to place.  ``theme`` ("light"/"dark") picks
    the edge greys; label colours follow the Streamlit theme in the browser.
    ``focus`` (an entity id) and ``matches`` (search hits) get a border and
    their labels come first.  ``weigh_by`` "sources" sets edge widths by
    distinct outlets instead of sentences; an edge row with ``sources`` 1 is
    drawn faded (single source).  ``new`` (entity and edge ids) get the
    "new" mark: a border or colour of their own.  ``lang``: the language of the tooltips and of
    the relation names drawn on the edges (the dicts keep the stored ``relation`` key).
    """
    node_rows = unique(view_nodes.to_dict("records"), lambda row: str(row["id"]))
    edge_rows = unique(view_edges.to_dict("records"), _row_edge_id)
    labels = {str(row["id"]): _text(row.get("label"), str(row["id"])) for row in node_rows}
    nodes = vis_nodes(node_rows, positions, lang)
    mark_nodes(nodes, focus, set(matches), set(new))
    label_fonts(nodes)
    edges = curve_parallel(vis_edges(edge_rows, labels, edge_greys(theme), weigh_by, lang))
    mark_edges(edges, set(new))
    return nodes, edges, vis_options(len(nodes), len(edges), theme=theme)


def node_sizes(view_nodes: pd.DataFrame) -> dict[str, float]:
    """The vis radius per node id, as ``vis_payload`` draws it (for the layout's overlap removal)."""
    rows = view_nodes.to_dict("records")
    weights = [_number(row.get("weight", row.get("mentions"))) for row in rows]
    top = max(weights, default=0.0)
    return {str(row["id"]): scaled(weight, top, NODE_SIZE) for row, weight in zip(rows, weights, strict=True)}


def mark_nodes(nodes: list[dict[str, Any]], focus: str, matches: set[str], new: Collection[str] = ()) -> None:
    """A border for the focus entity, the search matches and new entities, in that order of
    precedence (the fill keeps the type colour)."""
    for node in nodes:
        mark = "focus" if node["id"] == focus else "match" if node["id"] in matches else "new" if node["id"] in new else ""
        if not mark:
            continue
        fill, (colour, width) = node["color"], {"focus": FOCUS_BORDER, "match": MATCH_BORDER, "new": NEW_BORDER}[mark]
        node["color"] = {"background": fill, "border": colour, "highlight": {"background": fill, "border": colour},
                         "hover": {"background": fill, "border": colour}}
        node["borderWidth"], node["mark"] = width, mark


def mark_edges(edges: list[dict[str, Any]], new: Collection[str]) -> None:
    """New relations in their own colour, at full opacity."""
    for edge in edges:
        if edge["id"] in new:
            edge["color"] = {"color": NEW_COLOR, "highlight": NEW_COLOR, "hover": NEW_COLOR, "inherit": False}
            edge["mark"] = "new"


def label_fonts(nodes: list[dict[str, Any]]) -> None:
    """Each placed node's label font size and ``rank`` (0: most important: focus, search matches,
    then by weight as the view is ordered); see ``explorer.labels``."""
    placed = sorted((n for n in nodes if "x" in n), key=lambda n: ({"focus": 0, "match": 1}.get(n.get("mark", ""), 2),
                                                                    -n["weight"]))
    scales = reveal_scales([n["x"] for n in placed], [n["y"] for n in placed], [n["size"] for n in placed],
                           [n["label"] for n in placed])
    for rank, (node, size) in enumerate(zip(placed, font_sizes(scales), strict=True)):
        node["font"], node["rank"] = {"size": size}, rank


def curve_parallel(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Edges sharing their two ends (either direction) bend to alternate sides, CURVE_STEP apart;
    the middle one of an odd group stays straight.  Sides are counted from the pair's first id,
    so A->B and B->A do not land on the same curve."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for edge in edges:
        groups.setdefault(min(edge["from"], edge["to"]) + "\n" + max(edge["from"], edge["to"]), []).append(edge)
    for pair, group in groups.items():
        low = pair.split("\n")[0]
        for n, edge in enumerate(group):
            offset = (n - (len(group) - 1) / 2) * CURVE_STEP
            if offset:
                clockwise = (offset > 0) == (edge["from"] == low)
                edge["smooth"] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                                  "roundness": round(abs(offset), 3)}
    return edges


def vis_nodes(rows: list[dict[str, Any]], positions: Mapping[str, Position],
              lang: str = DEFAULT_LANGUAGE) -> list[dict[str, Any]]:
    """One vis node per row, sized by weight on a square-root scale; tooltips in ``lang``."""
    weights = [_number(row.get("weight", row.get("mentions"))) for row in rows]
    top = max(weights, default=0.0)
    return [_node(row, weight, top, positions.get(str(row["id"])), lang) for row, weight in zip(rows, weights, strict=False)]


def _node(row: Mapping[str, Any], weight: float, top: float, position: Position | None, lang: str) -> dict[str, Any]:
    node_id = str(row["id"])
    kind = _text(row.get("type"), "")
    documents = int(_number(row.get("documents")))
    node: dict[str, Any] = {
        "id": node_id, "label": _text(row.get("label"), node_id),
        "title": node_tooltip(row, node_id, kind, weight, documents, lang),
        "color": TYPE_COLORS.get(kind, OTHER_COLOR), "shape": TYPE_SHAPES.get(kind, "dot"),
        "size": scaled(weight, top, NODE_SIZE), "type": kind, "weight": int(weight), "documents": documents,
    }
    if position is not None:
        node["x"], node["y"] = round(float(position[0])), round(float(position[1]))  # whole canvas pixels
    return node


def node_tooltip(row: Mapping[str, Any], node_id: str, kind: str, weight: float, documents: int,
                 lang: str = DEFAULT_LANGUAGE) -> str:
    """Plain text in ``lang``: label, then type, country and counts, then the id."""
    facts = [term(lang, "type", kind) if kind else translate(lang, "tip_entity"), _text(row.get("country"), ""),
             counted(lang, int(weight), "mention"), counted(lang, documents, "document"),
             counted(lang, int(_number(row.get("sources"))), "outlet") if "sources" in row else ""]
    return "\n".join([_text(row.get("label"), node_id), " · ".join(f for f in facts if f), node_id])


def vis_edges(rows: list[dict[str, Any]], labels: Mapping[str, str], greys: tuple[str, str, str],
              weigh_by: str = "sentences", lang: str = DEFAULT_LANGUAGE) -> list[dict[str, Any]]:
    """One vis edge per row, width by support (or by sources); co-mentions thin, light and
    unlabelled; single-source edges faded; relation names and tooltips in ``lang``.

    The usual grey is in the options (``vis_options``); only co-mentions and faded edges carry a colour.
    """
    widths = [_number(row.get("sources") if weigh_by == "sources" and "sources" in row else _support(row), 1.0)
              for row in rows]
    top = max(widths, default=0.0)
    return [_edge(row, width, top, labels, greys, lang) for row, width in zip(rows, widths, strict=False)]


def _support(row: Mapping[str, Any]) -> Any:
    return row.get("support", row.get("weight"))


def _edge(row: Mapping[str, Any], width: float, top: float, labels: Mapping[str, str],
          greys: tuple[str, str, str], lang: str) -> dict[str, Any]:
    """The usual grey comes from the options; dashes only when the modality is not "reported"; a
    relation no sentence states (a gazetteer fact) dotted in the co-mention grey; one only a single
    outlet reports faded; ``width`` is what the line's width follows (sentences or sources)."""
    support = int(_number(_support(row), 1.0))
    source, target, relation = str(row["source"]), str(row["target"]), _text(row.get("relation"), "")
    modality = _text(row.get("modality"), "reported")
    basis = _text(row.get("basis"), "text")
    documents = int(_number(row.get("documents")))
    edge: dict[str, Any] = {
        "id": _row_edge_id(row), "from": source, "to": target, "label": relation_name(lang, relation),
        "title": edge_tooltip(labels.get(source, source), relation, labels.get(target, target),
                              support, documents, modality, basis, lang) + reach_line(row, lang),
        "width": scaled(width, top, EDGE_WIDTH), "arrows": "to",
        "relation": relation, "support": support, "documents": documents, "modality": modality,
        "basis": basis,
    }
    if modality in DASHES:
        edge["dashes"] = DASHES[modality]
    if _number(row.get("sources"), 2.0) == 1 and relation != CO_MENTIONED:
        edge["single_source"] = True
        edge["color"] = {"color": greys[0], "highlight": greys[2], "hover": greys[2],
                         "opacity": SINGLE_SOURCE_OPACITY, "inherit": False}
    if basis != "text":
        edge.update(dashes=GAZETTEER_DASHES, color={"color": greys[1], "highlight": greys[2], "hover": greys[2], "inherit": False})
    if relation == CO_MENTIONED:
        edge.update(label="", width=CO_MENTIONED_WIDTH, arrows={"to": {"enabled": False}},
                    color={"color": greys[1], "highlight": greys[2], "hover": greys[2], "inherit": False})
    return edge


def _row_edge_id(row: Mapping[str, Any]) -> str:
    """The row's ``id``, else ``source|relation|target``."""
    return _text(row.get("id"), edge_id(str(row["source"]), _text(row.get("relation"), ""), str(row["target"])))


def unique(rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], str]) -> list[dict[str, Any]]:
    """The first row per key: vis refuses a data set with a repeated id (and would draw nothing)."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(key(row), row)
    return list(seen.values())


def edge_tooltip(source: str, relation: str, target: str, support: int, documents: int, modality: str,
                 basis: str = "text", lang: str = DEFAULT_LANGUAGE) -> str:
    """Plain text in ``lang``: "A —relation→ B", then sentence and document counts, the modality and,
    for a relation no sentence states, what it rests on."""
    counts = translate(lang, "tip_counts", sentences=counted(lang, support, "sentence"),
                       documents=counted(lang, documents, "in_document"))
    notes = [n for n in ("" if modality == "reported" else term(lang, "mod", modality), basis_note(basis, lang)) if n]
    return f"{source} —{relation_name(lang, relation)}→ {target}\n{counts}" + "".join(f" · {note}" for note in notes)


def reach_line(row: Mapping[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    """"\n3 outlets, 2 texts, 2 languages · seen 2024-05-13 – 2024-06-20" (in ``lang``) for a row
    with corroboration counts ("" without; "single source" when one outlet reports it)."""
    if "sources" not in row:
        return ""
    sources = int(_number(row.get("sources")))
    line = "\n" + reach_phrase(lang, sources, int(_number(row.get("texts"))), int(_number(row.get("languages"))))
    line += f" · {translate(lang, 'single_source')}" if sources == 1 else ""
    first, last = _text(row.get("first_seen"), ""), _text(row.get("last_seen"), "")
    if first:
        line += "\n" + translate(lang, "tip_seen", span=first + (f" – {last}" if last and last != first else ""))
    return line


def reach_phrase(lang: str, sources: int, texts: int, languages: int) -> str:
    """ "3 outlets, 2 texts, 2 languages" in ``lang``: how independent the evidence is."""
    return ", ".join(counted(lang, n, noun) for n, noun in ((sources, "outlet"), (texts, "text"), (languages, "language")))


def edge_id(source: str, relation: str, target: str) -> str:
    """The id of an aggregated edge, as the rest of the explorer spells it."""
    return f"{source}|{relation}|{target}"


def edge_greys(theme: str) -> tuple[str, str, str]:
    """(edge, co-mention edge, highlight) greys for "light" or "dark" (anything else: light)."""
    return EDGE_GREYS.get(theme, EDGE_GREYS["light"])


def vis_options(node_count: int, edge_count: int, *, theme: str = "light") -> dict[str, Any]:
    """Physics off (positions come from the server), hover tooltips, straight edges (parallel
    ones curve per edge), labels only from 13 px on screen and never above 16 px.

    Straight edges keep drawing cheap: one redraw of 1,000 nodes and 2,000
    edges took 22-25 ms straight and 24-39 ms with "continuous" curves in
    headless Chromium here (bench/graph_component.py); edges hide while
    dragging a big view for the same reason.  Font colours are set in the
    browser from the Streamlit theme.
    """
    grey, _, highlight = edge_greys(theme)
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},  # would run Kamada-Kawai on load; positions are given
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": False,
                        "hideEdgesOnDrag": edge_count > 1500, "navigationButtons": False, "keyboard": False},
        "nodes": {"borderWidth": 1, "font": {"size": LABEL_PX, "strokeWidth": 3}, "scaling": {"label": LABEL_SCALING}},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1,
                  "color": {"color": grey, "highlight": highlight, "hover": highlight, "inherit": False},
                  "arrows": {"to": {"scaleFactor": 0.5}},
                  "font": {"size": LABEL_PX, "align": "middle", "strokeWidth": 3},
                  "scaling": {"label": LABEL_SCALING}},
    }


LABEL_SCALING = {"enabled": False, "drawThreshold": LABEL_PX, "maxVisible": MAX_LABEL_PX}


def scaled(value: float, top: float, bounds: tuple[float, float]) -> float:
    """``value`` on a square-root scale from 0..top to bounds (low, high), clamped."""
    low, high = bounds
    if top <= 0 or value <= 0:
        return low
    return round(low + (high - low) * math.sqrt(min(value, top) / top), 1)


def _number(value: Any, default: float = 0.0) -> float:
    """A finite non-negative float, ``default`` for missing, NaN or junk."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and number >= 0 else default


def _text(value: Any, default: str) -> str:
    """``value`` as text, ``default`` for None, NaN and empty strings."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return default
    text = str(value)
    return text if text else default
