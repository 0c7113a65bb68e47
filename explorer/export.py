"""Downloads of the current view: a standalone HTML page for slides, and graph files.

``standalone_html`` renders pyvis's template with everything inline, then
removes the Bootstrap tags the template always adds (a page that waits for a
CDN stalls when offline).  Article text reaches the page only as JSON that
Jinja's ``tojson`` escapes for a ``<script>``, and as tooltips that
vis-network shows as text; the two places pyvis would put it into HTML
unescaped are closed here: ``heading`` gets escaped text, and no node title
may contain "href" (pyvis would switch to popups that set ``innerHTML``).

``export_bytes`` writes the view with ``pipelines.exports.write_export``, so
a download opens like the command line's ``export`` (same attribute names).
"""

from __future__ import annotations

import copy
import html
import json
import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from pipelines.exports import FORMATS, write_export

__all__ = ["FORMATS", "export_bytes", "graph_to_networkx", "remote_resources", "standalone_html"]

REMOTE_TAG = re.compile(  # a <link href> or <script src> to http(s):// (pyvis's Bootstrap, CDN vis)
    r"<link\b[^>]*?\bhref\s*=\s*[\"']?https?://[^>]*>"
    r"|<script\b[^>]*?\bsrc\s*=\s*[\"']?https?://[^>]*>\s*</script\s*>",
    re.IGNORECASE,
)
REMOTE_URL = re.compile(r"\b(?:src|href)\s*=\s*[\"']?(https?://[^\"'\s>]+)", re.IGNORECASE)
SOURCE_MAP = re.compile(r"//# sourceMappingURL=[^\s<]+")
HEADING = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>", re.DOTALL)  # pyvis writes it twice
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # the template's commented-out node_modules tags
WORD_JOINER = "\u2060"  # invisible; splits "href" so pyvis keeps its text tooltips


def standalone_html(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], options: dict[str, Any],
                    *, title: str) -> str:
    """A self-contained page (about 0.5 MB of inlined vis-network) drawing the view as it is laid out.

    ``nodes``/``edges``/``options`` as ``vis_payload`` makes them; physics is
    forced off so the server's positions stay.  ``title`` is plain text.
    """
    net = Network(height="85vh", width="100%", directed=True, heading=html.escape(title),
                  cdn_resources="in_line")
    net.nodes = [_defused(node) for node in nodes]
    net.edges = [_defused(edge) for edge in edges]
    net.options = page_options(options)
    page = "<!DOCTYPE html>\n" + _offline(net.generate_html())
    page = page.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>', 1)
    leftover = remote_resources(page)
    if leftover:
        raise RuntimeError(f"the standalone page would load remote resources: {leftover}")
    return page


def page_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``options`` with physics off; refuses markup, which pyvis inserts unescaped."""
    result = copy.deepcopy(dict(options))
    result["physics"] = {**result.get("physics", {}), "enabled": False}
    if "<" in json.dumps(result):
        raise ValueError("vis options must not contain '<' (they are written into a <script> as they are)")
    return result


def remote_resources(page: str) -> list[str]:
    """http(s) URLs that the page's ``src``/``href`` attributes would load."""
    return REMOTE_URL.findall(page)


def _offline(page: str) -> str:
    """The page without its CDN tags, HTML comments and source-map comments.

    Dropping every ``<!-- -->`` is safe: the inlined libraries contain none,
    and ``tojson`` writes "<" in the data as ``\\u003c``.
    """
    return _single_heading(SOURCE_MAP.sub("", HTML_COMMENT.sub("", REMOTE_TAG.sub("", page))))


def _single_heading(page: str) -> str:
    """The page with only the last of pyvis's identical headings."""
    extra = HEADING.findall(page)[:-1]
    for block in extra:
        page = page.replace(block, "", 1)
    return page


def _defused(item: Mapping[str, Any]) -> dict[str, Any]:
    """A copy whose title is text without "href" (see the module docstring)."""
    result = dict(item)
    if "title" in result:
        result["title"] = re.sub("href", f"h{WORD_JOINER}ref", str(result["title"]), flags=re.IGNORECASE)
    return result


def graph_to_networkx(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """The view as the pipelines' graph: node label, type, mentions, documents (plus x, y);
    edges keyed by relation with relation, weight (support), documents, modality.

    Every attribute is a scalar and never None, so GraphML and GEXF accept it.
    """
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(str(node["id"]), **node_attributes(node))
    for edge in edges:
        relation = str(edge.get("relation") or edge.get("label") or "")
        graph.add_edge(str(edge["from"]), str(edge["to"]), key=relation, **edge_attributes(edge, relation))
    return graph


def node_attributes(node: Mapping[str, Any]) -> dict[str, Any]:
    """Export attributes of one vis node dict."""
    attributes: dict[str, Any] = {
        "label": str(node.get("label") or node["id"]), "type": str(node.get("type") or ""),
        "mentions": int(node.get("weight") or 0), "documents": int(node.get("documents") or 0),
    }
    for axis in ("x", "y"):
        if node.get(axis) is not None:
            attributes[axis] = float(node[axis])
    return attributes


def edge_attributes(edge: Mapping[str, Any], relation: str) -> dict[str, Any]:
    """Export attributes of one vis edge dict."""
    return {
        "relation": relation, "weight": int(edge.get("support") or 1),
        "documents": int(edge.get("documents") or 0), "modality": str(edge.get("modality") or "reported"),
    }


def export_bytes(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], fmt: str) -> bytes:
    """The view as a file in ``fmt`` (graphml, gexf, json, csv: the edges table with labels), UTF-8.

    Raises ``pipelines.errors.ExportError`` for an unknown format.
    """
    graph = graph_to_networkx(nodes, edges)
    with tempfile.TemporaryDirectory(prefix="entente-export-") as folder:
        path = Path(folder) / f"view.{fmt}"
        write_export(graph, fmt, path)
        return path.read_bytes()
