"""Curation in the explorer through AppTest: merge from the card, undo, reject and restore, who and when."""

from __future__ import annotations

import html
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button

from pipelines.store import Store
from tests.explorer.test_app import app_db, graph_data, node_ids, run_app  # noqa: F401 -- app_db is a fixture

LULA, LULA_FULL = "person:lula", "person:luiz-inacio-lula-da-silva"


def edge_ids(at: AppTest) -> set[str]:
    return {str(e["id"]) for e in graph_data(at)["edges"]}


def button(at: AppTest, label: str) -> Button:
    return next(b for b in at.button if b.label == label)


def test_app_curation_merge_from_the_card_then_undo(app_db: Path) -> None:  # noqa: F811
    at = run_app(node=LULA_FULL)
    assert {LULA, LULA_FULL} <= node_ids(at)
    at.text_input(key="cur_who").input("Ann").run()
    at.text_input(key=f"cur_merge:{LULA_FULL}:q").input("lula").run()  # the picker offers the matches
    at.selectbox(key=f"cur_merge:{LULA_FULL}:box").select(LULA).run()
    button(at, "Merge it into this entity").click().run()
    assert not at.exception
    assert LULA not in node_ids(at) and LULA_FULL in node_ids(at)
    assert any("merged Lula (person:lula) into" in html.unescape(s.value) for s in at.success)
    history = [html.unescape(m.value) for m in at.markdown if "#1 merged" in m.value]
    assert history and "merged Lula (person:lula) into" in history[0] and "Ann" in history[0]
    with Store.open(app_db) as store:
        assert [(d.kind, d.who) for d in store.decisions()] == [("merge", "Ann")]
    button(at, "Undo decision 1").click().run()
    assert LULA in node_ids(at)
    assert any("<s>#1 merged" in m.value and "undone by Ann" in m.value for m in at.markdown)


def test_app_curation_reject_then_restore_from_the_sidebar(app_db: Path) -> None:  # noqa: F811
    at = run_app(node=LULA)
    button(at, "Reject this entity").click().run()
    assert not at.exception
    assert LULA not in node_ids(at)
    assert "Click a node or an edge" in at.info[0].value  # the rejected entity's card is gone
    assert [html.unescape(m.value) for m in at.sidebar.success] == ["Decision 1: rejected Lula (person:lula)"]
    assert any(e.label == "Rejected (1)" for e in at.sidebar.expander)
    button(at, "Restore").click().run()
    assert LULA in node_ids(at)
    assert [html.unescape(m.value) for m in at.success] == ["Restored person:lula"]  # the rejection is not said again


def test_app_curation_bad_request_is_one_error_line(app_db: Path) -> None:  # noqa: F811
    at = run_app(node=LULA)
    at.text_input(key=f"cur_label:{LULA}").input("   ").run()
    button(at, "Rename").click().run()
    assert not at.exception
    assert [html.unescape(e.value) for e in at.error] == ["a new name must be 1 to 300 characters, not '   '"]


def test_app_curation_reject_a_relation_from_its_card(app_db: Path) -> None:  # noqa: F811
    edge = "person:javier-milei|leader_of|country:PY"
    at = run_app(edge=edge)
    assert edge in edge_ids(at)
    button(at, "Reject this relation").click().run()
    assert not at.exception
    assert edge not in edge_ids(at) and "person:javier-milei" in node_ids(at)
    assert any(e.label == "Rejected (1)" for e in at.sidebar.expander)


def test_app_curation_split_a_name_off_from_the_card(app_db: Path) -> None:  # noqa: F811
    putin = "person:wladimir-putin"
    at = run_app(node=putin)
    at.selectbox(key=f"cur_alias:{putin}").select("Putins").run()
    button(at, "Split off").click().run()
    assert not at.exception
    assert any("split 'Putins' off Wladimir Putin" in html.unescape(s.value) for s in at.success)
    with Store.open(app_db) as store:
        (decision,) = store.decisions()
        new_id = decision.payload["new_id"]
        assert store.mention_texts(new_id) == ["Putins"] and "Putins" not in store.mention_texts(putin)
