"""Writing the graph as GraphML, GEXF, JSON or CSV, to a file or to stdout.

- ``graphml``: networkx's GraphML writer (node and edge attributes typed);
  reads back with ``networkx.read_graphml``; opens in Gephi and yEd.
- ``gexf``: GEXF 1.2draft, Gephi's own format; node labels are the GEXF
  labels and edge weights the GEXF weights; reads back with ``read_gexf``.
- ``json``: ``networkx.node_link_data(graph, edges="edges")`` — an object
  with ``nodes`` and ``edges`` (read back with
  ``node_link_graph(data, edges="edges")``), UTF-8, not ASCII-escaped.
- ``csv``: one edges table (source, target, relation, weight, documents,
  modality, plus source_label and target_label so it stands alone) written
  to ``out``, and a nodes table (id, label, type, mentions, documents, then
  the other node attributes) next to it as ``<stem>.nodes.csv``.  To stdout,
  only the edges table is written.

Drawing attributes, when a graph carries them (the explorer's view does; ``build_graph`` does
not): a node's ``color`` ("#rrggbb"), ``size`` (radius) and ``x``/``y`` (screen pixels, y down),
an edge's ``color`` and ``width``, and ``first_date``/``last_date`` (ISO days of the first and
last evidence) on both.  GEXF gets them as Gephi reads them: ``viz:color``, ``viz:size``,
``viz:position`` (y turned up, so the picture is not mirrored), ``viz:thickness``, and
``start``/``end`` (the graph becomes ``mode="dynamic"``, ``timeformat="date"``, for Gephi's
timeline); the dates also stay plain attributes.  GraphML adds ``r``/``g``/``b`` (0-255) next to
``color``, the names Gephi's GraphML import reads as the colour (``x``, ``y``, ``size`` it reads as
they are).

Names come from articles, so each format gets only what it can hold: GraphML
and GEXF drop characters XML 1.0 forbids (control characters, lone
surrogates; networkx would write a 0-byte or invalid file), and CSV cells
that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from pipelines.errors import ExportError

FORMATS = ("graphml", "gexf", "json", "csv")
EDGE_COLUMNS = (
    "source", "target", "relation", "weight", "documents", "modality", "source_label", "target_label",
)
NODE_COLUMNS = ("id", "label", "type", "mentions", "documents")

Writer = Callable[[nx.MultiDiGraph, TextIO], None]
# Characters outside XML 1.0's Char production: C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HEX_COLOUR = re.compile("#[0-9a-fA-F]{6}")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_export(graph: nx.MultiDiGraph, fmt: str, out: str | Path | None) -> None:
    """Write ``graph`` in ``fmt`` to the file ``out`` (parent folders created), or stdout when None."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ExportError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if out is None:
        writer(graph, sys.stdout)
        return
    path = Path(out)
    try:
        _write_file(graph, writer, path)
        if fmt == "csv":
            _write_file(graph, _write_nodes_csv, nodes_csv_path(path))
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the {fmt} export ({exc.strerror or exc})") from exc


def nodes_csv_path(edges_path: Path) -> Path:
    """Where the nodes table goes for a CSV export to ``edges_path``: ``<stem>.nodes.csv`` beside it."""
    return edges_path.with_name(f"{edges_path.stem}.nodes.csv")


def _write_file(graph: nx.MultiDiGraph, writer: Writer, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer(graph, stream)


def _write_graphml(graph: nx.MultiDiGraph, stream: TextIO) -> None:
    """UTF-8 GraphML with its XML declaration (``generate_graphml`` would give ASCII escapes)."""
    buffer = io.BytesIO()
    nx.write_graphml(graphml_drawing(xml_safe(graph)), buffer, encoding="utf-8")
    stream.write(buffer.getvalue().decode("utf-8"))


def _write_gexf(graph: nx.MultiDiGraph, stream: TextIO) -> None:
    buffer = io.BytesIO()
    nx.write_gexf(gexf_drawing(xml_safe(graph)), buffer, encoding="utf-8", version="1.2draft")
    stream.write(buffer.getvalue().decode("utf-8"))


def rgb(colour: Any) -> tuple[int, int, int] | None:
    """(r, g, b) of a "#rrggbb" colour, None for anything else."""
    if isinstance(colour, str) and _HEX_COLOUR.fullmatch(colour):
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    return None


def gexf_drawing(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` (changed in place) with its drawing attributes as GEXF viz and start/end (see the
    module docstring)."""
    for _, data in graph.nodes(data=True):
        _to_viz(data, position=True)
    for _, _, data in graph.edges(data=True):
        _to_viz(data, position=False)
    return graph


def _to_viz(data: dict[str, Any], *, position: bool) -> None:
    viz: dict[str, Any] = {}
    colour = rgb(data.pop("color", None))
    if colour:
        viz["color"] = dict(zip("rgb", colour, strict=True)) | {"a": 1.0}
    if position and isinstance(data.get("size"), (int, float)):
        viz["size"] = float(data.pop("size"))
    if not position and isinstance(data.get("width"), (int, float)):
        viz["thickness"] = float(data.pop("width"))
    if position and all(isinstance(data.get(axis), (int, float)) for axis in ("x", "y")):
        viz["position"] = {"x": float(data.pop("x")), "y": -float(data.pop("y")), "z": 0.0}
    if viz:
        data["viz"] = viz
    for name, bound in (("first_date", "start"), ("last_date", "end")):
        if data.get(name):
            data[bound] = str(data[name])


def graphml_drawing(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` (changed in place) with ``r``/``g``/``b`` beside each "#rrggbb" ``color``."""
    for data in [d for _, d in graph.nodes(data=True)] + [d for _, _, d in graph.edges(data=True)]:
        colour = rgb(data.get("color"))
        if colour:
            data.update(zip("rgb", colour, strict=True))
    return graph


def xml_text(value: Any) -> Any:
    """A string without the characters XML cannot hold; other values as they are."""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose node ids, keys and attribute names and values XML can hold."""
    safe = nx.MultiDiGraph(**{xml_text(k): xml_text(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        safe.add_node(xml_text(node), **_xml_attributes(data))
    for source, target, key, data in graph.edges(keys=True, data=True):
        safe.add_edge(xml_text(source), xml_text(target), key=xml_text(key), **_xml_attributes(data))
    return safe


def _xml_attributes(data: dict[str, Any]) -> dict[str, Any]:
    return {xml_text(name): xml_text(value) for name, value in data.items()}


def spreadsheet_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading ``'``; other values as they are."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _write_json(graph: nx.MultiDiGraph, stream: TextIO) -> None:
    json.dump(nx.node_link_data(graph, edges="edges"), stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def _write_edges_csv(graph: nx.MultiDiGraph, stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(EDGE_COLUMNS)
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in _edge_rows(graph))


def _edge_rows(graph: nx.MultiDiGraph) -> Iterator[list[Any]]:
    for source, target, key, data in graph.edges(keys=True, data=True):
        yield [
            source, target, data.get("relation", key), data.get("weight", 1), data.get("documents", 0),
            data.get("modality", ""), graph.nodes[source].get("label", source),
            graph.nodes[target].get("label", target),
        ]


def _write_nodes_csv(graph: nx.MultiDiGraph, stream: TextIO) -> None:
    columns = list(NODE_COLUMNS) + _extra_node_columns(graph)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([spreadsheet_cell(column) for column in columns])
    for node, data in graph.nodes(data=True):
        writer.writerow(spreadsheet_cell(cell) for cell in [node] + [data.get(column, "") for column in columns[1:]])


def _extra_node_columns(graph: nx.MultiDiGraph) -> list[str]:
    """Node attributes beyond the core ones (country, kind, status, year, …), sorted."""
    names = {key for _, data in graph.nodes(data=True) for key in data}
    return sorted(names - set(NODE_COLUMNS))


_WRITERS: dict[str, Writer] = {
    "graphml": _write_graphml,
    "gexf": _write_gexf,
    "json": _write_json,
    "csv": _write_edges_csv,
}
