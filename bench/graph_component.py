"""Time to first draw of the graph component in headless Chromium, and what it costs to send.

    python bench/graph_component.py [N ...]        (default: 100 1000)

For each N (synthetic view: N nodes, about 2N edges, positions given) it starts
the e2e demo app with ENTENTE_DEMO_NODES=N, loads it 3 times in a fresh page and
reports the median of:
- first draw: ``window.__kgDrawn`` (ms since navigation start: Streamlit's own
  start-up, the script run, the websocket message, vis setData and the draw);
- setData..draw: ``window.__kgDrawMs`` (the component's own share);
- frame: one synchronous redraw of the canvas, straight edges vs "continuous" curves;
- payload: JSON sent to the browser for the graph, and the largest websocket frame.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from explorer.graph_component import component_data, vis_payload
from tests.e2e.apps.demo_data import synthetic_frames
from tests.e2e.harness import (
    guard,
    launch_chromium,
    start_streamlit,
    stop_streamlit,
    wait_graph_drawn,
)

APP = Path(__file__).resolve().parents[1] / "tests" / "e2e" / "apps" / "graph_demo.py"
KEY = "demo_graph"
RUNS = 3
FRAME_JS = """(key) => { const net = window.__kg[key]; const t0 = performance.now();
  for (let i = 0; i < 10; i++) net.renderer._redraw(); return (performance.now() - t0) / 10; }"""


def payload_bytes(count: int) -> int:
    nodes, edges, options = vis_payload(*synthetic_frames(count))
    data = component_data(nodes, edges, key=KEY, height=560, selected=None, options=options, png_request=0)
    return len(json.dumps(data).encode("utf-8"))


def measure(browser, url: str) -> dict[str, float]:
    refused: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard(context, refused)
    page = context.new_page()
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(len(f))))
    page.goto(url)
    wait_graph_drawn(page, KEY, timeout=120_000)
    result = {"first_draw": page.evaluate(f"window.__kgDrawn['{KEY}']"),
              "component": page.evaluate(f"window.__kgDrawMs['{KEY}']"),
              "frame": page.evaluate(FRAME_JS, KEY), "ws_max": max(frames, default=0)}
    context.close()
    assert not refused, refused
    return result


def bench(count: int, smooth: str | None, browser, log_dir: Path) -> dict[str, float]:
    env = {"ENTENTE_DEMO_NODES": str(count), **({"ENTENTE_DEMO_SMOOTH": smooth} if smooth else {})}
    server = start_streamlit(APP, log_dir / f"st-{count}-{smooth}.log", env)
    try:
        runs = [measure(browser, server.url) for _ in range(RUNS)]
    finally:
        stop_streamlit(server)
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def main(counts: list[int]) -> None:
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = launch_chromium(playwright)
        for count in counts:
            size = payload_bytes(count)
            for smooth in (None, "continuous"):
                r = bench(count, smooth, browser, Path(folder))
                print(f"{count:>6} nodes, edges {smooth or 'straight':<10}: first draw {r['first_draw']:7.0f} ms "
                      f"after navigation, setData..draw {r['component']:6.0f} ms, frame {r['frame']:6.1f} ms, "
                      f"graph JSON {size / 1024:6.0f} KiB, largest ws frame {r['ws_max'] / 1024:5.0f} KiB")
        browser.close()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000])
