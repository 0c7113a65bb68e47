"""Dates and evidence an export carries, on the sample database built with the real ingest code."""

from __future__ import annotations

from explorer.data import Snapshot
from explorer.export_context import MAX_CHARS, MAX_SENTENCES, evidence_dates, export_evidence
from explorer.text import iso_day
from pipelines.store import Store

PUTIN = "person:wladimir-putin"
VISIT = ("person:wladimir-putin", "visits", "country:KP")


def test_evidence_dates_are_the_first_and_last_dated_articles(store: Store, snapshot: Snapshot) -> None:
    edge = "|".join(VISIT)
    dates = evidence_dates(snapshot, [PUTIN, "nobody:here"], [edge])
    mentioned = {iso_day(row["document_published"]) for row in store.mentions(PUTIN)} - {""}
    related = {iso_day(row["document_published"]) for row in store.evidence(*VISIT)} - {""}
    assert dates[PUTIN][0] <= min(mentioned) and dates[PUTIN][1] >= max(mentioned)
    assert dates[edge] == (min(related), max(related)) and dates[edge][0] < dates[edge][1]
    assert "nobody:here" not in dates


def test_export_evidence_gives_a_few_sentences_per_item(store: Store) -> None:
    nodes = [{"id": PUTIN, "weight": 50}]
    edges = [{"id": "|".join(VISIT), "from": VISIT[0], "to": VISIT[2], "relation": VISIT[1], "support": 9}]
    found = export_evidence(store, nodes, edges, {PUTIN: "Wladimir Putin", "country:KP": "North Korea"})
    person, visit = found[PUTIN], found["|".join(VISIT)]
    assert person["title"] == "Wladimir Putin" and len(person["sentences"]) == MAX_SENTENCES
    assert person["more"] == 50 - MAX_SENTENCES
    assert visit["title"] == "Wladimir Putin —visits→ North Korea"
    assert visit["sentences"] and all(s["text"] and len(s["text"]) <= MAX_CHARS for s in visit["sentences"])
    assert all(s["date"][:2] == "20" for s in visit["sentences"])
