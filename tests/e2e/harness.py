"""Plain helpers behind the e2e fixtures (also used by bench/): a real ``streamlit run`` server
and Debian's Chromium driven by Playwright, with every request to another host refused and recorded.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Route,
    WebSocketRoute,
)

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
]
HOST = "127.0.0.1"
STREAMLIT_FLAGS = [
    "--server.headless=true", f"--server.address={HOST}", "--browser.gatherUsageStats=false",
    "--server.fileWatcherType=none", "--server.runOnSave=false", "--global.developmentMode=false",
]


@dataclass
class StreamlitServer:
    """A running ``streamlit run`` in its own process group."""

    url: str
    process: subprocess.Popen[bytes]
    log: IO[str]

    def log_text(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_streamlit(app: Path, log_path: Path, env: Mapping[str, str] | None = None,
                    timeout: float = 60.0) -> StreamlitServer:
    """Start ``streamlit run app`` on 127.0.0.1 and return once /_stcore/health answers "ok".

    ``env`` is added to this process's environment; the repository root is on
    PYTHONPATH so the app imports ``explorer`` as the real app does.
    """
    port = free_port()
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    log = open(log_path, "w+", encoding="utf-8")  # noqa: SIM115 -- stays open while the server runs
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), f"--server.port={port}", *STREAMLIT_FLAGS],
        cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    server = StreamlitServer(f"http://{HOST}:{port}", process, log)
    try:
        wait_healthy(server, timeout)
    except BaseException:
        stop_streamlit(server)
        raise
    return server


def wait_healthy(server: StreamlitServer, timeout: float) -> None:
    """Poll the health endpoint; fail with the server log if it dies or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.process.returncode}:\n{server.log_text()}")
        try:
            with urllib.request.urlopen(server.url + "/_stcore/health", timeout=1) as answer:
                if answer.read() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"streamlit not healthy after {timeout:.0f} s:\n{server.log_text()}")


def stop_streamlit(server: StreamlitServer) -> None:
    """SIGTERM the server's process group, SIGKILL it if it lingers."""
    try:
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()
    except ProcessLookupError:
        pass
    finally:
        server.log.close()


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium; never a downloaded browser."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    """Requests the tests allow: the local server and in-page data/blob URLs."""
    return url.startswith((f"http://{HOST}:", f"ws://{HOST}:", "data:", "blob:", "about:"))


def guard(context: BrowserContext, refused: list[str]) -> None:
    """Abort every request (HTTP and WebSocket) not to 127.0.0.1 and record its URL in ``refused``."""

    def refuse(route: Route) -> None:
        refused.append(route.request.url)
        route.abort()

    def refuse_socket(socket_route: WebSocketRoute) -> None:
        refused.append(socket_route.url)
        socket_route.close()

    context.route(lambda url: not is_local(url), refuse)
    context.route_web_socket(lambda url: not is_local(url), refuse_socket)


# ---- the graph component, seen from the page ------------------------------------------------

# Both scroll the canvas into view first: a click at a point outside the window reaches nothing.
NODE_POINT = """([key, id]) => { const net = window.__kg[key];
  net.body.container.scrollIntoView({block: 'nearest', behavior: 'instant'});
  const p = net.canvasToDOM(net.getPositions([id])[id]);
  const r = net.body.container.getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }"""
EDGE_POINT = """([key, id, at]) => { const net = window.__kg[key];
  net.body.container.scrollIntoView({block: 'nearest', behavior: 'instant'});
  const p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(at));
  const r = net.body.container.getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }"""


def wait_graph_drawn(page: Page, key: str, timeout: float = 30_000) -> None:
    """Until the component ``key`` has drawn its current data at least once."""
    page.wait_for_function(
        "(key) => window.__kg && window.__kg[key] && window.__kg[key].body.container"
        ".querySelector('canvas') && window.__kg[key].body.container.closest('.kg-canvas')"
        ".dataset.drawn === '1'", arg=key, timeout=timeout)


def node_point(page: Page, key: str, node_id: str) -> tuple[float, float]:
    """Page coordinates of a node's centre."""
    x, y = page.evaluate(NODE_POINT, [key, node_id])
    return float(x), float(y)


def edge_point(page: Page, key: str, edge_id: str, at: float = 0.5) -> tuple[float, float]:
    """Page coordinates of the point ``at`` (0..1) along an edge."""
    x, y = page.evaluate(EDGE_POINT, [key, edge_id, at])
    return float(x), float(y)


def graph_eval(page: Page, key: str, expression: str) -> Any:
    """Evaluate ``expression`` with ``net`` bound to the component's vis Network."""
    return page.evaluate(f"(key) => {{ const net = window.__kg[key]; return {expression}; }}", key)


# What a reader sees: labels vis-network draws at the current zoom (its own rule: font size x scale
# >= scaling.label.drawThreshold - 1), their on-screen size, and what overlaps.
LEGIBILITY_JS = """(key) => { const net = window.__kg[key]; const scale = net.getScale();
  const nodes = Object.values(net.body.nodes).filter(n => net.body.data.nodes.get(n.id));
  const drawn = nodes.filter(n => { const s = n.labelModule.fontOptions.size * scale;
    const t = n.options.scaling.label.drawThreshold; return n.options.label && s >= t - 1; });
  const px = drawn.map(n => Math.min(n.labelModule.fontOptions.size * scale,
    n.options.scaling.label.maxVisible)).sort((a, b) => a - b);
  const boxes = drawn.map(n => n.labelModule.size);
  const hit = (a, b) => a.left < b.left + b.width && b.left < a.left + a.width
    && a.top < b.top + b.height && b.top < a.top + a.height;
  let labelOverlaps = 0;
  boxes.forEach((a, i) => { if (boxes.some((b, j) => j !== i && hit(a, b))) labelOverlaps += 1; });
  let nodeOverlaps = 0;
  for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
    const a = nodes[i], b = nodes[j];
    if (Math.hypot(a.x - b.x, a.y - b.y) < a.options.size + b.options.size) nodeOverlaps += 1; }
  return { nodes: nodes.length, edges: net.body.data.edges.length, scale,
    labels_drawn: drawn.length, label_px_min: px.length ? px[0] : null,
    label_px_max: px.length ? px[px.length - 1] : null,
    label_px_median: px.length ? px[Math.floor(px.length / 2)] : null,
    label_overlaps: labelOverlaps, node_overlaps: nodeOverlaps,
    canvas: [net.body.container.clientWidth, net.body.container.clientHeight] }; }"""


def graph_legibility(page: Page, key: str) -> dict[str, Any]:
    """Read from vis-network in the page: nodes, edges, scale, labels_drawn, label_px_min/max/median
    (on-screen px of the drawn labels), label_overlaps (drawn labels whose box overlaps another's),
    node_overlaps (pairs of nodes whose discs overlap), canvas [width, height].  The label boxes are
    the ones vis measured at its last draw."""
    result: dict[str, Any] = page.evaluate(LEGIBILITY_JS, key)
    return result
