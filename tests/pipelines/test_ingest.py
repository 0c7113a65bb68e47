"""Ingesting sample_data/: one graph across articles and languages."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from pipelines import distribute
from pipelines import ingest as ingest_module
from pipelines.ingest import IngestReport, ingest
from pipelines.records import Article
from pipelines.store import Store
from tests.conftest import SAMPLE_DATA, graph_of


def _documents_by_language(store: Store, entity_id: str) -> set[str]:
    languages = {d["id"]: d["lang"] for d in store.documents()}
    return {languages[m["document_id"]] for m in store.mentions(entity_id)}


def test_ingest_sample_data_all_articles_new(sample_db: tuple[Path, IngestReport]) -> None:
    _, report = sample_db
    assert report.new == 26 and not report.rejected


def test_ingest_same_person_across_languages_is_one_entity(sample_db: tuple[Path, IngestReport]) -> None:
    db, _ = sample_db
    with Store.open(db) as store:
        assert store.resolve_id("person:vladimir-putin") == store.resolve_id("person:wladimir-putin")
        assert store.resolve_id("person:yuri-ushakov") == store.resolve_id("person:juri-uschakow")
        assert _documents_by_language(store, "person:vladimir-putin") == {"de", "en"}


def test_ingest_agreements_reported_in_both_languages_share_an_id(sample_db: tuple[Path, IngestReport]) -> None:
    db, _ = sample_db
    with Store.open(db) as store:
        for agreement in (
            "agreement:agreement-kp-ru-2024",
            "agreement:agreement-ru-tr-ua-united-nations-2022",
            "agreement:trade-agreement-european-union-vn-2019",
        ):
            assert _documents_by_language(store, agreement) == {"de", "en"}, agreement


def test_ingest_country_from_names_and_adjectives_in_both_languages(sample_db: tuple[Path, IngestReport]) -> None:
    db, _ = sample_db
    with Store.open(db) as store:
        kinds = {(m["kind"], m["text"]) for m in store.mentions("country:KP")}
    assert {("name", "Nordkorea"), ("name", "North Korea")} <= kinds
    assert {text for kind, text in kinds if kind == "adjective"} >= {"nordkoreanische", "North Korean"}


def test_ingest_two_workers_store_equals_one_worker(
    sample_db: tuple[Path, IngestReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chunks of 3 articles with one of them in the pool at a time, so that this process extracts
    # some chunks itself; merged ids depend on the order of saving, which must be the input's.
    monkeypatch.setattr(ingest_module, "CHUNK", 3)
    monkeypatch.setattr(distribute, "IN_POOL", 1)
    db = tmp_path / "two-workers.sqlite"
    report = ingest([SAMPLE_DATA], db, workers=2)
    assert (report.new, report.rejected) == (sample_db[1].new, [])
    with Store.open(sample_db[0]) as one, Store.open(db) as two:
        assert graph_of(two) == graph_of(one)


def test_ingest_runs_the_cycle_collector_rarely_and_restores_it(tmp_path: Path) -> None:
    before, runs = gc.get_threshold(), []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        report = ingest([SAMPLE_DATA], tmp_path / "few.sqlite")
    finally:
        gc.callbacks.remove(count)
    assert report.new == 26
    assert gc.get_threshold() == before
    assert len(runs) < 10, runs  # with Python's default threshold (700): about 150 here


def test_ingest_batches_join_chunks_into_save_batches() -> None:
    chunks = [[("a", n)] * size for n, size in enumerate([2, 2, 1, 3, 1])]
    batches = list(ingest_module._batches(iter(chunks), 4))  # type: ignore[arg-type]
    assert [len(b) for b in batches] == [4, 4, 1]
    assert [item for b in batches for item in b] == [item for c in chunks for item in c]


ARTICLE = "Bundeskanzler Olaf Scholz ist am Montag nach Paris gereist. Dort traf er Emmanuel Macron."


def test_ingest_duplicate_id_last_wins_every_run(tmp_path: Path) -> None:
    feed, db = tmp_path / "feed.jsonl", tmp_path / "kg.sqlite"
    lines = [{"id": "x", "text": f"{ARTICLE} Erste Fassung."}, {"id": "y", "text": ARTICLE}, {"id": "x", "text": f"{ARTICLE} Zweite Fassung."}]
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    first, second = ingest([feed], db), ingest([feed], db)
    assert (first.new, first.replaced, second.unchanged, second.replaced) == (2, 0, 2, 0)
    for report in (first, second):
        assert [w.where for w in report.warnings] == [f"{feed}:line 1"]
        assert f"warning: {feed}:line 1: duplicate id 'x': replaced by the later one at {feed}:line 3" in report.summary()
    with Store.open(db) as store:
        (stored,) = [d["id"] for d in store.documents() if d["key"] == "id:x"]
        document = store.document(stored)
        assert document is not None and document["text"].endswith("Zweite Fassung.")


def test_ingest_warnings_of_repaired_inputs_in_summary(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"---\npublished: 2024-02-30\n---\n{ARTICLE}", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\npublished: 19.06.2024\n---\n{ARTICLE} Noch einer.", encoding="utf-8")
    report = ingest([tmp_path], tmp_path / "kg.sqlite")
    assert report.new == 2 and not report.rejected
    assert report.summary().splitlines()[1:] == [
        f"warning: {tmp_path / 'a.md'}: published date dropped: '2024-02-30' is not a valid date (day is out of range for month)"
    ]
    with Store.open(tmp_path / "kg.sqlite") as store:
        assert sorted(d["published"] or "" for d in store.documents()) == ["", "2024-06-19"]


def test_ingest_extraction_failure_rejects_that_article_only() -> None:
    good = Article(id="a", key="a", text=ARTICLE, lang="de", where="a.txt")
    # Text that never passed the reader's repairs (a lone surrogate): spaCy cannot encode it.
    bad = Article(id="b", key="b", text="Olaf Scholz \ud800 reist.", lang="de", where="b.txt")
    extracted = ingest_module._extract_chunk([(good, True), (bad, True), (good, True)])
    report = IngestReport()
    saved = ingest_module._saved_only(extracted, report)
    assert [article.id for article, _ in saved] == ["a", "a"]
    assert [r.where for r in report.rejected] == ["b.txt"] and "extraction failed" in report.rejected[0].reason


def test_ingest_nul_bytes_in_id_and_title_stored_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [{"id": "a\u00001", "title": "Scholz\u0000 in Paris", "text": ARTICLE}, {"id": "b", "text": f"{ARTICLE} Noch einer."}]
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = ingest([feed], postgres_url)
    assert (report.new, report.rejected) == (2, [])
    assert [w.reason[:10] for w in report.warnings] == ['"title" he', '"id" held ']
    with Store.open(postgres_url) as store:
        assert sorted(d["key"] for d in store.documents()) == ["id:a1", "id:b"]
