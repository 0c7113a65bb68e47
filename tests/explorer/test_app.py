"""The explorer app through Streamlit's AppTest: filters, focus, drill-down, paths, tables, exports, URL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.picks import LIMIT
from explorer.views import details
from pipelines.ingest import IngestReport
from pipelines.store import Store
from tests.explorer.wire_reader import graph_data  # noqa: F401 -- imported from here by the other app tests

APP = str(Path(__file__).resolve().parents[2] / "explorer" / "app.py")
GRAPH_KEY = "kg_graph"
PUTIN = "person:wladimir-putin"


@pytest.fixture
def app_db(sample_db: tuple[Path, IngestReport], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "kg.sqlite"
    shutil.copy(sample_db[0], db)
    monkeypatch.setenv("KG_DB", str(db))
    return db


def run_app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def node_ids(at: AppTest) -> set[str]:
    return {n["id"] for n in graph_data(at)["nodes"]}


def param(at: AppTest, name: str) -> str:
    value = at.query_params[name]
    return value[0] if isinstance(value, list) else value


def marked(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if "<mark>" in m.value]


def test_app_starts_on_sample_data_with_graph(app_db: Path) -> None:
    at = run_app()
    assert not at.exception
    assert PUTIN in node_ids(at) and len(graph_data(at)["edges"]) > 20
    assert "Click a node or an edge" in at.info[0].value


def test_app_builds_missing_database_from_samples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "new" / "kg.sqlite"
    monkeypatch.setenv("KG_DB", str(db))
    at = run_app()
    assert not at.exception and db.exists() and PUTIN in node_ids(at)


def test_app_builds_and_reads_a_postgresql_database(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_DB", postgres_url)
    at = run_app()
    assert not at.exception and PUTIN in node_ids(at)
    with Store.open(postgres_url) as store:
        assert store.counts()["documents"] == 26


def test_app_unreachable_postgresql_is_a_clear_error_without_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_DB", "postgresql://kg:s3cret@127.0.0.1:9/news?connect_timeout=2")
    at = run_app()
    assert not at.exception
    assert "postgresql://kg@127.0.0.1:9/news" in at.error[0].value and "s3cret" not in at.error[0].value


def test_app_filter_languages_changes_graph(app_db: Path) -> None:
    at = run_app()
    before = node_ids(at)
    at.sidebar.multiselect(key="f_languages").set_value(["en"]).run()
    after = node_ids(at)
    assert "agreement:agreement-kp-ru" in before and after and "agreement:agreement-kp-ru" not in after
    assert param(at, "languages") == "en"


def test_app_filter_types_keeps_only_chosen_types(app_db: Path) -> None:
    at = run_app()
    at.sidebar.multiselect(key="f_types").set_value(["country"]).run()
    assert {n["id"].split(":")[0] for n in graph_data(at)["nodes"]} == {"country"}


def test_app_focus_with_hops_grows(app_db: Path) -> None:
    at = run_app(focus="place:yakutia", hops="1")
    one = node_ids(at)
    at.sidebar.slider(key="f_hops").set_value(2).run()
    two = node_ids(at)
    assert "place:yakutia" in one and one < two


def test_app_focus_picker_offers_a_few_matches_and_keeps_the_url_focus(app_db: Path) -> None:
    at = run_app(focus=PUTIN)
    box = at.sidebar.selectbox(key="f_focus:box")
    assert box.value == PUTIN and len(box.options) <= LIMIT + 2  # "none", the focus, the most mentioned
    at.sidebar.text_input(key="f_focus:q").input("pyongyang").run()
    box = at.sidebar.selectbox(key="f_focus:box")
    assert box.options[:3] == ["— none —", "Wladimir Putin", "Pyongyang"] and len(box.options) < 10
    box.set_value("place:pyongyang").run()
    assert not at.exception
    assert param(at, "focus") == "place:pyongyang"
    assert next(n for n in graph_data(at)["nodes"] if n["id"] == "place:pyongyang")["mark"] == "focus"


def test_app_article_picker_offers_matching_titles_only(app_db: Path) -> None:
    at = run_app()
    assert len(at.sidebar.multiselect(key="f_documents:box").options) <= LIMIT
    at.sidebar.text_input(key="f_documents:q").input("pyongyang").run()
    box = at.sidebar.multiselect(key="f_documents:box")
    assert box.options and all("pyongyang" in title.casefold() for title in box.options)
    box.select(box.options[0]).run()
    assert not at.exception and "documents" in at.query_params


def test_app_node_click_shows_sentences_with_mention_highlighted(app_db: Path) -> None:
    at = run_app()
    at.session_state[GRAPH_KEY] = {"selection": {"kind": "node", "id": PUTIN}}
    at.run()
    assert at.subheader[0].value == "Wladimir Putin"
    assert any("<mark>Putin" in m or "<mark>Wladimir Putin" in m for m in marked(at))
    assert param(at, "node") == PUTIN


def test_app_node_card_pages_through_articles(app_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(details, "ARTICLES_PAGE", 2)
    at = run_app()
    at.session_state[GRAPH_KEY] = {"selection": {"kind": "node", "id": PUTIN}}
    at.run()
    assert "in 2 articles (the 2 newest of" in summary(at)
    at.button(key=f"more:{PUTIN}").click().run()
    assert "in 4 articles (the 4 newest of" in summary(at)


def summary(at: AppTest) -> str:
    """The card's "N sentences in M articles" line."""
    return next(m.value for m in at.markdown if " sentences in " in m.value)


def test_app_edge_click_shows_evidence(app_db: Path) -> None:
    at = run_app()
    edge = "place:pyongyang|located_in|country:KP"
    at.session_state[GRAPH_KEY] = {"selection": {"kind": "edge", "id": edge}}
    at.run()
    assert "located in" in at.subheader[0].value
    assert any("Pjöngjang" in m or "Pyongyang" in m for m in marked(at))


def test_app_shared_url_restores_view(app_db: Path) -> None:
    at = run_app(types="person,country", node=PUTIN, min_mentions="2")
    assert at.sidebar.multiselect(key="f_types").value == ["person", "country"]
    assert at.sidebar.slider(key="f_min_mentions").value == 2
    assert at.subheader[0].value == "Wladimir Putin"


def test_app_paths_between_two_entities(app_db: Path) -> None:
    at = run_app()
    at.text_input(key="p_from:q").input("putin")
    at.text_input(key="p_to:q").input("vietnam").run()  # the pickers offer the matches
    at.selectbox(key="p_from:box").set_value(PUTIN)
    at.selectbox(key="p_to:box").set_value("country:VN").run()
    paths = [m.value for m in at.markdown if m.value.startswith("**Path")]
    assert paths and "Vietnam" in paths[0] and "<ol>" in paths[0]


def open_tab(at: AppTest, label: str) -> AppTest:
    at.session_state["lower_tab"] = label  # what a click on the tab sends
    return at.run()


def test_app_closed_tabs_send_no_tables_or_exports(app_db: Path) -> None:
    at = run_app()
    assert not at.dataframe and not at.get("download_button")
    assert len(open_tab(at, "Relations").dataframe) == 1 and not at.get("download_button")
    assert not open_tab(at, "Connections").dataframe


def test_app_closed_tabs_send_no_uploader_question_box_or_pickers(app_db: Path) -> None:
    at = open_tab(run_app(), "Entities")
    assert not at.get("file_uploader") and not [t for t in at.text_input if t.key in ("q_text", "p_from:q")]
    assert len(open_tab(at, "Add articles").get("file_uploader")) == 1


def test_app_question_kept_while_its_tab_is_closed(app_db: Path) -> None:
    at = open_tab(run_app(), "Ask")
    at.text_input(key="q_text").input("Who leads France?").run()
    assert "q_text" not in [t.key for t in open_tab(at, "Entities").text_input]
    assert open_tab(at, "Ask").text_input(key="q_text").value == "Who leads France?"


def test_app_sends_vis_network_before_anything_else(app_db: Path) -> None:
    first = run_app().main.children[0]  # the browser loads it while the script runs on
    assert first.proto.component_name.endswith("graph_view_vis")


def test_app_tables_row_selection_drills_down(app_db: Path) -> None:
    at = open_tab(run_app(), "Entities")
    frame = at.dataframe[0].value
    assert {"label", "type", "weight"} <= set(frame.columns)
    at.session_state["t_entities"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.subheader[0].value == frame.iloc[0]["label"]
    assert param(at, "node") == frame.iloc[0]["id"]


def test_app_relations_table_row_selection_shows_evidence(app_db: Path) -> None:
    at = open_tab(run_app(), "Relations")
    frame = at.dataframe[0].value
    at.session_state["t_relations"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert param(at, "edge") == frame.iloc[0]["id"] and marked(at)


def test_app_presentation_mode_hides_tabs(app_db: Path) -> None:
    at = run_app(present="1", node=PUTIN)
    assert not at.tabs and not at.title and at.subheader[0].value == "Wladimir Putin"


def test_app_exports_offer_every_format(app_db: Path) -> None:
    at = open_tab(run_app(), "Export")
    labels = {getattr(b, "label", None) for b in at.get("download_button")}
    assert {"HTML (offline)", "GRAPHML", "GEXF", "JSON", "CSV"} <= labels


def test_app_not_a_database_shows_error_not_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "kg.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    monkeypatch.setenv("KG_DB", str(bad))
    at = run_app()
    assert not at.exception and str(bad) in at.error[0].value
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_app_colour_and_size_choice_from_the_url_reaches_the_sidebar_and_the_graph(app_db: Path) -> None:
    plain = {n["id"]: (n["color"], n["size"]) for n in graph_data(run_app())["nodes"]}
    at = run_app(colour="community", size="pagerank")
    assert at.radio(key="v_colour").value == "community" and at.radio(key="v_size").value == "pagerank"
    styled = {n["id"]: (n["color"], n["size"]) for n in graph_data(at)["nodes"]}
    assert sum(plain[n][0] != styled[n][0] for n in styled) > 10 and plain[PUTIN][1] != styled[PUTIN][1]
    assert param(at, "colour") == "community" and param(at, "size") == "pagerank"
    at.radio(key="v_colour").set_value("type").run()
    assert "colour" not in at.query_params


def test_app_presentation_mode_header_and_leave_button_keep_the_view(app_db: Path) -> None:
    at = run_app(present="1", node=PUTIN, colour="community")
    assert any("kg-present-summary" in m.value and "100 of" in m.value for m in at.markdown)
    at.button(key="p_leave").click().run()
    assert "present" not in at.query_params and param(at, "node") == PUTIN and param(at, "colour") == "community"
    assert at.tabs and at.title


def test_app_gazetteer_edge_is_dotted_in_the_legend_and_card(app_db: Path) -> None:
    edge = "place:pyongyang|located_in|country:KP"
    at = run_app()
    drawn = {e["id"]: e for e in graph_data(at)["edges"]}
    assert drawn[edge]["basis"] == "gazetteer" and drawn[edge]["dashes"]
    assert any("from the gazetteer, not stated in the sentence" in m.value for m in at.markdown)  # legend
    at.session_state[GRAPH_KEY] = {"selection": {"kind": "edge", "id": edge}}
    at.run()
    assert any(c.value.startswith("From the gazetteer, not stated in the sentence") for c in at.caption)
