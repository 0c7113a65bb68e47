"""``python -m pipelines curate …``: take, undo and list curation decisions from scripts.

Exit codes: 0 done, 1 the database failed, 2 a bad request (unknown id, merging an entity with
itself, unknown type, no such decision); the store is unchanged on 1 and 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from pipelines import curating
from pipelines.decisions import CurationError, Decision, describe
from pipelines.records import ENTITY_TYPES
from pipelines.store import Store, default_db_path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# subcommand -> (decision kind, argument names, payload keys, help)
TAKE: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], str]] = {
    "merge": ("merge", ("A", "B"), ("keep", "drop"), "merge entity B into entity A (A keeps its id and name)"),
    "rename": ("rename", ("ID", "LABEL"), ("entity", "label"), "give an entity another name"),
    "retype": ("retype", ("ID", "TYPE"), ("entity", "type"), f"change an entity's type ({', '.join(ENTITY_TYPES)})"),
    "split": ("split", ("ID", "ALIAS"), ("entity", "alias"), "make the sentences naming ID as ALIAS an entity of their own"),
    "reject-entity": ("reject-entity", ("ID",), ("entity",), "hide an entity with its mentions and relations"),
    "reject-relation": ("reject-relation", ("EDGE_ID",), ("edge",), "hide one relation (SOURCE|RELATION|TARGET)"),
}


def add_parser(sub: Any, db_help: str) -> None:
    """The ``curate`` command and its subcommands."""
    cur = sub.add_parser("curate", help="merge, rename, retype, split or reject entities and relations; undo; list")
    cur.add_argument("--db", help=db_help)
    cur.add_argument("--by", default=os.environ.get("USER", ""), metavar="NAME", help="who decides (default: $USER)")
    # --by also after the subcommand; SUPPRESS keeps a subcommand from resetting it to a default.
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", default=argparse.SUPPRESS, metavar="NAME", help="who decides")
    actions = cur.add_subparsers(dest="action", required=True)
    for name, (_, args, _, text) in TAKE.items():
        action = actions.add_parser(name, help=text, parents=[by])
        for arg in args:
            action.add_argument(arg)
    actions.add_parser("undo", help="undo a decision", parents=[by]).add_argument("DECISION_ID")
    actions.add_parser("restore", help="undo the rejection of an entity or relation", parents=[by]).add_argument("ID")
    listing = actions.add_parser("list", help="the decisions taken (undone ones marked)")
    listing.add_argument("--rejected", action="store_true", help="only the rejected entities and relations that are still rejected")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")


def cmd_curate(args: argparse.Namespace) -> int:
    """Run one curate subcommand; a bad request is one ``error:`` line and exit 2."""
    with Store.open_existing(args.db or default_db_path()) as store:
        try:
            _run(store, args)
        except CurationError as err:
            print(f"error: {err}", file=sys.stderr)
            return EXIT_USAGE
    return EXIT_OK


def _run(store: Store, args: argparse.Namespace) -> None:
    labels = _labels(store)  # before the decision: a merged-away entity is still named
    if args.action in TAKE:
        kind, names, keys, _ = TAKE[args.action]
        payload = {key: getattr(args, name) for name, key in zip(names, keys, strict=True)}
        _say(labels, "decision", curating.take(store, kind, payload, args.by))
    elif args.action == "undo":
        _say(labels, "undone", curating.undo(store, curating.require_int(args.DECISION_ID), args.by))
    elif args.action == "restore":
        for decision in curating.restore(store, args.ID, args.by):
            _say(labels, "undone", decision)
    else:
        _list(store, labels, args.rejected, args.json)


def _say(labels: dict[str, str], what: str, decision: Decision) -> None:
    print(f"{what} {decision.id}: {describe(decision, labels)}" + (f" (by {decision.who})" if decision.who else ""))


def _labels(store: Store) -> dict[str, str]:
    return {row["id"]: row["label"] for row in store.entity_rows()}


def _list(store: Store, labels: dict[str, str], only_rejected: bool, as_json: bool) -> None:
    if only_rejected:
        for item in curating.rejected(store):
            row = {"item": item.item, "kind": item.kind, **_fields(item.decision)}
            print(json.dumps(row, ensure_ascii=False) if as_json else
                  f"{item.kind} {item.item}  (decision {item.decision.id}, {_who_when(item.decision)})")
        return
    for decision in store.decisions():
        print(json.dumps(_fields(decision), ensure_ascii=False) if as_json else _line(decision, labels))


def _fields(decision: Decision) -> dict[str, Any]:
    return decision.to_dict()


def _line(decision: Decision, labels: dict[str, str]) -> str:
    undone = f"  [undone {decision.undone_at}" + (f" by {decision.undone_by}]" if decision.undone_by else "]") if decision.undone_at else ""
    return f"{decision.id}  {describe(decision, labels)}  ({_who_when(decision)}){undone}"


def _who_when(decision: Decision) -> str:
    return f"{decision.who or 'someone'}, {decision.decided_at}"
