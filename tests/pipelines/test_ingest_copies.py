"""Documents keep their identity: copies of one text, corrections, prepended feeds and repeated ids
converge in one re-ingest to the store a clean run builds, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from pipelines.backends import Target
from pipelines.ingest import ingest
from pipelines.store import Store
from tests.conftest import graph_of
from tests.postgres_harness import fresh_database

WIRE = ("Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday. "
        "Scholz and Macron signed a defence agreement. Germany and France will buy tanks together.")
CORRECTED = ("Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Monday. "
             "Scholz and Macron discussed energy prices.")
FEED = [
    "Prime Minister Giorgia Meloni visited Tunisia on Tuesday.",
    "President Joe Biden met Prime Minister Fumio Kishida in Washington.",
    "Foreign Minister Annalena Baerbock travelled to Kyiv on Friday.",
    "President Lula da Silva met President Xi Jinping in Beijing.",
    "Prime Minister Narendra Modi visited Paris in July.",
    "Chancellor Karl Nehammer met Prime Minister Viktor Orban in Vienna.",
]


@pytest.fixture(params=["sqlite", "postgresql"])
def targets(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Target, Target]:
    """Two empty stores on one backend: one to re-ingest into, one for the clean run."""
    if request.param == "sqlite":
        return tmp_path / "rerun.sqlite", tmp_path / "clean.sqlite"
    server = request.getfixturevalue("postgres_server")
    stack = request.getfixturevalue("exit_stack")
    return stack.enter_context(fresh_database(server)), stack.enter_context(fresh_database(server))


@pytest.fixture
def exit_stack() -> Iterator[ExitStack]:
    """Contexts (here: fresh PostgreSQL databases) closed after the test."""
    with ExitStack() as stack:
        yield stack


def _jsonl(path: Path, items: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def _outlets(n: int, text: str = WIRE) -> list[dict[str, str]]:
    return [{"id": f"outlet-{i:02d}", "text": text, "source": f"Outlet {i}", "lang": "en",
             "url": f"https://outlet{i}.example/story", "published": "2024-05-13"} for i in range(n)]


def _text(store: Store, document_id: str) -> str:
    document = store.document(document_id)
    assert document is not None, document_id
    return str(document["text"])


def _graph(target: Target) -> dict[str, Any]:
    with Store.open(target) as store:
        return graph_of(store)


def test_ingest_copies_thirty_outlets_keep_thirty_documents(targets: tuple[Target, Target], tmp_path: Path) -> None:
    db, _ = targets
    report = ingest([_jsonl(tmp_path / "wire.jsonl", _outlets(30))], db)
    assert (report.new, report.copies) == (30, 29)
    assert "29 copies of stored text" in report.summary()
    with Store.open(db) as store:
        documents = store.documents()
        assert sorted(d["source"] for d in documents) == sorted(f"Outlet {i}" for i in range(30))
        assert {d["url"] for d in documents} == {f"https://outlet{i}.example/story" for i in range(30)}
        meets = store.evidence("person:olaf-scholz", "meets", "person:emmanuel-macron")
        assert len({e["document_id"] for e in meets}) == 30
    again = ingest([tmp_path / "wire.jsonl"], db)
    assert (again.unchanged, again.new, again.copies) == (30, 0, 0)


def test_ingest_copies_one_outlet_correcting_keeps_the_shared_story(
    targets: tuple[Target, Target], tmp_path: Path
) -> None:
    db, clean = targets
    outlets = _outlets(3)
    ingest([_jsonl(tmp_path / "wire.jsonl", outlets)], db)
    outlets[0]["text"] = CORRECTED
    report = ingest([_jsonl(tmp_path / "wire.jsonl", outlets)], db)
    assert (report.replaced, report.unchanged) == (1, 2)
    ingest([tmp_path / "wire.jsonl"], clean)
    assert _graph(db) == _graph(clean)
    with Store.open(db) as store:
        assert len(store.evidence("person:olaf-scholz", "meets", "person:emmanuel-macron")) == 3


def test_ingest_copies_prepending_to_a_feed_without_ids_keeps_every_article(
    targets: tuple[Target, Target], tmp_path: Path
) -> None:
    db, clean = targets
    feed = tmp_path / "feed.jsonl"
    ingest([_jsonl(feed, [{"text": text, "lang": "en"} for text in FEED[1:]])], db)
    _jsonl(feed, [{"text": text, "lang": "en"} for text in FEED])
    ingest([feed], db)
    ingest([feed], clean)
    assert _graph(db) == _graph(clean)
    with Store.open(db) as store:
        assert sorted(_text(store, d["id"]) for d in store.documents()) == sorted(FEED)


def test_ingest_copies_same_id_twice_last_text_wins_every_run(
    targets: tuple[Target, Target], tmp_path: Path
) -> None:
    db, clean = targets
    twice = _jsonl(tmp_path / "twice.jsonl", [
        {"id": "a", "text": WIRE, "lang": "en"}, {"id": "b", "text": FEED[0], "lang": "en"},
        {"id": "a", "text": CORRECTED, "lang": "en"},
    ])
    for _ in range(3):
        ingest([twice], db)
        with Store.open(db) as store:
            assert _text(store, "id:a") == CORRECTED
    ingest([twice], clean)
    assert _graph(db) == _graph(clean)


def test_ingest_nul_bytes_in_metadata_and_id_store_every_article(targets: tuple[Target, Target], tmp_path: Path) -> None:
    db, _ = targets
    feed = _jsonl(tmp_path / "nul.jsonl", [
        {"id": "a\u0000b", "text": FEED[0], "source": "Agen\u0000tur", "url": "https://x.example/\u0000",
         "title": "T\u0000", "lang": "en"},
        {"id": "c", "text": FEED[1], "lang": "en"},
    ])
    report = ingest([feed], db)
    assert report.new == 2 and not report.rejected
    with Store.open(db) as store:
        assert {d["source"] for d in store.documents()} == {"Agentur", ""}  # the reader drops NUL bytes
    assert ingest([feed], db).unchanged == 2
