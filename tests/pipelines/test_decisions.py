"""Checking a decision before it is stored, and reading stored ones (pure)."""

from __future__ import annotations

import pytest

from pipelines.decisions import (
    CurationError,
    Decision,
    Known,
    about,
    check,
    describe,
    rejections_of,
    split_id,
    undoable,
)

KNOWN = Known(
    {"person:a": "person", "person:b": "person", "country:DE": "country"},
    {"person:a": ["Anna Alt", "Alt"], "person:b": ["Bert"]},
    frozenset({"person:a|meets|person:b"}),
    lambda entity_id: {"person:old": "person:a"}.get(entity_id, entity_id),
)


def test_decisions_merge_resolves_old_ids() -> None:
    assert check("merge", {"keep": "person:b", "drop": "person:old"}, KNOWN) == {"keep": "person:b", "drop": "person:a"}


@pytest.mark.parametrize(("kind", "payload", "says"), [
    ("merge", {"keep": "person:a", "drop": "person:old"}, "with itself"),
    ("merge", {"keep": "person:a", "drop": "person:zz"}, "'person:zz': no such entity"),
    ("retype", {"entity": "person:a", "type": "planet"}, "unknown type 'planet'; choose one of: person"),
    ("rename", {"entity": "person:a", "label": "   "}, "a new name must be"),
    ("split", {"entity": "person:a", "alias": "Nobody"}, "not mentioned as 'Nobody'; its names are: 'Anna Alt', 'Alt'"),
    ("split", {"entity": "person:b", "alias": "Bert"}, "only mentioned as 'Bert'"),
    ("reject-relation", {"edge": "person:a|visits|person:b"}, "no relation 'person:a|visits|person:b'"),
    ("teleport", {}, "unknown decision kind 'teleport'"),
])
def test_decisions_bad_requests_say_what_is_wrong(kind: str, payload: dict[str, str], says: str) -> None:
    with pytest.raises(CurationError, match=says.replace("(", r"\(").replace("|", r"\|")):
        check(kind, payload, KNOWN)


def test_decisions_split_gets_a_new_id_that_is_not_taken() -> None:
    assert check("split", {"entity": "person:a", "alias": "Alt"}, KNOWN)["new_id"] == "person:alt"
    assert split_id("person:a", "Bert", {"person:bert": "person"}) == "person:bert-2"


def test_decisions_reject_relation_resolves_its_ends() -> None:
    assert check("reject-relation", {"edge": "person:old|meets|person:b"}, KNOWN) == {"edge": "person:a|meets|person:b"}


def test_decisions_undo_and_restore_find_what_holds() -> None:
    taken = [Decision(1, "reject-entity", {"entity": "person:a"}), Decision(2, "merge", {"keep": "a", "drop": "b"}, undone_at="x")]
    assert undoable(taken, 1).id == 1
    with pytest.raises(CurationError, match="already undone"):
        undoable(taken, 2)
    with pytest.raises(CurationError, match="no decision 9"):
        undoable(taken, 9)
    assert [d.id for d in rejections_of(taken, "person:a")] == [1]
    with pytest.raises(CurationError, match="'person:b' is not rejected"):
        rejections_of(taken, "person:b")


def test_decisions_damaged_payload_reads_as_empty_and_describes() -> None:
    decision = Decision.from_row({"id": 3, "kind": "rename", "payload": "{not json", "who": None, "decided_at": "t"})
    assert decision.payload == {} and decision.who == "" and decision.active
    merged = Decision(4, "merge", {"keep": "person:a", "drop": "person:b"})
    assert describe(merged, {"person:a": "Anna"}) == "merged person:b into Anna (person:a)"


def test_decisions_about_an_item_newest_first_undone_included() -> None:
    taken = [Decision(1, "rename", {"entity": "person:a", "label": "A"}), Decision(2, "reject-entity", {"entity": "person:b"}),
             Decision(3, "merge", {"keep": "person:c", "drop": "person:a"}, undone_at="x")]
    assert [d.id for d in about(taken, "person:a")] == [3, 1]


def test_decisions_remember_labels_so_a_merged_away_entity_is_still_named() -> None:
    known = Known({"person:a": "person", "person:b": "person"}, labels={"person:a": "Anna", "person:b": "Bea"})
    payload = check("merge", {"keep": "person:a", "drop": "person:b"}, known)
    assert payload["labels"] == {"person:a": "Anna", "person:b": "Bea"}
    assert describe(Decision(1, "merge", payload), {"person:a": "Anna A."}) == "merged Bea (person:b) into Anna A. (person:a)"
