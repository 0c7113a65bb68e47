"""End-to-end fixtures: real ``streamlit run`` servers and Debian's Chromium, offline.

- ``streamlit_server(app_path, env=None) -> url``: starts (once per app and env,
  for the session) a server on 127.0.0.1 in its own process group; all are
  stopped at the end of the session.
- ``browser``: Chromium at /usr/bin/chromium (or $CHROMIUM); a missing
  browser FAILS the tests, it never skips them.
- ``app_url``: the explorer (``explorer/app.py``) on a database of the test module's own, built
  from sample_data/ on first run; ``open_app(page, query="")`` opens it and waits for the graph.
- ``page`` / ``new_page(**context_options)``: pages whose requests to any
  other host are aborted and recorded; a test that attempted one, or whose
  page raised a JavaScript error (uncaught, or logged to the console as an
  error, which is how Streamlit reports a component's exceptions), fails (checked when the test
  body ends, and again at teardown for anything that came later).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.harness import (
    ROOT,
    StreamlitServer,
    guard,
    launch_chromium,
    start_streamlit,
    stop_streamlit,
    wait_graph_drawn,
)

APPS = Path(__file__).resolve().parent / "apps"
EXPLORER = ROOT / "explorer" / "app.py"
GRAPH_KEY = "kg_graph"
BUILT = re.compile("Database built|Datenbank aufgebaut")  # the first session's one-time build box
ServerFactory = Callable[..., str]
Opener = Callable[..., None]


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerFactory]:
    """A factory ``(app_path, env=None) -> base URL``; servers are reused within the session."""
    servers: dict[tuple[str, tuple[tuple[str, str], ...]], StreamlitServer] = {}

    def start(app_path: Path | str, env: Mapping[str, str] | None = None) -> str:
        key = (str(app_path), tuple(sorted((env or {}).items())))
        if key not in servers:
            log = tmp_path_factory.mktemp("streamlit") / "server.log"
            servers[key] = start_streamlit(Path(app_path), log, env)
        return servers[key].url

    yield start
    for server in servers.values():
        stop_streamlit(server)


@pytest.fixture(scope="module")
def app_url(streamlit_server: ServerFactory, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> str:
    """The explorer on a database it builds itself from sample_data/ on first run, one per test
    module (so one module's uploads never change another's views)."""
    db = tmp_path_factory.mktemp(request.module.__name__.rpartition(".")[2]) / "entente.sqlite"
    return streamlit_server(EXPLORER, {"KG_DB": str(db)})


@pytest.fixture
def open_app(app_url: str) -> Opener:
    """``open_app(page, query="")``: the explorer at ``app_url + query``, once its graph is drawn.

    The first session after the build shows the build's box above the page: a fresh session
    replaces it, so every test meets the same layout.  One more frame passes at the end, because
    vis measures label boxes while drawing.
    """

    def open_at(page: Page, query: str = "") -> None:
        page.goto(app_url + query)
        wait_graph_drawn(page, GRAPH_KEY, timeout=120_000)
        if page.get_by_text(BUILT).count():
            page.reload()
            wait_graph_drawn(page, GRAPH_KEY, timeout=120_000)
        page.wait_for_timeout(300)

    return open_at


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        try:
            chromium = launch_chromium(playwright)
        except FileNotFoundError as missing:
            pytest.fail(str(missing), pytrace=False)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself (not just its teardown) when its pages broke the offline rules."""
    result = yield
    problems = offline_problems(item)
    if problems:
        raise AssertionError(problems)
    return result


def offline_problems(item: pytest.Item) -> str:
    """What the item's pages did wrong so far ("" if nothing); clears the record."""
    refused: list[str] = getattr(item, "refused_requests", [])
    errors: list[str] = getattr(item, "page_errors", [])
    parts = []
    if refused:
        parts.append(f"the page tried to reach other hosts: {sorted(set(refused))}")
    if errors:
        parts.append(f"JavaScript errors: {errors}")
    refused.clear()
    errors.clear()
    return "; ".join(parts)


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Callable[..., Page]]:
    """A factory of guarded pages; keyword arguments go to ``browser.new_context``."""
    refused: list[str] = []
    errors: list[str] = []
    request.node.refused_requests, request.node.page_errors = refused, errors
    contexts = []

    def make(**context_options: Any) -> Page:
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
        guard(context, refused)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Streamlit catches a component's exceptions and logs them: count those too
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        return page

    yield make
    for context in contexts:
        context.close()
    problems = offline_problems(request.node)
    if problems:
        pytest.fail(problems, pytrace=False)


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()
