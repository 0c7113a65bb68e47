"""The explorer's graph as a reader meets it, in Chromium against `streamlit run explorer/app.py`:
readable at the first view (label size and overlaps read from vis-network in the page), and a
thread that can be followed (highlight, zoom to, marks, the connection path, dragged nodes)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.harness import graph_eval, graph_legibility, node_point

KEY = "kg_graph"
PUTIN = "person:wladimir-putin"
DIMMED = ",0.14)"  # frontend.js DIM_ALPHA, the end of a faded rgba() colour
PATH_COLOR = "#d62728"
NEIGHBOURS = f"net.getConnectedNodes('{PUTIN}')"
# Of the nodes IDS: those whose label vis draws at this zoom, and how many of their boxes overlap another's.
EMPHASISED_LABELS = """(() => { const scale = net.getScale();
  const drawn = IDS.map(id => net.body.nodes[id]).filter(n => n.labelModule.fontOptions.size * scale
    >= n.options.scaling.label.drawThreshold - 1);
  const boxes = drawn.map(n => n.labelModule.size);
  const hit = (a, b) => a.left < b.left + b.width && b.left < a.left + a.width
    && a.top < b.top + b.height && b.top < a.top + a.height;
  return [drawn.map(n => n.id), boxes.filter((a, i) => boxes.some((b, j) => j !== i && hit(a, b))).length]; })()"""


def settled_click(page: Page, node_id: str) -> None:
    """Click a node and wait until the page's answer to the click is drawn (the backbone then draws
    the clicked node's hidden edges too: new data with the same nodes)."""
    page.mouse.click(*node_point(page, KEY, node_id))
    page.wait_for_function(f"""(() => {{ const el = window.__kg['{KEY}'].body.container.closest('.kg-canvas');
      return el.dataset.drawn === '1' && (el.dataset.selected || '').includes({json.dumps(node_id)}); }})()""",
                           timeout=60_000)


def canvas_state(page: Page) -> dict[str, str]:
    return graph_eval(page, KEY, "({...net.body.container.closest('.kg-canvas').dataset})")


def node_colour(page: Page, node_id: str) -> Any:
    return graph_eval(page, KEY, f"net.body.data.nodes.get('{node_id}').color")


def background(colour: Any) -> str:
    return str(colour["background"] if isinstance(colour, dict) else colour)


@pytest.mark.parametrize("size", [(1600, 1000), (1280, 720)])
def test_graph_e2e_first_view_labels_at_least_12px_and_nothing_overlaps(
        new_page: Callable[..., Page], open_app: Callable[..., None], size: tuple[int, int]) -> None:
    page = new_page(viewport={"width": size[0], "height": size[1]})
    open_app(page)
    first = graph_legibility(page, KEY)
    assert first["nodes"] >= 50 and first["labels_drawn"] >= 8, first
    assert first["label_px_min"] >= 12 and first["label_px_max"] <= 16, first
    assert first["label_overlaps"] == 0 and first["node_overlaps"] == 0, first
    graph_eval(page, KEY, "net.moveTo({scale: net.getScale() * 2.5, animation: false})")
    page.wait_for_timeout(300)
    zoomed = graph_legibility(page, KEY)  # more labels as the reader zooms in, still 12-16 px
    assert zoomed["labels_drawn"] > first["labels_drawn"], (first, zoomed)
    assert 12 <= zoomed["label_px_min"] and zoomed["label_px_max"] <= 16, zoomed


def test_graph_e2e_parallel_relations_are_separate_curves(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    pairs = graph_eval(page, KEY, """(() => { const groups = {};
      for (const e of net.body.data.edges.get()) (groups[[e.from, e.to].sort().join('~')] ||= []).push(e.id);
      return Object.values(groups).filter(g => g.length > 1); })()""")
    assert pairs, "the sample view has two relations between the same pair"
    for group in pairs[:5]:
        middles = graph_eval(page, KEY, f"""{group!r}.map(id => {{ const p = net.body.edges[id].edgeType.getPoint(0.5);
          return [Math.round(p.x), Math.round(p.y)]; }})""")
        assert len({tuple(m) for m in middles}) == len(group), group  # each label sits on its own curve


def test_graph_e2e_click_highlights_neighbours_and_dims_the_rest(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    neighbours = set(graph_eval(page, KEY, NEIGHBOURS))
    assert neighbours and DIMMED not in background(node_colour(page, PUTIN))
    before, _ = graph_eval(page, KEY, EMPHASISED_LABELS.replace("IDS", repr([PUTIN, *neighbours])))
    settled_click(page, PUTIN)
    neighbours = set(graph_eval(page, KEY, NEIGHBOURS))  # all of them now: the backbone keeps a clicked node's edges
    others = [n for n in graph_eval(page, KEY, "net.body.data.nodes.getIds()") if n not in neighbours | {PUTIN}]
    thread = EMPHASISED_LABELS.replace("IDS", repr([PUTIN, *neighbours]))
    assert others
    page.wait_for_function(f"String(window.__kg['{KEY}'].body.data.nodes.get('{others[0]}').color.background)"
                           f".endsWith('{DIMMED}')")
    assert all(DIMMED not in background(node_colour(page, n)) for n in [PUTIN, *neighbours])
    undimmed = [(n, node_colour(page, n)) for n in others if not background(node_colour(page, n)).endswith(DIMMED)]
    assert not undimmed, (undimmed, graph_eval(page, KEY, "net.getSelectedNodes()"), len(others))
    page.wait_for_timeout(300)  # label boxes are measured while drawing
    drawn, overlaps = graph_eval(page, KEY, thread)
    assert PUTIN in drawn and len(drawn) > len(before) and overlaps == 0, (before, drawn, overlaps)  # more, clear
    box = page.locator(".kg-canvas").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 8, box["y"] + 8)  # empty canvas (the top left corner): all back
    page.wait_for_function(f"!String(window.__kg['{KEY}'].body.data.nodes.get('{others[0]}').color.background)"
                           f".endsWith('{DIMMED}')")


def test_graph_e2e_selection_from_the_url_is_highlighted(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page, f"/?node={PUTIN}")
    assert graph_eval(page, KEY, "net.getSelectedNodes()") == [PUTIN]
    neighbours = set(graph_eval(page, KEY, NEIGHBOURS))
    dimmed = [n for n in graph_eval(page, KEY, "net.body.data.nodes.getIds()")
              if background(node_colour(page, n)).endswith(DIMMED)]
    assert dimmed and not (set(dimmed) & (neighbours | {PUTIN}))


def test_graph_e2e_zoom_to_selection(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    before = graph_eval(page, KEY, "net.getScale()")
    settled_click(page, PUTIN)
    page.get_by_role("button", name="Zoom to selection").click()
    page.wait_for_function(f"window.__kg['{KEY}'].getScale() > {before * 1.3}")
    page.wait_for_timeout(400)  # the 300 ms animation
    box = page.locator(".kg-canvas").bounding_box()
    assert box is not None
    for node in [PUTIN, *graph_eval(page, KEY, NEIGHBOURS)]:
        x, y = node_point(page, KEY, node)
        assert box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"], node
    page.get_by_role("button", name="Show all", exact=True).click()
    page.wait_for_function(f"Math.abs(window.__kg['{KEY}'].getScale() - {before}) < 0.01")


def test_graph_e2e_focus_and_search_matches_stand_out(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page, f"/?focus={PUTIN}&search=vietnam")
    focus = graph_eval(page, KEY, f"net.body.nodes['{PUTIN}'].options")
    assert focus["borderWidth"] == 5 and focus["color"]["border"] == "#111111"
    match = graph_eval(page, KEY, "net.body.nodes['country:VN'].options")
    assert match["borderWidth"] == 4 and match["color"]["border"] == "#f5b400"
    plain = graph_eval(page, KEY, """net.body.data.nodes.get().filter(n => !n.mark).map(n => n.id)""")
    assert plain and all(graph_eval(page, KEY, f"net.body.nodes['{n}'].options.borderWidth") == 1 for n in plain[:5])
    expect(page.get_by_text("search match")).to_be_visible()


def test_graph_e2e_connection_path_is_drawn(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    page.get_by_role("tab", name="Connections").click()
    for label, find, name in (("From", "Find the first entity", "Wladimir Putin"), ("To", "Find the second entity", "Pyongyang")):
        search = page.get_by_label(find)
        search.fill(name.split()[-1])
        search.press("Enter")  # the picker offers the matches
        box = page.get_by_role("combobox", name=label, exact=True)
        expect(box).to_have_count(1)  # not while a rerun redraws the tab
        box.click()
        page.keyboard.type(name)
        expect(page.get_by_role("option").first).to_contain_text(name)
        page.keyboard.press("Enter")
        expect(box).to_have_count(1)
        expect(box).to_have_value(name)
    expect(page.get_by_text("Path 1 is drawn in red on the graph.")).to_be_visible(timeout=30_000)
    page.wait_for_function(f"""Object.values(window.__kg['{KEY}'].body.data.edges.get())
      .some(e => e.color && e.color.color === '{PATH_COLOR}')""", timeout=30_000)
    red = graph_eval(page, KEY, f"net.body.data.edges.get().filter(e => e.color && e.color.color === '{PATH_COLOR}')"
                                ".map(e => [e.from, e.to])")
    ends = {n for pair in red for n in pair}
    assert PUTIN in ends and "place:pyongyang" in ends
    expect(page.get_by_text("connection path")).to_be_visible()


def test_graph_e2e_dragged_node_stays_put_across_reruns(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    node = graph_eval(page, KEY, "net.body.data.nodes.getIds().find(id => net.getConnectedNodes(id).length === 0)"
                                 " || net.body.data.nodes.getIds()[5]")
    start = node_point(page, KEY, node)
    page.mouse.move(*start)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(start[0] + 6 * step, start[1] + 4 * step)
    page.mouse.up()
    dragged = graph_eval(page, KEY, f"net.getPositions(['{node}'])['{node}']")
    sig = page.locator(".kg-canvas").get_attribute("data-sig")
    page.get_by_role("button", name=re.compile(r"Show 100 more entities")).click()  # a rerun with new data
    page.wait_for_function(f"""(() => {{ const el = window.__kg['{KEY}'].body.container.closest('.kg-canvas');
      return el.dataset.drawn === '1' && el.dataset.sig !== '{sig}'; }})()""", timeout=60_000)
    assert graph_eval(page, KEY, f"net.getPositions(['{node}'])['{node}']") == dragged


def test_graph_e2e_backbone_click_draws_hidden_edges_keeps_the_zoom_and_all_shows_every_edge(
        page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    expect(page.get_by_text(re.compile(r"\d+ weaker connections hidden; each entity keeps")).first).to_be_visible()
    drawn = graph_eval(page, KEY, "net.body.data.edges.length")
    own = graph_eval(page, KEY, f"net.getConnectedEdges('{PUTIN}').length")
    graph_eval(page, KEY, f"net.moveTo({{position: net.getPositions(['{PUTIN}'])['{PUTIN}'], scale: net.getScale() * 1.5, animation: false}})")
    view = graph_eval(page, KEY, "[net.getScale(), net.getViewPosition()]")
    sig = canvas_state(page)["sig"]
    settled_click(page, PUTIN)
    assert canvas_state(page)["sig"] != sig and graph_eval(page, KEY, f"net.getConnectedEdges('{PUTIN}').length") > own
    assert graph_eval(page, KEY, "[net.getScale(), net.getViewPosition()]") == view  # same nodes: the reader's zoom stays
    sig = canvas_state(page)["sig"]
    page.get_by_text("Show all connections", exact=True).click()
    page.wait_for_function(f"""(() => {{ const el = window.__kg['{KEY}'].body.container.closest('.kg-canvas');
      return el.dataset.drawn === '1' && el.dataset.sig !== '{sig}'; }})()""", timeout=60_000)
    assert graph_eval(page, KEY, "net.body.data.edges.length") > drawn
    expect(page).to_have_url(re.compile(r"edges=all"))  # the link follows the script's end, after the graph's data
    expect(page.get_by_text(re.compile(r"weaker connections hidden"))).to_have_count(0)
