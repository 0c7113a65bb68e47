"""Did a speed change alter what is extracted?  Dump a store's extraction, sorted, and compare.

    python -m bench.output_check --save FILE [--words 200000] [--langs de,en]
    python -m bench.output_check --against FILE [--words 200000] [--langs de,en]

Ingests (1 worker, fresh SQLite stores in ``--workdir``) the throughput bench's generated corpora
(``bench.ingest_bench.throughput_corpus``, the first ``--words`` words of each language) and
``sample_data/``, then writes every entity, alias, mention, relation and sentence as one sorted
text line each.  ``--save`` keeps the dump (run it on the code before the change); ``--against``
compares with a kept dump and prints the first differing lines; exit status 1 when they differ.
"""

from __future__ import annotations

import argparse
import difflib
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ingest_bench import throughput_corpus  # noqa: E402

# One query per extracted table; document ids are replaced by document keys so the dump does not
# depend on the order of ingestion.
QUERIES = {
    "entity": "SELECT id, type, label, attrs FROM entities",
    "alias": "SELECT entity_id, alias, name_key, lang FROM aliases",
    "mention": "SELECT d.key, m.entity_id, m.start_char, m.end_char, m.text, m.sentence_idx, m.method, m.score, m.kind"
    " FROM mentions m JOIN documents d ON d.id = m.document_id",
    "relation": "SELECT d.key, r.source, r.relation, r.target, r.sentence_idx, r.evidence, r.modality, r.score"
    " FROM relations r JOIN documents d ON d.id = r.document_id",
    "sentence": "SELECT d.key, s.idx, s.start_char, s.end_char FROM sentences s JOIN documents d ON d.id = s.document_id",
}


def dump_lines(db: Path, tag: str) -> Iterator[str]:
    """Every extracted row of the store at ``db`` as a tab-separated line, prefixed by ``tag`` and table;
    the keys of files in this checkout are relative to it, so that two checkouts' dumps compare."""
    here = f"{ROOT}/"
    with sqlite3.connect(db) as connection:
        for table, query in QUERIES.items():
            for row in connection.execute(query):
                yield "\t".join([tag, table, *map(str, row)]).replace(here, "")


def ingested(paths: Sequence[Path | str], db: Path) -> Path:
    """A fresh store at ``db`` holding ``paths`` (files or folders), ingested with 1 worker."""
    from pipelines.ingest import ingest

    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    report = ingest(list(paths), db, workers=1)
    if report.rejected:
        raise SystemExit(f"{len(report.rejected)} articles were rejected while ingesting {paths}")
    return db


def dump(workdir: Path, langs: Sequence[str], words: int) -> list[str]:
    """The sorted dump of the bench corpora of ``langs`` (``words`` each) and of ``sample_data``."""
    lines: list[str] = []
    for lang in langs:
        corpus = throughput_corpus(workdir, lang, words)
        lines += dump_lines(ingested([corpus.path], workdir / f"check-{lang}.sqlite"), lang)
    lines += dump_lines(ingested([ROOT / "sample_data"], workdir / "check-sample.sqlite"), "sample")
    return sorted(lines)


def compare(kept: list[str], now: list[str], shown: int = 40) -> int:
    """0 when the dumps are equal; otherwise print the first ``shown`` lines of their diff and return 1."""
    if kept == now:
        print(f"identical: {len(now):,} lines")
        return 0
    diff = list(difflib.unified_diff(kept, now, "kept", "now", n=0, lineterm=""))
    print(f"DIFFERENT: {len(kept):,} kept lines, {len(now):,} now, {len(diff)} diff lines; first ones:")
    print("\n".join(diff[:shown]))
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    workdir = Path(args.workdir or Path(tempfile.gettempdir()) / "entente-ingest-bench")
    workdir.mkdir(parents=True, exist_ok=True)
    now = dump(workdir, args.langs, args.words)
    if args.save:
        Path(args.save).write_text("\n".join(now) + "\n", encoding="utf-8")
        print(f"saved {len(now):,} lines to {args.save}")
        return 0
    return compare(Path(args.against).read_text(encoding="utf-8").splitlines(), now)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.output_check", description=__doc__.splitlines()[0])
    goal = p.add_mutually_exclusive_group(required=True)
    goal.add_argument("--save", metavar="FILE", help="write the dump of the current code to FILE")
    goal.add_argument("--against", metavar="FILE", help="compare the current code's dump with FILE")
    p.add_argument("--words", type=int, default=200_000, help="words per language of the bench corpus")
    p.add_argument("--langs", type=lambda s: [x for x in s.split(",") if x], default=["de", "en"])
    p.add_argument("--workdir", help="corpora and stores (default: $TMPDIR/entente-ingest-bench)")
    return p


if __name__ == "__main__":
    raise SystemExit(main())
