"""Ingesting sample_data/: one graph across articles and languages."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from pipelines import distribute
from pipelines import ingest as ingest_module
from pipelines.ingest import IngestReport, ingest
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
