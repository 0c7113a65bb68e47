"""How many bytes of graph data the explorer's canvas receives per view, and which fields cost most.

    python -m bench.payload_size [--workdir DIR] [--synthetic-entities 5000 --synthetic-relations 50000]
                                 [--json FILE]

Deterministic (no timing): the JSON of what ``graph_view`` sends (``component_data``: nodes, edges,
options, signature) for two views, each drawn as ``explorer/app.py``'s ``graph_payload`` draws it
(type colours, sizes by mentions, label fonts after the sizes):

- the synthetic store's default view (``bench.synthetic``, 5,000 entities, seed 7) with the
  co-mentions shown (what ``explorer_bench``'s click on "Hide co-mentioned edges" draws), and the
  same with the single-sentence co-mentions too (``co_min_support`` 1);
- the sample data's default view with the co-mentions shown (``sample_data/`` ingested).

Each field's share is the bytes of its ``"key":value,`` in every item that carries it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.explorer_bench import GRAPH_HEIGHT, KEY, sample_database, synthetic_database  # noqa: E402
from explorer.data import Snapshot, load_snapshot  # noqa: E402
from explorer.graph_component import component_data, vis_payload  # noqa: E402
from explorer.graph_component.payload import label_fonts  # noqa: E402
from explorer.layout import layout_positions  # noqa: E402
from explorer.queries import Filters, compute_view  # noqa: E402
from explorer.structure import Look, recolour, resize, styling  # noqa: E402
from pipelines.store import Store  # noqa: E402

Payload = tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]


def drawn_payload(snap: Snapshot, filters: Filters) -> Payload:
    """The view's nodes, edges and options as ``explorer/app.py`` ``graph_payload`` makes them (default look)."""
    view = compute_view(snap, filters)
    pairs = list(zip(view.edges["source"], view.edges["target"], strict=True))
    styled = styling(view.nodes.to_dict("records"), pairs, Look())
    ids = tuple(view.nodes["id"])
    positions = layout_positions(ids, tuple(pairs), sizes={i: styled.sizes[i] for i in ids})
    nodes, edges, options = vis_payload(view.nodes, view.edges, positions)
    recolour(nodes, styled.colours)
    resize(nodes, styled.sizes)
    label_fonts(nodes)
    return nodes, edges, options


def sent_bytes(payload: Payload) -> dict[str, Any]:
    """JSON bytes of the component's data (total and per part) and of the full vis dicts."""
    nodes, edges, options = payload
    data = component_data(nodes, edges, key=KEY, height=GRAPH_HEIGHT, selected=None, options=options, png_request=0)
    parts = {name: size(value) for name, value in (data.get("graph") or data).items() if name in ("nodes", "edges", "lines")}
    return {"total": size(data), **parts, "options": size(options), "dicts": size([nodes, edges]),
            "node_count": len(nodes), "edge_count": len(edges)}


def field_bytes(items: list[dict[str, Any]]) -> dict[str, int]:
    """Bytes of ``"key":value,`` per key over all items, largest first."""
    totals: Counter[str] = Counter()
    for item in items:
        for key, value in item.items():
            totals[key] += size({key: value}) - 1  # minus the braces, plus the comma
    return dict(totals.most_common())


def size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def measure(db: Path, filters: Filters) -> dict[str, Any]:
    """Bytes sent for ``filters`` on ``db`` and the field breakdown of the full vis dicts."""
    with Store.open(db) as store:
        snap = load_snapshot(store)
    payload = drawn_payload(snap, filters)
    return {"sent": sent_bytes(payload), "node_fields": field_bytes(payload[0]), "edge_fields": field_bytes(payload[1])}


def report(name: str, result: dict[str, Any]) -> list[str]:
    sent = result["sent"]
    parts = ", ".join(f"{part} {sent[part]:,}" for part in ("nodes", "edges", "lines", "options") if part in sent)
    lines = [f"{name}: {sent['node_count']} nodes, {sent['edge_count']} edges; sent {sent['total']:,} B ({parts}), "
             f"{sent['total'] / max(sent['edge_count'], 1):.0f} B per edge; the vis dicts as JSON: {sent['dicts']:,} B"]
    for part in ("node_fields", "edge_fields"):
        fields = result[part]
        lines.append(f"  {part} of the vis dicts: " + ", ".join(f"{k} {v:,}" for k, v in fields.items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "entente-bench")
    parser.add_argument("--synthetic-entities", type=int, default=5000)
    parser.add_argument("--synthetic-relations", type=int, default=50000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    synthetic, _ = synthetic_database(args.workdir, args.synthetic_entities, args.synthetic_relations)
    sample, _ = sample_database(args.workdir)
    results = {"synthetic, co-mentions shown": measure(synthetic, Filters()),
               "synthetic, single-sentence co-mentions too": measure(synthetic, replace(Filters(), co_min_support=1)),
               "sample, co-mentions shown": measure(sample, Filters())}
    for name, result in results.items():
        print("\n".join(report(name, result)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
