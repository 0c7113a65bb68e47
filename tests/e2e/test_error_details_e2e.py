"""An unexpected exception shows its type only, never a traceback with server paths
(``client.showErrorDetails`` in .streamlit/config.toml, which the harness's server reads)."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.e2e.conftest import APPS
from tests.e2e.harness import ROOT


def test_unexpected_error_shows_no_traceback_or_server_path(page: Page, streamlit_server: Callable[..., str]) -> None:
    page.goto(streamlit_server(APPS / "unexpected_error.py"))
    expect(page.get_by_role("heading", name="Before the bug")).to_be_visible(timeout=60_000)
    error = page.locator("[data-testid='stException']")
    expect(error).to_be_visible()
    shown = error.inner_text()
    assert "RuntimeError" in shown
    assert str(ROOT) not in shown and "unexpected_error.py" not in shown and "Traceback" not in shown
