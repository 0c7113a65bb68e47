"""Queries on the sample database: every filter, search, entity cards, explained paths, rankings."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from explorer.data import Snapshot
from explorer.queries import (
    Filters,
    View,
    compute_view,
    entity_card,
    explain_paths,
    facets,
    path_highlight,
    rankings,
    search_entities,
    with_path,
)
from pipelines.store import Store

PUTIN = "person:wladimir-putin"
ALL = Filters(top_n=0)


def ids(view: View) -> set[str]:
    return set(view.nodes["id"])


def mentioned_in(snapshot: Snapshot, documents: pd.Series) -> pd.Series:
    """Mentions per entity id in these documents (the independent expectation for weights)."""
    rows = snapshot.mentions[snapshot.mentions["document_id"].astype("str").isin(documents)]
    counts = rows.groupby(rows["entity_id"].astype("str"))["count"].sum()
    return counts[counts > 0]


def linked(view: View, entity: str) -> set[str]:
    edges = view.edges
    return set(edges.loc[edges["source"] == entity, "target"]) | set(edges.loc[edges["target"] == entity, "source"])


# -- compute_view ----------------------------------------------------------------------------


def test_compute_view_columns_and_edges_between_shown_nodes(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, Filters())
    assert list(view.nodes.columns) == ["id", "label", "type", "country", "weight", "documents", "degree", "sources", "texts", "languages"]
    assert {"id", "source", "target", "relation", "support", "documents", "modality"} <= set(view.edges.columns)
    assert set(view.edges["source"]) | set(view.edges["target"]) <= ids(view)
    degree = pd.concat([view.edges["source"], view.edges["target"]]).value_counts()
    assert (view.nodes.set_index("id")["degree"] == degree.reindex(view.nodes["id"]).fillna(0)).all()


def test_compute_view_edges_aggregate_their_sentences(snapshot: Snapshot) -> None:
    edge = compute_view(snapshot, ALL).edges.set_index("id").loc[f"{PUTIN}|visits|country:VN"]
    rows = snapshot.relations[snapshot.relations["edge_id"] == f"{PUTIN}|visits|country:VN"]
    assert edge["support"] == len(rows) and edge["documents"] == rows["document_id"].nunique()
    assert edge["modality"] == rows["modality"].mode().iloc[0]


def test_compute_view_hides_single_sentence_co_mentions_by_default(snapshot: Snapshot) -> None:
    default, every = compute_view(snapshot, ALL), compute_view(snapshot, replace(ALL, co_min_support=1))
    co = default.edges[default.edges["relation"] == "co_mentioned"]
    single = every.edges[(every.edges["relation"] == "co_mentioned") & (every.edges["support"] == 1)]
    assert len(co) > 0 and co["support"].min() >= 2 and len(single) > 0
    assert every.total_edges == default.total_edges + len(single)
    typed = default.edges[default.edges["relation"] != "co_mentioned"]
    assert typed["support"].min() == 1  # typed relations resting on one sentence stay


def test_compute_view_hide_co_mentioned_drops_them_all(snapshot: Snapshot) -> None:
    hidden = compute_view(snapshot, replace(ALL, hide_co_mentioned=True))
    assert "co_mentioned" not in set(hidden.edges["relation"])
    assert hidden.total_edges < compute_view(snapshot, ALL).total_edges


def test_compute_view_languages_en_removes_german_only_entities(snapshot: Snapshot) -> None:
    docs = snapshot.documents
    english = mentioned_in(snapshot, docs.loc[docs["lang"] == "en", "id"])
    german_only = set(mentioned_in(snapshot, docs.loc[docs["lang"] == "de", "id"]).index) - set(english.index)
    view = compute_view(snapshot, replace(ALL, languages=("en",)))
    assert german_only and not german_only & ids(view)
    assert view.nodes.set_index("id")["weight"].to_dict() == english.to_dict()


def test_compute_view_date_range_counts_only_dated_documents_in_range(snapshot: Snapshot) -> None:
    docs = snapshot.documents
    inside = docs.loc[(docs["published"] >= "2024-01-01") & (docs["published"] <= "2024-06-30"), "id"]
    dated_only = replace(ALL, date_from="2024-01-01", date_to="2024-06-30", include_undated=False)
    assert compute_view(snapshot, dated_only).nodes.set_index("id")["weight"].to_dict() == mentioned_in(snapshot, inside).to_dict()
    undated_only = set(mentioned_in(snapshot, docs.loc[docs["published"] == "", "id"]).index) - set(
        mentioned_in(snapshot, docs.loc[docs["published"] != "", "id"]).index)
    assert undated_only and not undated_only & ids(compute_view(snapshot, replace(dated_only, date_from="2000-01-01")))
    assert undated_only <= ids(compute_view(snapshot, ALL))


def test_compute_view_date_range_keeps_undated_documents_by_default(snapshot: Snapshot) -> None:
    docs = snapshot.documents
    kept = pd.concat([docs.loc[docs["published"].between("2024-01-01", "2024-06-30"), "id"], docs.loc[docs["published"] == "", "id"]])
    view = compute_view(snapshot, replace(ALL, date_from="2024-01-01", date_to="2024-06-30"))
    assert view.nodes.set_index("id")["weight"].to_dict() == mentioned_in(snapshot, kept).to_dict()
    full = replace(ALL, date_from=str(docs["published"].replace("", None).min()), date_to=str(docs["published"].max()))
    assert compute_view(snapshot, full).nodes.equals(compute_view(snapshot, ALL).nodes)  # the full range drops nothing


def test_compute_view_without_undated_documents_drops_them_with_no_date_range(snapshot: Snapshot) -> None:
    docs = snapshot.documents
    dated = compute_view(snapshot, replace(ALL, include_undated=False))
    assert dated.nodes.set_index("id")["weight"].to_dict() == mentioned_in(snapshot, docs.loc[docs["published"] != "", "id"]).to_dict()


def test_compute_view_documents_and_sources_select_documents(snapshot: Snapshot) -> None:
    docs = snapshot.documents
    first = docs.loc[docs["source"] == "Escambray", "id"].iloc[0]
    by_document = compute_view(snapshot, replace(ALL, documents=(first,)))
    by_source = compute_view(snapshot, replace(ALL, sources=("Escambray",)))
    assert ids(by_document) == ids(by_source) == set(mentioned_in(snapshot, pd.Series([first])).index)
    assert (by_document.edges["documents"] == 1).all()


def test_compute_view_min_support_drops_thinly_supported_edges(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, min_support=3))
    assert (view.edges["support"] >= 3).all()
    assert 0 < view.total_edges < compute_view(snapshot, ALL).total_edges


def test_compute_view_min_mentions_drops_rare_entities(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, min_mentions=10))
    assert (view.nodes["weight"] >= 10).all() and PUTIN in ids(view)
    assert "person:john-mccain" not in ids(view)


def test_compute_view_countries_keeps_their_entities_and_linked_persons(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, countries=("VN",)))
    nodes = view.nodes.set_index("id")
    assert {"country:VN", "place:hanoi", "person:to-lam"} <= set(nodes.index)
    assert "place:moscow" not in nodes.index
    assert set(nodes.loc[nodes["country"] != "", "country"]) == {"VN"}
    vietnamese = set(nodes.index[nodes["country"] == "VN"])
    for stateless in nodes.index[nodes["country"] == ""]:
        assert linked(view, stateless) & vietnamese, stateless


def test_compute_view_types_filter_keeps_only_those_types(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, types=("person", "country")))
    assert set(view.nodes["type"]) == {"person", "country"}
    assert f"{PUTIN}|leader_of|country:RU" in set(view.edges["id"])


def test_compute_view_relations_filter_keeps_those_edges_and_their_nodes(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, relations=("visits",)))
    assert set(view.edges["relation"]) == {"visits"}
    assert ids(view) == set(view.edges["source"]) | set(view.edges["target"])


def test_compute_view_search_keeps_matches_and_their_neighbours(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, search="PUTIN"))
    neighbours = linked(compute_view(snapshot, ALL), PUTIN)
    assert ids(view) == {PUTIN} | neighbours


def test_compute_view_search_ignores_diacritics(snapshot: Snapshot) -> None:
    assert "person:to-lam" in ids(compute_view(snapshot, replace(ALL, search="to lam")))
    assert "person:recep-tayyip-erdogan" in ids(compute_view(snapshot, replace(ALL, search="Erdogan")))


def test_compute_view_search_without_a_match_is_empty(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, search="no such name"))
    assert view.nodes.empty and view.edges.empty and view.total_nodes == 0


def test_compute_view_focus_grows_with_hops(snapshot: Snapshot) -> None:
    one = compute_view(snapshot, replace(ALL, focus=PUTIN, hops=1))
    two = compute_view(snapshot, replace(ALL, focus=PUTIN, hops=2))
    assert ids(one) == {PUTIN} | linked(compute_view(snapshot, ALL), PUTIN)
    assert ids(one) < ids(two)


def test_compute_view_focus_follows_a_merged_id(snapshot: Snapshot) -> None:
    merged = compute_view(snapshot, replace(ALL, focus="person:vladimir-putin"))
    assert ids(merged) == ids(compute_view(snapshot, replace(ALL, focus=PUTIN)))


def test_compute_view_focus_stays_when_other_filters_would_drop_it(snapshot: Snapshot) -> None:
    view = compute_view(snapshot, replace(ALL, focus=PUTIN, types=("country",)))
    assert PUTIN in ids(view) and {"country:RU", "country:VN"} <= ids(view)
    assert set(view.nodes["type"]) == {"person", "country"}


def test_compute_view_unknown_focus_is_empty(snapshot: Snapshot) -> None:
    assert compute_view(snapshot, replace(ALL, focus="person:nobody")).total_nodes == 0


def test_compute_view_top_n_shows_the_heaviest_and_counts_all(snapshot: Snapshot) -> None:
    full, top = compute_view(snapshot, ALL), compute_view(snapshot, Filters(top_n=10))
    assert len(top.nodes) == 10 and top.total_nodes == len(full.nodes) and top.total_edges == len(full.edges)
    heaviest = full.nodes.sort_values("weight", ascending=False)["weight"].iloc[:10]
    assert sorted(top.nodes["weight"], reverse=True) == list(heaviest)
    assert set(top.edges["source"]) | set(top.edges["target"]) <= ids(top)


def test_compute_view_top_n_always_keeps_the_focus(snapshot: Snapshot) -> None:
    full = compute_view(snapshot, Filters(focus="person:to-lam", top_n=0))
    view = compute_view(snapshot, Filters(focus="person:to-lam", top_n=3))
    assert full.nodes.set_index("id")["weight"].rank(ascending=False)["person:to-lam"] > 3
    assert "person:to-lam" in ids(view) and len(view.nodes) == 3 and view.total_nodes == len(full.nodes)


def test_filters_are_hashable_cache_keys() -> None:
    assert hash(Filters(types=("person",))) == hash(Filters(types=("person",)))
    assert {Filters(): 1}[Filters()] == 1


# -- search_entities, entity_card, facets ------------------------------------------------------


def test_search_entities_ranks_exact_before_prefix_before_substring(snapshot: Snapshot) -> None:
    found = search_entities(snapshot, "vietnam")
    assert found["id"].iloc[0] == "country:VN" and found["rank"].iloc[0] == 0
    assert list(found["rank"]) == sorted(found["rank"])
    assert "organization:communist-party-of-vietnam" in set(found["id"])
    assert search_entities(snapshot, "putin")["id"].iloc[0] == PUTIN


def test_search_entities_ignores_case_and_diacritics_and_respects_limit(snapshot: Snapshot) -> None:
    assert {"person:nguyen-phu-trong", "person:nguyen-xuan-phuc"} <= set(search_entities(snapshot, "NGUYEN")["id"])
    assert len(search_entities(snapshot, "a", limit=5)) == 5
    assert search_entities(snapshot, "").empty


def test_entity_card_of_a_person(snapshot: Snapshot) -> None:
    card = entity_card(snapshot, "person:vladimir-putin")
    assert card["id"] == PUTIN and card["type"] == "person"
    assert {"Wladimir Putin", "Vladimir Putin"} <= set(card["aliases"])
    assert card["leads"] == {"id": "country:RU", "label": "Russia"}
    assert card["counts"]["relations_out"]["visits"] >= 3 and card["counts"]["mentions"] > 50


def test_entity_card_of_a_place_and_a_country(snapshot: Snapshot) -> None:
    hanoi, vietnam = entity_card(snapshot, "place:hanoi"), entity_card(snapshot, "country:VN")
    assert hanoi["country"] == "VN" and hanoi["counts"]["relations_out"]["located_in"] == 1
    assert vietnam["country"] == "VN" and vietnam["counts"]["relations_in"]["located_in"] >= 1


def test_entity_card_of_an_agreement_lists_its_parties(snapshot: Snapshot) -> None:
    card = entity_card(snapshot, "agreement:agreement-kp-ru-2024")
    assert (card["kind"], card["status"], card["year"]) == ("treaty", "signed", 2024)
    assert {(p["id"], p["label"]) for p in card["parties"]} == {("country:KP", "North Korea"), ("country:RU", "Russia")}


def test_entity_card_of_an_unknown_id_is_empty(snapshot: Snapshot) -> None:
    assert entity_card(snapshot, "person:nobody") == {}


def test_facets_offer_the_values_in_the_data(snapshot: Snapshot) -> None:
    found = facets(snapshot)
    assert found["types"] == ["person", "organization", "country", "place", "agreement"]
    assert "visits" in found["relations"] and found["languages"] == ["de", "en"]
    assert found["countries"]["VN"] == "Vietnam" and "Escambray" in found["sources"]
    assert (found["date_min"], found["date_max"]) == ("2019-06-30", "2024-12-06")
    assert len(found["documents"]) == 26 and all(found["documents"].values())


# -- explain_paths and rankings ----------------------------------------------------------------


def mentioned_in_sentence(store: Store, entity: str, document_id: str, sentence: int) -> bool:
    return any(m["document_id"] == document_id and m["sentence"] == sentence for m in store.mentions(entity))


def test_explain_paths_from_putin_to_vietnam_with_evidence(snapshot: Snapshot, store: Store) -> None:
    paths = explain_paths(snapshot, Filters(hide_co_mentioned=True), "person:vladimir-putin", "country:VN")
    assert 1 <= len(paths) <= 3 and paths[0][0]["relation"] in {"visits", "travels_to"} and len(paths[0]) == 1
    for path in paths:
        assert path[0]["source"] == PUTIN and path[-1]["target"] == "country:VN"
        assert all(left["target"] == right["source"] for left, right in zip(path, path[1:], strict=False))
        for hop in path:
            assert hop["relation"] != "co_mentioned"
            assert mentioned_in_sentence(store, hop["source"], hop["document_id"], hop["sentence"])
            assert mentioned_in_sentence(store, hop["target"], hop["document_id"], hop["sentence"])
            assert hop["evidence"] == {"document_id": hop["document_id"], "sentence": hop["sentence"]}
            assert hop["document_title"] and hop["published"]


def test_explain_paths_to_an_agreement_go_through_its_party(snapshot: Snapshot, store: Store) -> None:
    paths = explain_paths(snapshot, Filters(hide_co_mentioned=True), PUTIN, "agreement:agreement-kp-ru-2024")
    assert [len(path) for path in paths] == [2, 2, 3]  # shortest first: via its two parties
    assert {path[1]["source"] for path in paths[:2]} == {"country:RU", "country:KP"}
    for first, second in paths[:2]:
        assert (first["source"], second["target"]) == (PUTIN, "agreement:agreement-kp-ru-2024")
        assert second["relation"] == "party_to" and second["direction"] == "forward"
        assert mentioned_in_sentence(store, second["source"], second["document_id"], second["sentence"])
        assert store.sentence_text(second["document_id"], second["sentence"])


def test_explain_paths_reports_the_direction_of_each_relation(snapshot: Snapshot) -> None:
    hop = explain_paths(snapshot, Filters(), "country:VN", PUTIN, k=1)[0][0]
    assert (hop["source"], hop["target"], hop["direction"]) == ("country:VN", PUTIN, "backward")


def test_explain_paths_follow_the_filters(snapshot: Snapshot) -> None:
    assert explain_paths(snapshot, Filters(relations=("visits",)), PUTIN, "agreement:agreement-kp-ru-2024") == []
    assert explain_paths(snapshot, Filters(), PUTIN, "person:nobody") == []
    english = explain_paths(snapshot, Filters(languages=("en",)), PUTIN, "country:VN")
    langs = dict(zip(snapshot.documents["id"], snapshot.documents["lang"], strict=False))
    assert english and all(langs[hop["document_id"]] == "en" for path in english for hop in path)


def test_rankings_order_by_betweenness(snapshot: Snapshot) -> None:
    ranked = rankings(compute_view(snapshot, Filters()))
    assert list(ranked.columns) == ["id", "label", "type", "weight", "degree", "betweenness"]
    assert ranked["betweenness"].between(0, 1).all() and ranked["betweenness"].is_monotonic_decreasing
    assert {PUTIN, "country:RU"} & set(ranked["id"].iloc[:3])


def test_rankings_skip_betweenness_above_2000_nodes() -> None:
    nodes = pd.DataFrame({"id": [f"n{i}" for i in range(2001)], "label": "x", "type": "person", "weight": 1,
                          "degree": 0})
    edges = pd.DataFrame({"source": ["n0"], "target": ["n1"]})
    assert rankings(View(nodes, edges, 2001, 1))["betweenness"].isna().all()


def test_compute_view_blank_search_searches_nothing(snapshot: Snapshot) -> None:
    assert ids(compute_view(snapshot, replace(ALL, search="  "))) == ids(compute_view(snapshot, ALL))


def test_with_path_adds_the_entities_and_edges_the_view_lacks(snapshot: Snapshot) -> None:
    small = compute_view(snapshot, Filters(top_n=3))
    (hops,) = explain_paths(snapshot, Filters(hide_co_mentioned=True), PUTIN, "agreement:agreement-kp-ru-2024", k=1)
    path = path_highlight(hops)
    assert path["nodes"][0] == PUTIN and path["nodes"][-1] == "agreement:agreement-kp-ru-2024"
    assert not set(path["nodes"]) <= set(small.nodes["id"])
    drawn = with_path(snapshot, small, hops)
    assert set(path["nodes"]) <= set(drawn.nodes["id"]) and set(path["edges"]) <= set(drawn.edges["id"])
    assert len(drawn.nodes) == len(set(drawn.nodes["id"])) and list(drawn.nodes.dtypes) == list(small.nodes.dtypes)
    for hop in hops:  # each added edge keeps the relation's own direction
        edge = drawn.edges.set_index("id").loc[hop["edge_id"]]
        assert f"{edge['source']}|{edge['relation']}|{edge['target']}" == hop["edge_id"]


def test_compute_view_edge_basis_tells_gazetteer_facts_from_stated_ones(snapshot: Snapshot) -> None:
    edges = compute_view(snapshot, ALL).edges.set_index("id")
    assert edges.loc["place:pyongyang|located_in|country:KP", "basis"] == "gazetteer"  # no sentence says so
    stated = edges[edges["relation"] != "located_in"]
    assert len(stated) and set(stated["basis"]) == {"text"}
