"""Structure at a glance and presenting, in Chromium against `streamlit run explorer/app.py`:
colour and size from the URL, presentation mode that fits the window, and exports opened again
(the PNG's pixels, the HTML page in the browser, the GEXF with networkx)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from explorer.graph_component import TYPE_COLORS
from tests.e2e.harness import graph_eval

KEY = "kg_graph"
PUTIN = "person:wladimir-putin"
CHROME = ("stToolbar", "stMainMenu", "stAppDeployButton", "stSidebar", "stHeader", "stDecoration")
NO_SCROLL = """() => [document.scrollingElement, document.querySelector('[data-testid=stMain]')]
  .filter(Boolean).every(el => el.scrollHeight <= el.clientHeight + 1)"""


def hex_colour(colour: Any) -> str:
    return str(colour["background"] if isinstance(colour, dict) else colour).lower()


def node_colours(page: Page) -> dict[str, str]:
    nodes = graph_eval(page, KEY, "net.body.data.nodes.get().map(n => [n.id, n.type, n.color])")
    return {node_id: f"{kind}:{hex_colour(colour)}" for node_id, kind, colour in nodes}


def download(page: Page, button: str) -> Path:
    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as started:
        page.get_by_role("button", name=button, exact=True).click()
    return Path(started.value.path())


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_present_e2e_fits_the_window_without_chrome_and_leads_back(
        new_page: Callable[..., Page], open_app: Callable[..., None], size: tuple[int, int]) -> None:
    page = new_page(viewport={"width": size[0], "height": size[1]})
    open_app(page, f"/?present=1&node={PUTIN}")
    page.wait_for_timeout(500)  # the canvas takes its height from the window after the header is drawn
    assert page.evaluate(NO_SCROLL), "the page scrolls in presentation mode"
    box = page.locator(".kg-canvas").bounding_box()
    assert box is not None and box["y"] + box["height"] <= size[1] and box["height"] >= size[1] * 0.6, box
    for testid in CHROME:
        expect(page.locator(f"[data-testid={testid}]")).to_be_hidden()
    expect(page.locator(".kg-present-title")).to_contain_text("Entente")
    expect(page.locator(".kg-present-summary")).to_contain_text("entities")
    expect(page.locator(".kg-legend")).to_contain_text("person")
    leave = page.get_by_role("button", name="Leave presentation")
    expect(leave).to_be_in_viewport()
    leave.click()
    expect(page.locator("[data-testid=stSidebar]")).to_be_visible(timeout=30_000)
    assert "present" not in page.url and f"node={PUTIN.replace(':', '%3A')}" in page.url
    # the graph remounts outside presentation mode: wait for the new one to select Putin
    page.wait_for_function("([key, id]) => { const net = window.__kg && window.__kg[key];"
                           " return !!net && net.getSelectedNodes().join() === id; }", arg=[KEY, PUTIN], timeout=30_000)


def test_present_e2e_colour_and_size_follow_the_url(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    by_type = node_colours(page)
    assert all(value == f"{value.split(':')[0]}:{TYPE_COLORS.get(value.split(':')[0], '')}" for value in by_type.values())
    mention_size = graph_eval(page, KEY, f"net.body.data.nodes.get('{PUTIN}').size")
    open_app(page, "/?colour=community&size=degree")
    by_community = node_colours(page)
    changed = [n for n in by_type if n in by_community and by_type[n] != by_community[n]]
    persons = {value for value in by_community.values() if value.startswith("person:")}
    assert changed and len(persons) > 1, by_community  # people in different communities differ
    expect(page.locator(".kg-legend")).to_contain_text("around")
    expect(page.locator(".kg-legend")).to_contain_text("size: connections (degree)")
    degree_size = graph_eval(page, KEY, f"net.body.data.nodes.get('{PUTIN}').size")
    assert degree_size != mention_size
    expect(page.get_by_role("radiogroup", name="Colour nodes by").get_by_text("community")).to_be_visible()
    assert "colour=community" in page.url and "size=degree" in page.url


def test_present_e2e_png_is_twice_the_canvas_with_the_legend(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    width, height = graph_eval(page, KEY, "[net.canvas.frame.canvas.clientWidth, net.canvas.frame.canvas.clientHeight]")
    image = Image.open(download(page, "PNG of the graph")).convert("RGB")
    assert image.size == (2 * width, 2 * height)
    # frontend.js drawLegend at factor 2: 13 px text, 1.5 lines, 8 px padding, 4 px margin
    px, line, pad = 26, 39, 16
    # the types come first, then lines the view adds (edge kinds, "size: mentions"): find the first
    # type's dot in the legend's column (bottom half), then each next type one line further down
    x, half = 8 + pad + px // 2, image.size[1] // 2
    column = ["#{:02x}{:02x}{:02x}".format(*image.getpixel((x, y))) for y in range(half, image.size[1])]  # type: ignore[misc]
    dot = [y for y, c in enumerate(column) if c == next(iter(TYPE_COLORS.values()))]
    assert dot, "no legend dot for the first type"
    run = [y for y in dot if y - dot[0] < px]
    first = half + (run[0] + run[-1]) // 2
    for i, colour in enumerate(TYPE_COLORS.values()):
        centre = (x, first + line * i)
        red, green, blue = image.getpixel(centre)  # type: ignore[misc]  # an RGB image gives a 3-tuple
        assert f"#{red:02x}{green:02x}{blue:02x}" == colour, (i, centre)


def test_present_e2e_html_export_shows_legend_and_evidence_on_click(
        new_page: Callable[..., Page], open_app: Callable[..., None]) -> None:
    page = new_page()
    open_app(page)
    exported = download(page, "HTML (offline)").read_text(encoding="utf-8")
    viewer = new_page(viewport={"width": 1400, "height": 900})
    viewer.set_content(exported)
    viewer.wait_for_function("typeof network !== 'undefined' && network.body.data.nodes.length > 50")
    expect(viewer.locator("#kg-legend")).to_contain_text("person")
    expect(viewer.locator("#kg-evidence")).to_be_hidden()
    viewer.evaluate(f"network.moveTo({{position: network.getPositions(['{PUTIN}'])['{PUTIN}'], scale: 3}})")
    box = viewer.locator("#mynetwork").bounding_box()
    assert box is not None
    point = viewer.evaluate(f"network.canvasToDOM(network.getPositions(['{PUTIN}'])['{PUTIN}'])")
    viewer.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = viewer.locator("#kg-evidence")
    expect(panel).to_be_visible()
    expect(panel.locator("h2")).to_have_text("Wladimir Putin")
    expect(panel.locator("li").first).to_contain_text("Putin")


def test_present_e2e_gexf_keeps_colour_size_position_and_dates(page: Page, open_app: Callable[..., None]) -> None:
    open_app(page)
    drawn = graph_eval(page, KEY, f"net.body.data.nodes.get('{PUTIN}')")
    graph = nx.read_gexf(io.BytesIO(download(page, "GEXF").read_bytes()))
    node = graph.nodes[PUTIN]
    viz = node["viz"]
    assert "#{r:02x}{g:02x}{b:02x}".format(**viz["color"]) == hex_colour(drawn["color"])
    assert viz["size"] == pytest.approx(drawn["size"])
    assert (viz["position"]["x"], -viz["position"]["y"]) == pytest.approx((drawn["x"], drawn["y"]))
    assert node["start"] <= node["end"] and node["start"][:2] == "20"
    assert graph.graph["mode"] == "dynamic"
    dated = [data for _, _, data in graph.edges(data=True) if data.get("start")]
    assert dated and all(data["start"] <= data["end"] for data in dated)
