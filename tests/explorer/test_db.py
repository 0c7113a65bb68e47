"""explorer.db.data_version: the key of every cached reading of the store."""

from __future__ import annotations

from pathlib import Path

from explorer.db import data_version
from pipelines.ingest import ingest
from pipelines.store import Store

VISIT = "Die Ministerin Helga Quenfeld besuchte am Montag Tallinn. Dort traf sie den Bürgermeister."
TALKS = "Der Minister Jonas Varrik sprach am Dienstag in Riga mit Vertretern der Regierung."


def version(db: Path) -> str:
    with Store.open(db) as store:
        return data_version(store)


def test_db_data_version_changes_when_an_article_is_added_or_replaced_only(tmp_path: Path) -> None:
    db, visit = tmp_path / "store.sqlite", tmp_path / "visit.de.txt"
    visit.write_text(VISIT, encoding="utf-8")
    ingest([visit], db)
    first = version(db)
    visit.write_text(VISIT + " Am Abend reiste sie weiter.", encoding="utf-8")
    ingest([visit], db)  # replaced, usually within the second of the first ingest (ingested_at's unit)
    replaced = version(db)
    ingest([visit], db)  # unchanged: skipped
    assert version(db) == replaced
    (tmp_path / "talks.de.txt").write_text(TALKS, encoding="utf-8")
    ingest([tmp_path / "talks.de.txt"], db)
    assert len({first, replaced, version(db)}) == 3


def test_db_document_stamps_name_every_document_once(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    for name, text in (("visit.de.txt", VISIT), ("talks.de.txt", TALKS)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest([tmp_path], db)
    with Store.open(db) as store:
        stamps = store.document_stamps()
        assert sorted(i for i, _, _ in stamps) == sorted(d["id"] for d in store.documents())
        assert all(at and digest for _, at, digest in stamps)
