"""Presentation mode (``?present=1``): Streamlit's chrome hidden, a one-line header with the title,
what the view shows and a way back; and the button that enters it."""

from __future__ import annotations

import html

import streamlit as st

from explorer.views.words import tr

DETAILS_KEY = "kg-present-details"  # the selection panel: it scrolls on its own, never the page
# Streamlit 1.67's toolbar, Deploy button, menu, status, sidebar and its toggle; tighter page padding
CHROME_CSS = f"""<style>
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stMainMenu"], [data-testid="stAppDeployButton"], .stAppDeployButton,
[data-testid="stStatusWidget"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"], .block-container {{ padding: 0.6rem 1.2rem 0 1.2rem !important; max-width: 100% !important; }}
[data-testid="stMain"] {{ overflow: hidden; }}
.st-key-{DETAILS_KEY} {{ max-height: calc(100vh - 7.5rem); overflow-y: auto; }}
.kg-present-title {{ font-size: 1.35rem; font-weight: 700; margin: 0; line-height: 1.6; }}
.kg-present-summary {{ font-size: 0.9rem; opacity: 0.8; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
</style>"""


def _leave() -> None:
    """Button callback: drop ``present`` from the URL; the rest of the view stays."""
    if "present" in st.query_params:
        del st.query_params["present"]


def _enter() -> None:
    st.query_params["present"] = "1"


def header(title: str, summary: str) -> None:
    """Hide the chrome; the title and the filter summary on one line, the way back at its end."""
    st.markdown(CHROME_CSS, unsafe_allow_html=True)
    text, back = st.columns([6, 1], vertical_alignment="center")
    text.markdown(f'<div class="kg-present-title">{html.escape(title)} '
                  f'<span class="kg-present-summary" title="{html.escape(summary)}">{html.escape(summary)}</span></div>',
                  unsafe_allow_html=True)
    back.button(tr("present_leave"), key="p_leave", on_click=_leave, use_container_width=True)


def enter_button() -> None:
    """The button that switches the current view to presentation mode."""
    st.button(tr("present_enter"), key="p_enter", on_click=_enter, help=tr("present_enter_help"))
