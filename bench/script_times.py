"""The explorer's script time on the server, without a browser: a warm first page and filter changes.

    python -m bench.script_times --db FILE [--tree DIR] [--runs 5]

Runs ``explorer/app.py`` of ``--tree`` (default: this checkout) in Streamlit's ``AppTest``, in this
process: one first page fills the caches, then each of ``--runs`` rounds opens a new session (a warm
first page), ticks "Hide co-mentioned edges" (a new view in round 1, a cached one after) and
unticks it again (back to the default view).  Prints the medians (and minima) in ms.  This is the Python side of a
rerun only: what the script costs before the browser gets the last message, and what keeps the
server's thread (which also serves the page's files) busy.  Compare trees by running it once per
tree, in alternating order.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(step: Callable[[], object]) -> float:
    """Seconds ``step`` took."""
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def rounds(app: str, runs: int) -> dict[str, list[float]]:
    """Seconds per step and round (``first``: a new session's page, ``hidden``/``shown``: the
    co-mentions checkbox ticked and unticked again)."""
    from streamlit.testing.v1 import AppTest

    AppTest.from_file(app, default_timeout=300).run()  # the cold page: snapshot, first views
    times: dict[str, list[float]] = {"first": [], "hidden": [], "shown": []}
    for _ in range(runs):
        at = AppTest.from_file(app, default_timeout=300)
        times["first"].append(timed(at.run))
        box = at.sidebar.checkbox(key="f_hide_co_mentioned")
        times["hidden"].append(timed(box.check().run))
        box = at.sidebar.checkbox(key="f_hide_co_mentioned")
        times["shown"].append(timed(box.uncheck().run))
    return times


def report(tree: Path, times: dict[str, list[float]]) -> str:
    def ms(values: list[float]) -> str:
        return f"{1000 * statistics.median(values):.0f} (min {1000 * min(values):.0f})"

    return (f"{tree}: warm first page {ms(times['first'])} ms, co-mentions hidden {ms(times['hidden'])} ms "
            f"[round 1, a new view: {1000 * times['hidden'][0]:.0f}], shown again {ms(times['shown'])} ms")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    tree = Path(args.tree).resolve()
    os.environ["KG_DB"] = str(Path(args.db).resolve())
    sys.path.insert(0, str(tree))  # the tree's own packages (its app.py puts its root first as well)
    print(report(tree, rounds(str(tree / "explorer" / "app.py"), args.runs)))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.script_times", description=__doc__.splitlines()[0])
    p.add_argument("--db", required=True, help="the database (KG_DB)")
    p.add_argument("--tree", default=str(ROOT), help="checkout whose explorer runs (default: this one)")
    p.add_argument("--runs", type=int, default=5, help="rounds after the cold page")
    return p


if __name__ == "__main__":
    sys.exit(main())
