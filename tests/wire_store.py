"""A small store for corroboration, time and change tests, built by the real ingest code.

Four articles written for these tests: one wire story carried by two outlets (same title and
text: two sources, one text), a German report of the same meeting by a third outlet a month later,
and a story only one outlet carries, another month later.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipelines.ingest import ingest

WIRE_TITLE = "Scholz in Paris"
WIRE_TEXT = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday."
ARTICLES = [
    {"id": "a-1", "title": WIRE_TITLE, "text": WIRE_TEXT, "source": "Outlet A", "lang": "en", "published": "2024-05-13"},
    {"id": "b-1", "title": WIRE_TITLE, "text": WIRE_TEXT, "source": "Outlet B", "lang": "en", "published": "2024-05-13"},
    {"id": "c-1", "title": "Scholz trifft Macron", "lang": "de", "published": "2024-06-20", "source": "Outlet C",
     "text": "Bundeskanzler Olaf Scholz traf den französischen Präsidenten Emmanuel Macron in Berlin."},
    {"id": "a-2", "title": "Meloni in Tunisia", "text": "Prime Minister Giorgia Meloni visited Tunisia on Tuesday.",
     "source": "Outlet A", "lang": "en", "published": "2024-07-02"},
]
MEETS = "person:olaf-scholz|meets|person:emmanuel-macron"
MELONI = "person:giorgia-meloni"


def build_wire_store(folder: Path) -> Path:
    """The four articles ingested into ``folder/wire.sqlite``; returns the database path."""
    feed = folder / "wire.jsonl"
    feed.write_text("".join(json.dumps(article) + "\n" for article in ARTICLES), encoding="utf-8")
    db = folder / "wire.sqlite"
    ingest([feed], db)
    return db
