"""Before/after ingest throughput: two checkouts on the same corpus, fresh processes in alternating order.

On a shared machine single timings vary by 2-3x; what one run can tell is the ratio of two trees
measured in the same minutes.  Each round runs one ingest per tree, in a fresh process with that tree's
code (pipeline built and warmed before the clock starts, as in ``bench.ingest_bench``; fresh SQLite
store); the order alternates (A B, B A, ...).  Reported per wall clock and per CPU second of the
ingesting process (with 1 worker all the work, and the steadier figure on a busy machine): words/s per
run, the medians, and the median of the per-round ratios.

    python -m bench.ingest_ab --before /tmp/base [--after .] [--words 300000] [--rounds 3] [--langs de]
                              [--workers 1] [--workdir DIR]

``--before`` / ``--after`` are checkouts of the repository (``--after`` defaults to this one); a
checkout made with ``git clone -q . /tmp/base && git -C /tmp/base checkout COMMIT`` will do.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ingest_bench import WARM_UP, log, throughput_corpus  # noqa: E402


def child(tree: str, corpus: str, lang: str, db: str, workers: str) -> dict[str, float]:
    """One timed ingest with ``tree``'s code (run in a fresh process): wall and CPU seconds of this process,
    the pipeline built and warmed first (as ``bench.ingest_bench`` does)."""
    sys.path.insert(0, tree)
    from pipelines.extract import extract
    from pipelines.ingest import ingest
    from pipelines.nlp import get_nlp
    from pipelines.records import Article

    if not Path(sys.modules["pipelines"].__file__ or "").is_relative_to(tree):
        raise SystemExit(f"pipelines was imported from {sys.modules['pipelines'].__file__}, not from {tree}")
    get_nlp(lang)
    extract(Article(id="warm", key="warm", text=WARM_UP.get(lang, WARM_UP["en"]), lang=lang))
    wall, cpu = time.perf_counter(), time.process_time()
    ingest([corpus], Path(db), workers=int(workers))
    return {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}


def one_ingest(tree: Path, corpus: Path, lang: str, db: Path, workers: int) -> dict[str, float]:
    """``child``'s seconds for one ingest of ``corpus`` by ``tree``'s code into a fresh store."""
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(tree), str(corpus), lang, str(db), str(workers)]
    done = subprocess.run(command, cwd=tree, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


Rates = dict[str, dict[str, list[float]]]  # tree label -> "wall" or "cpu" -> words/s per round


def rounds(trees: dict[str, Path], corpus: Path, words: int, lang: str, count: int, workers: int,
           workdir: Path) -> Rates:
    """Words per wall and per CPU second, per tree label, one run each per round, the order alternating."""
    rates: Rates = {label: {"wall": [], "cpu": []} for label in trees}
    for n in range(count):
        order = list(trees) if n % 2 == 0 else list(reversed(trees))
        for label in order:
            got = one_ingest(trees[label], corpus, lang, workdir / f"ab-{label}-{lang}.sqlite", workers)
            rates[label]["wall"].append(words / got["seconds"])
            rates[label]["cpu"].append(words / got["cpu_seconds"])
            log(f"{lang} round {n + 1} {label}: {words / got['seconds']:,.0f} words/s, "
                f"{words / got['cpu_seconds']:,.0f} words/CPU-s")
    return rates


def table(lang: str, rates: Rates) -> list[str]:
    """Per clock: medians and after/before (median of the per-round ratios)."""
    lines = []
    for clock in ("wall", "cpu"):
        before, after = rates["before"][clock], rates["after"][clock]
        ratios = [a / b for a, b in zip(after, before, strict=True)]
        lines.append(
            f"{lang} words/{clock}-s: before {statistics.median(before):,.0f} ({', '.join(f'{r:,.0f}' for r in before)}), "
            f"after {statistics.median(after):,.0f} ({', '.join(f'{r:,.0f}' for r in after)}), "
            f"after/before {statistics.median(ratios):.3f} (rounds: {', '.join(f'{r:.3f}' for r in ratios)})")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:
        print(json.dumps(child(*argv[1:])))
        return 0
    args = parser().parse_args(argv)
    workdir = Path(args.workdir or Path(tempfile.gettempdir()) / "entente-ingest-bench")
    workdir.mkdir(parents=True, exist_ok=True)
    trees = {"before": Path(args.before).resolve(), "after": Path(args.after).resolve()}
    for lang in args.langs:
        corpus = throughput_corpus(workdir, lang, args.words)
        print(*table(lang, rounds(trees, Path(corpus.path), corpus.words, lang, args.rounds, args.workers, workdir)),
              sep="\n", flush=True)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.ingest_ab", description=__doc__.splitlines()[0])
    p.add_argument("--before", required=True, help="checkout of the 'before' tree")
    p.add_argument("--after", default=str(ROOT), help="checkout of the 'after' tree (default: this one)")
    p.add_argument("--words", type=int, default=300_000, help="words of the generated corpus per language")
    p.add_argument("--rounds", type=int, default=3, help="rounds; each runs one ingest per tree")
    p.add_argument("--langs", type=lambda s: [x for x in s.split(",") if x], default=["de"])
    p.add_argument("--workers", type=int, default=1, help="--workers of each ingest")
    p.add_argument("--workdir", help="corpora and stores (default: $TMPDIR/entente-ingest-bench)")
    return p


if __name__ == "__main__":
    sys.exit(main())
