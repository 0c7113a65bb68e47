"""The SQLite store: migrations, idempotent batches, replacement, rollback, merging, reads."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pytest

from pipelines.backends import sqlite_migrations as migrations
from pipelines.errors import StoreError
from pipelines.keys import content_hash
from pipelines.records import Article, Entity, Extraction, Mention, Relation, Sentence
from pipelines.schema import MIGRATIONS, SCHEMA_VERSION
from pipelines.store import Store, default_db_path, merge_attrs
from pipelines.store_rows import StoreRows, store_rows
from tests.conftest import graph_of

REPO = Path(__file__).resolve().parents[2]
PACT = "agreement:partnership-kp-ru-2024"

# (id, type, label, attrs, surfaces in the text) and (source, relation, target, modality)
EntitySpec = tuple[str, str, str, dict[str, Any], tuple[str, ...]]
RelationSpec = tuple[str, str, str, str]


def sentence_spans(text: str) -> list[Sentence]:
    """Sentences ending in . ! or ?, without leading spaces."""
    return [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.!?\s][^.!?]*[.!?]", text)]


def make_pair(key: str, text: str, lang: str, entities: list[EntitySpec],
              relations: list[RelationSpec], published: str = "") -> tuple[Article, Extraction]:
    """An Article and its Extraction, with offsets found in the text.

    Surfaces missing from the text are skipped, entities without any are
    dropped, and so are relations between dropped entities.
    """
    sentences = sentence_spans(text)
    found = [(*spec[:4], tuple(s for s in spec[4] if s in text)) for spec in entities]
    built = tuple(_entity(text, sentences, spec) for spec in found if spec[4])
    kept = {e.id for e in built}
    relations = [r for r in relations if r[0] in kept and r[2] in kept]
    rels = tuple(_relation(text, sentences, built, spec) for spec in relations)
    article = Article(id=key, key=key, text=text, lang=lang, title=f"Title {key}", published=published,
                      source="Test", url=f"https://example.org/{key}", content_hash=content_hash(text))
    extraction = Extraction(id=key, lang=lang, title=article.title, text=text, sentences=tuple(sentences),
                            entities=built, relations=rels, published=published)
    return article, extraction


def _sentence_of(sentences: list[Sentence], offset: int) -> int:
    return next(i for i, s in enumerate(sentences) if s.start <= offset < s.end)


def _entity(text: str, sentences: list[Sentence], spec: EntitySpec) -> Entity:
    entity_id, entity_type, label, attrs, surfaces = spec
    mentions = []
    for surface in surfaces:
        start = text.index(surface)
        kind = "name" if surface == label else "alias"
        mentions.append(Mention(start, start + len(surface), surface, _sentence_of(sentences, start),
                                "rule", 0.9, kind))
    return Entity(entity_id, entity_type, label, attrs, tuple(mentions))


def _relation(
    text: str, sentences: list[Sentence], entities: tuple[Entity, ...], spec: RelationSpec
) -> Relation:
    source, relation, target, modality = spec
    found = [e for e in entities if e.id == source]
    offset = found[0].mentions[0].start if found and found[0].mentions else 0
    idx = _sentence_of(sentences, offset)
    span = sentences[idx]
    return Relation(source, relation, target, idx, text[span.start:span.end], modality, 0.8)


DE_TEXT = ("Wladimir Putin reist nach Nordkorea. Putin und Kim Jong-un planen eine Partnerschaft. "
           "Russland und Nordkorea wollen den Pakt unterzeichnen.")
EN_TEXT = ("Vladimir Putin visited North Korea. Putin and Kim Jong Un signed a partnership. "
           "Russia and North Korea are parties to the pact.")


def german(
    key: str = "de.txt", text: str = DE_TEXT, published: str = "2024-06-18"
) -> tuple[Article, Extraction]:
    return make_pair(key, text, "de", [
        ("person:wladimir-putin", "person", "Wladimir Putin", {}, ("Wladimir Putin", "Putin und")),
        ("person:kim-jong-un", "person", "Kim Jong-un", {}, ("Kim Jong-un",)),
        ("country:KP", "country", "Nordkorea", {}, ("Nordkorea",)),
        ("country:RU", "country", "Russland", {}, ("Russland",)),
        (PACT, "agreement", "Partnerschaft", {"kind": "partnership", "status": "planned", "year": 2024},
         ("Partnerschaft",)),
    ], [
        ("person:wladimir-putin", "travels_to", "country:KP", "reported"),
        ("person:wladimir-putin", "meets", "person:kim-jong-un", "planned"),
        ("country:RU", "party_to", PACT, "planned"),
    ], published)


def english(key: str = "en.txt", published: str = "2024-06-19") -> tuple[Article, Extraction]:
    return make_pair(key, EN_TEXT, "en", [
        ("person:vladimir-putin", "person", "Vladimir Putin", {}, ("Vladimir Putin", "Putin and")),
        ("person:kim-jong-un", "person", "Kim Jong Un", {}, ("Kim Jong Un",)),
        ("country:KP", "country", "North Korea", {}, ("North Korea",)),
        ("country:RU", "country", "Russia", {}, ("Russia",)),
        (PACT, "agreement", "partnership", {"kind": "partnership", "status": "signed", "year": None},
         ("partnership",)),
    ], [
        ("person:vladimir-putin", "travels_to", "country:KP", "reported"),
        ("country:RU", "party_to", PACT, "reported"),
    ], published)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on each backend: a SQLite file, and a new database on a real PostgreSQL server."""
    target = tmp_path / "db" / "kg.sqlite" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with Store.open(target) as opened:
        yield opened


def test_store_open_creates_parent_dirs_and_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "kg.sqlite"
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.counts() == dict.fromkeys(
            ("documents", "sentences", "entities", "aliases", "mentions", "relations", "redirects"), 0)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_open_migrates_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.save_batch([german()]) == ["new"]


def test_store_open_completes_a_partial_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = migrations.connect(path)
    assert migrations.migrate(conn, MIGRATIONS[:1]) == 1
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.save_batch([german(), english()]) == ["new", "new"]


def test_store_open_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_store_open_non_sqlite_file_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)
    assert "--db" in str(caught.value)
    assert path.read_text().startswith("these are my notes")


def test_store_default_db_path_uses_kg_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_DB", str(tmp_path / "x.sqlite"))
    assert default_db_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("KG_DB")
    assert default_db_path() == Path("data/entente.sqlite")


def test_store_save_batch_is_idempotent(store: Store) -> None:
    assert store.save_batch([german(), english()]) == ["new", "new"]
    before = store.counts()
    assert store.save_batch([german(), english()]) == ["unchanged", "unchanged"]
    assert store.counts() == before
    assert before["documents"] == 2 and before["relations"] == 5


def test_store_status_by_key_and_content(store: Store) -> None:
    article, extraction = german()
    assert store.status(article) == "new"
    store.save_batch([(article, extraction)])
    assert store.status(article) == "unchanged"
    changed, _ = german(text=DE_TEXT.replace("planen", "vereinbaren"))
    assert store.status(changed) == "changed"
    copy, _ = german(key="copy-of-de.txt")
    assert store.status(copy) == "copy"


def test_store_same_content_under_another_key_is_a_copy_with_its_own_metadata(store: Store) -> None:
    copy = replace(german(key="copy.txt")[0], source="Other outlet", published="2024-06-20")
    assert store.save_batch([german(), (copy, None)]) == ["new", "new copy"]
    docs = {d["id"]: d for d in store.documents()}
    assert sorted(docs) == ["copy.txt", "de.txt"]
    assert (docs["copy.txt"]["source"], docs["copy.txt"]["published"]) == ("Other outlet", "2024-06-20")
    assert (store.document("copy.txt") or {}).get("text") == DE_TEXT
    assert {e["document_id"] for e in store.evidence("person:wladimir-putin", "travels_to", "country:KP")} == set(docs)
    assert store.save_batch([german(), (copy, None)]) == ["unchanged", "unchanged"]


def test_store_copy_whose_stored_text_is_gone_is_extracted(store: Store) -> None:
    store.save_batch([german()])
    changed = german(text=DE_TEXT.replace("planen", "vereinbaren"))
    asked: list[str] = []

    def extract(article: Article) -> StoreRows:
        asked.append(article.key)
        return store_rows(german(key=article.key)[1])

    assert store.save_batch([changed, (german(key="copy.txt")[0], None)], extract=extract) == ["replaced", "new"]
    assert asked == ["copy.txt"]
    assert len(store.evidence("person:wladimir-putin", "meets", "person:kim-jong-un")) == 2


def test_store_merges_a_person_across_languages(store: Store) -> None:
    store.save_batch([german()])
    store.save_batch([english()])
    persons = [e for e in store.entities() if e["type"] == "person"]
    assert sorted(e["id"] for e in persons) == ["person:kim-jong-un", "person:wladimir-putin"]
    putin = next(e for e in persons if e["id"] == "person:wladimir-putin")
    assert (putin["mention_count"], putin["document_count"]) == (4, 2)
    assert store.resolve_id("person:vladimir-putin") == "person:wladimir-putin"
    assert store.aliases("person:vladimir-putin") == ["Vladimir Putin", "Wladimir Putin"]
    assert len(store.mentions("person:vladimir-putin")) == 4
    assert (store.entity("person:vladimir-putin") or {}).get("label") == "Wladimir Putin"


def test_store_merges_within_one_batch(store: Store) -> None:
    store.save_batch([english(), german()])
    ids = {e["id"] for e in store.entities()}
    assert "person:vladimir-putin" in ids and "person:wladimir-putin" not in ids
    assert store.resolve_id("person:wladimir-putin") == "person:vladimir-putin"
    assert store.counts()["redirects"] == 1


def test_store_shares_country_and_agreement_ids(store: Store) -> None:
    store.save_batch([german(), english()])
    by_id = {e["id"]: e for e in store.entities()}
    assert by_id["country:KP"]["document_count"] == 2
    assert by_id["country:KP"]["label"] == "Nordkorea"
    assert set(store.aliases("country:KP")) == {"Nordkorea", "North Korea"}
    assert by_id[PACT]["attrs"] == {"kind": "partnership", "status": "signed", "year": 2024}
    party = next(r for r in store.relations() if r["relation"] == "party_to")
    assert (party["count"], party["documents"]) == (2, 2)
    assert party["modalities"] == {"planned": 1, "reported": 1}


def test_store_merge_attrs_prefers_the_later_article_status() -> None:
    old = {"kind": "pact", "status": "signed", "year": 2024}
    merged, newest = merge_attrs(old, "2024-06-19", {"status": "planned", "date": "2024-06-01"}, "2024-06-01")
    assert merged == {"kind": "pact", "status": "signed", "year": 2024, "date": "2024-06-01"}
    assert newest == "2024-06-19"
    merged, _ = merge_attrs(old, "2024-06-19", {"status": "in_force", "year": 2023}, "2025-01-01")
    assert merged["status"] == "in_force" and merged["year"] == 2024


def test_store_replaces_a_changed_article_and_removes_orphans(store: Store) -> None:
    store.save_batch([german()])
    text = "Kim Jong-un empfängt Sergej Lawrow in Nordkorea."
    changed = make_pair("de.txt", text, "de", [
        ("person:kim-jong-un", "person", "Kim Jong-un", {}, ("Kim Jong-un",)),
        ("person:sergej-lawrow", "person", "Sergej Lawrow", {}, ("Sergej Lawrow",)),
        ("country:KP", "country", "Nordkorea", {}, ("Nordkorea",)),
    ], [("person:kim-jong-un", "meets", "person:sergej-lawrow", "reported")])
    assert store.save_batch([changed]) == ["replaced"]
    ids = {e["id"] for e in store.entities()}
    assert ids == {"person:kim-jong-un", "person:sergej-lawrow", "country:KP"}
    assert [r["relation"] for r in store.relations()] == ["meets"]
    assert store.aliases("person:wladimir-putin") == []
    counts = store.counts()
    assert (counts["documents"], counts["sentences"], counts["mentions"]) == (1, 1, 3)


def test_store_replacement_keeps_entities_other_documents_use(store: Store) -> None:
    store.save_batch([german(), english()])
    store.save_batch([german(text="Nordkorea schweigt.")])
    putin = store.entity("person:vladimir-putin")
    assert putin is not None and putin["id"] == "person:wladimir-putin"
    assert len(store.mentions("person:wladimir-putin")) == 2
    assert store.resolve_id("person:vladimir-putin") == "person:wladimir-putin"


def test_store_rolls_back_the_whole_batch_on_error(store: Store) -> None:
    store.save_batch([german()])
    before = store.counts()
    article, extraction = make_pair("bad.txt", "Niemand reist nach Nordkorea.", "de", [
        ("country:KP", "country", "Nordkorea", {}, ("Nordkorea",)),
    ], [])
    unknown = Relation("person:nobody", "travels_to", "country:KP", 0, "Niemand reist nach Nordkorea.")
    bad = (article, replace(extraction, relations=(unknown,)))
    with pytest.raises(StoreError, match="bad.txt") as caught:
        store.save_batch([english(), bad])
    assert "rolled back" in str(caught.value)
    assert store.counts() == before
    assert store.status(english()[0]) == "new"
    assert store.save_batch([english()]) == ["new"]


def test_store_rolls_back_when_the_progress_hook_fails(store: Store) -> None:
    def fail(index: int, result: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.save_batch([german(), english()], on_item=fail)
    assert store.counts()["documents"] == 0


_CHILD = """
import json, os, signal, sys
from pipelines.records import Article, Extraction
from pipelines.store import Store

items = [(Article(**a), Extraction.from_dict(e)) for a, e in json.load(open(sys.argv[2]))]

def die(index, result):
    if index == 0:
        os.kill(os.getpid(), signal.SIGKILL)

Store.open(sys.argv[1]).save_batch(items, on_item=die)
"""


def test_store_survives_a_process_killed_mid_batch(store: Store, tmp_path: Path) -> None:
    store.save_batch([german()])
    before = store.counts()
    items = [english(), german("other.txt", text="Putin reist nach Nordkorea.")]
    batch_file = tmp_path / "batch.json"
    batch_file.write_text(json.dumps([[asdict(a), e.to_dict()] for a, e in items]))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.run([sys.executable, "-c", _CHILD, str(store.target), str(batch_file)],
                           cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Store.open(store.target) as reopened:
        assert reopened.counts() == before
        assert reopened.save_batch(items) == ["new", "new"]


def test_store_reports_progress_per_item(store: Store) -> None:
    seen: list[tuple[int, str]] = []
    store.save_batch([german(), german()], on_item=lambda i, r: seen.append((i, r)))
    assert seen == [(0, "new"), (1, "unchanged")]


def test_store_evidence_and_mentions_point_into_the_text(store: Store) -> None:
    store.save_batch([german(), english()])
    evidence = store.evidence("person:vladimir-putin", "travels_to", "country:KP")
    assert [e["document_id"] for e in evidence] == ["en.txt", "de.txt"]
    assert evidence[0]["sentence_text"] == "Vladimir Putin visited North Korea."
    assert evidence[0]["document_url"] == "https://example.org/en.txt"
    for mention in store.mentions("country:KP"):
        text = (store.document(mention["document_id"]) or {})["text"]
        assert text[mention["start"]:mention["end"]] == mention["text"]
        assert text[mention["sentence_start"]:mention["sentence_end"]] == mention["sentence_text"]
        assert mention["method"] == "rule" and mention["kind"] == "name"


def test_store_documents_lists_metadata(store: Store) -> None:
    store.save_batch([german(), english()])
    docs = store.documents()
    assert [d["key"] for d in docs] == ["de.txt", "en.txt"]
    assert docs[0]["id"] == "de.txt" and docs[0]["lang"] == "de"
    assert "text" not in docs[0]
    assert store.document("missing") is None


# -- bulk reads for the explorer -------------------------------------------------------------


def test_store_mention_counts_per_entity_and_document(store: Store) -> None:
    store.save_batch([german(), english()])
    counts = {(entity, doc): n for entity, doc, n in store.mention_counts()}
    assert counts[("person:wladimir-putin", "de.txt")] == 2  # "Wladimir Putin", "Putin und"
    assert counts[("person:wladimir-putin", "en.txt")] == 2  # merged English spelling
    assert sum(counts.values()) == store.counts()["mentions"]


def test_store_relation_rows_one_per_sentence(store: Store) -> None:
    store.save_batch([german(), english()])
    rows = store.relation_rows()
    assert len(rows) == store.counts()["relations"]
    assert ("person:wladimir-putin", "travels_to", "country:KP", "en.txt", 0, "reported", 0.8, "text") in rows


def test_store_entity_rows_aliases_and_redirects(store: Store) -> None:
    store.save_batch([german(), english()])
    rows = {row["id"]: row for row in store.entity_rows()}
    assert rows[PACT]["attrs"]["status"] == "signed" and set(rows) == {e["id"] for e in store.entities()}
    assert store.all_aliases()["person:wladimir-putin"] == ["Vladimir Putin", "Wladimir Putin"]
    assert store.redirects() == {"person:vladimir-putin": "person:wladimir-putin"}


def test_store_sentence_text_by_document_and_index(store: Store) -> None:
    store.save_batch([german()])
    assert store.sentence_text("de.txt", 1) == "Putin und Kim Jong-un planen eine Partnerschaft."
    assert store.sentence_text("de.txt", 99) is None
    assert store.sentence_text("missing", 0) is None


def test_store_sentence_text_falls_back_to_the_relation_evidence(store: Store) -> None:
    article, extraction = german()
    store.save_batch([(article, replace(extraction, sentences=()))])
    assert store.sentence_text("de.txt", 0) == "Wladimir Putin reist nach Nordkorea."


def test_store_mentions_pages_through_articles_newest_first(store: Store) -> None:
    older, newer = german(published="2024-06-01"), german("other.txt", text=DE_TEXT + " Putin.", published="2024-06-20")
    store.save_batch([older, newer])
    every = store.mentions("person:wladimir-putin")
    first, second = (store.mentions("person:wladimir-putin", articles=1, offset=n) for n in (0, 1))
    assert {m["document_id"] for m in first} == {every[0]["document_id"]}
    assert first[0]["document_published"] == "2024-06-20" and second[0]["document_published"] == "2024-06-01"
    assert first + second == every
    assert store.mentions("person:wladimir-putin", articles=1, offset=2) == []


def test_store_one_batch_equals_one_article_per_batch(
    store: Store, sample_records: dict[str, Extraction], tmp_path: Path
) -> None:
    """The resolver remembers ids, names and attrs within a batch; that must not change the result."""
    items = [(Article(id=name, key=name, text=r.text, lang=r.lang, published=r.published), r)
             for name, r in sorted(sample_records.items())]
    store.save_batch(items)
    with Store.open(tmp_path / "one-by-one.sqlite") as single:
        for item in items:
            single.save_batch([item])
        assert graph_of(store) == graph_of(single)
    assert store.counts()["redirects"] > 0 and store.counts()["documents"] == len(items)


def test_store_replacement_within_one_batch_equals_separate_batches(store: Store, tmp_path: Path) -> None:
    changed = german(text=DE_TEXT.replace("Nordkorea.", "Nordkorea und Vietnam."))
    assert store.save_batch([german(), english(), changed]) == ["new", "new", "replaced"]
    with Store.open(tmp_path / "separate.sqlite") as separate:
        for item in (german(), english(), changed):
            separate.save_batch([item])
        assert graph_of(store) == graph_of(separate)


def test_store_entity_orphaned_and_mentioned_again_within_one_batch(store: Store, tmp_path: Path) -> None:
    without_kim = german(text="Wladimir Putin reist nach Nordkorea. Russland und Nordkorea wollen den Pakt unterzeichnen.")
    items = [german(), without_kim, german("other.txt")]
    assert store.save_batch(items) == ["new", "replaced", "new"]
    with Store.open(tmp_path / "separate.sqlite") as separate:
        for item in items:
            separate.save_batch([item])
        assert graph_of(store) == graph_of(separate)
    assert store.entity("person:kim-jong-un") is not None


# -- no false merges: gazetteer entries whose names share a name_key stay apart --------------------


def _visit(key: str, place_id: str, label: str, surface: str | None = None) -> tuple[Article, Extraction]:
    """An article in which Olaf Scholz visits one place (named ``surface``, default its label)."""
    text = f"Olaf Scholz visited {surface or label} on Monday."
    return make_pair(key, text, "en", [
        ("person:olaf-scholz", "person", "Olaf Scholz", {}, ("Olaf Scholz",)),
        (place_id, "place", label, {}, (surface or label,)),
    ], [("person:olaf-scholz", "travels_to", place_id, "reported")])


@pytest.mark.parametrize(("first", "second"), [
    (("place:nanjing", "Nanjing"), ("place:nanning", "Nanning")),  # "yi" folded: nanying ~ naning
    (("place:samara", "Samara"), ("place:samarra", "Sāmarrā’")),  # a doubled consonant
    (("place:haarlem", "Haarlem"), ("place:harlem", "Harlem")),  # a doubled vowel
    (("place:budapest-xi-kerulet", "Budapest XI. kerület"),
     ("place:budapest-xiii-kerulet", "Budapest XIII. kerület")),  # Roman numerals: XIII ~ XI
], ids=["nanjing-nanning", "samara-samarra", "haarlem-harlem", "budapest-xi-xiii"])
def test_store_never_merges_two_gazetteer_places(
    store: Store, first: tuple[str, str], second: tuple[str, str]
) -> None:
    store.save_batch([_visit("a.txt", *first)])
    store.save_batch([_visit("b.txt", *second)])
    ids = {e["id"] for e in store.entities() if e["type"] == "place"}
    assert ids == {first[0], second[0]}
    assert store.resolve_id(second[0]) == second[0] and not store.redirects()
    assert store.evidence("person:olaf-scholz", "travels_to", second[0])[0]["document_id"] == "b.txt"


def test_store_never_merges_a_gazetteer_place_with_a_name_that_differs_after_normalisation(store: Store) -> None:
    store.save_batch([_visit("a.txt", "place:nanjing", "Nanjing")])
    store.save_batch([_visit("b.txt", "place:nanying", "Nanying")])  # found by rule, same name_key
    assert store.resolve_id("place:nanying") == "place:nanying"
    store.save_batch([_visit("c.txt", "place:nanjing-city", "Nanjing", "NANJING")])  # same name, other id
    assert store.resolve_id("place:nanjing-city") == "place:nanjing"


# -- PostgreSQL parity: what SQLite takes but PostgreSQL refuses is cleaned per item -----------------


def test_store_nul_and_lone_surrogates_are_replaced_not_rolling_back_the_batch(store: Store) -> None:
    dirty_text = DE_TEXT.replace("reist", "re\x00ist").replace("Pakt", "Pa\ud800t")
    article, extraction = german(key="de\x00.txt", text=dirty_text)
    article = replace(article, source="Agen\x00tur", url="https://example.org/\x00", title="Ti\udc00tel",
                      id="de\x00", published="2024-06-18\x00")
    assert store.save_batch([english(), (article, extraction)]) == ["new", "new"]
    saved = store.document("de\ufffd.txt")
    assert saved is not None and len(saved["text"]) == len(dirty_text)
    assert saved["text"] == dirty_text.replace("\x00", "\ufffd").replace("\ud800", "\ufffd")
    assert (saved["source"], saved["url"], saved["title"]) == ("Agen\ufffdtur", "https://example.org/\ufffd", "Ti\ufffdtel")
    assert store.status(article) == "unchanged"
    mention = next(m for m in store.mentions("person:kim-jong-un") if m["document_id"] == "de\ufffd.txt")
    assert saved["text"][mention["start"]:mention["end"]] == "Kim Jong-un"


def test_store_refuses_an_id_too_long_for_an_index(store: Store) -> None:
    article, _ = german(key="id:" + "x" * 3000)
    assert "longer than" in (store.unstorable(article) or "")
    assert store.unstorable(german()[0]) is None


def test_store_migration_keeps_older_documents_unchanged_and_finds_their_copies(tmp_path: Path) -> None:
    """A database from before schema step 5 (document id = content hash) is read as it was stored."""
    path = tmp_path / "old.sqlite"
    conn = migrations.connect(path)
    migrations.migrate(conn, MIGRATIONS[:4])
    conn.execute(
        "INSERT INTO documents (id, key, title, text, ingested_at) VALUES (?, 'de.txt', 'Old', ?, '2024-01-01')",
        (content_hash(DE_TEXT), DE_TEXT))
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.status(german()[0]) == "unchanged"
        assert store.status(german(key="copy.txt")[0]) == "copy"
