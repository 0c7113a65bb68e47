"""Typed relations between the entities of one sentence, found by trigger words.

"Putin besucht Nordkorea" -> visits; "wird Putin nach Vietnam reisen" ->
travels_to (planned); "Putins Berater …, Juri Uschakow" -> advisor_to;
a photo caption naming two leaders with a date -> meets.  Entities in one
sentence with no typed relation between them are ``co_mentioned``.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from typing import Sequence

from pipelines.components.candidates import Agreement, Candidate, RelationCandidate
from pipelines.components.names import CALENDAR
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest
from pipelines.knowledge.relations import modality_cues, trigger_relation

MODALITY_ORDER = ("denied", "hypothetical", "planned")
DESTINATION_WORDS = frozenset({"in", "nach", "to", "im"})
COORDINATION = frozenset({"und", "and", "sowie"})
MAX_CO_MENTIONED = 6
PLACES = ("country", "place")
MEMBERSHIP_KINDS = frozenset({"bloc", "alliance", "international", "forum"})


def _modality(t: Tokens, sent: tuple[int, int], trigger: int, lang: str) -> str:
    cues = modality_cues(lang)
    window = t.lower[max(sent[0], trigger - 4) : min(sent[1], trigger + 5)]
    near = {cues[lower] for lower in window if lower in cues}
    return next((m for m in MODALITY_ORDER if m in near), "reported")


def _nearest(cands: list[Candidate], token: int, before: bool | None = None) -> Candidate | None:
    pool = [c for c in cands if before is None or (c.end <= token if before else c.start > token)]
    return min(pool, key=lambda c: min(abs(c.start - token), abs(c.end - 1 - token)), default=None)


def _destinations(t: Tokens, places: list[Candidate], trigger: int, limit: int) -> list[Candidate]:
    """Places after "in"/"nach"/"to" following the trigger ("travel on to X, and then to Y"); else the
    nearest marked place before it (German verb-final: "nach Vietnam reisen"); else the next place."""
    marked = [c for c in places if c.start > 0 and t.lower[c.start - 1] in DESTINATION_WORDS]
    after = [c for c in marked if trigger < c.start < limit]
    if after:
        return after
    before = _nearest(marked, trigger, before=True) or _nearest(places, trigger, before=False)
    return [before] if before else []


def _journey(t: Tokens, relation: str, trigger: int, ents: list[Candidate], limit: int) -> list[tuple[Candidate, Candidate]]:
    persons = [c for c in ents if c.type == "person"]
    places = [c for c in ents if c.type in PLACES and c.kind == "name"]
    source = _nearest(persons, trigger, before=True) or _nearest(persons, trigger)
    targets = _destinations(t, places, trigger, limit)
    if relation == "travels_to":
        targets = [c for c in targets if t.lower[c.start - 1] in DESTINATION_WORDS]
    return [(source, c) for c in targets] if source else []


def _pair_of_persons(trigger: int, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    source = _nearest(persons, trigger, before=True) or _nearest(persons, trigger)
    others = [c for c in persons if source and c.id != source.id]
    target = _nearest(others, trigger, before=False) or _nearest(others, trigger)
    return (source, target) if source and target else None


def _is_genitive(t: Tokens, cand: Candidate) -> bool:
    """"Putins", "Putin's", "Berater Putins"."""
    after = t.words[cand.end] if cand.end < len(t) else ""
    return after in ("'s", "’s", "'") or t.words[cand.end - 1].endswith("s") and cand.kind == "alias"


def _advisor(t: Tokens, trigger: int, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    """Whom the adviser serves: a genitive just before the trigger, or after it ("adviser to Putin")."""
    persons = [c for c in ents if c.type == "person"]
    before = [c for c in persons if 0 <= trigger - c.end <= 4 and _is_genitive(t, c)]
    after = [c for c in persons if c.start - trigger in (1, 2) and (_is_genitive(t, c) or t.lower[c.start - 1] in ("to", "von"))]
    boss = before[-1] if before else after[0] if after else None
    others = [c for c in persons if boss and c.id != boss.id]
    advisor = _nearest(others, trigger)
    return (advisor, boss) if advisor and boss else None


def _membership(trigger: int, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    members = [c for c in ents if c.type == "country" and c.kind == "name"]
    orgs = [c for c in ents if c.type == "organization" and c.attrs.get("org_kind") in MEMBERSHIP_KINDS]
    member = _nearest(members, trigger, before=True) or _nearest(members, trigger)
    org = _nearest(orgs, trigger, before=False) or _nearest(orgs, trigger)
    return (member, org) if member and org else None


def _publication(trigger: int, ents: list[Candidate]) -> tuple[Candidate, Candidate] | None:
    persons = [c for c in ents if c.type == "person"]
    outlets = [c for c in ents if c.type == "organization" and c.attrs.get("org_kind") == "media"]
    person, outlet = _nearest(persons, trigger), _nearest(outlets, trigger)
    return (person, outlet) if person and outlet else None


def _endpoints(t: Tokens, relation: str, trigger: int, ents: list[Candidate], limit: int) -> list[tuple[Candidate, Candidate]]:
    """Source and target pairs for one trigger; ``limit`` is where the next trigger of the sentence starts."""
    if relation in ("visits", "travels_to"):
        return _journey(t, relation, trigger, ents, limit)
    if relation == "meets":
        pair = _pair_of_persons(trigger, ents)
    elif relation == "advisor_to":
        pair = _advisor(t, trigger, ents)
    elif relation == "member_of":
        pair = _membership(trigger, ents)
    else:
        pair = _publication(trigger, ents)
    return [pair] if pair else []


@lru_cache(maxsize=None)
def _trigger_words(lang: str) -> WordTest:
    return WordTest(lambda word: trigger_relation(word, lang))


def trigger_words(t: Tokens, lang: str) -> dict[int, list[int]]:
    """Sentence index -> the tokens of that sentence that may trigger a relation."""
    found: dict[int, list[int]] = {}
    for i in t.where(_trigger_words(lang)):
        found.setdefault(t.sent_of[i], []).append(i)
    return found


def triggered_relations(t: Tokens, lang: str, index: int, ents: list[Candidate], words: list[int]) -> list[RelationCandidate]:
    """Relations that trigger ``words`` (token indexes, see ``trigger_words``) of sentence ``index`` state."""
    sent = t.sents[index]
    inside = {i for c in ents for i in range(c.start, c.end)}
    triggers = [(i, rel) for i in words if i not in inside and (rel := trigger_relation(t.words[i], lang))]
    found = []
    for n, (token, relation) in enumerate(triggers):
        limit = triggers[n + 1][0] if n + 1 < len(triggers) else sent[1]
        for source, target in _endpoints(t, relation, token, ents, limit):
            if source.id != target.id:
                found.append(RelationCandidate(source.id, relation, target.id, index, _modality(t, sent, token, lang), 0.75))
    return found


def caption_meetings(t: Tokens, index: int, ents: list[Candidate]) -> list[RelationCandidate]:
    """"Putin und Kim Jong-un am 13. September 2023 in …": two persons joined by "und" with a date."""
    persons = [c for c in ents if c.type == "person"]
    start, end = t.sents[index]
    if CALENDAR.isdisjoint(t.words[start:end]):
        return []
    found = []
    for a, b in zip(persons, persons[1:]):
        between = t.lower[a.end : b.start]
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


def sentence_relations(t: Tokens, lang: str, entities: list[Candidate], known: list[RelationCandidate]) -> list[RelationCandidate]:
    """Per sentence with entities, in order: its triggered relations and caption meetings, then
    co-mentions of the pairs that neither these nor ``known`` relations of that sentence connect."""
    pairs: defaultdict[int, set[frozenset[str]]] = defaultdict(set)
    for r in known:
        pairs[r.sentence].add(frozenset((r.source, r.target)))
    in_sentence: defaultdict[int, list[Candidate]] = defaultdict(list)
    for c in entities:
        in_sentence[t.sent_of[c.start]].append(c)
    triggers = trigger_words(t, lang)
    found = []
    for index, ents in sorted(in_sentence.items()):
        typed = triggered_relations(t, lang, index, ents, triggers.get(index, [])) + caption_meetings(t, index, ents)
        found += typed
        found += co_mentions(index, ents, pairs[index] | {frozenset((r.source, r.target)) for r in typed})
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
