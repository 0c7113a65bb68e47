"""How readable the explorer's default graph is, read from vis-network's own state in Chromium.

    python -m bench.legibility [--datasets sample,synthetic] [--sizes 1600x1000,1280x720]
                               [--workdir DIR] [--screenshots DIR] [--json FILE]

For each database (``sample_data/`` ingested, and the synthetic store of
``bench.synthetic``, both as ``bench.explorer_bench`` builds them) a real
``streamlit run explorer/app.py`` is opened in Debian's Chromium at each
window size, and the first drawn view is measured
(``tests.e2e.harness.graph_legibility``):

- labels drawn: labels vis-network draws at this zoom (its own rule: font
  size x scale >= ``scaling.label.drawThreshold`` - 1), of all nodes;
- label px: the smallest and median on-screen font size of those labels
  (font size x ``network.getScale()``, capped by ``scaling.label.maxVisible``);
- label overlaps: drawn labels whose box (vis-network's ``labelModule.size``)
  overlaps another drawn label's box;
- node overlaps: pairs of nodes whose discs (radius = the node's ``size``) overlap.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.explorer_bench import APP, KEY, NAV_TIMEOUT_MS, sample_database, synthetic_database  # noqa: E402


def measure(browser: Any, url: str, size: tuple[int, int], shot: Path | None) -> dict[str, Any]:
    """The first drawn view at this window size."""
    from tests.e2e.harness import graph_legibility, guard, wait_graph_drawn

    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    guard(context, [])
    try:
        page = context.new_page()
        page.goto(url, timeout=NAV_TIMEOUT_MS)
        wait_graph_drawn(page, KEY, timeout=NAV_TIMEOUT_MS)
        page.wait_for_timeout(500)  # one more frame: label boxes are measured while drawing
        result = graph_legibility(page, KEY)
        if shot is not None:
            page.screenshot(path=str(shot))
    finally:
        context.close()
    return result


def run(datasets: list[str], sizes: list[tuple[int, int]], workdir: Path, shots: Path | None) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from tests.e2e.harness import launch_chromium, start_streamlit, stop_streamlit

    results: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for name in datasets:
            db = sample_database(workdir)[0] if name == "sample" else synthetic_database(workdir, 5000, 50000)[0]
            server = start_streamlit(APP, workdir / f"legibility-{name}.log", {"KG_DB": str(db)})
            try:
                for width, height in sizes:
                    shot = shots / f"{name}-{width}x{height}.png" if shots else None
                    results[f"{name} {width}x{height}"] = measure(browser, server.url, (width, height), shot)
                    print(name, width, height, results[f"{name} {width}x{height}"], file=sys.stderr, flush=True)
            finally:
                stop_streamlit(server)
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.legibility", description=__doc__.splitlines()[0])
    p.add_argument("--datasets", default="sample,synthetic")
    p.add_argument("--sizes", default="1600x1000,1280x720")
    p.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "entente-bench"))
    p.add_argument("--screenshots", help="save a screenshot per case here")
    p.add_argument("--json", metavar="FILE")
    args = p.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    shots = Path(args.screenshots) if args.screenshots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    results = run(args.datasets.split(","), sizes, workdir, shots)  # type: ignore[arg-type]
    print(json.dumps(results, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
