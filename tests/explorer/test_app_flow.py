"""Page flow and language through Streamlit's AppTest: the undated-articles choice, the message for
an empty view, and the Deutsch/English switch (interface strings, entity labels, URL)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from explorer.data import Snapshot
from tests.explorer.test_app import APP, app_db, graph_data, node_ids, param, run_app  # noqa: F401 -- app_db: the fixture

UNDATED_ONLY = "place:yakutia"


def node_labels(at: AppTest) -> dict[str, str]:
    return {n["id"]: n["label"] for n in graph_data(at)["nodes"]}


@pytest.mark.usefixtures("app_db")
def test_app_flow_language_switch_changes_labels_strings_and_url() -> None:
    at = run_app(top_n="300")
    assert node_labels(at)["country:LT"] == "Lithuania" and at.tabs[0].label == "Connections"
    assert "lang" not in at.query_params
    at.sidebar.radio(key="lang").set_value("de").run()
    labels = node_labels(at)
    assert labels["country:LT"] == "Litauen" and labels["organization:european-union"] == "Europäische Union"
    assert [tab.label for tab in at.tabs] == ["Verbindungen", "Zeitleiste", "Entitäten", "Beziehungen", "Artikel hinzufügen", "Export", "Fragen"]
    assert at.sidebar.header[0].value == "Filter" and param(at, "lang") == "de"
    assert "sichtbar" in at.caption[0].value


@pytest.mark.usefixtures("app_db")
def test_app_flow_language_from_the_url() -> None:
    at = run_app(lang="de", top_n="300")
    assert node_labels(at)["country:DE"] == "Deutschland" and at.sidebar.radio(key="lang").value == "de"
    assert at.info[0].value.startswith("Klicken Sie")


@pytest.mark.usefixtures("app_db")
def test_app_flow_undated_articles_kept_by_default_and_dropped_from_the_url(snapshot: Snapshot) -> None:
    docs = snapshot.documents
    assert (docs["published"] == "").any()
    at = run_app(top_n="5000")
    assert at.sidebar.checkbox(key="f_include_undated").value and UNDATED_ONLY in node_ids(at)
    at = run_app(top_n="5000", undated="0")
    assert not at.sidebar.checkbox(key="f_include_undated").value and UNDATED_ONLY not in node_ids(at)
    at.sidebar.checkbox(key="f_include_undated").check().run()
    assert UNDATED_ONLY in node_ids(at) and "undated" not in at.query_params


@pytest.mark.usefixtures("app_db")
def test_app_flow_empty_view_says_which_filters_to_loosen() -> None:
    at = run_app(search="no-such-name-anywhere", min_mentions="3")
    assert not node_ids(at)
    message = at.warning[0].value
    assert "Nothing matches" in message and "“Search entities”" in message and "“Minimum mentions”" in message
    at.sidebar.radio(key="lang").set_value("de").run()
    assert "“Entitäten suchen”" in at.warning[0].value


@pytest.mark.usefixtures("app_db")
def test_app_flow_german_look_timeline_and_what_changed_controls() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(lang="de", top_n="300")
    at.session_state["lower_tab"] = "Zeitleiste"  # what a click on the tab sends
    at.run()
    headers = [header.value for header in at.sidebar.header]
    assert "Darstellung" in headers and "Was sich geändert hat" in headers
    assert at.sidebar.radio(key="v_colour").label == "Knoten färben nach"
    assert "Gemeinschaft" in at.sidebar.radio(key="v_colour").options
    assert "seit dem letzten Einlesen" in at.sidebar.radio(key="c_mode").options
    assert at.sidebar.radio(key="f_weigh_by").label == "Kantenbreite nach"
    assert at.button(key="t_play").label == "▶ abspielen" and at.button(key="t_all").label == "alle"


@pytest.mark.usefixtures("app_db")
def test_app_flow_timeline_has_its_tab_and_is_built_only_when_open() -> None:
    at = run_app()
    assert "Timeline" in [tab.label for tab in at.tabs]
    assert not at.get("vega_lite_chart") and not [b for b in at.button if b.key == "t_play"]
    at.session_state["lower_tab"] = "Timeline"  # what a click on the tab sends
    at.run()
    assert len(at.get("vega_lite_chart")) == 1 and at.button(key="t_play").label == "▶ play"
    at.button(key="t_next").click().run()  # a narrowed range, then another tab: the range is still said
    at.session_state["lower_tab"] = "Connections"
    at.run()
    assert not at.get("vega_lite_chart") and any("graph shows evidence from" in c.value for c in at.caption)
