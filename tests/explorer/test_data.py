"""The snapshot: frames loaded from the sample database, sentence texts, and synthetic stores."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from bench.synthetic import build_store, syllables, synthetic_items
from explorer.data import (
    DOCUMENT_COLUMNS,
    ENTITY_COLUMNS,
    MENTION_COLUMNS,
    RELATION_COLUMNS,
    Snapshot,
    load_snapshot,
    sentence_text,
)
from pipelines.ingest import ingest
from pipelines.keys import name_key
from pipelines.store import Store
from tests.conftest import SAMPLE_DATA


def test_load_snapshot_frames_have_the_documented_columns(snapshot: Snapshot) -> None:
    assert tuple(snapshot.documents.columns) == DOCUMENT_COLUMNS
    assert tuple(snapshot.entities.columns) == ENTITY_COLUMNS
    assert tuple(snapshot.mentions.columns) == MENTION_COLUMNS
    assert tuple(snapshot.relations.columns) == RELATION_COLUMNS
    assert list(snapshot.entities.index) == list(snapshot.entities["id"])
    assert snapshot.entities.index.name is None  # "id" stays an unambiguous column


def test_load_snapshot_holds_every_stored_row(snapshot: Snapshot, store: Store) -> None:
    counts = store.counts()
    assert len(snapshot.documents) == counts["documents"] == 26
    assert len(snapshot.entities) == counts["entities"]
    assert len(snapshot.relations) == counts["relations"]
    assert int(snapshot.mentions["count"].sum()) == counts["mentions"]


def test_load_snapshot_counts_match_the_store(snapshot: Snapshot, store: Store) -> None:
    expected = {e["id"]: (e["mention_count"], e["document_count"]) for e in store.entities()}
    entities = snapshot.entities
    assert dict(zip(entities["id"], zip(entities["mentions"], entities["documents"], strict=False), strict=False)) == expected


def test_load_snapshot_edge_ids_join_source_relation_target(snapshot: Snapshot) -> None:
    rel = snapshot.relations
    assert (rel["edge_id"] == rel["source"] + "|" + rel["relation"] + "|" + rel["target"]).all()
    aggregated = Counter(rel["edge_id"])
    assert aggregated["person:wladimir-putin|visits|country:VN"] >= 2


def test_load_snapshot_country_of_places_organisations_and_countries(snapshot: Snapshot) -> None:
    country = snapshot.entities["country"]
    assert country["place:hanoi"] == "VN"
    assert country["organization:communist-party-of-vietnam"] == "VN"
    assert country["country:VN"] == "VN"
    assert country["person:to-lam"] == "" and country["agreement:agreement-kp-ru-2024"] == ""


def test_load_snapshot_aliases_and_redirects_of_merged_persons(snapshot: Snapshot, store: Store) -> None:
    putin = snapshot.entities.loc["person:wladimir-putin"]
    assert {"Wladimir Putin", "Vladimir Putin"} <= set(putin["aliases"])
    assert snapshot.resolve("person:vladimir-putin") == store.resolve_id("person:vladimir-putin")
    assert snapshot.resolve("person:wladimir-putin") == "person:wladimir-putin"


def test_load_snapshot_keeps_undated_documents_with_an_empty_date(snapshot: Snapshot) -> None:
    undated = snapshot.documents[snapshot.documents["published"] == ""]
    assert list(undated["source"]) == ["Escambray"]


def test_sentence_text_is_the_evidence_sentence(snapshot: Snapshot, store: Store) -> None:
    row = snapshot.relations[snapshot.relations["edge_id"] == "person:wladimir-putin|visits|country:VN"].iloc[0]
    text = sentence_text(store, row["document_id"], row["sentence"])
    assert "Putin" in text
    assert text in {e["sentence_text"] for e in store.evidence("person:wladimir-putin", "visits", "country:VN")}


def test_sentence_text_of_an_unknown_sentence_is_empty(snapshot: Snapshot, store: Store) -> None:
    assert sentence_text(store, "no-such-document", 0) == ""
    assert sentence_text(store, snapshot.documents["id"].iloc[0], 10_000) == ""


def test_load_snapshot_of_an_empty_store_has_empty_frames(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.sqlite") as empty:
        snapshot = load_snapshot(empty)
    assert snapshot.entities.empty and snapshot.relations.empty and snapshot.mentions.empty
    assert tuple(snapshot.relations.columns) == RELATION_COLUMNS


def test_load_snapshot_is_the_same_from_postgresql(postgres_url: str, snapshot: Snapshot) -> None:
    ingest([SAMPLE_DATA], postgres_url)
    with Store.open(postgres_url) as postgres:
        copy = load_snapshot(postgres)
    for name in ("entities", "relations", "mentions", "documents"):
        assert getattr(copy, name).drop(columns=["ingested_at"], errors="ignore").equals(
            getattr(snapshot, name).drop(columns=["ingested_at"], errors="ignore")), name


def test_load_snapshot_fingerprint_changes_with_the_documents(tmp_path: Path) -> None:
    items = list(synthetic_items(30, 60, documents=4, seed=3))
    with Store.open(tmp_path / "kg.sqlite") as store:
        store.save_batch(items[:3])
        before = load_snapshot(store).fingerprint
        again = load_snapshot(store).fingerprint
        store.save_batch(items[3:])
        after = load_snapshot(store).fingerprint
    assert before == again != after


# -- synthetic stores (bench/synthetic.py) ---------------------------------------------------


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], Snapshot]:
    db = tmp_path_factory.mktemp("synthetic") / "kg.sqlite"
    counts = build_store(db, 200, 1500, seed=11)
    with Store.open(db) as store:
        return counts, load_snapshot(store)


def test_synthetic_store_has_the_requested_sizes(synthetic: tuple[dict[str, int], Snapshot]) -> None:
    counts, snapshot = synthetic
    assert counts["entities"] == 200 and counts["relations"] == 1500
    assert counts["mentions"] == 3 * 1500 and counts["documents"] == 1500 // 20
    assert counts["redirects"] == 0  # no two labels merged
    assert len(snapshot.entities) == 200 and int(snapshot.mentions["count"].sum()) == 4500


def test_synthetic_store_mixes_types_languages_dates_and_relations(synthetic: tuple[dict[str, int], Snapshot]) -> None:
    _, snapshot = synthetic
    assert set(snapshot.entities["type"]) == {"person", "organization", "country", "place", "agreement"}
    assert {"en", "de"} <= set(snapshot.documents["lang"])
    assert snapshot.documents["published"].str.match(r"^(20[12]\d-\d\d-\d\d)?$").all()
    shares = snapshot.relations["relation"].value_counts(normalize=True)
    assert 0.2 < shares["co_mentioned"] < 0.4 and len(shares) >= 8


def test_synthetic_store_degrees_follow_a_power_law(synthetic: tuple[dict[str, int], Snapshot]) -> None:
    _, snapshot = synthetic
    mentions = snapshot.entities["mentions"].sort_values(ascending=False)
    assert mentions.iloc[0] > 10 * mentions.median()  # a few hubs, a long tail


def test_synthetic_items_are_deterministic_and_offsets_point_into_the_text() -> None:
    first, second = list(synthetic_items(40, 80, seed=5)), list(synthetic_items(40, 80, seed=5))
    assert [a.content_hash for a, _ in first] == [a.content_hash for a, _ in second]
    for _, extraction in first:
        for entity in extraction.entities:
            for mention in entity.mentions:
                assert extraction.text[mention.start:mention.end] == mention.text == entity.label


def test_synthetic_labels_never_share_a_name_key() -> None:
    keys = [name_key(f"Anna {syllables(i).capitalize()}") for i in range(3000)]
    assert len(set(keys)) == len(keys)


def test_synthetic_cli_builds_a_store(tmp_path: Path) -> None:
    from bench.synthetic import main

    db = tmp_path / "cli.sqlite"
    assert main(["--entities", "50", "--relations", "100", "--db", str(db)]) == 0
    assert main(["--entities", "50", "--relations", "100", "--db", str(db)]) == 1  # exists, no --force
    with Store.open(db) as store:
        assert pd.Series(store.counts())[["entities", "relations"]].tolist() == [50, 100]
