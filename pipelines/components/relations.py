"""Typed relations between the entities of one sentence, found by trigger words.

"Putin besucht Nordkorea" -> visits; "wird Putin nach Vietnam reisen" ->
travels_to (planned); "Putins Berater …, Juri Uschakow" -> advisor_to;
a photo caption naming two leaders with a date -> meets.  Entities in one
sentence with no typed relation between them are ``co_mentioned``.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Doc, Span, Token

from pipelines.components.candidates import Agreement, Candidate, RelationCandidate
from pipelines.components.names import CALENDAR
from pipelines.knowledge.relations import modality_cues, trigger_relation

MODALITY_ORDER = ("denied", "hypothetical", "planned")
DESTINATION_WORDS = frozenset({"in", "nach", "to", "im"})
COORDINATION = frozenset({"und", "and", "sowie"})
MAX_CO_MENTIONED = 6
PLACES = ("country", "place")


def _modality(sent: Span, trigger: Token, lang: str) -> str:
    cues = modality_cues(lang)
    near = {cues[t.lower_] for t in sent if t.lower_ in cues and abs(t.i - trigger.i) <= 4}
    return next((m for m in MODALITY_ORDER if m in near), "reported")


def _nearest(cands: list[Candidate], token: Token, before: bool | None = None) -> Candidate | None:
    pool = [c for c in cands if before is None or (c.end <= token.i if before else c.start > token.i)]
    return min(pool, key=lambda c: min(abs(c.start - token.i), abs(c.end - 1 - token.i)), default=None)


def _destination(doc: Doc, places: list[Candidate], trigger: Token) -> Candidate | None:
    """The place after "in"/"nach"/"to" nearest the trigger, else the nearest place after it."""
    marked = [c for c in places if c.start > 0 and doc[c.start - 1].lower_ in DESTINATION_WORDS]
    return _nearest(marked, trigger) or _nearest(places, trigger, before=False)


def _journey(doc: Doc, relation: str, trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    places = [c for c in ents if c.type in PLACES and c.kind == "name"]
    source = _nearest(persons, trigger, before=True) or _nearest(persons, trigger)
    target = _destination(doc, places, trigger)
    if relation == "travels_to" and target and doc[target.start - 1].lower_ not in DESTINATION_WORDS:
        return None
    return (source, target) if source and target else None


def _pair_of_persons(trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    source = _nearest(persons, trigger, before=True) or _nearest(persons, trigger)
    others = [c for c in persons if source and c.id != source.id]
    target = _nearest(others, trigger, before=False) or _nearest(others, trigger)
    return (source, target) if source and target else None


def _advisor(trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    boss = next((c for c in persons if c.end == trigger.i or c.start in (trigger.i + 1, trigger.i + 2)), None)
    others = [c for c in persons if boss and c.id != boss.id]
    advisor = _nearest(others, trigger)
    return (advisor, boss) if advisor and boss else None


def _membership(trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    members = [c for c in ents if c.type in ("country", "person")]
    orgs = [c for c in ents if c.type == "organization"]
    member = _nearest(members, trigger, before=True) or _nearest(members, trigger)
    org = _nearest(orgs, trigger, before=False) or _nearest(orgs, trigger)
    return (member, org) if member and org else None


def _publication(trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    outlets = [c for c in ents if c.type == "organization" and c.attrs.get("org_kind") == "media"]
    person, outlet = _nearest(persons, trigger), _nearest(outlets, trigger)
    return (person, outlet) if person and outlet else None


def _endpoints(doc: Doc, relation: str, trigger: Token, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    if relation in ("visits", "travels_to"):
        return _journey(doc, relation, trigger, ents)
    if relation == "meets":
        return _pair_of_persons(trigger, ents)
    if relation == "advisor_to":
        return _advisor(trigger, ents)
    if relation == "member_of":
        return _membership(trigger, ents)
    return _publication(trigger, ents)


def triggered_relations(doc: Doc, lang: str, sent: Span, index: int, ents: list[Candidate]) -> list[RelationCandidate]:
    """Relations that trigger words of one sentence state."""
    inside = {i for c in ents for i in range(c.start, c.end)}
    found = []
    for token in sent:
        relation = None if token.i in inside else trigger_relation(token.text, lang)
        pair = _endpoints(doc, relation, token, ents) if relation else None
        if relation and pair and pair[0].id != pair[1].id:
            found.append(RelationCandidate(pair[0].id, relation, pair[1].id, index, _modality(sent, token, lang), 0.75))
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


def attribute_relations(sent_of: dict[int, int], ents: list[Candidate], present: set[str]) -> list[RelationCandidate]:
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
