"""The question box in the real explorer: ask in German, read the answer, open a line's evidence."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.harness import ROOT, wait_graph_drawn

APP = ROOT / "explorer" / "app.py"


def ask(page: Page, question: str) -> None:
    box = page.get_by_placeholder("Who met X? · Wer traf X?")
    box.fill(question)
    box.press("Enter")


def test_questions_e2e_answer_lines_open_their_evidence(page: Page, app_url: str) -> None:
    page.goto(app_url)
    wait_graph_drawn(page, "kg_graph", timeout=120_000)
    page.get_by_role("tab", name="Ask").click()
    ask(page, "Wer führt Frankreich?")
    line = page.get_by_text("Emmanuel Macron — leitet → France")  # a German question is answered in German words
    expect(line).to_be_visible()
    expect(page.locator(".kg-evidence")).to_have_count(0)  # nothing selected, no line open
    line.click()
    evidence = page.get_by_test_id("stExpander").locator(".kg-evidence")
    expect(evidence.first).to_contain_text("Macron")
    expect(evidence.first.locator("mark").first).to_be_visible()

    ask(page, "Wie wird das Wetter?")
    expect(page.get_by_text("This box understands these questions")).to_be_visible()
    expect(page.get_by_text("Was verbindet X und Y?")).to_be_visible()
