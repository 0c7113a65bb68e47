"""The readable backbone: each entity's k strongest edges, what is always kept, and the count hidden."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer.backbone import Keep, backbone, drawn_edges, strongest

K = 2


def frame(rows: list[tuple[str, str, str, int]], **extra: list[object]) -> pd.DataFrame:
    """Edge rows (source, relation, target, support) as the view's edge frame has them."""
    edges = pd.DataFrame(rows, columns=["source", "relation", "target", "support"])
    edges["id"] = edges["source"] + "|" + edges["relation"] + "|" + edges["target"]
    edges["basis"] = "text"
    for name, values in extra.items():
        edges[name] = values
    return edges


# two hubs, each with two strong edges of its own, a weak edge between them, and a leaf "c" whose
# only (weak) edge goes to hub "a"
HUBS = frame([("a", "meets", "a1", 9), ("a", "meets", "a2", 8), ("b", "meets", "b1", 9), ("b", "meets", "b2", 8),
              ("a", "meets", "b", 1), ("c", "visits", "a", 1)])
WEAK = "a|meets|b"


def ids(edges: pd.DataFrame) -> set[str]:
    return set(edges["id"])


def test_backbone_hides_an_edge_weak_at_both_ends_and_keeps_a_leafs_only_edge() -> None:
    thinned = backbone(HUBS, K)
    assert ids(thinned.edges) == ids(HUBS) - {WEAK}
    assert thinned.hidden == 1
    assert list(thinned.edges["id"]) == [i for i in HUBS["id"] if i != WEAK]  # the view's order


def test_backbone_always_keeps_the_edges_of_kept_nodes_and_kept_edges() -> None:
    assert WEAK in ids(backbone(HUBS, K, keep_nodes={"b"}).edges)
    assert WEAK in ids(backbone(HUBS, K, keep_edges={WEAK}).edges)
    assert backbone(HUBS, K, keep_edges={WEAK}).hidden == 0


def test_backbone_breaks_a_support_tie_by_type_weight() -> None:
    # hub "h" has three edges of 3 sentences: a co-mention, one resting on a gazetteer, a stated one;
    # each other end has a stronger edge of its own twice over, so only h's ranking decides
    rows = [("h", "co_mentioned", "x", 3), ("h", "located_in", "y", 3), ("h", "meets", "z", 3)]
    rows += [(end, "meets", f"{end}{n}", 9) for end in "xyz" for n in (1, 2)]
    edges = frame(rows, basis=["text", "gazetteer", "text", *["text"] * 6])
    assert ids(backbone(edges, 1).edges) >= {"h|meets|z"}
    assert "h|co_mentioned|x" not in ids(backbone(edges, 2).edges)
    assert "h|located_in|y" in ids(backbone(edges, 2).edges)


def test_strongest_follows_outlets_first_when_weighing_by_sources() -> None:
    rows = [("h", "meets", "x", 5), ("h", "meets", "y", 2)] + [(e, "meets", f"{e}{n}", 9) for e in "xy" for n in (1, 2)]
    edges = frame(rows, sources=[1, 4, *[9] * 4])
    by_sentences = edges["id"][strongest(edges, 1)]
    by_sources = edges["id"][strongest(edges, 1, weigh_by="sources")]
    assert "h|meets|x" in set(by_sentences) and "h|meets|y" not in set(by_sentences)
    assert "h|meets|y" in set(by_sources) and "h|meets|x" not in set(by_sources)


def test_drawn_edges_all_draws_everything_and_an_unknown_choice_is_refused() -> None:
    assert drawn_edges(HUBS, "all").hidden == 0 and len(drawn_edges(HUBS, "all").edges) == len(HUBS)
    assert drawn_edges(HUBS.iloc[:0], "backbone").hidden == 0
    with pytest.raises(ValueError, match="backbone, all"):
        drawn_edges(HUBS, "some")


def test_keep_of_takes_the_focus_the_selection_and_the_path() -> None:
    assert Keep.of("a", ("node", "b"), ["p|q|r"]) == Keep(frozenset({"a", "b"}), frozenset({"p|q|r"}))
    assert Keep.of("", ("edge", WEAK), []) == Keep(frozenset(), frozenset({WEAK}))
    assert Keep.of("", ("", ""), []) == Keep()
