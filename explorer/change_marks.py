""""What changed" in the explorer: ``pipelines.changes`` on the snapshot's rows, and the ids the
graph marks as new.  Pure functions; the controls are in ``explorer.views.changes``."""

from __future__ import annotations

from typing import Any

from explorer.data import Snapshot
from explorer.i18n import DEFAULT_LANGUAGE, counted, translate
from pipelines.changes import LAST_INGEST, Rows, changes, last_ingest


def snapshot_rows(snapshot: Snapshot) -> Rows:
    """The rows a diff reads, from the snapshot's frames (no store round trip)."""
    docs = snapshot.documents
    ingested = docs["ingested_at"] if "ingested_at" in docs else [""] * len(docs)
    documents = dict(zip(docs["id"], zip(docs["published"], ingested, strict=True), strict=True))
    m, r, e = snapshot.mentions, snapshot.relations, snapshot.entities
    mentions = list(zip(m["entity_id"].astype("str"), m["document_id"].astype("str"), m["count"].tolist(), strict=True))
    relations = list(zip(r["source"], r["relation"], r["target"], r["document_id"], strict=True))
    return Rows(documents, mentions, relations, dict(zip(e["id"], zip(e["label"], e["type"], strict=True), strict=True)))


def diff_of(snapshot: Snapshot, since: str, until: str = "", by: str = "published") -> dict[str, Any]:
    """``pipelines.changes.changes`` for the snapshot; ``since`` may be ``LAST_INGEST``."""
    rows = snapshot_rows(snapshot)
    if since == LAST_INGEST:
        since, by = last_ingest(ingested for _, ingested in rows.documents.values()), "ingested"
    return changes(rows, since, until, by)


def new_ids(diff: dict[str, Any]) -> frozenset[str]:
    """Entity and relation ids that are new in the later period (what the graph marks)."""
    return frozenset(item["id"] for part in ("entities", "relations") for item in diff[part]["new"])


def headline(diff: dict[str, Any], lang: str = DEFAULT_LANGUAGE) -> str:
    """ "4 new entities, 6 new relations; vanished: 1 entity, 2 relations" (plain text in ``lang``)."""
    e, r = diff["entities"]["counts"], diff["relations"]["counts"]
    return translate(lang, "ch_headline", new_entities=counted(lang, e["new"], "new_entity"),
                     new_relations=counted(lang, r["new"], "new_relation"),
                     entities=counted(lang, e["vanished"], "entity"), relations=counted(lang, r["vanished"], "relation"))
