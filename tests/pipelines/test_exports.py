"""Graph exports: every format reads back with the same nodes and edges."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from pipelines.errors import ExportError
from pipelines.exports import FORMATS, nodes_csv_path, write_export
from pipelines.graph import build_graph, harmonise_types
from pipelines.keys import content_hash
from pipelines.records import Article, Entity, Extraction, Mention, Relation, Sentence
from pipelines.store import Store

TEXT = "Wladimir Putin landet in Pjöngjang, Nordkorea, und unterzeichnet den Pakt mit Kim Jong-un."
PACT = "agreement:pact-kp-ru-2024"
NAMES: dict[str, tuple[str, str, dict[str, Any]]] = {
    "Wladimir Putin": ("person:wladimir-putin", "person", {}),
    "Pjöngjang": ("place:pjongjang", "place", {"country": "KP"}),
    "Nordkorea": ("country:KP", "country", {}),
    "Pakt": (PACT, "agreement", {"kind": "pact", "status": "signed", "year": 2024}),
    "Kim Jong-un": ("person:kim-jong-un", "person", {}),
}
RELATIONS = [
    ("person:wladimir-putin", "travels_to", "place:pjongjang", "reported"),
    ("person:wladimir-putin", "meets", "person:kim-jong-un", "reported"),
    ("person:wladimir-putin", "party_to", PACT, "reported"),
    ("person:kim-jong-un", "party_to", PACT, "reported"),
    ("place:pjongjang", "located_in", "country:KP", "reported"),
    ("person:wladimir-putin", "co_mentioned", "person:kim-jong-un", "reported"),
]


def _mention(surface: str) -> Mention:
    start = TEXT.index(surface)
    return Mention(start, start + len(surface), surface, 0, "gazetteer", 1.0)


def _extraction() -> Extraction:
    entities = tuple(
        Entity(eid, etype, surface, attrs, (_mention(surface),))
        for surface, (eid, etype, attrs) in NAMES.items()
    )
    relations = tuple(Relation(s, r, t, 0, TEXT, m, 0.7) for s, r, t, m in RELATIONS)
    return Extraction("a", "de", "Besuch", TEXT, (Sentence(0, len(TEXT)),), entities, relations)


@pytest.fixture
def graph(tmp_path: Path) -> nx.MultiDiGraph:
    article = Article("a", "a.txt", TEXT, "de", title="Besuch", content_hash=content_hash(TEXT))
    with Store.open(tmp_path / "kg.sqlite") as store:
        store.save_batch([(article, _extraction())])
        return build_graph(store)


def _counts(graph: nx.Graph) -> tuple[int, int]:
    return graph.number_of_nodes(), graph.number_of_edges()


def test_exports_graphml_round_trip(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_export(graph, "graphml", tmp_path / "out" / "kg.graphml")
    back = nx.read_graphml(tmp_path / "out" / "kg.graphml")
    assert _counts(back) == _counts(graph) == (5, 6)
    assert back.nodes[PACT]["year"] == 2024 and back.nodes["place:pjongjang"]["label"] == "Pjöngjang"
    assert back.edges["person:wladimir-putin", "person:kim-jong-un", "meets"]["weight"] == 1


def test_exports_gexf_round_trip(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_export(graph, "gexf", tmp_path / "kg.gexf")
    assert 'xmlns="http://www.gexf.net/1.2draft"' in (tmp_path / "kg.gexf").read_text(encoding="utf-8")
    back = nx.read_gexf(tmp_path / "kg.gexf")
    assert _counts(back) == _counts(graph)
    assert back.nodes[PACT]["status"] == "signed" and back.nodes[PACT]["label"] == "Pakt"
    relations = sorted(data["relation"] for *_, data in back.edges(keys=True, data=True))
    assert relations == sorted(r[1] for r in RELATIONS)


def test_exports_json_round_trip_keeps_unicode(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_export(graph, "json", tmp_path / "kg.json")
    raw = (tmp_path / "kg.json").read_text(encoding="utf-8")
    assert "Pjöngjang" in raw
    back = nx.node_link_graph(json.loads(raw), edges="edges")
    assert back.is_multigraph() and back.is_directed()
    assert _counts(back) == _counts(graph)
    assert back.nodes["country:KP"] == graph.nodes["country:KP"]


def test_exports_csv_writes_edges_and_nodes_tables(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "kg.csv"
    write_export(graph, "csv", out)
    assert nodes_csv_path(out) == tmp_path / "kg.nodes.csv"
    with out.open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    with nodes_csv_path(out).open(encoding="utf-8", newline="") as stream:
        nodes = list(csv.DictReader(stream))
    assert (len(nodes), len(edges)) == _counts(graph)
    travel = next(e for e in edges if e["relation"] == "travels_to")
    labels = (travel["source_label"], travel["target_label"], travel["weight"])
    assert labels == ("Wladimir Putin", "Pjöngjang", "1")
    pact = next(n for n in nodes if n["id"] == PACT)
    assert (pact["type"], pact["status"], pact["year"]) == ("agreement", "signed", "2024")
    assert pact["country"] == ""


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_to_stdout(
    graph: nx.MultiDiGraph, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write_export(graph, fmt, None)
    out = capsys.readouterr().out
    assert "Pjöngjang" in out
    if fmt == "csv":
        assert out.splitlines()[0].startswith("source,target,relation")
        assert len(out.splitlines()) == graph.number_of_edges() + 1
    readers = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}
    if fmt in readers:
        assert _counts(readers[fmt](io.BytesIO(out.encode("utf-8")))) == _counts(graph)


def test_exports_unknown_format_names_the_formats(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        write_export(graph, "dot", tmp_path / "kg.dot")
    assert all(fmt in str(caught.value) for fmt in FORMATS)
    assert not (tmp_path / "kg.dot").exists()


def test_exports_unwritable_target_raises_export_error(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=str(tmp_path)):
        write_export(graph, "json", tmp_path)


def test_exports_mixed_attribute_types_read_back(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("agreement:a", label="A", year=2024)
    graph.add_node("agreement:b", label="B", year="2024-06")
    graph.add_edge("agreement:b", "agreement:a", key="updates", relation="updates", weight=1)
    harmonise_types(graph)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        write_export(graph, fmt, tmp_path / f"kg.{fmt}")
        back = read(tmp_path / f"kg.{fmt}")
        assert back.nodes["agreement:b"]["year"] == "2024-06" and back.nodes["agreement:a"]["year"] == "2024"


# -- what a format cannot hold: XML control characters, spreadsheet formulas -----------------------

HOSTILE = "Kim\x01 Jong\x1b-un\x0b"
FORMULA = '=HYPERLINK("http://evil.example","Kim")'


@pytest.fixture
def hostile_graph(tmp_path: Path) -> nx.MultiDiGraph:
    """The test graph with control characters in a label and a formula in another, stored and read back."""
    text = TEXT.replace("Kim Jong-un", HOSTILE).replace("Pjöngjang", "+Pjöngjang")
    names: dict[str, tuple[str, str, dict[str, Any]]] = {
        HOSTILE if s == "Kim Jong-un" else "+Pjöngjang" if s == "Pjöngjang" else s: v for s, v in NAMES.items()
    }
    entities = tuple(
        Entity(eid + ("\x07" if eid == PACT else ""), etype, FORMULA if etype == "agreement" else surface, attrs,
               (Mention(text.index(surface), text.index(surface) + len(surface), surface, 0, "gazetteer", 1.0),))
        for surface, (eid, etype, attrs) in names.items()
    )
    relations = tuple(Relation(s, r, t + ("\x07" if t == PACT else ""), 0, text, m, 0.7) for s, r, t, m in RELATIONS)
    record = Extraction("a", "de", "Besuch", text, (Sentence(0, len(text)),), entities, relations)
    article = Article("a", "a.txt", text, "de", title="Besuch", content_hash=content_hash(text))
    with Store.open(tmp_path / "hostile.sqlite") as store:
        store.save_batch([(article, record)])
        return build_graph(store)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_xml_drops_control_characters_and_reads_back(
    hostile_graph: nx.MultiDiGraph, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"kg.{fmt}"
    write_export(hostile_graph, fmt, out)
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert _counts(back) == _counts(hostile_graph)
    assert back.nodes["person:kim-jong-un"]["label"] == "Kim Jong-un"
    assert PACT in back.nodes


def test_exports_csv_neutralises_spreadsheet_formulas(hostile_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "kg.csv"
    write_export(hostile_graph, "csv", out)
    with nodes_csv_path(out).open(encoding="utf-8", newline="") as stream:
        nodes = {row["type"]: row for row in csv.DictReader(stream)}
    with out.open(encoding="utf-8", newline="") as stream:
        edges = list(csv.DictReader(stream))
    assert nodes["agreement"]["label"] == "'" + FORMULA
    assert nodes["place"]["label"] == "'+Pjöngjang"
    assert {e["target_label"] for e in edges if e["relation"] == "party_to"} == {"'" + FORMULA}
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in edges for cell in row.values())


def test_exports_gexf_drawing_attributes_become_viz_and_dynamic_dates(tmp_path: Path) -> None:
    drawn = nx.MultiDiGraph()
    drawn.add_node("a", label="A", color="#ff8000", size=12.5, x=10.0, y=20.0, first_date="2024-03-01",
                   last_date="2024-04-01")
    drawn.add_node("b", label="B", color="not a colour")
    drawn.add_edge("a", "b", key="meets", relation="meets", width=3.0, first_date="2024-03-02", last_date="2024-03-02")
    write_export(drawn, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.nodes["a"]["viz"] == {"color": {"r": 255, "g": 128, "b": 0, "a": 1.0}, "size": 12.5,
                                      "position": {"x": 10.0, "y": -20.0, "z": 0.0}}
    assert (back.nodes["a"]["start"], back.nodes["a"]["end"]) == ("2024-03-01", "2024-04-01")
    assert "viz" not in back.nodes["b"] and back.graph["mode"] == "dynamic"
    assert 'thickness value="3.0"' in (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert drawn.nodes["a"]["color"] == "#ff8000"  # the caller's graph is left as it was
