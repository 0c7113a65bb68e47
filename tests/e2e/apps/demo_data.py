"""The demo graph for the e2e app and the benchmark: a few news entities (with hostile labels),
or N synthetic ones laid out on a spiral."""

from __future__ import annotations

import math

import pandas as pd

XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "<script>window.__xss=1</script>"
NODES = [  # id, label, type, weight, documents
    ("person:wladimir-putin", "Wladimir Putin", "person", 12, 3),
    ("country:KP", "North Korea", "country", 9, 3),
    ("place:pyongyang", "Pyongyang", "place", 4, 2),
    ("agreement:partnership-kp-ru-2024", f"Pact {XSS_IMG}", "agreement", 3, 1),
    ("organization:evil", f"Org {XSS_SCRIPT} href", "organization", 1, 1),
    ("person:kim-jong-un", "Kim Jong Un", "person", 7, 2),
]
EDGES = [  # source, relation, target, support, modality
    ("person:wladimir-putin", "visits", "country:KP", 5, "reported"),
    ("person:wladimir-putin", "meets", "person:kim-jong-un", 4, "reported"),
    ("person:wladimir-putin", "party_to", "agreement:partnership-kp-ru-2024", 2, "planned"),
    ("country:KP", "party_to", "agreement:partnership-kp-ru-2024", 2, "reported"),
    ("place:pyongyang", "located_in", "country:KP", 1, "reported"),
    ("organization:evil", "co_mentioned", "place:pyongyang", 1, "reported"),
]
POSITIONS = {
    "person:wladimir-putin": (-260.0, -40.0), "country:KP": (120.0, -60.0), "place:pyongyang": (300.0, 140.0),
    "agreement:partnership-kp-ru-2024": (-60.0, 200.0), "organization:evil": (320.0, -240.0),
    "person:kim-jong-un": (-120.0, -260.0),
}
TYPES = ("person", "organization", "country", "place", "agreement")


def demo_frames(drop: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, tuple[float, float]]]:
    """The small demo view, without its last ``drop`` nodes (and their edges)."""
    kept = NODES[: len(NODES) - drop]
    ids = {row[0] for row in kept}
    nodes = pd.DataFrame(kept, columns=["id", "label", "type", "weight", "documents"])
    rows = [(f"{s}|{r}|{t}", s, t, r, n, 1, m) for s, r, t, n, m in EDGES if s in ids and t in ids]
    edges = pd.DataFrame(rows, columns=["id", "source", "target", "relation", "support", "documents", "modality"])
    return nodes, edges, {k: v for k, v in POSITIONS.items() if k in ids}


def synthetic_frames(count: int) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, tuple[float, float]]]:
    """``count`` nodes on a sunflower spiral (about 60 px apart), two edges per node to near neighbours."""
    ids = [f"{TYPES[i % 5]}:entity-{i}" for i in range(count)]
    nodes = pd.DataFrame({"id": ids, "label": [f"Entity {i}" for i in range(count)],
                          "type": [TYPES[i % 5] for i in range(count)],
                          "weight": [1 + (i * 7919) % 50 for i in range(count)],
                          "documents": [1 + i % 9 for i in range(count)]})
    pairs = [(i, j) for i in range(1, count) for j in sorted({i - 1, max(0, i - 13)})]
    edges = pd.DataFrame({"source": [ids[i] for i, _ in pairs], "target": [ids[j] for _, j in pairs],
                          "relation": ["meets" if (i + j) % 3 else "co_mentioned" for i, j in pairs],
                          "support": [1 + (i * j) % 6 for i, j in pairs], "documents": 1, "modality": "reported"})
    golden = math.pi * (3 - math.sqrt(5))
    positions = {node: (60 * math.sqrt(i) * math.cos(i * golden), 60 * math.sqrt(i) * math.sin(i * golden))
                 for i, node in enumerate(ids)}
    return nodes, edges, positions
