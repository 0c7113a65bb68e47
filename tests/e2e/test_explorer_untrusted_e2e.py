"""The explorer in Chromium on a store it must not trust, with hostile links and with uploads.

The harness refuses and records every request to another host: a Markdown image in a title that the
browser tried to fetch fails the test, as does any JavaScript error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.harness import ROOT, graph_eval, node_point, wait_graph_drawn
from tests.explorer.hostile_store import PERSON, build_hostile_store

APP = ROOT / "explorer" / "app.py"
KEY = "kg_graph"
SHOTS = Path("/tmp/entente-e2e-shots")
GIPFEL = "Gipfel in Berlin\n\nBundeskanzler Olaf Scholz empfing Emmanuel Macron in Berlin.\n"
EDITED = "Gipfel in Paris\n\nBundeskanzler Olaf Scholz besuchte Emmanuel Macron in Paris.\n"


@pytest.fixture(scope="module")
def hostile_url(streamlit_server: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> str:
    db = build_hostile_store(tmp_path_factory.mktemp("hostile") / "hostile.sqlite")
    return streamlit_server(APP, {"KG_DB": str(db)})


def open_page(page: Page, url: str) -> None:
    page.add_init_script("window.alert = () => { window.__xss = 'alert'; };")
    page.goto(url)
    wait_graph_drawn(page, KEY, timeout=120_000)


def shot(page: Page, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def no_traceback(page: Page) -> None:
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    assert "Traceback" not in page.content() and "/work/" not in page.inner_text("body")


def test_explorer_e2e_bad_dates_and_damaged_rows_load_and_show_text_as_text(page: Page, hostile_url: str) -> None:
    open_page(page, hostile_url)
    no_traceback(page)
    assert PERSON in graph_eval(page, KEY, "net.body.data.nodes.getIds()")
    page.mouse.click(*node_point(page, KEY, PERSON))
    expect(page.get_by_role("heading", name="**Fett** Mann")).to_be_visible()
    expect(page.get_by_text("![x](http:\u2060//example.invalid/a.png) **bold** <script>window.__xss=1</script>").first).to_be_visible()
    expect(page.get_by_text("*Agentur* <img src=x onerror=window.__xss=2>").first).to_be_visible()
    assert page.locator("img[src*='example.invalid'], a[href*='example.invalid']").count() == 0
    page.get_by_text("Limit to a date range").click()  # three of four articles are undated
    expect(page.get_by_text("Published between")).to_be_visible()
    no_traceback(page)
    assert shot(page, "bad-dates").stat().st_size > 10_000
    assert page.evaluate("window.__xss") is None


HOSTILE_QUERY = ("?edge=foo&hops=99999&date_from=2024-13-45&node=%3Cscript%3Ealert(1)%3C/script%3E&types=bogus"
                 "&min_mentions=abc&hops=-1&search=" + "x" * 2000)


def test_explorer_e2e_hostile_link_shows_a_notice_and_a_clean_url(page: Page, hostile_url: str) -> None:
    open_page(page, hostile_url + "/" + HOSTILE_QUERY)
    notice = page.get_by_text(re.compile("This link was adjusted"))
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("edge=foo is no relation here")
    no_traceback(page)
    assert not any(bad in page.url for bad in ("script", "foo", "bogus", "abc", "2024-13", "xxxx"))
    assert shot(page, "hostile-link").stat().st_size > 10_000
    assert page.evaluate("window.__xss") is None


@pytest.fixture(scope="module")
def upload_url(streamlit_server: Callable[..., str], tmp_path_factory: pytest.TempPathFactory) -> str:
    db = build_hostile_store(tmp_path_factory.mktemp("uploads") / "uploads.sqlite", damaged=False)
    return streamlit_server(APP, {"KG_DB": str(db)})


def upload(page: Page, *files: Path) -> None:
    page.get_by_role("tab", name="Add articles").click()
    page.locator("input[type=file]").set_input_files([str(f) for f in files])
    page.get_by_role("button", name="Add to the graph").click()


def test_explorer_e2e_upload_replaces_on_edit_and_refreshes_the_graph(page: Page, upload_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "gipfel.de.txt").write_text(GIPFEL, encoding="utf-8")
    (second / "gipfel.de.txt").write_text(EDITED, encoding="utf-8")
    open_page(page, upload_url)
    upload(page, first / "gipfel.de.txt")
    expect(page.get_by_text("1 new, 0 replaced")).to_be_visible(timeout=60_000)
    page.wait_for_function("() => window.__kg['kg_graph'].body.data.nodes.get('person:olaf-scholz') !== null", timeout=30_000)
    upload(page, second / "gipfel.de.txt")
    expect(page.get_by_text("0 new, 1 replaced")).to_be_visible(timeout=60_000)
    upload(page, first / "gipfel.de.txt", second / "gipfel.de.txt")
    expect(page.get_by_text("gipfel.de.txt was uploaded 2 times: the last one was used")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("0 new, 0 replaced, 1 unchanged")).to_be_visible()
    no_traceback(page)


def test_explorer_e2e_large_upload_runs_in_the_background_with_progress(page: Page, upload_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    filler = " Die Sitzung dauerte lange und brachte keine Einigung." * 40
    lines = [json.dumps({"id": f"feed-{i}", "lang": "de", "text": f"Bundeskanzler Olaf Scholz traf Emmanuel Macron in Stadt{i}.{filler}"})
             for i in range(500)]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert feed.stat().st_size > 1_000_000
    open_page(page, upload_url)
    upload(page, feed)
    expect(page.get_by_role("progressbar")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("500 new")).to_be_visible(timeout=300_000)
    no_traceback(page)


def test_explorer_e2e_upload_over_the_limit_is_refused(page: Page, upload_url: str, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Gipfel. " * (11 * 1024 * 1024 // 8))
    open_page(page, upload_url)
    page.get_by_role("tab", name="Add articles").click()
    page.locator("input[type=file]").set_input_files(str(big))
    expect(page.get_by_text(re.compile(r"File must be 10(\.0)?\s?MB or smaller"))).to_be_visible(timeout=30_000)


def test_explorer_e2e_damaged_database_file_is_one_clear_message(
    page: Page, streamlit_server: Callable[..., str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    db = build_hostile_store(tmp_path_factory.mktemp("damaged") / "damaged.sqlite", damaged=False)
    with db.open("r+b") as handle:  # garbage over every page after the header page
        handle.seek(4096)
        handle.write(bytes(range(256)) * ((db.stat().st_size - 4096) // 256 + 1))
    page.goto(streamlit_server(APP, {"KG_DB": str(db)}))
    expect(page.get_by_text(f"Entente cannot open its data: {db}").first).to_be_visible(timeout=120_000)
    no_traceback(page)
