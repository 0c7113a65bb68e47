"""Streamlit views of the explorer; each renders one part of the page and holds no logic of its own."""
