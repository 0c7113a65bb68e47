"""How long the explorer takes from a filter change to a drawn graph, server side and in Chromium.

    python -m bench.explorer_bench [--synthetic-entities 5000] [--synthetic-relations 50000]
                                   [--runs 5] [--browser-runs 3] [--skip-browser]
                                   [--workdir DIR] [--json FILE]

Two databases: (a) ``sample_data/`` ingested with ``pipelines.ingest.ingest``
and (b) a synthetic store from ``bench.synthetic.build_store``.  Both are kept
in ``--workdir`` (default: ``$TMPDIR/entente-bench``), so a rerun reuses them
(the sample database is re-ingested, which skips unchanged articles).

1. Server: ``compute_view`` -> ``layout_positions`` -> ``vis_payload``, chained
   exactly as ``explorer/app.py`` does, for several filter changes; median of
   ``--runs`` after one warm-up each, without Streamlit's caches (what a filter
   the session has not seen before costs).  The snapshot load
   (``load_snapshot``) and the first view on a fresh snapshot (which builds
   its integer arrays) are reported separately.
2. Browser: a real ``streamlit run explorer/app.py`` (KG_DB = the database) in
   Debian's Chromium via Playwright, every request to another host refused.
   Each of ``--browser-runs`` runs starts a fresh server (empty caches) and
   opens the page twice: "cold" (first page of the fresh server: snapshot
   load, first script run) and "warm" (a second page: Streamlit's caches
   hold the snapshot and the views the first page computed).  In each page:
   navigation -> first draw (``window.__kgDrawn``), then a click on the
   sidebar's "Hide co-mentioned edges" label -> the draw of the new data,
   then a search typed into the sidebar and Enter -> the draw.  Medians.
   A third page, "returning", is a browser that comes back: one browser context
   opens the page, then navigates to it again; only the second navigation ->
   first draw is timed (its HTTP cache and V8 code cache are warm, as for a user
   who reopens the app; "warm" pages are new contexts, which have neither).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # also `python bench/explorer_bench.py`

from bench.synthetic import cached_store
from explorer.data import Snapshot, load_snapshot
from explorer.graph_component import component_data, vis_payload
from explorer.graph_component.payload import node_sizes
from explorer.layout import layout_positions
from explorer.queries import Filters, View, compute_view
from pipelines.ingest import ingest
from pipelines.store import Store

APP = ROOT / "explorer" / "app.py"
SAMPLE_DATA = ROOT / "sample_data"
KEY = "kg_graph"  # explorer.views.graph.GRAPH_KEY
GRAPH_HEIGHT = 640  # what app.py passes outside presentation mode
CO_LABEL = "Hide co-mentioned edges"
SEARCH_PLACEHOLDER = "name or alias"
NAV_TIMEOUT_MS = 300_000
CHANGE_TIMEOUT_MS = 180_000
SETTLE_MS = 1500  # after a draw, before counting a step's websocket bytes (not timed)

# Capture-phase listeners installed before the page's own scripts: the moment the click
# (or the Enter key) reaches the page, on the same clock as window.__kgDrawn.
INPUT_CLOCK_JS = """
document.addEventListener('click', () => { window.__benchClick = performance.now(); }, true);
document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__benchEnter = performance.now(); }, true);
"""
DRAWN_AFTER_JS = """([key, mark]) => window.__kgDrawn && window[mark] !== undefined
  && window.__kgDrawn[key] > window[mark]"""
GRAPH_SIZE_JS = """(key) => { const net = window.__kg[key];
  return [net.body.data.nodes.length, net.body.data.edges.length]; }"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the databases ----------------------------------------------------------------------------


def sample_database(workdir: Path) -> tuple[Path, str]:
    """sample_data/ ingested into workdir/sample.sqlite (unchanged articles are skipped)."""
    db = workdir / "sample.sqlite"
    started = time.perf_counter()
    report = ingest([SAMPLE_DATA], db)
    note = f"{report.summary().splitlines()[0]} ({time.perf_counter() - started:.1f} s)"
    return db, note


def synthetic_database(workdir: Path, entities: int, relations: int, seed: int = 7) -> tuple[Path, str]:
    """The cached synthetic store of this size (see ``bench.synthetic.cached_store``)."""
    return cached_store(workdir / f"synthetic-{entities}x{relations}-seed{seed}.sqlite", entities, relations, seed=seed)


# -- 1. server side ---------------------------------------------------------------------------


@dataclass
class ServerCase:
    name: str
    view_ms: float
    layout_ms: float
    payload_ms: float
    total_ms: float
    nodes: int
    edges: int
    total_nodes: int
    json_kib: float


@dataclass
class ServerResult:
    load_ms: float
    first_view_ms: float
    entities: int
    relation_rows: int
    documents: int
    cases: list[ServerCase] = field(default_factory=list)


def pick_focus(snap: Snapshot) -> tuple[str, str]:
    """The most mentioned person (else entity): its id and a search text (its last name, lower case)."""
    entities = snap.entities
    people = entities[entities["type"] == "person"]
    pool = people if len(people) else entities
    row = pool.sort_values(["mentions", "id"], ascending=[False, True]).iloc[0]
    return str(row["id"]), str(row["label"]).split()[-1].lower()


def filter_cases(focus: str, search: str) -> list[tuple[str, Filters]]:
    """Realistic filter changes, each from the default view."""
    default = Filters()
    return [
        ("default view (top 100)", default),
        ("languages = en", replace(default, languages=("en",))),
        ("hide co-mentioned edges", replace(default, hide_co_mentioned=True)),
        ("single-sentence co-mentions too", replace(default, co_min_support=1)),
        ("min mentions 3", replace(default, min_mentions=3)),
        (f"focus {focus}, 2 hops", replace(default, focus=focus, hops=2)),
        (f'search "{search}"', replace(default, search=search)),
        ("top 300", replace(default, top_n=300)),
    ]


def chain(snap: Snapshot, filters: Filters) -> tuple[View, Any, float, float, float]:
    """app.py's chain (without st.cache_data): the view, its positions, the component payload."""
    t0 = time.perf_counter()
    view = compute_view(snap, filters)
    t1 = time.perf_counter()
    positions = layout_positions(tuple(view.nodes["id"]), tuple(zip(view.edges["source"], view.edges["target"], strict=False)),
                                 sizes=node_sizes(view.nodes))
    t2 = time.perf_counter()
    payload = vis_payload(view.nodes, view.edges, positions)
    t3 = time.perf_counter()
    return view, payload, t1 - t0, t2 - t1, t3 - t2


def server_bench(db: Path, runs: int) -> tuple[ServerResult, str, str]:
    with Store.open(db) as store:
        loads = []
        for _ in range(runs):
            started = time.perf_counter()
            snap = load_snapshot(store)
            loads.append(time.perf_counter() - started)
    started = time.perf_counter()
    compute_view(snap, Filters())  # a fresh snapshot: builds explorer.selection's arrays
    first_view = time.perf_counter() - started
    focus, search = pick_focus(snap)
    result = ServerResult(ms(statistics.median(loads)), ms(first_view), len(snap.entities), len(snap.relations),
                          len(snap.documents))
    for name, filters in filter_cases(focus, search):
        chain(snap, filters)  # warm-up
        timings = [chain(snap, filters) for _ in range(runs)]
        view, payload = timings[-1][0], timings[-1][1]
        nodes, edges, options = payload
        data = component_data(nodes, edges, key=KEY, height=GRAPH_HEIGHT, selected=None, options=options,
                              png_request=0)
        result.cases.append(ServerCase(
            name=name,
            view_ms=ms(statistics.median(t[2] for t in timings)),
            layout_ms=ms(statistics.median(t[3] for t in timings)),
            payload_ms=ms(statistics.median(t[4] for t in timings)),
            total_ms=ms(statistics.median(t[2] + t[3] + t[4] for t in timings)),
            nodes=len(view.nodes), edges=len(view.edges), total_nodes=view.total_nodes,
            json_kib=round(len(json.dumps(data).encode("utf-8")) / 1024, 1),
        ))
        log(f"  {name}: {result.cases[-1].total_ms:.1f} ms")
    return result, focus, search


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


# -- 2. in Chromium ---------------------------------------------------------------------------


@dataclass
class PageTimes:
    first_draw_ms: float  # navigation start -> first draw of the graph
    first_component_ms: float  # setData -> draw, of that first draw
    first_size: tuple[int, int]
    co_ms: float  # click on "Hide co-mentioned edges" -> draw of the new data
    co_component_ms: float
    co_size: tuple[int, int]
    search_ms: float  # Enter in the search box -> draw of the new data
    search_component_ms: float
    search_size: tuple[int, int]
    # KiB the page's websocket received for the step (until SETTLE_MS after its draw): the rerun's
    # whole page, not only the graph's data
    first_ws_kib: float = 0.0
    co_ws_kib: float = 0.0
    search_ws_kib: float = 0.0
    # the page's main-thread CPU time for the step, same span (CDP Performance.getMetrics TaskDuration):
    # less disturbed by a busy machine than the wall-clock times above
    first_cpu_ms: float = 0.0
    co_cpu_ms: float = 0.0
    search_cpu_ms: float = 0.0
    # the main thread's own CPU time for the step, same span (Performance.getMetrics ThreadTime):
    # unlike TaskDuration it does not count the time other processes held the core
    first_thread_ms: float = 0.0
    co_thread_ms: float = 0.0
    search_thread_ms: float = 0.0


def watched_page(context: Any, problems: list[str]) -> tuple[Any, list[int], Any]:
    """A new page of ``context`` whose errors go to ``problems``, with the input clock, a count of
    the websocket bytes it receives (``[n]``) and a CDP session with Performance metrics on."""
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    # Streamlit logs a component's exceptions to the console: count those too (as the e2e tests do)
    page.on("console", lambda m: problems.append(f"console error: {m.text}") if m.type == "error" else None)
    page.add_init_script(INPUT_CLOCK_JS)
    received, cdp = [0], context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: received.__setitem__(0, received[0] + len(data))))
    return page, received, cdp


@contextmanager
def guarded_context(browser: Any, problems: list[str]) -> Iterator[Any]:
    """A new browser context whose requests to other hosts are refused and added to ``problems``."""
    from tests.e2e.harness import guard

    refused: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    guard(context, refused)
    try:
        yield context
    finally:
        context.close()
        problems.extend(f"refused request to {u}" for u in refused)


def opened(page: Any, url: str) -> None:
    """Navigate to ``url`` and wait for the graph's first draw."""
    from tests.e2e.harness import wait_graph_drawn

    page.goto(url, timeout=NAV_TIMEOUT_MS)
    wait_graph_drawn(page, KEY, timeout=NAV_TIMEOUT_MS)


def page_times(browser: Any, url: str, search: str, problems: list[str]) -> PageTimes:
    with guarded_context(browser, problems) as context:
        page, received, cdp = watched_page(context, problems)
        opened(page, url)
        first = drawn(page)
        kib, cpu = [settled(page, received)], [busy(cdp)]
        page.get_by_text(CO_LABEL, exact=True).click()
        page.wait_for_function(DRAWN_AFTER_JS, arg=[KEY, "__benchClick"], timeout=CHANGE_TIMEOUT_MS)
        co = drawn(page, "__benchClick")
        kib.append(settled(page, received))
        cpu.append(busy(cdp))
        box = page.get_by_placeholder(SEARCH_PLACEHOLDER)
        box.fill(search)
        box.press("Enter")
        page.wait_for_function(DRAWN_AFTER_JS, arg=[KEY, "__benchEnter"], timeout=CHANGE_TIMEOUT_MS)
        found = drawn(page, "__benchEnter")
        kib.append(settled(page, received))
        cpu.append(busy(cdp))
    spans = [(round(b[0] - a[0], 1), round(b[1] - a[1], 1)) for a, b in zip([(0.0, 0.0), *cpu], cpu, strict=False)]
    return PageTimes(*first, *co, *found, *kib, *[task for task, _ in spans], *[thread for _, thread in spans])


@dataclass
class ReturningTimes:
    """A returning browser: the second navigation of one browser context to the page."""

    first_draw_ms: float  # navigation start -> first draw, second navigation
    first_cpu_ms: float  # the page's main-thread task time for it (until SETTLE_MS after the draw)
    first_ws_kib: float
    first_thread_ms: float  # the main thread's own CPU time, same span


def returning_times(browser: Any, url: str, problems: list[str]) -> ReturningTimes:
    """Open the page, then navigate to it again in the same browser context; time the second."""
    with guarded_context(browser, problems) as context:
        page, received, cdp = watched_page(context, problems)
        opened(page, url)
        settled(page, received)  # the first visit's bytes are not counted
        before = busy(cdp)
        opened(page, url)
        at = round(float(page.evaluate(f"window.__kgDrawn['{KEY}']")), 1)
        kib = settled(page, received)
        after = busy(cdp)
    return ReturningTimes(at, round(after[0] - before[0], 1), kib, round(after[1] - before[1], 1))


def busy(cdp: Any) -> tuple[float, float]:
    """The page's main-thread task time and the main thread's CPU time so far, ms."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return float(metrics["TaskDuration"]) * 1000, float(metrics["ThreadTime"]) * 1000


def settled(page: Any, received: list[int]) -> float:
    """KiB received since the last call, after waiting SETTLE_MS for the rest of the rerun."""
    page.wait_for_timeout(SETTLE_MS)
    kib, received[0] = received[0] / 1024, 0
    return round(kib, 1)


def drawn(page: Any, mark: str | None = None) -> tuple[float, float, tuple[int, int]]:
    """(ms from the mark, or from navigation start, to the draw; setData..draw; nodes, edges drawn)."""
    at = page.evaluate(f"window.__kgDrawn['{KEY}']")
    start = page.evaluate(f"window.{mark}") if mark else 0.0
    component = page.evaluate(f"window.__kgDrawMs['{KEY}']")
    size = page.evaluate(GRAPH_SIZE_JS, KEY)
    # float(): the page returns a whole number of ms as an int, which the medians would skip
    return round(float(at - start), 1), round(float(component), 1), (int(size[0]), int(size[1]))


@dataclass
class BrowserResult:
    chromium: str
    cold: dict[str, float]
    warm: dict[str, float]
    returning: dict[str, float]
    sizes: dict[str, tuple[int, int]]
    runs: list[dict[str, Any]]
    problems: list[str]


def browser_bench(db: Path, runs: int, search: str, workdir: Path, label: str) -> BrowserResult:
    from playwright.sync_api import sync_playwright

    from tests.e2e.harness import launch_chromium, start_streamlit, stop_streamlit

    problems: list[str] = []
    records: list[dict[str, Any]] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for run in range(runs):
                server = start_streamlit(APP, workdir / f"streamlit-{label}-{run}.log", {"KG_DB": str(db)},
                                         timeout=120)
                try:
                    cold = page_times(browser, server.url, search, problems)
                    warm = page_times(browser, server.url, search, problems)
                    back = returning_times(browser, server.url, problems)
                finally:
                    stop_streamlit(server)
                records.append({"cold": asdict(cold), "warm": asdict(warm), "returning": asdict(back)})
                log(f"  run {run + 1}: first draw {cold.first_draw_ms:.0f} / {warm.first_draw_ms:.0f} ms, "
                    f"co-mentioned {cold.co_ms:.0f} / {warm.co_ms:.0f} ms, "
                    f"search {cold.search_ms:.0f} / {warm.search_ms:.0f} ms (cold / warm), "
                    f"returning browser's first draw {back.first_draw_ms:.0f} ms")
            version = browser.version
        finally:
            browser.close()

    def medians(kind: str) -> dict[str, float]:
        names = [n for n, v in records[0][kind].items() if isinstance(v, float)]
        return {n: round(statistics.median(r[kind][n] for r in records), 1) for n in names}

    last = records[-1]["cold"]
    sizes = {"first": tuple(last["first_size"]), "co": tuple(last["co_size"]), "search": tuple(last["search_size"])}
    return BrowserResult(version, medians("cold"), medians("warm"), medians("returning"), sizes, records, problems)


# -- the report -------------------------------------------------------------------------------


def server_table(results: dict[str, dict[str, Any]], runs: int) -> str:
    lines = ["1. Server: filter change -> component data ready (compute_view + layout_positions + vis_payload),",
             f"   ms, median of {runs} after 1 warm-up, no Streamlit cache",
             ""]
    header = f"{'dataset':<10} {'filter change':<38} {'nodes':>5} {'of':>6} {'edges':>6} {'view':>7} {'layout':>7} " \
             f"{'payload':>7} {'total':>7} {'JSON KiB':>8}"
    lines += [header, "-" * len(header)]
    for name, result in results.items():
        server: ServerResult = result["server"]
        for case in server.cases:
            lines.append(f"{name:<10} {case.name[:38]:<38} {case.nodes:>5} {case.total_nodes:>6} {case.edges:>6} "
                         f"{case.view_ms:>7.1f} {case.layout_ms:>7.1f} {case.payload_ms:>7.1f} {case.total_ms:>7.1f} "
                         f"{case.json_kib:>8.1f}")
    lines.append("")
    for name, result in results.items():
        server = result["server"]
        lines.append(f"{name}: {server.entities} entities, {server.relation_rows} relation sentences, "
                     f"{server.documents} documents; snapshot load {server.load_ms:.0f} ms (median of {runs}), "
                     f"first view on a fresh snapshot {server.first_view_ms:.0f} ms (builds the arrays)")
    return "\n".join(lines)


def browser_table(results: dict[str, dict[str, Any]], runs: int) -> str:
    lines = [f"2. Chromium: `streamlit run explorer/app.py`, ms, median of {runs} (fresh server per run;",
             "   cold = first page of the server, warm = a second page with Streamlit's caches filled, in a new",
             "   browser context; returning browser: the same context navigating to the page a second time)",
             ""]
    header = f"{'dataset':<10} {'step':<44} {'cold':>7} {'warm':>7} {'setData..draw':>14} {'drawn nodes/edges':>18}"
    lines += [header, "-" * len(header)]
    for name, result in results.items():
        browser: BrowserResult | None = result.get("browser")
        if browser is None:
            continue
        steps = [("navigation -> first draw", "first_draw_ms", "first_component_ms", "first"),
                 (f'click "{CO_LABEL}" -> next draw', "co_ms", "co_component_ms", "co"),
                 (f'search "{result["search"]}" + Enter -> next draw', "search_ms", "search_component_ms", "search")]
        for step, total, component, size in steps:
            nodes, edges = browser.sizes[size]
            lines.append(f"{name:<10} {step[:44]:<44} {browser.cold[total]:>7.0f} {browser.warm[total]:>7.0f} "
                         f"{browser.cold[component]:>14.0f} {f'{nodes} / {edges}':>18}")
        lines.append(f"{name:<10} {'navigation -> first draw, returning browser':<44} {'':>7} "
                     f"{browser.returning['first_draw_ms']:>7.0f}")
    lines.append("")
    lines.append("setData..draw: the component's own share (cold), from window.__kgDrawMs.")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    import streamlit

    return {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
            "streamlit": streamlit.__version__}


# -- command line -----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.gettempdir()) / "entente-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    builders: dict[str, Callable[[], tuple[Path, str]]] = {
        "sample": lambda: sample_database(workdir),
        "synthetic": lambda: synthetic_database(workdir, args.synthetic_entities, args.synthetic_relations),
    }
    results: dict[str, dict[str, Any]] = {}
    for name in args.datasets:
        log(f"{name}: preparing the database in {workdir}")
        db, note = builders[name]()
        log(f"  {db.name}: {note}")
        log(f"{name}: server-side timings")
        server, focus, search = server_bench(db, args.runs)
        results[name] = {"db": str(db), "prepared": note, "focus": focus, "search": search, "server": server}
    if not args.skip_browser:
        for name in args.datasets:
            log(f"{name}: Chromium timings")
            results[name]["browser"] = browser_bench(Path(results[name]["db"]), args.browser_runs,
                                                     results[name]["search"], workdir, name)
    info = machine()
    if not args.skip_browser:
        info["chromium"] = next(iter(results.values()))["browser"].chromium
    report = [f"Entente explorer benchmark: {info['cpus']} CPUs, Python {info['python']}, Streamlit "
              f"{info['streamlit']}" + (f", Chromium {info['chromium']}" if "chromium" in info else ""), "",
              server_table(results, args.runs)]
    if not args.skip_browser:
        report += ["", browser_table(results, args.browser_runs)]
    problems = [p for r in results.values() if r.get("browser") for p in r["browser"].problems]
    if problems:
        report += ["", "PROBLEMS:", *sorted(set(problems))]
    print("\n".join(report))
    log(f"done in {time.perf_counter() - started:.0f} s")
    if args.json:
        out = {"machine": info, "argv": sys.argv, "runs": args.runs, "browser_runs": args.browser_runs,
               "datasets": {name: {k: asdict(v) if hasattr(v, "__dataclass_fields__") else v for k, v in r.items()}
                            for name, r in results.items()}}
        Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.explorer_bench", description=__doc__.splitlines()[0])
    p.add_argument("--synthetic-entities", type=int, default=5000)
    p.add_argument("--synthetic-relations", type=int, default=50000, help="relation sentences")
    p.add_argument("--runs", type=int, default=5, help="server-side runs per filter change (after 1 warm-up)")
    p.add_argument("--browser-runs", type=int, default=3, help="fresh servers per dataset in Chromium")
    p.add_argument("--datasets", type=lambda s: [d for d in s.split(",") if d], default=["sample", "synthetic"],
                   help="comma-separated: sample, synthetic (default: both)")
    p.add_argument("--skip-browser", action="store_true", help="server-side timings only")
    p.add_argument("--workdir", help="where the databases and server logs live (default: $TMPDIR/entente-bench)")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    return p


if __name__ == "__main__":
    sys.exit(main())
