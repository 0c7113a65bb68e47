"""Typed relations between the entities of one sentence, found by trigger words.

"Putin besucht Nordkorea" -> visits; "wird Putin nach Vietnam reisen" ->
travels_to (planned); "Putins Berater …, Juri Uschakow" -> advisor_to;
a photo caption naming two leaders with a date -> meets.  Entities in one
sentence with no typed relation between them are ``co_mentioned``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from itertools import combinations

from pipelines.components.affiliations import membership, publication
from pipelines.components.candidates import Agreement, Candidate, RelationCandidate
from pipelines.components.clauses import clause_around
from pipelines.components.events import participants
from pipelines.components.names import CALENDAR
from pipelines.components.relation_scope import Context, Scope, nearest, pronoun_subject
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest
from pipelines.knowledge.offices import office_meaning
from pipelines.knowledge.people import role_for_word
from pipelines.knowledge.relations import modality_cues, trigger_relation

MODALITY_ORDER = ("denied", "hypothetical", "planned")
DESTINATION_WORDS = frozenset({"in", "nach", "to", "im"})
COORDINATION = frozenset({"und", "and", "sowie"})
LIST_GLUE = COORDINATION | DESTINATION_WORDS | frozenset({",", "then", "dann", "on", "weiter"})
STAY_VERBS = frozenset({"hält", "hielt", "halten", "hielten"})  # "sich in X aufhalten": staying there
MAX_GAP = 8
CAPTION_LENGTH = 25
MADE_STOP = ("mach", "gemacht")  # "Station machen": "Station" alone is a railway station
COMPLEMENTISERS = frozenset({"that", "dass", "daß", "whether", "ob"})  # a destination this many tokens after its trigger or more is another statement
MAX_CO_MENTIONED = 6
PLACES = ("country", "place")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Meeting verbs that need their object right after them: "empfing Putin", not "received support from …".
OBJECT_MEETINGS = frozenset({"empfing", "empfängt", "empfangen", "received", "receives", "hosted", "hosts"})


def _modality(t: Tokens, clause: tuple[int, int], trigger: int, lang: str) -> str:
    """denied/hypothetical/planned from a cue near the trigger in its clause, else reported. The window
    ends at a complementiser ("told Reuters that he would …" is reported); in German it reaches back to
    the auxiliary of a verb at the end ("wird am Montag nach Washington reisen"), and "um … zu" states a
    purpose (planned)."""
    cues = modality_cues(lang)
    end = min(clause[1], trigger + 5)
    end = next((i for i in range(trigger + 1, end) if t.lower[i] in COMPLEMENTISERS), end)
    near = {cues[lower] for lower in t.lower[max(clause[0], trigger - 4) : end] if lower in cues}
    if lang == "de":
        near |= {cues[w] for w in t.lower[max(clause[0], trigger - 12) : trigger] if cues.get(w) in ("planned", "hypothetical")}
        if t.lower[clause[0]] == "um" and t.lower[trigger - 1] == "zu":
            near.add("planned")
    return next((m for m in MODALITY_ORDER if m in near), "reported")


def _destinations(s: Scope, places: list[Candidate]) -> list[Candidate]:
    """Places after "in"/"nach"/"to" close after the trigger and those listed with the first ("travel on to
    X, and then to Y"); else the nearest marked place before it (German verb-final: "nach Vietnam reisen");
    else the next place."""
    marked = [c for c in places if c.start > 0 and s.t.lower[c.start - 1] in DESTINATION_WORDS]
    after = [c for c in marked if s.trigger < c.start < min(s.limit, s.trigger + MAX_GAP)]
    if after:
        listed = [after[0]]
        for cand in after[1:]:
            if all(word in LIST_GLUE for word in s.t.lower[listed[-1].end : cand.start]):
                listed.append(cand)
        return listed
    close = [c for c in places if c.start < s.trigger + MAX_GAP]
    before = nearest(marked, s.trigger, before=True) or nearest(close, s.trigger, before=False)
    return [before] if before else []


def _with_country(s: Scope, source: Candidate, targets: list[Candidate]) -> list[tuple[Candidate, str]]:
    """The visited places, the countries they lie in when the article names them, none of them home."""
    home = s.homes.get(source.id, set())
    ids = [c.id for c in targets]
    ids += [f"country:{c.attrs['country']}" for c in targets if c.type == "place" and c.attrs.get("country")]
    return [(source, cid) for cid in dict.fromkeys(ids) if cid in s.present and cid not in home]


def _journey(s: Scope, relation: str) -> list[tuple[Candidate, str]]:
    # A possessor is not the traveller ("Trump's policies on Muslims travelling to the US") unless he owns
    # the trigger ("Putin's visit to Hanoi").
    persons = [c for c in s.ents if c.type == "person" and (not _is_genitive(s.t, c) or s.trigger - c.end in (0, 1))]
    places = [c for c in s.ents if c.type in PLACES and c.kind == "name"]
    if s.t.lower[s.trigger] in STAY_VERBS and s.t.lower[s.trigger + 1 : s.trigger + 2] != ["sich"]:
        return []  # "hält sich in Südafrika auf", not "hält die Rede"
    if s.t.lower[s.trigger].startswith("station") and not any(w.startswith(MADE_STOP) for w in s.t.lower[s.first : s.limit]):
        return []
    named = _named_before(s, places)
    if named:  # "after North Korea visit", "nach dem Nordkorea-Besuch": the clause's subject went there
        source = persons[0] if persons else None
        return _with_country(s, source, [named]) if source and relation == "visits" else []
    source = nearest(persons, s.trigger, before=True) or _inverted_subject(s, persons) or pronoun_subject(s)
    targets = _destinations(s, places)
    if relation == "travels_to":
        targets = [c for c in targets if s.t.lower[c.start - 1] in DESTINATION_WORDS]
        return [(source, c.id) for c in targets if c.id not in s.homes.get(source.id, set())] if source else []
    return _with_country(s, source, targets) if source else []


def _named_before(s: Scope, places: list[Candidate]) -> Candidate | None:
    """The place that the trigger noun is compounded with: "North Korea visit", "Nordkorea-Besuch" (a German
    name before a noun without the hyphen is a genitive: "in Jakutsk im Nordosten Russlands Station")."""
    hyphen = s.trigger > 1 and s.t.words[s.trigger - 1] == "-"
    if not hyphen and (s.lang == "de" or not s.t.is_lower(s.trigger)):
        return None
    end = s.trigger - 1 if hyphen else s.trigger
    return next((c for c in places if c.end == end and c.type in PLACES), None)


def _inverted_subject(s: Scope, persons: list[Candidate]) -> Candidate | None:
    """A German subject right after its verb ("Am Montag reiste Putin nach Hanoi"), not an object after
    "mit"/"with" ("traveled to Florida to meet with X")."""
    after = [c for c in persons if 0 < c.start - s.trigger <= 2 and s.t.lower[c.start - 1] not in ("mit", "with")]
    return after[0] if after and s.lang == "de" else None


def _bridge(s: Scope, i: int) -> bool:
    """Token ``i`` may stand between a meeting verb and whom it meets ("traf am Montag den
    russischen Präsidenten", "met with the Chinese leader")."""
    t = s.t
    word = t.words[i]
    return (
        t.is_stop(i) or word in CALENDAR or word in (".", "-") or word.isdigit()
        or office_meaning(word, s.lang) is not None or role_for_word(word, s.lang) is not None
        or (s.lang == "de" and t.is_lower(i) and t.lower[i].endswith(ADJECTIVE_ENDINGS))
    )


def _object_person(s: Scope, persons: list[Candidate]) -> Candidate | None:
    """The person right after the trigger, only function words, titles and dates between."""
    at = s.at
    j = s.trigger + 1
    while j < s.limit:
        if j in at:
            if at[j].type == "person":
                return at[j]
            j = at[j].end
        elif _bridge(s, j):
            j += 1
        else:
            return None
    return None


def _meeting(s: Scope) -> list[tuple[Candidate, str]]:
    """Who meets whom: the person the trigger takes as object ("traf X", "met with X", "Treffen mit X"),
    with the person before it or joined to it ("Treffen zwischen X und Y"); or the only two persons of a
    meeting verb's clause ("X und Y trafen sich"; a noun such as "meetings" needs its object)."""
    persons = [c for c in s.ents if c.type == "person"]
    target = _object_person(s, persons)
    if target is None and s.t.lower[s.first] == "um" and s.t.lower[s.trigger - 1] == "zu":
        return _purpose_meeting(s, persons)
    if target is not None:
        others = [c for c in persons if c.id != target.id]
        source = nearest(others, s.trigger, before=True) or _joined(s, target, others) or pronoun_subject(s, target)
        return [(source, target.id)] if source else []
    distinct = list({c.id: c for c in persons}.values())
    word = s.t.words[s.trigger]
    noun = word[:1].isupper() if s.lang == "de" else word.lower().startswith("meeting")
    if len(distinct) == 2 and s.t.lower[s.trigger] not in OBJECT_MEETINGS and not noun:
        return [(distinct[0], distinct[1].id)]
    return []


def _joined(s: Scope, first: Candidate, others: list[Candidate]) -> Candidate | None:
    """The person joined to ``first`` by "und"/"and" ("Treffen zwischen Putin und Kim")."""
    return next((c for c in others if c.start > first.end and set(s.t.lower[first.end : c.start]) <= COORDINATION | {","}), None)


def _purpose_meeting(s: Scope, persons: list[Candidate]) -> list[tuple[Candidate, str]]:
    """"X reist nach Washington, um Joe Biden zu treffen": the purpose clause's object meets the subject of
    the clause before it."""
    target = nearest(persons, s.trigger, before=True)
    before = [c for c in s.outer if c.type == "person" and c.end <= s.first and target and c.id != target.id]
    source = nearest(before, s.first, before=True)
    return [(source, target.id)] if source and target else []


def _meeting_place(s: Scope, pairs: list[tuple[Candidate, str]]) -> list[RelationCandidate]:
    """"bei seinem Treffen mit X in Moskau": those of the meeting whose home country the article names,
    and not the place's, visit that place and its country."""
    places = [c for c in s.ents if c.type == "place" and c.attrs.get("country") and s.t.lower[c.start - 1] in ("in", "im", "at")]
    if not places or not pairs:
        return []
    persons = {c.id: c for c in s.ents if c.type == "person"}
    country = f"country:{places[0].attrs['country']}"
    visitors = [persons[p] for p in (pairs[0][0].id, pairs[0][1]) if p in persons and s.homes.get(p) and country not in s.homes[p]]
    sentence = s.t.sent_of[s.trigger]
    return [
        RelationCandidate(person.id, "visits", target, sentence, "reported", 0.6)
        for person in visitors for _, target in _with_country(s, person, places[:1])
    ]


def _advisor(s: Scope) -> list[tuple[Candidate, str]]:
    """Whom the adviser serves: a genitive just before the trigger, or after it ("adviser to Putin")."""
    t, trigger = s.t, s.trigger
    persons = [c for c in s.ents if c.type == "person"]
    before = [c for c in persons if 0 <= trigger - c.end <= 4 and _is_genitive(t, c)]
    after = [c for c in persons if c.start - trigger in (1, 2) and (_is_genitive(t, c) or t.lower[c.start - 1] in ("to", "von"))]
    boss = before[-1] if before else after[0] if after else None
    others = [c for c in persons if boss and c.id != boss.id]
    advisor = nearest(others, trigger)
    return [(advisor, boss.id)] if advisor and boss else []


def _is_genitive(t: Tokens, cand: Candidate) -> bool:
    """"Putins", "Putin's", "Berater Putins"."""
    after = t.words[cand.end] if cand.end < len(t) else ""
    return after in ("'s", "’s", "'") or t.words[cand.end - 1].endswith("s") and cand.kind == "alias"


ENDPOINTS: dict[str, Callable[[Scope], list[tuple[Candidate, str]]]] = {
    "visits": lambda s: _journey(s, "visits"),
    "travels_to": lambda s: _journey(s, "travels_to"),
    "meets": _meeting,
    "advisor_to": _advisor,
    "member_of": membership,
    "published_in": publication,
    "attends": participants,
}
# Internal trigger names and the relation they state.
STATED_AS = {"attends": "visits"}


@cache
def _trigger_words(lang: str) -> WordTest:
    return WordTest(lambda word: trigger_relation(word, lang))


def trigger_words(t: Tokens, lang: str) -> dict[int, list[int]]:
    """Sentence index -> the tokens of that sentence that may trigger a relation."""
    found: dict[int, list[int]] = {}
    for i in t.where(_trigger_words(lang)):
        found.setdefault(t.sent_of[i], []).append(i)
    return found


def _may_link(relation: str, types: Counter[str], context: Context) -> bool:
    """Whether the sentence has the kinds of entity the relation links (most trigger words have none)."""
    persons = types["person"]
    if relation == "advisor_to":
        return persons >= 2
    if relation == "meets":
        return persons >= 1  # the other may be "he" ("He traveled to X to meet with Y")
    if relation in ("visits", "travels_to"):
        return persons > 0 and types["country"] + types["place"] > 0
    if relation == "attends":
        return persons > 0 and bool(context.venue)
    if relation == "published_in":
        return persons > 0 and types["organization"] > 0
    return types["organization"] > 0  # member_of


def triggered_relations(t: Tokens, lang: str, index: int, ents: list[Candidate], words: list[int], context: Context) -> list[RelationCandidate]:
    """Relations that trigger ``words`` (token indexes, see ``trigger_words``) of sentence ``index`` state,
    each between entities of the trigger's clause."""
    if not words:
        return []
    sent = t.sents[index]
    inside = {i for c in ents for i in range(c.start, c.end)}
    types = Counter(c.type for c in ents)
    triggers = [
        (i, rel) for i in words
        if i not in inside and (rel := trigger_relation(t.words[i], lang)) and _may_link(rel, types, context)
    ]
    if not triggers:
        return []
    found: list[RelationCandidate] = []
    for n, (token, relation) in enumerate(triggers):
        clause = clause_around(t, sent, token)
        limit = min(clause[1], triggers[n + 1][0] if n + 1 < len(triggers) else sent[1])
        mine = [c for c in ents if clause[0] <= c.start and c.end <= clause[1]]
        scope = Scope(t, lang, token, mine, limit, context, clause[0], {i: c for c in mine for i in range(c.start, c.end)}, ents)
        pairs = [(a, b) for a, b in ENDPOINTS[relation](scope) if a.id != b]
        modality = _modality(t, clause, token, lang)
        found += [RelationCandidate(a.id, STATED_AS.get(relation, relation), b, index, modality, 0.75) for a, b in pairs]
        if relation == "meets" and modality == "reported":
            found += _meeting_place(scope, pairs)
    return found


def caption_meetings(t: Tokens, index: int, ents: list[Candidate]) -> list[RelationCandidate]:
    """"Putin und Kim Jong-un am 13. September 2023 in …": two persons joined by "und" with a date, in a
    sentence as short as a caption (a longer one says what they did)."""
    persons = [c for c in ents if c.type == "person"]
    start, end = t.sents[index]
    if end - start > CAPTION_LENGTH or CALENDAR.isdisjoint(t.words[start:end]):
        return []
    found = []
    for a, b in zip(persons, persons[1:], strict=False):
        between = t.lower[a.end : b.start]
        if a.id != b.id and len(between) <= 6 and COORDINATION & set(between):
            found.append(RelationCandidate(a.id, "meets", b.id, index, "reported", 0.6))
    return found


def attribute_relations(sent_of: Sequence[int], ents: list[Candidate], present: set[str]) -> list[RelationCandidate]:
    """located_in from the place gazetteer, at the first such mention (leader_of: ``offices``)."""
    found: dict[tuple[str, str, str], RelationCandidate] = {}
    for c in ents:
        country = f"country:{c.attrs['country']}" if c.type in ("place", "organization") and c.attrs.get("country") else ""
        if c.type == "place" and country in present:
            found.setdefault((c.id, "located_in", country), RelationCandidate(c.id, "located_in", country, sent_of[c.start], "reported", 0.7, "gazetteer"))
    return list(found.values())


def agreement_relations(agreements: list[Agreement]) -> list[RelationCandidate]:
    """party_to from each party and updates to earlier agreements."""
    found = []
    for agreement in agreements:
        head = max(agreement.mentions, key=lambda m: len(m.parties))
        modality = agreement.modality if agreement.modality != "reported" else "planned" if agreement.status == "planned" else "reported"
        found += [RelationCandidate(p, "party_to", agreement.id, head.sentence, modality, 0.8) for p in agreement.parties]
        if agreement.update_sentence is not None:
            found += [RelationCandidate(agreement.id, "updates", old, agreement.update_sentence, modality, 0.7) for old in agreement.updates]
    return found


def sentence_relations(t: Tokens, lang: str, entities: list[Candidate], known: list[RelationCandidate], context: Context) -> list[RelationCandidate]:
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
        typed = triggered_relations(t, lang, index, ents, triggers.get(index, []), context) + caption_meetings(t, index, ents)
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
