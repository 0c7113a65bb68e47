"""The data flows one way: pipelines never import the explorer or Streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_layering_pipelines_never_import_explorer_or_streamlit() -> None:
    offenders = {str(p.relative_to(ROOT)) for p in (ROOT / "pipelines").rglob("*.py") if _imports(p) & {"explorer", "streamlit"}}
    assert not offenders
