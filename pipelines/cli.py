"""The command line: ``python -m pipelines ingest|extract|export|evaluate|curate|diff``.

Exit codes: 0 success (some inputs may have been rejected and are listed),
1 nothing could be read or the database/export failed, 2 usage error,
130 interrupted (what was saved before stays saved).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from tqdm import tqdm

from pipelines import curate_cli
from pipelines.backends import public_target
from pipelines.changes import BY, LAST_INGEST, BadDate, changes_in, checked_day
from pipelines.errors import EntenteError
from pipelines.exports import FORMATS, nodes_csv_path, write_export
from pipelines.extract import extract_safely
from pipelines.goldfiles import FORMATS as FORMATS_GOLD
from pipelines.goldfiles import read_gold, sentences_with_limit
from pipelines.graph import build_graph
from pipelines.ingest import ENGINES, ingest
from pipelines.language import normalize_code
from pipelines.ner_eval import NerReport, evaluate_sentences
from pipelines.records import Article, Rejection
from pipelines.sample_eval import SampleReport, evaluate_gold
from pipelines.sources import read_paths
from pipelines.store import Store, default_db_path

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DB_HELP = "database file or postgresql:// URL (default: $KG_DB, else data/entente.sqlite)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipelines", description="Entente: news articles to a knowledge graph.")
    sub = parser.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="read articles into the database")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for JSONL on stdin")
    ing.add_argument("--db", help=DB_HELP)
    ing.add_argument("--lang", default="auto", type=_language, help="language of the articles: auto (detect per article), de, en, …")
    ing.add_argument("--workers", type=int, help="worker processes for extraction (default 1; 2 for a local Dask cluster)")
    ing.add_argument("--engine", choices=ENGINES, default="processes",
                     help="where extraction runs: local processes (default) or a Dask cluster")
    ing.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address, e.g. tcp://host:8786 (default: start a local cluster)")
    ext = sub.add_parser("extract", help="write one JSON extraction record per article to stdout")
    ext.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; none or - reads JSONL from stdin")
    ext.add_argument("--lang", default="auto", type=_language, help="language of the articles (default: auto)")
    exp = sub.add_parser("export", help="export the graph for Gephi, networkx or spreadsheets")
    exp.add_argument("--db", help=DB_HELP)
    exp.add_argument("--format", required=True, choices=FORMATS)
    exp.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    ev = sub.add_parser("evaluate", help="score the recogniser on gold NER data (GermEval 2014, CoNLL-2003 style) "
                        "or the whole extraction on the gold sample articles (sample)")
    ev.add_argument("file", type=Path, metavar="FILE", help="gold file; for --format sample the gold folder (or one .yaml)")
    ev.add_argument("--format", required=True, choices=(*FORMATS_GOLD, "sample"))
    ev.add_argument("--lang", default="de", type=_language, help="language of the gold text (default: de; sample: each article's own)")
    ev.add_argument("--errors", action="store_true",
                    help="sample: also print each article's false negatives (-) and false positives (+) per task")
    ev.add_argument("--limit", type=int, help="score only the first N sentences (sample: gold files)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    curate_cli.add_parser(sub, DB_HELP)
    dif = sub.add_parser("diff", help="entities and relations new since a date (and those that vanished), as JSON")
    dif.add_argument("--since", required=True, type=_since, help=f"YYYY-MM-DD, or {LAST_INGEST} (the latest ingest run)")
    dif.add_argument("--until", type=_day, help="YYYY-MM-DD, inclusive (default: open)")
    dif.add_argument("--by", choices=BY, default="published", help="date the periods by published (default) or ingested_at")
    dif.add_argument("--db", help=DB_HELP)
    return parser


def _language(value: str) -> str:
    """A --lang value, checked while parsing the arguments: an unknown one is a usage error (exit 2)."""
    try:
        normalize_code(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from err
    return value


def _since(value: str) -> str:
    return value if value == LAST_INGEST else _day(value)


def _day(value: str) -> str:
    """A date argument, checked while parsing: a bad one is a usage error (exit 2) naming it."""
    try:
        return checked_day(value)
    except BadDate as err:
        raise argparse.ArgumentTypeError(str(err)) from err


def _lang(value: str) -> str | None:
    return None if value == "auto" else value


def cmd_ingest(args: argparse.Namespace) -> int:
    db = args.db or default_db_path()
    workers = max(1, args.workers or (2 if args.engine == "dask" else 1))
    with tqdm(unit="doc", disable=None, file=sys.stderr) as bar:
        report = ingest(args.paths, db, _lang(args.lang), workers, bar.update, args.engine, args.scheduler)
    print(report.summary())
    print(f"database: {public_target(db)}")
    return EXIT_OK if report.read else EXIT_FAILED


def cmd_extract(args: argparse.Namespace) -> int:
    written, items = 0, read_paths(args.paths or ["-"], _lang(args.lang))
    for _, record in extract_safely(_articles_reporting(items)):
        if isinstance(record, Rejection):
            print(f"rejected: {record}", file=sys.stderr)
            continue
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        written += 1
    return EXIT_OK if written else EXIT_FAILED


def _articles_reporting(items: Iterable[Article | Rejection]) -> Iterator[Article]:
    """Articles from ``items``; rejections and warnings are reported on stderr as they come."""
    for item in items:
        if isinstance(item, Rejection):
            print(f"rejected: {item}", file=sys.stderr)
            continue
        for notice in item.notices:
            print(f"warning: {notice}", file=sys.stderr)
        yield item


def cmd_export(args: argparse.Namespace) -> int:
    with Store.open_existing(args.db or default_db_path()) as store:
        write_export(build_graph(store), args.format, args.output)
    if args.output:
        extra = f" and {nodes_csv_path(args.output)}" if args.format == "csv" else ""
        print(f"wrote {args.output}{extra}", file=sys.stderr)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    report: NerReport | SampleReport
    if args.format == "sample":
        report = evaluate_gold(args.file, args.limit)
    else:
        report = evaluate_sentences(sentences_with_limit(read_gold(args.file, args.format), args.limit), args.lang)
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.table())
    if args.errors and isinstance(report, SampleReport):
        print(report.errors())
    return EXIT_OK if (report.sentences if isinstance(report, NerReport) else report.articles) else EXIT_FAILED


def cmd_diff(args: argparse.Namespace) -> int:
    db = args.db or default_db_path()
    if args.until and args.since != LAST_INGEST and args.until < args.since[: len(args.until)]:
        print(f"error: --until {args.until} is before --since {args.since}: give an --until on or after it", file=sys.stderr)
        return EXIT_USAGE
    with Store.open_existing(db) as store:
        report = changes_in(store, args.since, args.until or "", args.by)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return EXIT_OK


COMMANDS = {"ingest": cmd_ingest, "extract": cmd_extract, "export": cmd_export, "evaluate": cmd_evaluate,
            "curate": curate_cli.cmd_curate, "diff": cmd_diff}


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; errors are printed as one line each, never as a traceback."""
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "scheduler", None) and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")  # exit 2 with the usage, like every usage error
    try:
        return COMMANDS[args.command](args)
    except EntenteError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted: batches saved before the interruption are kept; run the same command again to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
