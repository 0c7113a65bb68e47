"""A page that fails with an unexpected exception, as a bug in the explorer would: the e2e tests
check what the browser is shown then (with the repository's .streamlit/config.toml)."""

from __future__ import annotations

import streamlit as st

st.title("Before the bug")
raise RuntimeError("a bug deep in the explorer")
