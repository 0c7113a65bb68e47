"""The aggregated graph built from the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from pipelines.graph import build_graph, flatten_attrs, harmonise_types, main_modality
from pipelines.keys import content_hash
from pipelines.records import Article, Entity, Extraction, Mention, Relation, Sentence
from pipelines.store import Store

PACT = "agreement:partnership-kp-ru-2024"


def pair(key: str, lang: str, text: str, names: dict[str, tuple[str, str, dict[str, Any]]],
         relations: list[tuple[str, str, str, str]]) -> tuple[Article, Extraction]:
    """One-sentence article; ``names`` maps each surface in the text to (id, type, attrs)."""
    entities = tuple(
        Entity(eid, etype, surface, attrs,
               (Mention(text.index(surface), text.index(surface) + len(surface), surface, 0, "rule", 0.9),))
        for surface, (eid, etype, attrs) in names.items()
    )
    rels = tuple(Relation(s, r, t, 0, text, m, 0.8) for s, r, t, m in relations)
    article = Article(key, key, text, lang, title=key, content_hash=content_hash(text))
    return article, Extraction(key, lang, key, text, (Sentence(0, len(text)),), entities, rels)


ARTICLES = [
    pair("de.txt", "de", "Wladimir Putin reist nach Nordkorea und plant die Partnerschaft.", {
        "Wladimir Putin": ("person:wladimir-putin", "person", {}),
        "Nordkorea": ("country:KP", "country", {}),
        "Partnerschaft": (PACT, "agreement", {"kind": "partnership", "status": "planned", "year": 2024,
                                              "parties": ["RU", "KP"], "date": None}),
    }, [("person:wladimir-putin", "travels_to", "country:KP", "planned"),
        ("person:wladimir-putin", "party_to", PACT, "planned")]),
    pair("en.txt", "en", "Vladimir Putin visited North Korea.", {
        "Vladimir Putin": ("person:vladimir-putin", "person", {}),
        "North Korea": ("country:KP", "country", {}),
    }, [("person:vladimir-putin", "travels_to", "country:KP", "reported"),
        ("person:vladimir-putin", "meets", "country:KP", "reported")]),
    pair("en2.txt", "en", "Putin's Russia: Vladimir Putin travels to North Korea again.", {
        "Vladimir Putin": ("person:vladimir-putin", "person", {}),
        "North Korea": ("country:KP", "country", {}),
    }, [("person:vladimir-putin", "travels_to", "country:KP", "reported")]),
]


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[nx.MultiDiGraph]:
    with Store.open(tmp_path / "kg.sqlite") as store:
        store.save_batch(ARTICLES)
        yield build_graph(store)


def test_graph_has_one_node_per_merged_entity(graph: nx.MultiDiGraph) -> None:
    assert sorted(graph.nodes) == [PACT, "country:KP", "person:wladimir-putin"]
    putin = graph.nodes["person:wladimir-putin"]
    assert putin == {"label": "Wladimir Putin", "type": "person", "mentions": 3, "documents": 3}


def test_graph_nodes_carry_flattened_attrs(graph: nx.MultiDiGraph) -> None:
    pact = graph.nodes[PACT]
    assert (pact["kind"], pact["status"], pact["year"]) == ("partnership", "planned", 2024)
    assert pact["parties"] == '["RU", "KP"]'
    assert "date" not in pact


def test_graph_edges_aggregate_evidence(graph: nx.MultiDiGraph) -> None:
    assert graph.number_of_edges() == 3
    travels = graph.edges["person:wladimir-putin", "country:KP", "travels_to"]
    assert travels == {"relation": "travels_to", "weight": 3, "documents": 3, "modality": "reported", "basis": "text"}
    assert graph.has_edge("person:wladimir-putin", "country:KP", key="meets")


def test_graph_edge_basis_is_gazetteer_only_when_no_sentence_states_it(tmp_path: Path) -> None:
    text = "Putin landete in Pjöngjang, der Hauptstadt Nordkoreas."
    article, record = pair("gaz.txt", "de", text, {"Pjöngjang": ("place:pyongyang", "place", {}), "Nordkoreas": ("country:KP", "country", {})}, [])
    known = Relation("place:pyongyang", "located_in", "country:KP", 0, text, "reported", 0.7, "gazetteer")
    with Store.open(tmp_path / "kg.sqlite") as store:
        store.save_batch([(article, Extraction(record.id, "de", "", text, record.sentences, record.entities, (known,)))])
        assert build_graph(store).edges["place:pyongyang", "country:KP", "located_in"]["basis"] == "gazetteer"
        assert [row["basis"] for row in store.evidence("place:pyongyang", "located_in", "country:KP")] == ["gazetteer"]


def test_graph_attributes_are_scalars_without_none(graph: nx.MultiDiGraph) -> None:
    values = [v for _, data in graph.nodes(data=True) for v in data.values()]
    values += [v for *_, data in graph.edges(keys=True, data=True) for v in data.values()]
    assert values and all(isinstance(v, (str, int, float, bool)) for v in values)


def test_graph_of_an_empty_store_is_empty(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.sqlite") as store:
        graph = build_graph(store)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (0, 0)


def test_graph_main_modality_is_the_most_frequent() -> None:
    assert main_modality({"planned": 2, "reported": 1}) == "planned"
    assert main_modality({"denied": 1, "reported": 1}) == "reported"
    assert main_modality({}) == "reported"


def test_graph_flatten_attrs_keeps_scalars_only() -> None:
    flat = flatten_attrs({"year": 2024, "ok": True, "none": None, "where": {"city": "Pjöngjang"}})
    assert flat == {"year": 2024, "ok": True, "where": '{"city": "Pjöngjang"}'}


def test_graph_harmonise_types_unifies_mixed_attributes() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", year=2024, score=1)
    graph.add_node("b", year="2024-06", score=0.5)
    graph.add_edge("a", "b", key="x", weight=1)
    harmonise_types(graph)
    assert graph.nodes["a"] == {"year": "2024", "score": 1.0}
    assert graph.nodes["b"] == {"year": "2024-06", "score": 0.5}
    assert graph.edges["a", "b", "x"]["weight"] == 1
