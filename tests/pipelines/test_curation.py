"""Applying decisions to the store's rows (pure): merges, renames, types, splits, rejections, undo."""

from __future__ import annotations

from pipelines import curation as curate
from pipelines.curation import Curation
from pipelines.decisions import Decision

ENTITIES = [
    {"id": "person:a", "type": "person", "label": "Anna Alt", "attrs": {}},
    {"id": "person:b", "type": "person", "label": "A. Alt", "attrs": {}},
    {"id": "person:c", "type": "person", "label": "Carl Cord", "attrs": {}},
    {"id": "country:DE", "type": "country", "label": "Deutschland", "attrs": {}},
]
# source, relation, target, document_id, sentence, modality, score, basis
SENTENCES = [
    ("person:a", "meets", "person:c", "d1", 0, "reported", 0.8, "text"),
    ("person:b", "meets", "person:c", "d1", 0, "reported", 0.9, "text"),
    ("person:b", "meets", "person:c", "d2", 3, "planned", 0.7, "text"),
    ("person:a", "co_mentioned", "person:b", "d2", 1, "reported", 0.5, "text"),
    ("person:c", "visits", "country:DE", "d2", 2, "reported", 0.6, "text"),
]
MENTIONS = [("person:a", "d1", 2), ("person:b", "d1", 1), ("person:b", "d2", 2), ("person:c", "d2", 4)]


def decision(number: int, kind: str, undone: bool = False, **payload: str) -> Decision:
    return Decision(number, kind, payload, "ann", f"2026-01-0{number}T10:00:00+00:00", "2026-02-01" if undone else "")


def test_curation_without_decisions_is_empty_and_changes_nothing() -> None:
    curation = Curation.build([])
    assert curation.empty
    assert curate.relation_rows(curation, SENTENCES) == sorted(SENTENCES)
    assert [row["id"] for row in curate.entity_rows(curation, ENTITIES)] == sorted(str(e["id"]) for e in ENTITIES)


def test_curation_merge_joins_entities_counts_and_relations() -> None:
    curation = Curation.build([decision(1, "merge", keep="person:a", drop="person:b")])
    assert [row["id"] for row in curate.entity_rows(curation, ENTITIES)] == ["country:DE", "person:a", "person:c"]
    assert curate.mention_counts(curation, MENTIONS) == [("person:a", "d1", 3), ("person:a", "d2", 2), ("person:c", "d2", 4)]
    meets = curate.aggregate_relations(curate.relation_rows(curation, SENTENCES))
    first = meets[0]
    # d1 sentence 0 named both a and b: one sentence after the merge; the a-b co-mention is a loop, dropped.
    assert (first["source"], first["relation"], first["target"], first["count"], first["documents"]) == ("person:a", "meets", "person:c", 2, 2)
    assert first["modalities"] == {"reported": 1, "planned": 1} and first["score"] == 0.8
    assert [r["relation"] for r in meets] == ["meets", "visits"]
    assert curate.redirects(curation, {"person:old": "person:b"}) == {"person:b": "person:a", "person:old": "person:a"}


def test_curation_merge_chains_and_undo_restores() -> None:
    chain = [decision(1, "merge", keep="person:a", drop="person:b"), decision(2, "merge", keep="person:c", drop="person:a")]
    assert Curation.build(chain).canonical("person:b") == "person:c"
    undone = [chain[0], decision(2, "merge", undone=True, keep="person:c", drop="person:a")]
    assert Curation.build(undone).canonical("person:b") == "person:a"
    assert Curation.build([decision(1, "merge", undone=True, keep="person:a", drop="person:b")]).empty


def test_curation_rename_and_retype_follow_a_later_merge() -> None:
    curation = Curation.build([
        decision(1, "rename", entity="person:b", label="Anna Alt-Berg"),
        decision(2, "merge", keep="person:b", drop="person:a"),
        decision(3, "retype", entity="person:a", type="organization"),
    ])
    row = next(r for r in curate.entity_rows(curation, ENTITIES) if r["id"] == "person:b")
    assert (row["label"], row["type"]) == ("Anna Alt-Berg", "organization")


def test_curation_reject_entity_drops_its_mentions_and_relations() -> None:
    curation = Curation.build([decision(1, "reject-entity", entity="person:c")])
    assert "person:c" not in {row["id"] for row in curate.entity_rows(curation, ENTITIES)}
    assert all("person:c" not in row[:3] for row in curate.relation_rows(curation, SENTENCES))
    assert all(row[0] != "person:c" for row in curate.mention_counts(curation, MENTIONS))
    assert "person:c" not in curate.aliases(curation, {"person:c": ["Carl Cord"], "person:a": ["Anna Alt"]})


def test_curation_reject_relation_survives_a_merge_of_its_ends() -> None:
    curation = Curation.build([
        decision(1, "reject-relation", edge="person:b|meets|person:c"),
        decision(2, "merge", keep="person:a", drop="person:b"),
    ])
    assert [row[1] for row in curate.relation_rows(curation, SENTENCES)] == ["visits"]


def test_curation_split_moves_the_sentences_naming_the_alias() -> None:
    sentences = {("person:b", "d2", 3): 1}
    curation = Curation.build([decision(1, "split", entity="person:b", alias="Alt", new_id="person:alt")],
                              lambda ids, alias: sentences if alias == "Alt" and "person:b" in ids else {})
    rows = curate.entity_rows(curation, ENTITIES)
    assert next(r for r in rows if r["id"] == "person:alt")["label"] == "Alt"
    assert ("person:alt", "meets", "person:c", "d2", 3, "planned", 0.7, "text") in curate.relation_rows(curation, SENTENCES)
    assert ("person:b", "meets", "person:c", "d1", 0, "reported", 0.9, "text") in curate.relation_rows(curation, SENTENCES)
    assert curate.mention_counts(curation, MENTIONS)[-2:] == [("person:b", "d2", 1), ("person:c", "d2", 4)]
    assert ("person:alt", "d2", 1) in curate.mention_counts(curation, MENTIONS)
    assert curate.aliases(curation, {"person:b": ["A. Alt", "Alt"]}) == {"person:alt": ["Alt"], "person:b": ["A. Alt"]}
    assert curation.mention_at("person:b", "d2", 3, "Alt") == "person:alt"
    assert curation.mention_at("person:b", "d2", 3, "A. Alt") == "person:b"


def test_curation_entity_counts_count_distinct_documents() -> None:
    counted = curate.entity_counts(ENTITIES, MENTIONS, SENTENCES)
    by_id = {row["id"]: (row["mention_count"], row["document_count"]) for row in counted}
    assert by_id == {"person:a": (2, 2), "person:b": (3, 2), "person:c": (4, 2), "country:DE": (0, 1)}
