"""Server-side layout: deterministic, finite, components apart, fast enough."""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

import numpy as np
import pytest

from explorer.data import load_snapshot
from explorer.layout import NODE_GAP, layout_positions, separate
from explorer.queries import Filters, compute_view
from pipelines.ingest import IngestReport
from pipelines.store import Store


def random_graph(nodes: int, per_node: int = 2, seed: int = 1) -> tuple[list[str], list[tuple[str, str]]]:
    """A connected graph with a few hubs (each node links to earlier ones, the first ones favoured)."""
    rnd = random.Random(seed)
    ids = [f"n{i}" for i in range(nodes)]
    edges = [(ids[i], ids[int(rnd.random() ** 2 * i)]) for i in range(1, nodes) for _ in range(per_node)]
    return ids, edges


def box(positions: dict[str, tuple[float, float]], nodes: list[str]) -> tuple[float, float, float, float]:
    xs, ys = [positions[n][0] for n in nodes], [positions[n][1] for n in nodes]
    return min(xs), min(ys), max(xs), max(ys)


def test_layout_positions_are_deterministic_and_independent_of_order() -> None:
    ids, edges = random_graph(60)
    first = layout_positions(ids, edges)
    assert layout_positions(ids, edges) == first
    assert layout_positions(list(reversed(ids)), [(v, u) for u, v in reversed(edges)]) == first
    assert layout_positions(ids, edges, seed=8) != first


def test_layout_positions_are_finite_and_within_the_scale() -> None:
    ids, edges = random_graph(150)
    positions = layout_positions(ids, edges, scale=1000)
    points = np.array(list(positions.values()))
    assert set(positions) == set(ids) and np.isfinite(points).all()
    assert np.abs(points).max() == pytest.approx(1000, abs=0.01)
    assert len({tuple(p) for p in points}) == len(ids)  # no two nodes on the same spot


def test_layout_positions_pull_linked_nodes_together() -> None:
    ids, edges = random_graph(120)
    positions = layout_positions(ids, edges)
    linked = np.mean([math.dist(positions[u], positions[v]) for u, v in edges])
    pairs = random.Random(2).sample([(u, v) for u in ids for v in ids if u < v], 2000)
    assert linked < 0.7 * np.mean([math.dist(positions[u], positions[v]) for u, v in pairs])


def test_layout_positions_keep_components_apart() -> None:
    left = [f"a{i}" for i in range(12)]
    right = [f"b{i}" for i in range(12)]
    edges = [(u, v) for group in (left, right) for u in group for v in group if u < v]
    positions = layout_positions(left + right + ["lonely-1", "lonely-2"], edges)
    ax0, ay0, ax1, ay1 = box(positions, left)
    bx0, by0, bx1, by1 = box(positions, right)
    assert ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0  # bounding boxes do not overlap
    assert positions["lonely-1"] != positions["lonely-2"]


def test_layout_positions_ignore_unknown_nodes_self_loops_and_duplicates() -> None:
    positions = layout_positions(["a", "b"], [("a", "b"), ("b", "a"), ("a", "a"), ("a", "ghost")])
    assert set(positions) == {"a", "b"}
    assert layout_positions([], []) == {} and layout_positions(["solo"], []) == {"solo": (0.0, 0.0)}


def test_layout_positions_of_the_sample_view(sample_db: tuple[Path, IngestReport]) -> None:
    with Store.open(sample_db[0]) as store:
        view = compute_view(load_snapshot(store), Filters())
    positions = layout_positions(list(view.nodes["id"]), list(zip(view.edges["source"], view.edges["target"], strict=False)))
    assert set(positions) == set(view.nodes["id"])
    assert np.isfinite(np.array(list(positions.values()))).all()


def test_layout_positions_of_500_nodes_stay_fast() -> None:
    ids, edges = random_graph(500)
    started = time.perf_counter()
    layout_positions(ids, edges)
    assert time.perf_counter() - started < 2.0  # about 0.15 s on the 2-core CI machine


def overlapping_pairs(positions: dict[str, tuple[float, float]], sizes: dict[str, float], gap: float = 0.0) -> int:
    ids = list(positions)
    return sum(1 for i, u in enumerate(ids) for v in ids[i + 1:]
               if math.dist(positions[u], positions[v]) < sizes[u] + sizes[v] + gap - 1e-6)


def test_layout_positions_leave_no_node_over_another() -> None:
    ids, edges = random_graph(200, per_node=3)
    sizes = {n: 8.0 + 28.0 * random.Random(n).random() ** 3 for n in ids}
    unseparated = layout_positions(ids, edges, gap=0.0)  # nodes as points: only coincident ones part
    assert overlapping_pairs(unseparated, sizes) > 0  # the spring layout alone lets big nodes overlap
    positions = layout_positions(ids, edges, sizes=sizes)
    assert overlapping_pairs(positions, sizes) == 0
    assert overlapping_pairs(positions, sizes, gap=NODE_GAP - 0.5) == 0


def test_layout_separate_parts_points_on_the_same_spot() -> None:
    points = separate(np.zeros((3, 2)), np.array([5.0, 5.0, 5.0]), gap=2.0)
    distances = [math.dist(points[i], points[j]) for i in range(3) for j in range(i + 1, 3)]
    assert min(distances) >= 12.0 - 1e-6
