"""The page's interface language: kept in the session (the sidebar's switch, seeded from the URL's
``lang``) and used by every view through ``tr``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from explorer.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    basis_name,
    decision_text,
    relation_name,
    term,
    translate,
    type_name,
)
from pipelines.decisions import Decision

KEY = "lang"
SEEDED = "lang_seeded"


def seed(lang: str) -> None:
    """Take the URL's language on the first run of a session only (later the switch decides)."""
    if not st.session_state.get(SEEDED):
        st.session_state[KEY] = lang
        st.session_state[SEEDED] = True


def current() -> str:
    """The language the page shows."""
    lang = st.session_state.get(KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, **values: object) -> str:
    """The interface string ``key`` in the page's language (see ``explorer.i18n``)."""
    return translate(current(), key, **values)


def basis_text(name: str) -> str:
    """What a relation no sentence states rests on, in the page's language."""
    return basis_name(current(), name)


def kind(entity_type: str) -> str:
    """An entity type's name in the page's language."""
    return type_name(current(), entity_type)


def shown(key_of: Callable[[Any], str]) -> Callable[[Any], str]:
    """A widget's format function: the interface string ``key_of(value)`` in the language the page
    shows now.  The language is bound when the widget is drawn, because Streamlit may call the
    function outside the script run (AppTest does), where the session cannot be read."""
    lang = current()
    return lambda value: translate(lang, key_of(value))


def rel(relation: str) -> str:
    """A relation type ("leader_of") named in the page's language; URLs and exports keep the key."""
    return relation_name(current(), relation)


def named(group: str, value: str) -> str:
    """A stored vocabulary key (see ``explorer.i18n.term``) named in the page's language."""
    return term(current(), group, value)


def decided(decision: Decision, labels: Mapping[str, str]) -> str:
    """A curation decision in one line in the page's language."""
    return decision_text(current(), decision, labels)


def switch() -> str:
    """The Deutsch / English switch; returns the chosen language."""
    if st.session_state.get(KEY) not in LANGUAGES:
        st.session_state[KEY] = DEFAULT_LANGUAGE
    return str(st.radio(tr("language"), LANGUAGES, key=KEY, format_func=LANGUAGE_NAMES.__getitem__, horizontal=True))
