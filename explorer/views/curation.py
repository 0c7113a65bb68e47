"""Curation on the cards: merge with…, rename, change type, split a name off, reject, undo; the
decisions about the selected item with who took them and when; the rejected items, to restore.

Thin: every check and write is ``pipelines.curating``; a bad request is shown as one error line.
The name typed once is kept for the browser session and stored with each decision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from explorer.text import inert
from explorer.views import pick
from explorer.views.words import decided, shown, tr
from pipelines import curating
from pipelines.decisions import CurationError, Decision, about
from pipelines.records import ENTITY_TYPES
from pipelines.store import Store

WHO, SAVED_WHO, FLASH = "cur_who", "cur_who_saved", "cur_flash"


def who() -> str:
    """The name this browser session decides as ("" until one is typed)."""
    return str(st.session_state.get(SAVED_WHO) or "").strip()


def _who_input() -> None:
    # A widget's state is dropped on runs that do not draw it; the name is kept under its own key.
    if WHO not in st.session_state:
        st.session_state[WHO] = who()
    name = st.text_input(tr("cur_who"), key=WHO, placeholder=tr("cur_who_placeholder"))
    st.session_state[SAVED_WHO] = name.strip()


def _flash() -> None:
    message = st.session_state.pop(FLASH, "")
    if message:
        st.success(inert(message))


def _done(message: str, forget: str = "") -> None:
    """After a decision: say what was done, drop a selection that is gone, and draw again."""
    st.session_state[FLASH] = message
    if forget:
        st.session_state["selection"] = None
        for name in ("node", "edge"):
            if name in st.query_params:
                del st.query_params[name]
    st.rerun()


def _take(store: Store, kind: str, payload: Mapping[str, Any], labels: Mapping[str, str], forget: str = "") -> None:
    try:
        decision = curating.take(store, kind, payload, who())
    except CurationError as error:
        st.error(inert(str(error)))
        return
    _done(tr("cur_decision", id=decision.id, what=decided(decision, labels)), forget)


def entity_panel(store: Store, card: Mapping[str, Any], labels: Mapping[str, str], choices: pick.Find) -> None:
    """The curation controls and history of one entity card; ``choices``: the entities the merge
    picker offers for a typed text."""
    entity_id = str(card["id"])
    _flash()
    with st.expander(tr("cur_entity")):
        _who_input()
        _merge(store, entity_id, labels, choices)
        _rename_retype(store, card, labels)
        _split(store, entity_id, labels)
        if st.button(tr("cur_reject_entity"), key=f"cur_reject:{entity_id}"):
            _take(store, "reject-entity", {"entity": entity_id}, labels, forget=entity_id)
    history(store, entity_id, labels)


def _merge(store: Store, entity_id: str, labels: Mapping[str, str], choices: pick.Find) -> None:
    key = f"cur_merge:{entity_id}"
    if st.session_state.get(key) not in labels:
        st.session_state[key] = ""
    names = {i: f"{label} ({i})" for i, label in labels.items()}

    def others(text: str, keep: Sequence[str]) -> list[str]:
        return [i for i in choices(text, keep) if i != entity_id]

    pick.one(tr("cur_merge"), tr("pick_find_merge"), key, others, names, none=tr("cur_pick"))
    other = pick.value(key)
    if st.button(tr("cur_merge_go"), key=f"cur_merge_go:{entity_id}", disabled=not other):
        _take(store, "merge", {"keep": entity_id, "drop": other}, labels)


def _rename_retype(store: Store, card: Mapping[str, Any], labels: Mapping[str, str]) -> None:
    entity_id = str(card["id"])
    label = st.text_input(tr("cur_name"), value=str(card["label"]), key=f"cur_label:{entity_id}")
    if st.button(tr("cur_rename"), key=f"cur_rename:{entity_id}"):
        _take(store, "rename", {"entity": entity_id, "label": label}, labels)
    types = list(ENTITY_TYPES)
    current = types.index(card["type"]) if card["type"] in types else 0
    chosen = st.selectbox(tr("cur_type"), types, index=current, key=f"cur_type:{entity_id}", format_func=shown(lambda t: f"type_{t}"))
    if st.button(tr("cur_retype"), key=f"cur_retype:{entity_id}"):
        _take(store, "retype", {"entity": entity_id, "type": chosen}, labels)


def _split(store: Store, entity_id: str, labels: Mapping[str, str]) -> None:
    names = store.mention_texts(entity_id)
    if len(names) < 2:
        st.caption(tr("cur_one_name"))
        return
    alias = st.selectbox(tr("cur_split_alias"), names, key=f"cur_alias:{entity_id}")
    if st.button(tr("cur_split"), key=f"cur_split:{entity_id}"):
        _take(store, "split", {"entity": entity_id, "alias": alias}, labels)


def relation_panel(store: Store, edge_id: str, labels: Mapping[str, str]) -> None:
    """The curation controls and history of one relation card."""
    _flash()
    with st.expander(tr("cur_relation")):
        _who_input()
        if st.button(tr("cur_reject_relation"), key=f"cur_reject_edge:{edge_id}"):
            _take(store, "reject-relation", {"edge": edge_id}, labels, forget=edge_id)
    history(store, edge_id, labels)


def history(store: Store, item: str, labels: Mapping[str, str]) -> None:
    """Who decided what about ``item`` and when; an Undo button for each decision that holds."""
    for decision in about(store.decisions(), item):
        st.markdown(f"<small>{_said(decision, labels)}</small>", unsafe_allow_html=True)
        if decision.active and st.button(tr("cur_undo", id=decision.id), key=f"cur_undo:{item}:{decision.id}"):
            _undo(store, decision, labels)


def _said(decision: Decision, labels: Mapping[str, str]) -> str:
    """One decision as safe HTML: what, who, when, and whether it was undone."""
    text = f"#{decision.id} {inert(decided(decision, labels))} — {inert(decision.who or tr('cur_someone'))}, {inert(decision.decided_at)}"
    if decision.undone_at:
        text = f"<s>{text}</s> (" + tr("cur_undone_by", who=inert(decision.undone_by or tr("cur_someone")),
                                            when=inert(decision.undone_at)) + ")"
    return text


def _undo(store: Store, decision: Decision, labels: Mapping[str, str]) -> None:
    try:
        curating.undo(store, decision.id, who())
    except CurationError as error:
        st.error(inert(str(error)))
        return
    _done(tr("cur_undone", what=decided(decision, labels)))


def rejected_list(store: Store, labels: Mapping[str, str]) -> None:
    """The rejected entities and relations, each with a Restore button."""
    if not st.session_state.get("selection"):  # no card to say it (e.g. the selection was just rejected)
        _flash()
    items = curating.rejected(store)
    with st.expander(tr("cur_rejected", n=len(items))):
        if not items:
            st.caption(tr("cur_nothing_rejected"))
        for item in items:
            st.markdown(f"<small>{_said(item.decision, labels)}</small>", unsafe_allow_html=True)
            if st.button(tr("cur_restore"), key=f"cur_restore:{item.decision.id}"):
                try:
                    curating.restore(store, item.item, who())
                except CurationError as error:
                    st.error(inert(str(error)))
                else:
                    _done(tr("cur_restored", item=item.item))
