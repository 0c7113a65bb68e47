"""The graph component in a real browser: drawing, clicks back to Python, XSS, theme, PNG, offline page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from explorer.export import standalone_html
from explorer.graph_component import vis_payload
from tests.e2e.apps.demo_data import XSS_IMG, XSS_SCRIPT, demo_frames
from tests.e2e.conftest import APPS
from tests.e2e.harness import edge_point, graph_eval, node_point, wait_graph_drawn

KEY = "demo_graph"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def demo_url(streamlit_server: Callable[..., str]) -> str:
    return streamlit_server(APPS / "graph_demo.py")


def open_demo(page: Page, url: str) -> None:
    page.add_init_script("window.alert = () => { window.__xss = 1; };")  # any dialog counts as XSS
    page.goto(url)
    wait_graph_drawn(page, KEY)


def test_graph_draws_all_nodes_and_edges_once(page: Page, demo_url: str) -> None:
    open_demo(page, demo_url)
    assert graph_eval(page, KEY, "[net.body.data.nodes.length, net.body.data.edges.length]") == [6, 6]
    expect(page.get_by_test_id("stText")).to_have_text("nothing selected")
    assert page.evaluate(f"window.__kgDrawn['{KEY}']") > 0

    page.get_by_text("Fewer nodes").click()  # new data: swapped into the same Network
    page.wait_for_function(f"window.__kg['{KEY}'].body.data.nodes.length === 4")
    wait_graph_drawn(page, KEY)
    assert page.locator(".kg-canvas canvas").count() == 1



def test_browser_items_are_the_payload_exactly(page: Page, demo_url: str) -> None:
    # the page receives the compact form (explorer/graph_component/wire.py); wire.js gives back every
    # field of every item, hostile labels and tooltips as plain text
    open_demo(page, demo_url)
    nodes, edges, _ = vis_payload(*demo_frames())
    assert graph_eval(page, KEY, "net.body.data.nodes.get()") == nodes
    assert graph_eval(page, KEY, "net.body.data.edges.get()") == edges
    assert page.evaluate("window.__xss === undefined")


COUNT_UPDATES_JS = """(key) => { const proto = Object.getPrototypeOf(window.__kg[key].body.data.edges);
  window.__kgUpdated = 0;
  const update = proto.update;
  proto.update = function (items, ...rest) {
    window.__kgUpdated += Array.isArray(items) ? items.length : 1;
    return update.call(this, items, ...rest);
  }; }"""


def test_new_data_is_drawn_without_restyling_every_item(page: Page, demo_url: str) -> None:
    # any DataSet update makes vis re-process every edge: a swap with nothing selected needs none
    open_demo(page, demo_url)
    page.evaluate(COUNT_UPDATES_JS, KEY)
    page.get_by_text("Fewer nodes").click()
    page.wait_for_function(f"window.__kg['{KEY}'].body.data.nodes.length === 4")
    wait_graph_drawn(page, KEY)
    assert page.evaluate("window.__kgUpdated") == 0
    page.mouse.click(*node_point(page, KEY, "country:KP"))  # emphasis does restyle: the count works
    page.wait_for_function("window.__kgUpdated > 0")

def test_clicks_on_node_edge_and_canvas_reach_python(page: Page, demo_url: str) -> None:
    open_demo(page, demo_url)
    out = page.get_by_test_id("stText")
    page.mouse.click(*node_point(page, KEY, "country:KP"))
    expect(out).to_have_text("selected node: country:KP")
    page.mouse.click(*edge_point(page, KEY, "person:wladimir-putin|meets|person:kim-jong-un", 0.4))
    expect(out).to_have_text("selected edge: person:wladimir-putin|meets|person:kim-jong-un")
    box = page.locator(".kg-canvas").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 8, box["y"] + box["height"] - 8)  # empty corner
    expect(out).to_have_text("nothing selected")
    expect(page.get_by_text("on_select calls: 3")).to_be_visible()
    page.mouse.click(box["x"] + 8, box["y"] + box["height"] - 8)  # nothing changes: nothing sent
    page.wait_for_timeout(300)
    expect(page.get_by_text("on_select calls: 3")).to_be_visible()


def test_hostile_labels_show_as_text_and_run_nothing(page: Page, demo_url: str) -> None:
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    open_demo(page, demo_url)
    for node_id in ("agreement:partnership-kp-ru-2024", "organization:evil"):
        page.mouse.move(*node_point(page, KEY, node_id))
        tooltip = page.locator(".kg-canvas div.vis-tooltip")
        expect(tooltip).to_be_visible()
        text = tooltip.inner_text()
        assert XSS_IMG in text or XSS_SCRIPT in text
        assert tooltip.locator("img, script").count() == 0
        page.mouse.move(5, 5)
    assert page.evaluate("window.__xss") is None
    assert not dialogs


def test_deep_link_selects_the_node(page: Page, demo_url: str) -> None:
    open_demo(page, demo_url + "/?node=place:pyongyang")
    assert graph_eval(page, KEY, "net.getSelectedNodes()") == ["place:pyongyang"]
    expect(page.get_by_test_id("stText")).to_have_text("nothing selected")  # not a click


def test_labels_follow_light_and_dark_theme(new_page: Callable[..., Page], demo_url: str) -> None:
    colours = []
    for scheme in ("light", "dark"):
        page = new_page(color_scheme=scheme)
        open_demo(page, demo_url)
        text = page.evaluate("getComputedStyle(document.querySelector('.stApp')).color")
        font = graph_eval(page, KEY, "net.body.nodes['country:KP'].options.font.color")
        assert _rgb(font) == _rgb(text), scheme
        colours.append(font)
    assert colours[0] != colours[1]


def test_png_button_downloads_the_canvas(page: Page, demo_url: str, tmp_path: Path) -> None:
    open_demo(page, demo_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="PNG").click()
    assert download.value.suggested_filename == "entente-graph.png"
    png = tmp_path / "graph.png"
    download.value.save_as(png)
    data = png.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 5_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > 500 and height >= 500


def test_standalone_page_draws_offline(page: Page) -> None:
    nodes, edges, options = vis_payload(*demo_frames())
    page.add_init_script("window.alert = () => { window.__xss = 1; };")
    page.set_content(standalone_html(nodes, edges, options, title=f"View {XSS_IMG}"))
    page.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length === 6")
    assert page.locator("h1").inner_text() == f"View {XSS_IMG}"
    positions = page.evaluate("network.getPositions(['place:pyongyang'])['place:pyongyang']")
    assert positions == {"x": 300, "y": 140}
    page.mouse.move(*_standalone_node(page, "agreement:partnership-kp-ru-2024"))
    expect(page.locator("div.vis-tooltip")).to_be_visible()
    assert page.locator("div.vis-tooltip img").count() == 0
    assert page.evaluate("window.__xss") is None


def _standalone_node(page: Page, node_id: str) -> tuple[float, float]:
    x, y = page.evaluate("""(id) => { const p = network.canvasToDOM(network.getPositions([id])[id]);
      const r = network.body.container.getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""", node_id)
    return float(x), float(y)


def _rgb(colour: str) -> str:
    """A CSS colour as "r,g,b" (handles #rrggbb and rgb()/rgba())."""
    colour = colour.strip()
    if colour.startswith("#"):
        return ",".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return ",".join(part.strip() for part in colour[colour.index("(") + 1:-1].split(",")[:3])
