"""Curation in the store, on SQLite and PostgreSQL: decisions are stored, applied on every read, and
survive re-ingest, new articles and exports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines import curating
from pipelines.backends import sqlite_migrations as migrations
from pipelines.decisions import CurationError
from pipelines.graph import build_graph
from pipelines.schema import MIGRATIONS
from pipelines.store import Store
from tests.pipelines.test_store import DE_TEXT, PACT, english, german

PUTIN, KIM = "person:wladimir-putin", "person:kim-jong-un"
PARTY = f"country:RU|party_to|{PACT}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    target = tmp_path / "kg.sqlite" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with Store.open(target) as opened:
        yield opened


def ids(store: Store) -> set[str]:
    return {e["id"] for e in store.entities()}


def test_store_decisions_merge_applies_to_every_read(store: Store) -> None:
    store.save_batch([german(), english()])
    taken = curating.take(store, "merge", {"keep": PUTIN, "drop": KIM}, "ann")
    labels = {PUTIN: "Wladimir Putin", KIM: "Kim Jong-un"}
    assert (taken.kind, taken.who, taken.payload) == ("merge", "ann", {"keep": PUTIN, "drop": KIM, "labels": labels})
    assert KIM not in ids(store) and KIM not in {row["id"] for row in store.entity_rows()}
    putin = next(e for e in store.entities() if e["id"] == PUTIN)
    assert (putin["mention_count"], putin["document_count"]) == (6, 2)
    assert store.resolve_id(KIM) == PUTIN and store.redirects()[KIM] == PUTIN
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(store.aliases(KIM))
    assert "meets" not in {r["relation"] for r in store.relations()}  # Putin meets Kim became a loop
    assert {"Kim Jong-un", "Kim Jong Un", "Putin und"} <= set(store.mention_texts(PUTIN))
    assert len(store.mentions(KIM)) == 6 and {m for m, *_ in store.mention_counts()} == ids(store)
    assert KIM not in build_graph(store) and PUTIN in build_graph(store)


def test_store_decisions_survive_reingest_and_new_articles(store: Store) -> None:
    store.save_batch([german()])
    curating.take(store, "merge", {"keep": PUTIN, "drop": KIM}, "ann")
    curating.take(store, "rename", {"entity": "country:KP", "label": "DVRK"}, "ann")
    curating.take(store, "reject-relation", {"edge": PARTY}, "bob")
    assert store.save_batch([german(text=DE_TEXT + " Putin lobt Kim Jong-un.")]) == ["replaced"]
    assert store.save_batch([english()]) == ["new"]
    assert KIM not in ids(store) and store.entity("country:KP") == {"id": "country:KP", "type": "country", "label": "DVRK", "attrs": {}}
    assert PARTY not in {f"{r['source']}|{r['relation']}|{r['target']}" for r in store.relations()}
    assert store.evidence("country:RU", "party_to", PACT) == []
    assert {row["label"] for row in store.entity_rows()} >= {"DVRK"}


def test_store_decisions_reject_restore_and_undo(store: Store) -> None:
    store.save_batch([german(), english()])
    before = store.relations()
    rejected = curating.take(store, "reject-entity", {"entity": "country:RU"}, "ann")
    assert "country:RU" not in ids(store) and store.entity("country:RU") is None
    assert [r.item for r in curating.rejected(store)] == ["country:RU"]
    store.save_batch([german(key="again.txt", text=DE_TEXT + " Nochmal.")])
    assert "country:RU" not in ids(store)
    assert [d.id for d in curating.restore(store, "country:RU", "bob")] == [rejected.id]
    assert "country:RU" in ids(store) and curating.rejected(store) == []
    merge = curating.take(store, "merge", {"keep": "country:KP", "drop": "country:RU"})
    curating.undo(store, merge.id, "bob")
    undone = store.decisions()[-1]
    assert (undone.undone_by, undone.active) == ("bob", False)
    assert [r["relation"] for r in store.relations()] == [r["relation"] for r in before]


def test_store_decisions_split_moves_sentences_and_evidence(store: Store) -> None:
    store.save_batch([german()])
    assert store.mention_texts(PUTIN) == ["Putin und", "Wladimir Putin"]
    taken = curating.take(store, "split", {"entity": PUTIN, "alias": "Putin und"})
    new_id = taken.payload["new_id"]
    assert new_id in ids(store) and store.entity(new_id)["label"] == "Putin und"  # type: ignore[index]
    assert [m["text"] for m in store.mentions(new_id)] == ["Putin und"]
    assert [m["text"] for m in store.mentions(PUTIN)] == ["Wladimir Putin"]
    assert store.aliases(new_id) == ["Putin und"]
    assert (store.mention_texts(PUTIN), store.mention_texts(new_id)) == (["Wladimir Putin"], ["Putin und"])


def test_store_decisions_bad_requests_leave_the_store_as_it_was(store: Store) -> None:
    store.save_batch([german()])
    with pytest.raises(CurationError, match="itself"):
        curating.take(store, "merge", {"keep": PUTIN, "drop": PUTIN})
    with pytest.raises(CurationError, match="unknown type"):
        curating.take(store, "retype", {"entity": PUTIN, "type": "alien"})
    curating.take(store, "reject-entity", {"entity": KIM})
    with pytest.raises(CurationError, match="no such entity"):
        curating.take(store, "merge", {"keep": PUTIN, "drop": KIM})  # rejected: not there to merge
    assert [d.kind for d in store.decisions()] == ["reject-entity"]


def test_store_decisions_stamp_changes_with_each_decision_and_undo(store: Store) -> None:
    store.save_batch([german()])
    stamps = [store.decisions_stamp()]
    first = curating.take(store, "reject-entity", {"entity": KIM})
    stamps.append(store.decisions_stamp())
    second = curating.take(store, "reject-entity", {"entity": "country:RU"})
    stamps.append(store.decisions_stamp())
    curating.undo(store, first.id)
    stamps.append(store.decisions_stamp())
    curating.undo(store, second.id)
    stamps.append(store.decisions_stamp())
    assert len(set(stamps)) == 5


def test_store_decisions_migration_adds_the_table_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = migrations.connect(path)
    migrations.migrate(conn, MIGRATIONS[:6])
    conn.close()
    with Store.open(path) as old:
        assert old.schema_version == 7 and old.decisions() == [] and old.decisions_stamp() == "0/0/0"
