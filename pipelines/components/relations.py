"""Typed relations between the entities of one sentence, found by trigger words.

"Putin besucht Nordkorea" -> visits; "wird Putin nach Vietnam reisen" ->
travels_to (planned); "Putins Berater …, Juri Uschakow" -> advisor_to;
a photo caption naming two leaders with a date -> meets.  Entities in one
sentence with no typed relation between them are ``co_mentioned``.
"""

from __future__ import annotations

from itertools import combinations
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from pipelines.components.candidates import Agreement, Candidate, RelationCandidate
from pipelines.components.names import CALENDAR
from pipelines.knowledge.relations import modality_cues, trigger_relation

MODALITY_ORDER = ("denied", "hypothetical", "planned")
DESTINATION_WORDS = frozenset({"in", "nach", "to", "im"})
COORDINATION = frozenset({"und", "and", "sowie"})
MAX_CO_MENTIONED = 6
PLACES = ("country", "place")
MEMBERSHIP_KINDS = frozenset({"bloc", "alliance", "international", "forum"})


def _modality(sent: Span, trigger: Token, lang: str) -> str:
    cues = modality_cues(lang)
    near = {cues[t.lower_] for t in sent if t.lower_ in cues and abs(t.i - trigger.i) <= 4}
    return next((m for m in MODALITY_ORDER if m in near), "reported")


def _nearest(cands: list[Candidate], token: Token, before: bool | None = None) -> Candidate | None:
    pool = [c for c in cands if before is None or (c.end <= token.i if before else c.start > token.i)]
    return min(pool, key=lambda c: min(abs(c.start - token.i), abs(c.end - 1 - token.i)), default=None)


def _destinations(doc: Doc, places: list[Candidate], trigger: Token, limit: int) -> list[Candidate]:
    """Places after "in"/"nach"/"to" following the trigger ("travel on to X, and then to Y"); else the
    nearest marked place before it (German verb-final: "nach Vietnam reisen"); else the next place."""
    marked = [c for c in places if c.start > 0 and doc[c.start - 1].lower_ in DESTINATION_WORDS]
    after = [c for c in marked if trigger.i < c.start < limit]
    if after:
        return after
    before = _nearest(marked, trigger, before=True) or _nearest(places, trigger, before=False)
    return [before] if before else []


def _journey(doc: Doc, relation: str, trigger: Token, ents: list[Candidate], limit: int) -> list[tuple[Candidate, Candidate]]:
    persons = [c for c in ents if c.type == "person"]
    places = [c for c in ents if c.type in PLACES and c.kind == "name"]
    source = _nearest(persons, trigger, before=True) or _nearest(persons, trigger)
    targets = _destinations(doc, places, trigger, limit)
    if relation == "travels_to":
        targets = [t for t in targets if doc[t.start - 1].lower_ in DESTINATION_WORDS]
    return [(source, t) for t in targets] if source else []


def _pair_of_persons(trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    source = _nearest(persons, trigger, before=True) or _nearest(persons, trigger)
    others = [c for c in persons if source and c.id != source.id]
    target = _nearest(others, trigger, before=False) or _nearest(others, trigger)
    return (source, target) if source and target else None


def _is_genitive(doc: Doc, cand: Candidate) -> bool:
    """"Putins", "Putin's", "Berater Putins"."""
    after = doc[cand.end].text if cand.end < len(doc) else ""
    return after in ("'s", "’s", "'") or doc[cand.end - 1].text.endswith("s") and cand.kind == "alias"


def _advisor(doc: Doc, trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    """Whom the adviser serves: a genitive just before the trigger, or after it ("adviser to Putin")."""
    persons = [c for c in ents if c.type == "person"]
    before = [c for c in persons if 0 <= trigger.i - c.end <= 4 and _is_genitive(doc, c)]
    after = [c for c in persons if c.start - trigger.i in (1, 2) and (_is_genitive(doc, c) or doc[c.start - 1].lower_ in ("to", "von"))]
    boss = before[-1] if before else after[0] if after else None
    others = [c for c in persons if boss and c.id != boss.id]
    advisor = _nearest(others, trigger)
    return (advisor, boss) if advisor and boss else None


def _membership(trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    members = [c for c in ents if c.type == "country" and c.kind == "name"]
    orgs = [c for c in ents if c.type == "organization" and c.attrs.get("org_kind") in MEMBERSHIP_KINDS]
    member = _nearest(members, trigger, before=True) or _nearest(members, trigger)
    org = _nearest(orgs, trigger, before=False) or _nearest(orgs, trigger)
    return (member, org) if member and org else None


def _publication(trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    outlets = [c for c in ents if c.type == "organization" and c.attrs.get("org_kind") == "media"]
    person, outlet = _nearest(persons, trigger), _nearest(outlets, trigger)
    return (person, outlet) if person and outlet else None


def _endpoints(doc: Doc, relation: str, trigger: Token, ents: list[Candidate], limit: int) -> list[tuple[Candidate, Candidate]]:
    """Source and target pairs for one trigger; ``limit`` is where the next trigger of the sentence starts."""
    if relation in ("visits", "travels_to"):
        return _journey(doc, relation, trigger, ents, limit)
    if relation == "meets":
        pair = _pair_of_persons(trigger, ents)
    elif relation == "advisor_to":
        pair = _advisor(doc, trigger, ents)
    elif relation == "member_of":
        pair = _membership(trigger, ents)
    else:
        pair = _publication(trigger, ents)
    return [pair] if pair else []


def triggered_relations(doc: Doc, lang: str, sent: Span, index: int, ents: list[Candidate]) -> list[RelationCandidate]:
    """Relations that trigger words of one sentence state."""
    inside = {i for c in ents for i in range(c.start, c.end)}
    triggers = [(t, rel) for t in sent if t.i not in inside and (rel := trigger_relation(t.text, lang))]
    found = []
    for n, (token, relation) in enumerate(triggers):
        limit = triggers[n + 1][0].i if n + 1 < len(triggers) else sent.end
        for source, target in _endpoints(doc, relation, token, ents, limit):
            if source.id != target.id:
                found.append(RelationCandidate(source.id, relation, target.id, index, _modality(sent, token, lang), 0.75))
    return found


def caption_meetings(doc: Doc, sent: Span, index: int, ents: list[Candidate]) -> list[RelationCandidate]:
    """"Putin und Kim Jong-un am 13. September 2023 in …": two persons joined by "und" with a date."""
    persons = [c for c in ents if c.type == "person"]
    if not any(t.text in CALENDAR for t in sent):
        return []
    found = []
    for a, b in zip(persons, persons[1:]):
        between = [t.lower_ for t in doc[a.end : b.start]]
        if a.id != b.id and len(between) <= 6 and COORDINATION & set(between):
            found.append(RelationCandidate(a.id, "meets", b.id, index, "reported", 0.6))
    return found


def attribute_relations(sent_of: Sequence[int], ents: list[Candidate], present: set[str]) -> list[RelationCandidate]:
    """leader_of from role phrases and located_in from the place gazetteer, at the first such mention."""
    found: dict[tuple[str, str, str], RelationCandidate] = {}
    for c in ents:
        leads = c.attrs.get("leads")
        if c.type == "person" and leads in present:
            found.setdefault((c.id, "leader_of", leads), RelationCandidate(c.id, "leader_of", leads, sent_of[c.start], "reported", 0.8))
        country = f"country:{c.attrs['country']}" if c.type in ("place", "organization") and c.attrs.get("country") else ""
        if c.type == "place" and country in present:
            found.setdefault((c.id, "located_in", country), RelationCandidate(c.id, "located_in", country, sent_of[c.start], "reported", 0.7))
    return list(found.values())


def agreement_relations(agreements: list[Agreement]) -> list[RelationCandidate]:
    """party_to from each party and updates to earlier agreements."""
    found = []
    for agreement in agreements:
        head = max(agreement.mentions, key=lambda m: len(m.parties))
        modality = "planned" if agreement.status == "planned" else "reported"
        found += [RelationCandidate(p, "party_to", agreement.id, head.sentence, modality, 0.8) for p in agreement.parties]
        if agreement.update_sentence is not None:
            found += [RelationCandidate(agreement.id, "updates", old, agreement.update_sentence, modality, 0.7) for old in agreement.updates]
    return found


def co_mentions(index: int, ents: list[Candidate], typed: set[frozenset[str]]) -> list[RelationCandidate]:
    """Pairs of entities in one sentence that no typed relation connects."""
    ids = sorted({c.id for c in ents})
    if len(ids) > MAX_CO_MENTIONED:
        return []
    return [
        RelationCandidate(a, "co_mentioned", b, index, "reported", 0.3)
        for a, b in combinations(ids, 2)
        if frozenset((a, b)) not in typed
    ]
