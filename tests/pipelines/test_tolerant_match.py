"""Tolerant entity matching, as outside checks match extracted entities to gold ones."""

from __future__ import annotations

from pipelines.records import Entity, Extraction, Mention
from pipelines.tolerant_match import match_entities


def _entity(entity_id: str, label: str, *texts: str) -> Entity:
    mentions = tuple(Mention(start=0, end=len(t), text=t, sentence=0, method="rule", score=0.9) for t in texts)
    return Entity(id=entity_id, type=entity_id.split(":")[0], label=label, mentions=mentions)


def _record(*entities: Entity) -> Extraction:
    return Extraction(id="a", lang="en", title="", text="", sentences=(), entities=entities, relations=())


def test_tolerant_match_by_mention_text_and_gold_label() -> None:
    record = _record(_entity("organization:imf", "IMF", "International Monetary Fund"))
    golds = [{"id": "organization:international-monetary-fund", "type": "organization", "label": "IMF"}]
    match = match_entities(record, golds)
    assert match.pairs == (("organization:international-monetary-fund", "organization:imf"),)
    assert match.false_positives == match.false_negatives == ()


def test_tolerant_match_needs_the_same_type() -> None:
    match = match_entities(_record(_entity("place:jackson", "Jackson")), [{"id": "person:jackson", "label": "Jackson"}])
    assert match.pairs == () and match.false_positives == ("place:jackson",) and match.false_negatives == ("person:jackson",)


def test_tolerant_match_is_one_to_one_and_prefers_exact_ids() -> None:
    record = _record(_entity("place:rome", "Rome", "Rom"), _entity("place:rom", "Rom"))
    golds = [{"id": "place:rom", "label": "Rom"}, {"id": "place:roma", "label": "Rome"}]
    match = match_entities(record, golds)
    assert set(match.pairs) == {("place:rom", "place:rom"), ("place:roma", "place:rome")}
