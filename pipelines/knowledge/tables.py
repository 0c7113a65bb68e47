"""Reading the curated data files in ``knowledge/data`` (tab-separated, ``#`` comments)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def read_lines(name: str) -> list[str]:
    """The lines of ``data/<name>``, stripped, comments and blank lines dropped."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>`` split on tabs, comments and blank lines dropped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(name))


def read_classes(name: str) -> dict[str, str]:
    """A two-column table ``word<TAB>class`` of ``data/<name>`` as a dict."""
    return dict(line.split("\t", 1) for line in read_lines(name))


def cell(row: tuple[str, ...], index: int) -> str:
    """The cell at ``index``, or "" where the row is shorter."""
    return row[index] if index < len(row) else ""


def split_list(text: str) -> list[str]:
    """Comma-separated cell -> its non-empty items."""
    return [item.strip() for item in text.split(",") if item.strip()]


@cache
def not_names() -> tuple[str, ...]:
    """Phrases that look like names but are none (``data/not_names.txt``)."""
    return tuple(read_lines("not_names.txt"))
