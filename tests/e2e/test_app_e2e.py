"""The real explorer in Debian's Chromium against `streamlit run explorer/app.py` on 127.0.0.1."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.harness import ROOT, edge_point, graph_eval, node_point, wait_graph_drawn

APP = ROOT / "explorer" / "app.py"
KEY = "kg_graph"
PUTIN = "person:wladimir-putin"
XSS_TITLE = 'Gipfel <script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
XSS_BODY = (
    f"{XSS_TITLE}\n\nBundeskanzler Olaf Scholz traf in Berlin den französischen Präsidenten Emmanuel Macron. "
    'Macron sagte <script>window.__xss=3</script> und <img src=x onerror="window.__xss=4"> nichts weiter.\n'
)


def open_app(page: Page, url: str) -> None:
    page.add_init_script("window.alert = () => { window.__xss = 'alert'; };")
    page.goto(url)
    wait_graph_drawn(page, KEY, timeout=120_000)


def details(page: Page) -> Locator:
    return page.locator(".kg-evidence")


def test_app_e2e_starts_and_draws_sample_graph(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    assert graph_eval(page, KEY, "net.body.data.nodes.length") >= 50
    expect(page.get_by_text(re.compile(r"Showing \d+ of \d+ entities"))).to_be_visible()


def test_app_e2e_click_putin_shows_highlighted_sentences(page: Page, app_url: str, tmp_path: Path) -> None:
    open_app(page, app_url)
    page.mouse.click(*node_point(page, KEY, PUTIN))
    expect(page.get_by_role("heading", name="Wladimir Putin")).to_be_visible()
    first = details(page).first
    expect(first).to_contain_text("Putin")
    expect(first.locator("mark").first).to_contain_text("Putin")
    expect(page).to_have_url(re.compile(r"node=person%3Awladimir-putin|node=person:wladimir-putin"))
    box = page.locator(".kg-canvas").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 8, box["y"] + 8)  # empty canvas: no tooltip in the picture
    page.wait_for_timeout(500)
    page.screenshot(path=str(tmp_path / "app.png"))
    assert (tmp_path / "app.png").stat().st_size > 10_000
    if os.environ.get("UPDATE_SCREENSHOT") == "1":  # refresh the README's picture: UPDATE_SCREENSHOT=1 python -m pytest tests/e2e
        shutil.copy(tmp_path / "app.png", ROOT / "docs" / "explorer.png")


# An edge whose midpoint is free of nodes and other edges, so a click there can only mean it.
# An edge whose midpoint no node and no other edge comes within 10 screen pixels of: vis-network's click
# tolerance would otherwise select the neighbour.
CLICKABLE_EDGE = """net.body.data.edges.getIds().find(id => {
  const e = net.body.edges[id]; if (!e || id.includes('co_mentioned')) return false;
  const c = e.edgeType.getPoint(0.5), m = 10 / net.getScale();
  const box = {left: c.x - m, right: c.x + m, top: c.y - m, bottom: c.y + m};
  const edges = Object.values(net.body.edges).filter(o => o.isOverlappingWith(box));
  const nodes = Object.values(net.body.nodes).filter(n => n.isOverlappingWith(box));
  return nodes.length === 0 && edges.length === 1 && edges[0].id === id; })"""


def test_app_e2e_click_edge_shows_evidence(page: Page, app_url: str) -> None:
    open_app(page, app_url + "/?co=0")  # typed relations only: co-mentions cross most midpoints
    edge = graph_eval(page, KEY, CLICKABLE_EDGE)
    assert edge, "no edge could be clicked on its own"
    page.mouse.click(*edge_point(page, KEY, edge, 0.5))
    relation = edge.split("|")[1].replace("_", " ")
    expect(page.get_by_role("heading", name=re.compile(relation))).to_be_visible()
    expect(details(page).first.locator("mark").first).to_be_visible()


def test_app_e2e_filter_changes_drawn_graph(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    before = graph_eval(page, KEY, "net.body.data.nodes.length")
    edges = graph_eval(page, KEY, "net.body.data.edges.length")
    page.get_by_text("Hide co-mentioned edges").click()  # hide the co-mentions shown by default: fewer edges
    page.wait_for_function("(n) => window.__kg['kg_graph'].body.data.edges.length < n", arg=edges, timeout=30_000)
    slider = page.get_by_role("slider").first
    slider.focus()
    for _ in range(4):
        slider.press("ArrowRight")
    page.wait_for_function("(n) => window.__kg['kg_graph'].body.data.nodes.length < n", arg=before, timeout=30_000)


def test_app_e2e_shared_url_restores_view(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?types=person,country&node={PUTIN}")
    wait_graph_drawn(page, KEY, timeout=120_000)
    kinds = graph_eval(page, KEY, "[...new Set(net.body.data.nodes.getIds().map(id => id.split(':')[0]))].sort()")
    assert kinds == ["country", "person"]
    expect(page.get_by_role("heading", name="Wladimir Putin")).to_be_visible()
    assert graph_eval(page, KEY, "net.getSelectedNodes()") == [PUTIN]


def test_app_e2e_uploaded_script_payloads_never_run(page: Page, app_url: str, tmp_path: Path) -> None:
    article = tmp_path / "xss-gipfel.de.txt"
    article.write_text(XSS_BODY, encoding="utf-8")
    open_app(page, app_url)
    page.get_by_role("tab", name="Add articles").click()
    page.locator("input[type=file]").set_input_files(str(article))
    page.get_by_role("button", name="Add to the graph").click()
    expect(page.get_by_text(re.compile(r"1 new"))).to_be_visible(timeout=60_000)
    wait_graph_drawn(page, KEY)
    page.mouse.click(*node_point(page, KEY, "person:emmanuel-macron"))
    expect(details(page).filter(has_text="window.__xss=3").first).to_be_visible(timeout=20_000)  # a click swaps the data first
    node = node_point(page, KEY, "person:emmanuel-macron")
    page.mouse.move(*node)  # tooltip
    page.get_by_role("tab", name="Entities").click()
    expect(page.locator("[data-testid=stDataFrame]").first).to_be_visible(timeout=30_000)  # the table holding the payload
    page.get_by_role("tab", name="Export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="HTML (offline)").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert "<script>window.__xss" not in exported and "<img src=x" not in exported
    assert page.evaluate("window.__xss") is None  # the card, tooltip and tables holding the payload were all drawn above


def test_app_e2e_png_download(page: Page, app_url: str) -> None:
    open_app(page, app_url)
    page.get_by_role("tab", name="Export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="PNG of the graph").click()
    assert Path(download.value.path()).read_bytes().startswith(b"\x89PNG")
