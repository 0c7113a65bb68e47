"""Before/after in Chromium: two explorer trees on one database, fresh servers in alternating order.

On a shared machine single timings vary by 2-3x; what one run can tell is the ratio of two trees
measured in the same minutes.  Each round starts a fresh ``streamlit run`` of one tree, measures a
cold page, ``--warm`` warm pages (``explorer_bench.page_times``: first draw, co-mentions click,
search + Enter) and ``--warm`` returning browsers (``explorer_bench.returning_times``: the second
navigation of one browser context, HTTP and code caches warm), stops it and does the same for the other tree; the order alternates (A B, B A, ...).

    python -m bench.explorer_ab --before /tmp/base --db FILE [--after .] [--rounds 2] [--warm 2] [--after-first]
                                [--search kolapela] [--json FILE]

``--before`` / ``--after`` are checkouts of the repository (``--after`` defaults to this one); a
checkout made with ``git clone -q . /tmp/base && git -C /tmp/base checkout COMMIT`` will do.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.explorer_bench import log, page_times, returning_times  # noqa: E402

STEPS = ("first_draw_ms", "co_ms", "search_ms", "first_cpu_ms", "co_cpu_ms", "search_cpu_ms",
         "first_thread_ms", "co_thread_ms", "search_thread_ms",
         "first_ws_kib", "co_ws_kib", "search_ws_kib")
KINDS = ("cold", "warm", "returning")


def one_server(browser: Any, tree: Path, db: Path, search: str, warm: int, log_path: Path,
               problems: list[str]) -> dict[str, list[dict[str, Any]]]:
    """A fresh server of ``tree``'s explorer: one cold page, then ``warm`` warm pages and ``warm``
    returning browsers."""
    from tests.e2e.harness import start_streamlit, stop_streamlit

    # the tree's own packages first: its app.py puts its root on sys.path itself
    server = start_streamlit(tree / "explorer" / "app.py", log_path, {"KG_DB": str(db), "PYTHONPATH": str(tree)},
                             timeout=120)
    try:
        cold = asdict(page_times(browser, server.url, search, problems))
        warm_pages = [asdict(page_times(browser, server.url, search, problems)) for _ in range(warm)]
        back = [asdict(returning_times(browser, server.url, problems)) for _ in range(warm)]
        return {"cold": [cold], "warm": warm_pages, "returning": back}
    finally:
        stop_streamlit(server)


def rounds(trees: dict[str, Path], db: Path, search: str, count: int, warm: int, workdir: Path) -> tuple[dict[str, Any], list[str]]:
    """Every page's times per tree label, over ``count`` rounds in alternating order (the first
    round in the order of ``trees``)."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.harness import launch_chromium

    pages: dict[str, dict[str, list[dict[str, Any]]]] = {label: {kind: [] for kind in KINDS} for label in trees}
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for n in range(count):
                order = list(trees) if n % 2 == 0 else list(reversed(trees))
                for label in order:
                    got = one_server(browser, trees[label], db, search, warm, workdir / f"ab-{label}-{n}.log", problems)
                    for kind in KINDS:
                        pages[label][kind] += got[kind]
                    log(f"round {n + 1} {label}: " + ", ".join(
                        f"{s} {statistics.median(p[s] for p in got['warm']):.0f}" for s in STEPS) + " ms (warm median)")
        finally:
            browser.close()
    return pages, problems


def table(pages: dict[str, Any]) -> str:
    """Medians per step, cold, warm and returning, and after/before."""
    before, after = pages["before"], pages["after"]
    lines = [f"{'step':<16} {'kind':<9} {'before':>8} {'after':>8} {'after/before':>13}"]
    for kind in KINDS:
        for step in (s for s in STEPS if s in before[kind][0]):
            b = statistics.median(p[step] for p in before[kind])
            a = statistics.median(p[step] for p in after[kind])
            lines.append(f"{step:<16} {kind:<9} {b:>8.0f} {a:>8.0f} {a / b:>13.2f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="entente-ab-"))
    trees = {"before": Path(args.before).resolve(), "after": Path(args.after).resolve()}
    if args.after_first:
        trees = dict(reversed(trees.items()))
    pages, problems = rounds(trees, Path(args.db).resolve(), args.search, args.rounds, args.warm, workdir)
    print(table(pages))
    if problems:
        print("PROBLEMS:", *sorted(set(problems)), sep="\n")
    if args.json:
        Path(args.json).write_text(json.dumps({"argv": sys.argv, "pages": pages, "problems": problems}, indent=2),
                                   encoding="utf-8")
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.explorer_ab", description=__doc__.splitlines()[0])
    p.add_argument("--before", required=True, help="checkout of the 'before' tree")
    p.add_argument("--after", default=str(ROOT), help="checkout of the 'after' tree (default: this one)")
    p.add_argument("--db", required=True, help="the database both servers open (KG_DB)")
    p.add_argument("--rounds", type=int, default=2, help="rounds; each starts one fresh server per tree")
    p.add_argument("--warm", type=int, default=2, help="warm pages per server (after the cold one)")
    p.add_argument("--after-first", action="store_true", help="start with the 'after' tree (to alternate across runs)")
    p.add_argument("--search", default="kolapela", help="the text typed into the sidebar's search box")
    p.add_argument("--json", metavar="FILE", help="also write every page's times as JSON")
    return p


if __name__ == "__main__":
    sys.exit(main())
