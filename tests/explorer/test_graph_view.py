"""The explorer's graph area in AppTest: marks, the drawn path, what is hidden, more and fewer."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from explorer.graph_component.payload import NEW_COLOR
from explorer.views.graph import picture_legend
from tests.explorer.test_app import GRAPH_KEY, PUTIN, app_db, graph_data, param, run_app  # noqa: F401 -- app_db is a fixture

PYONGYANG = "place:pyongyang"


def test_graph_view_caption_says_what_is_hidden_and_button_shows_it(app_db: Path) -> None:  # noqa: F811
    at = run_app()
    caption = next(c.value for c in at.caption if c.value.startswith("Showing"))
    hidden = int(caption.split("Hidden: ")[1].split()[0].replace(",", ""))
    assert hidden > 0 and "co-mentions resting on a single sentence" in caption
    edges = len(graph_data(at)["edges"])
    at.button(key="g_co").click().run()
    assert at.sidebar.slider(key="f_co_min_support").value == 1 and param(at, "co_min_support") == "1"
    assert not any("Hidden:" in c.value for c in at.caption) and len(graph_data(at)["edges"]) > edges


def test_graph_view_show_more_then_fewer(app_db: Path) -> None:  # noqa: F811
    at = run_app()
    assert all(b.key != "g_fewer" for b in at.button)
    at.button(key="g_more").click().run()
    assert len(graph_data(at)["nodes"]) > 100 and param(at, "top_n") == "200"
    at.button(key="g_fewer").click().run()
    assert len(graph_data(at)["nodes"]) == 100 and all(b.key != "g_fewer" for b in at.button)


def test_graph_view_marks_focus_and_search_matches(app_db: Path) -> None:  # noqa: F811
    at = run_app(focus=PUTIN, search="pyongyang")
    marks = {n["id"]: n.get("mark") for n in graph_data(at)["nodes"] if n.get("mark")}
    assert marks == {PUTIN: "focus", PYONGYANG: "match"}
    assert any("search match" in m.value and "focus" in m.value for m in at.markdown)


def test_graph_view_draws_the_connection_path(app_db: Path) -> None:  # noqa: F811
    at = run_app(top_n="5")  # the path's entities are not among the five shown: they are added
    assert PYONGYANG not in {n["id"] for n in graph_data(at)["nodes"]}
    at.text_input(key="p_from:q").input("putin")
    at.text_input(key="p_to:q").input("pyongyang").run()  # the pickers offer the matches
    at.selectbox(key="p_from:box").set_value(PUTIN)
    at.selectbox(key="p_to:box").set_value(PYONGYANG).run()
    data = graph_data(at)
    path = data["highlight"]
    assert path["nodes"][0] == PUTIN and path["nodes"][-1] == PYONGYANG
    assert set(path["nodes"]) <= {n["id"] for n in data["nodes"]}
    assert set(path["edges"]) <= {e["id"] for e in data["edges"]}
    assert any("connection path" in m.value for m in at.markdown)


def test_graph_view_co_mention_choices_round_trip_through_the_url() -> None:
    from explorer.queries import Filters
    from explorer.state import Known, params_from_filters, read_link

    known = Known(values={}, entities={})
    assert params_from_filters(Filters()) == {}
    for filters in (Filters(co_min_support=1), Filters(hide_co_mentioned=True), Filters(co_min_support=3)):
        assert read_link(params_from_filters(filters), known).filters == filters
    assert params_from_filters(Filters(hide_co_mentioned=True)) == {"co": "0"}
    assert read_link({"co": "1"}, known).filters == Filters()  # links from before: co=1 showed co-mentions
    assert read_link({"co_min_support": "99"}, known).filters.co_min_support == 10  # clamped, with a notice


def test_graph_view_picture_legend_names_new_and_single_source_marks() -> None:
    lines = picture_legend({"new", "single_source"}, False, [], "")
    assert lines == [(NEW_COLOR, "new (what changed)"), ("", "faded line: one outlet only")]
    assert picture_legend(set(), False, [], "") == []


def hidden_weak(at: AppTest) -> int:
    """The caption's "N weaker connections hidden" (0 when it says none)."""
    caption = next(c.value for c in at.caption if c.value.startswith("Showing"))
    return int(caption.split(" weaker connections hidden")[0].split()[-1].replace(",", "")) if "weaker" in caption else 0


def test_graph_view_draws_the_backbone_and_the_toggle_draws_every_connection(app_db: Path) -> None:  # noqa: F811
    at = run_app()
    backbone, hidden = {e["id"] for e in graph_data(at)["edges"]}, hidden_weak(at)
    assert hidden > 0 and any("weaker connections hidden" in m.value for m in at.markdown)  # the legend too
    at.sidebar.checkbox(key="v_all_edges").check().run()
    every = {e["id"] for e in graph_data(at)["edges"]}
    assert backbone < every and len(every) - len(backbone) == hidden
    assert param(at, "edges") == "all" and hidden_weak(at) == 0
    linked = run_app(edges="all")
    assert linked.sidebar.checkbox(key="v_all_edges").value and len(graph_data(linked)["edges"]) == len(every)


def test_graph_view_backbone_draws_every_edge_of_the_clicked_node(app_db: Path) -> None:  # noqa: F811
    every = graph_data(run_app(edges="all"))["edges"]
    at = run_app()
    drawn = {e["id"] for e in graph_data(at)["edges"]}
    node = next(e["from"] for e in every if e["id"] not in drawn)  # an entity with a hidden edge
    own = {e["id"] for e in every if node in (e["from"], e["to"])}
    at.session_state[GRAPH_KEY] = {"selection": {"kind": "node", "id": node}}
    at.run()
    assert own <= {e["id"] for e in graph_data(at)["edges"]} and param(at, "node") == node


def test_graph_view_backbone_speaks_german(app_db: Path) -> None:  # noqa: F811
    at = run_app(lang="de")
    assert any("schwächere Verbindungen ausgeblendet; jede Entität behält ihre 6 stärksten" in c.value for c in at.caption)
    assert at.sidebar.checkbox(key="v_all_edges").label == "Alle Verbindungen zeigen"
