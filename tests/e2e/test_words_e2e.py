"""A German page in Chromium against `streamlit run explorer/app.py` (issue 12, point 4): relation
names on the canvas, in the card and in the tooltips are German, no English interface word shows, and
a screenshot of the page is kept for a person to look at."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, expect

from explorer.i18n import DE, EN
from tests.e2e.harness import graph_eval, node_point

KEY = "kg_graph"
PUTIN = "person:wladimir-putin"
VISIT = f"{PUTIN}|visits|country:KP"
ENGLISH = sorted({EN[key] for key in EN if key.startswith("rel_") and EN[key] != DE[key]}
                 | {"mentions", "sentences", "documents", "articles", "outlets", "texts", "languages", "seen"})
# The interface around the graph (legend, captions, headings, sidebar); the evidence quotes articles as written.
INTERFACE = """() => [...document.querySelectorAll(
  '.kg-legend, [data-testid=stCaptionContainer], h1, h2, h3, [data-testid=stSidebar], [role=tab], button')]
  .map(el => el.innerText).join('\\n')"""


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]


def tooltip_at(page: Page, point: tuple[float, float], says: str) -> str:
    """The tooltip vis shows with the mouse at ``point``, once it says ``says``."""
    page.mouse.move(*point)
    tooltip = page.locator(".kg-canvas div.vis-tooltip")
    expect(tooltip).to_contain_text(says)
    return tooltip.inner_text()


def test_words_e2e_german_page_has_no_english_relation_names_or_tooltips(
        new_page: Callable[..., Page], open_app: Callable[..., None], tmp_path: Path) -> None:
    page = new_page(viewport={"width": 1600, "height": 1000})
    open_app(page, f"/?lang=de&edge={VISIT}")
    expect(page.get_by_role("heading", name="Wladimir Putin — besucht → Nordkorea")).to_be_visible()
    shot = tmp_path / "german-page.png"
    page.screenshot(path=str(shot), full_page=True)
    assert Image.open(shot).width == 1600
    assert english_in(page.evaluate(INTERFACE)) == []
    labels = graph_eval(page, KEY, "net.body.data.edges.get().map(e => e.label).filter(Boolean)")
    assert "besucht" in labels and not [label for label in labels if english_in(label)]
    node_tip = tooltip_at(page, node_point(page, KEY, PUTIN), "Wladimir Putin")
    assert "Person ·" in node_tip and "Erwähnungen" in node_tip and english_in(node_tip) == []
    titles = graph_eval(page, KEY, "net.body.data.edges.get().map(e => e.title)")  # what hovering an edge shows
    assert any("—besucht→" in title and "Sätze in" in title for title in titles)
    assert [title for title in titles if english_in(title)] == []
