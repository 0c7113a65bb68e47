"""The explorer through AppTest on a store it must not trust, and with links it must not trust."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.text import WORD_JOINER
from tests.explorer.hostile_store import BAD_NAME, EDGE, PERSON, TITLE, build_hostile_store
from tests.explorer.wire_reader import graph_data

APP = str(Path(__file__).resolve().parents[2] / "explorer" / "app.py")
GRAPH_KEY = "kg_graph"
RAW_SYNTAX = ("![x]", "](http", "**bold**", "**Fett**", "*Agentur*", "<script", "<img")


@pytest.fixture
def hostile_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = build_hostile_store(tmp_path / "hostile.sqlite")
    monkeypatch.setenv("KG_DB", str(db))
    return db


def test_app_store_with_only_bad_dates_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_DB", str(build_hostile_store(tmp_path / "dates.sqlite", damaged=False)))
    at = run_app()
    assert not at.exception and PERSON in node_ids(at)


def run_app(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def node_ids(at: AppTest) -> set[str]:
    return {n["id"] for n in graph_data(at)["nodes"]}


def rendered_texts(at: AppTest) -> list[str]:
    """Everything Streamlit renders as Markdown: markdown, headings, captions, alerts, table cells."""
    kinds = ("markdown", "subheader", "caption", "info", "error", "success", "warning")
    texts = [str(getattr(e, "value", "")) for kind in kinds for e in at.get(kind)]
    return texts + [str(cell) for table in at.table for cell in table.value.to_numpy().ravel()]


def test_app_untrusted_store_with_bad_dates_loads_and_shows_them_undated(hostile_db: Path) -> None:
    at = run_app()
    assert not at.exception
    assert PERSON in node_ids(at)
    at.sidebar.checkbox(key="f_use_dates").check().run()
    assert not at.exception
    assert at.sidebar.date_input(key="f_dates").value == (dt.date(2024, 6, 18), dt.date(2024, 6, 18))


def test_app_untrusted_text_is_never_markup_in_cards_and_evidence(hostile_db: Path) -> None:
    at = run_app()
    at.session_state[GRAPH_KEY] = {"selection": {"kind": "node", "id": PERSON}}
    at.run()
    assert not at.exception
    assert html.unescape(at.subheader[0].value) == BAD_NAME
    texts = rendered_texts(at)
    assert any(TITLE in html.unescape(t).replace(WORD_JOINER, "") for t in texts)
    assert not [t for t in texts if any(syntax in t for syntax in RAW_SYNTAX)]


def test_app_untrusted_edge_evidence_is_text(hostile_db: Path) -> None:
    at = run_app(edge=EDGE)
    assert not at.exception and "visits" in at.subheader[0].value
    assert not [t for t in rendered_texts(at) if any(syntax in t for syntax in RAW_SYNTAX)]


HOSTILE_LINKS = [
    {"edge": "foo"}, {"hops": "99999"}, {"hops": "-1"}, {"date_from": "2024-13-45"}, {"node": "<script>alert(1)</script>"},
    {"types": "bogus"}, {"min_mentions": "abc"}, {"hops": ["2", "3"]}, {"search": "x" * 5000},
    {"focus": "nobody:here"}, {"present": "yes"}, {"co": "maybe"}, {"date_to": "19.06.2024"}, {"edge": "a|b"},
    {"top_n": "1" * 5000}, {"min_support": "1e9"}, {"types": ["person", "bogus"]}, {"weird": "1"},
]


@pytest.mark.parametrize("params", HOSTILE_LINKS, ids=lambda p: "&".join(f"{k}={str(v)[:20]}" for k, v in p.items()))
def test_app_hostile_link_is_adjusted_with_a_notice_never_a_traceback(hostile_db: Path, params: dict[str, str | list[str]]) -> None:
    at = run_app(**params)
    assert not at.exception and not at.error
    assert PERSON in node_ids(at)
    (notice,) = [c.value for c in at.caption if "This link was adjusted" in c.value]
    assert "<script" not in notice and len(notice) < 600


def test_app_hostile_link_clamps_hops_and_keeps_good_values(hostile_db: Path) -> None:
    at = run_app(hops="99999", focus=PERSON, types="person,bogus")
    assert at.sidebar.slider(key="f_hops").value == 3
    assert at.sidebar.multiselect(key="f_types").value == ["person"]
    assert at.query_params["hops"] == "3" and at.query_params["types"] == "person"


def test_app_damaged_database_file_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = build_hostile_store(tmp_path / "damaged.sqlite", damaged=False)
    with db.open("r+b") as handle:  # garbage over every page after the header page
        handle.seek(4096)
        handle.write(bytes(range(256)) * ((db.stat().st_size - 4096) // 256 + 1))
    monkeypatch.setenv("KG_DB", str(db))
    at = run_app()
    assert not at.exception
    assert [e.value for e in at.error if e.value.startswith(f"Entente cannot open its data: {db}")]
