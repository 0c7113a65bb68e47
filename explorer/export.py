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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

from explorer.i18n import DEFAULT_LANGUAGE, translate
from explorer.labels import MAX_LABEL_PX
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
Span = tuple[str, str]  # first and last ISO day
_COLOUR = re.compile("#[0-9a-fA-F]{6}")
EXTRAS_CSS = """
#kg-legend { position: fixed; left: 12px; bottom: 12px; padding: 6px 10px; font: 13px sans-serif;
  background: rgba(255,255,255,0.92); border: 1px solid #ddd; border-radius: 6px; z-index: 10; }
#kg-legend .kg-dot { display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .4em; }
#kg-evidence { position: fixed; right: 12px; top: 12px; width: 380px; max-height: 80vh; overflow-y: auto;
  padding: 8px 12px; font: 14px sans-serif; background: #fff; border: 1px solid #ccc; border-radius: 6px;
  box-shadow: 2px 2px 8px rgba(0,0,0,.2); z-index: 11; }
#kg-evidence h2 { font-size: 15px; margin: 4px 0 8px; }
#kg-evidence .kg-source { color: #666; font-size: 12px; }
"""
# Shows the clicked node's or edge's sentences; all text goes in with textContent.
EVIDENCE_JS = """(function () {
  var evidence = JSON.parse(document.getElementById("kg-evidence-data").textContent);
  var texts = JSON.parse(document.getElementById("kg-evidence-texts").textContent);
  var panel = document.getElementById("kg-evidence");
  function add(parent, tag, text, cls) {
    var el = document.createElement(tag); el.textContent = text; if (cls) el.className = cls;
    parent.appendChild(el); return el;
  }
  function show(id) {
    var entry = evidence[id];
    panel.replaceChildren();
    if (!entry) { panel.hidden = true; return; }
    add(panel, "h2", entry.title);
    var list = add(panel, "ul", "");
    entry.sentences.forEach(function (s) {
      var item = add(list, "li", s.text);
      add(item, "div", [s.article, s.date].filter(Boolean).join(" \u00b7 "), "kg-source");
    });
    if (!entry.sentences.length) add(panel, "p", texts.none);
    if (entry.more > 0) add(panel, "p", texts.more.replace("{n}", entry.more), "kg-source");
    panel.hidden = false;
  }
  network.on("click", function (params) {
    show(params.nodes.length ? params.nodes[0] : params.edges.length ? params.edges[0] : null);
  });
  // as in the explorer (frontend.js capLabels): no label taller than MAX_PX on screen at any zoom
  network.on("beforeDrawing", function () {
    var limit = MAX_PX / network.getScale();
    Object.values(network.body.nodes).concat(Object.values(network.body.edges)).forEach(function (item) {
      var label = item.labelModule;
      if (!label || !item.options.font) return;
      var want = Math.min(item.options.font.size, limit);
      if (label.fontOptions.size !== want) { label.fontOptions.size = want; label.labelDirty = true; }
    });
  });
  network.redraw();
})();""".replace("MAX_PX", str(MAX_LABEL_PX))
PANEL_TEXTS = ("none", "more")  # the evidence panel's own words: i18n keys export_panel_<name>
WORD_JOINER = "\u2060"  # invisible; splits "href" so pyvis keeps its text tooltips


def standalone_html(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], options: dict[str, Any],
                    *, title: str, legend: Sequence[tuple[str, str]] = (),
                    evidence: Mapping[str, Mapping[str, Any]] | None = None,
                    lang: str = DEFAULT_LANGUAGE) -> str:
    """A self-contained page (about 0.5 MB of inlined vis-network) drawing the view as it is laid out.

    ``nodes``/``edges``/``options`` as ``vis_payload`` makes them; physics is
    forced off so the server's positions stay.  ``title`` is plain text.
    ``legend``: (colour, text) lines shown over the graph ("" colour: a text
    line).  ``evidence``: per node or edge id, ``{"title", "sentences":
    [{"text", "article", "date"}], "more"}`` (``export_context.export_evidence``),
    shown in a panel when that node or edge is clicked; the page writes it
    with ``textContent``, so it never becomes markup.  The panel's own words are in ``lang``.
    """
    net = Network(height="85vh", width="100%", directed=True, heading=html.escape(title),
                  cdn_resources="in_line")
    net.nodes = [_defused(node) for node in nodes]
    net.edges = [_defused(edge) for edge in edges]
    net.options = page_options(options)
    page = "<!DOCTYPE html>\n" + _offline(net.generate_html())
    page = page.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>', 1)
    texts = {name: translate(lang, f"export_panel_{name}") for name in PANEL_TEXTS}
    page = _with_extras(page, legend, evidence or {}, texts)
    leftover = remote_resources(page)
    if leftover:
        raise RuntimeError(f"the standalone page would load remote resources: {leftover}")
    return page


def _with_extras(page: str, legend: Sequence[tuple[str, str]], evidence: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """The page with the legend, the evidence panel, its data and words, and the click handler before ``</body>``."""
    block = (f'<style>{EXTRAS_CSS}</style>\n<div id="kg-legend">{legend_html(legend)}</div>\n'
             f'<div id="kg-evidence" hidden></div>\n'
             f'<script type="application/json" id="kg-evidence-data">{_inert_json(evidence)}</script>\n'
             f'<script type="application/json" id="kg-evidence-texts">{_inert_json(texts)}</script>\n'
             f'<script>{EVIDENCE_JS}</script>\n')
    at = page.rfind("</body>")
    return page[:at] + block + page[at:] if at >= 0 else page + block


def _inert_json(value: Mapping[str, Any]) -> str:
    """JSON that stays inert inside ``<script>`` (JSON.parse reads the escapes back)."""
    data = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        data = data.replace(char, escape)
    return data


def legend_html(legend: Sequence[tuple[str, str]]) -> str:
    """Escaped legend lines: a colour dot (only a "#rrggbb" colour is used) and the text."""
    lines = []
    for colour, text in legend:
        dot = f'<span class="kg-dot" style="background:{colour}"></span>' if _COLOUR.fullmatch(colour) else ""
        lines.append(f"<div>{dot}{html.escape(text)}</div>")
    return "".join(lines)


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


def graph_to_networkx(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]],
                      dates: Mapping[str, Span] | None = None) -> nx.MultiDiGraph:
    """The view as the pipelines' graph: node label, type, mentions, documents, and how it is
    drawn (color, size, x, y); edges keyed by relation with relation, weight (support),
    documents, modality, width.  ``dates`` (node or edge id -> first and last evidence day)
    adds first_date/last_date.  ``pipelines.exports`` turns the drawing attributes into GEXF viz.

    Every attribute is a scalar and never None, so GraphML and GEXF accept it.
    """
    dates = dates or {}
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(str(node["id"]), **node_attributes(node), **_dates(dates.get(str(node["id"]))))
    for edge in edges:
        relation = str(edge.get("relation") or edge.get("label") or "")
        graph.add_edge(str(edge["from"]), str(edge["to"]), key=relation, **edge_attributes(edge, relation),
                       **_dates(dates.get(str(edge.get("id")))))
    return graph


def node_attributes(node: Mapping[str, Any]) -> dict[str, Any]:
    """Export attributes of one vis node dict."""
    attributes: dict[str, Any] = {
        "label": str(node.get("label") or node["id"]), "type": str(node.get("type") or ""),
        "mentions": int(node.get("weight") or 0), "documents": int(node.get("documents") or 0),
    }
    fill = node.get("color")
    fill = fill.get("background") if isinstance(fill, dict) else fill
    if isinstance(fill, str) and fill:
        attributes["color"] = fill
    for name in ("size", "x", "y"):
        if node.get(name) is not None:
            attributes[name] = float(node[name])
    return attributes


def edge_attributes(edge: Mapping[str, Any], relation: str) -> dict[str, Any]:
    """Export attributes of one vis edge dict."""
    attributes: dict[str, Any] = {
        "relation": relation, "weight": int(edge.get("support") or 1),
        "documents": int(edge.get("documents") or 0), "modality": str(edge.get("modality") or "reported"),
    }
    if edge.get("width") is not None:
        attributes["width"] = float(edge["width"])
    return attributes


def _dates(span: Span | None) -> dict[str, str]:
    return {"first_date": span[0], "last_date": span[1]} if span and span[0] else {}


def export_bytes(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], fmt: str,
                 dates: Mapping[str, Span] | None = None) -> bytes:
    """The view as a file in ``fmt`` (graphml, gexf, json, csv: the edges table with labels), UTF-8;
    ``dates`` as for ``graph_to_networkx``.

    Raises ``pipelines.errors.ExportError`` for an unknown format.
    """
    graph = graph_to_networkx(nodes, edges, dates)
    with tempfile.TemporaryDirectory(prefix="entente-export-") as folder:
        path = Path(folder) / f"view.{fmt}"
        write_export(graph, fmt, path)
        return path.read_bytes()
