"""The explorer: pure query logic (data, queries, layout) under a Streamlit app."""
