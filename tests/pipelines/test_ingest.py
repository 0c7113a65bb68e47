"""Ingesting sample_data/: one graph across articles and languages."""

from __future__ import annotations

from pathlib import Path

from pipelines.ingest import IngestReport
from pipelines.store import Store


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
