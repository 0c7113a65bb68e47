"""Finding entity mentions in a Doc: gazetteers, name rules, cue-word rules and a trained NER if present."""

from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc

from pipelines.components.candidates import Candidate
from pipelines.components.gazetteer import Gazetteer
from pipelines.components.names import find_persons, is_name_token
from pipelines.keys import entity_id
from pipelines.knowledge.people import first_names

# Words after which a capitalised name is a news outlet or source ("(Foto: Sputnik)").
SOURCE_CUES = frozenset({"Foto", "Fotos", "Bild", "Quelle", "Photo", "Source", "Credit"})
MEDIA_CUES = frozenset({"Zeitung", "Tageszeitung", "Nachrichtenagentur", "Agentur", "Sender", "newspaper", "daily", "agency", "broadcaster"})
PLACE_CUES = frozenset({"Region", "Provinz", "Stadt", "Hafenstadt", "Hauptstadt", "Republik", "Gebiet", "province", "city", "region", "port"})
ORG_SUFFIXES = (
    "partei", "bank", "ministerium", "agentur", "konzern", "gruppe", "kommission", "stiftung", "institut",
    "universität", "gericht", "verband", "Party", "Bank", "Ministry", "Agency", "Group", "Council",
    "Commission", "Institute", "University", "Court", "Corporation", "Company", "Association", "Fund", "AG", "GmbH",
)
MODEL_TYPES = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place", "GPE": "place", "NORP": ""}
PRIORITY = {"gazetteer": 3, "rule": 2, "model": 1}


def gazetteer_candidates(doc: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    """Every known country, adjective, place and organisation in the doc."""
    words = [t.text for t in doc]
    return [
        Candidate(start, end, e.type, e.id, e.label, "gazetteer", e.score, e.kind, dict(e.attrs))
        for start, end, e in gazetteer.find(words)
        if e.type
    ]


def _capitalised_run(doc: Doc, start: int, blocked: set[int], limit: int = 4) -> int:
    end = start
    while end < len(doc) and end - start < limit and is_name_token(doc[end], blocked):
        end += 1
    return end


def cue_candidates(doc: Doc, blocked: set[int]) -> list[Candidate]:
    """Outlets after "Foto:" or "Zeitung", places after "Region"/"Provinz"."""
    found = []
    for token in doc[:-1]:
        start = token.i + 2 if token.text in SOURCE_CUES and doc[token.i + 1].text == ":" else token.i + 1
        if token.text in SOURCE_CUES | MEDIA_CUES or token.text in PLACE_CUES:
            end = _capitalised_run(doc, start, blocked) if start < len(doc) else start
            if end > start:
                kind = "place" if token.text in PLACE_CUES else "organization"
                found.append(_rule_candidate(doc, start, end, kind, {"org_kind": "media"} if kind == "organization" else {}))
    return found


def suffix_candidates(doc: Doc, blocked: set[int]) -> list[Candidate]:
    """Organisations named with a cue word: "Deutsche Bank", "Ministry of Defence"."""
    found = []
    for token in doc:
        if token.i in blocked or not token.text.endswith(ORG_SUFFIXES) or not token.text[0].isupper():
            continue
        start = token.i
        while start > 0 and is_name_token(doc[start - 1], blocked) and token.i - start < 3:
            start -= 1
        end = token.i + 1
        if end + 1 < len(doc) and doc[end].text == "of" and doc[end + 1].text[0].isupper():
            end += 2
        if end - start >= 2:
            found.append(_rule_candidate(doc, start, end, "organization", {}))
    return found


def _rule_candidate(doc: Doc, start: int, end: int, etype: str, attrs: dict) -> Candidate:  # type: ignore[type-arg]
    label = doc[start:end].text
    return Candidate(start, end, etype, entity_id(etype, label), label, "rule", 0.7, "name", attrs)


def model_candidates(doc: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    """Entities from a trained NER, typed via the gazetteer where it knows the name."""
    found = []
    for ent in doc.ents:
        etype = MODEL_TYPES.get(ent.label_)
        if not etype:
            continue
        known = gazetteer.find([t.text for t in ent])
        if known and known[0][1] - known[0][0] == len(ent):
            continue  # the gazetteer already has it, with a canonical id
        label = re.sub(r"\s+", " ", ent.text)
        found.append(Candidate(ent.start, ent.end, etype, entity_id(etype, label), label, "model", 0.6))
    return found


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer first, then gazetteer over rule over model."""
    ranked = sorted(candidates, key=lambda c: (-c.length, -PRIORITY[c.method], c.start))
    taken: set[int] = set()
    chosen = []
    for cand in ranked:
        span = set(range(cand.start, cand.end))
        if not span & taken:
            chosen.append(cand)
            taken |= span
    return sorted(chosen, key=lambda c: c.start)


def covered(candidates: Iterable[Candidate]) -> set[int]:
    """Token indexes inside any candidate."""
    return {i for c in candidates for i in range(c.start, c.end)}


def find_entities(doc: Doc, lang: str, gazetteer: Gazetteer) -> list[Candidate]:
    """All entity candidates of the doc, overlaps resolved."""
    known = select(gazetteer_candidates(doc, gazetteer))
    # A one-word place that is also a given name ("Vladimir", "Santiago") may open a person's name.
    given = first_names()
    blocked = covered(c for c in known if not (c.type == "place" and c.length == 1 and doc[c.start].text in given))
    owner_at = {i: c.id for c in known if c.type in ("country", "organization") for i in range(c.start, c.end)}
    persons = find_persons(doc, lang, blocked, owner_at)
    ruled = cue_candidates(doc, blocked) + suffix_candidates(doc, blocked)
    return select(known + persons + ruled + model_candidates(doc, gazetteer))
