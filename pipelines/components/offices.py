"""Offices beside a person's name: ``leader_of`` and ``member_of`` from titles and appositions.

Read wherever a person is named in the article, so a later surname mention shares the relation:

- title before the name: "der russische Präsident Wladimir Putin", "Perus Präsident X", "US-Präsident
  X", "Porsche-Chef X", "Google CEO X", "der Ministerpräsident Kanadas, Stephen Harper";
- apposition after it: "X, Chef des Souveränen Rates", "X, the Prime Minister of Canada,",
  "X, Russia's president";
- a party or organisation in brackets: "X (SPD)" -> member_of; a country in brackets is the person's
  country, and a head of it when the article speaks of heads of state ("Regierungschefs", "leaders").

The office word (``knowledge/data/offices.tsv``) says which relation it gives; a cue in its phrase
("ehemalige", "former", "designierte") sets the modality ``former`` or ``planned``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pipelines.components.candidates import Candidate, RelationCandidate
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest
from pipelines.knowledge.offices import longest_office, office_last_words, office_meaning
from pipelines.knowledge.relations import office_modality

LINK_GLUE = frozenset("des der den dem von vom of for the 's ’s".split())
APPOSITION_OPENERS = frozenset("der die den dem des ein eine einer eines the a an".split())
HYPHENS = frozenset("-–")
OF_WORDS = frozenset({"of", "vom", "von"})
NEAR = 8  # an office word this many tokens or more from a name is not read with it
AFTER_NAME = frozenset({"(", "of", "vom", "von", ","})
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
GROUP_HEADS = frozenset(
    "regierungschefs staatschefs staats- präsidenten staatsoberhäupter leaders presidents heads".split()
)
LINK_TYPES = {"state": ("country", "organization"), "head": ("organization",), "member": ("organization",)}
RELATION = {"state": "leader_of", "head": "leader_of", "member": "member_of"}


@dataclass(frozen=True)
class Office:
    """An office phrase over tokens ``[start, end)`` and what it says."""

    start: int
    end: int
    meaning: str


def office_at_end(t: Tokens, end: int, lang: str, floor: int) -> Office | None:
    """The office phrase that ends right before token ``end`` (not before ``floor``)."""
    for n in range(min(longest_office(lang), end - floor), 0, -1):
        meaning = office_meaning(" ".join(t.words[end - n : end]), lang)
        if meaning:
            return Office(end - n, end, meaning)
    return None


def office_at_start(t: Tokens, start: int, lang: str, limit: int) -> Office | None:
    """The office phrase that starts at token ``start`` (ending before ``limit``)."""
    for n in range(min(longest_office(lang), limit - start), 0, -1):
        meaning = office_meaning(" ".join(t.words[start : start + n]), lang)
        if meaning:
            return Office(start, start + n, meaning)
    return None


def _link_before(at: dict[int, Candidate], t: Tokens, office: Office, floor: int) -> Candidate | None:
    """"russische Präsident", "Perus Präsident", "US-Präsident", "Russia's president", "Google CEO"."""
    j = office.start - 1
    for k in range(office.start - 1, max(floor, office.start - 4) - 1, -1):  # "Labour's Shadow Home Secretary"
        if t.words[k] in ("'s", "’s") and all(t.words[m][:1].isupper() and m not in at for m in range(k + 1, office.start)):
            j = k
            break
    if j >= floor and t.words[j] in HYPHENS or j >= floor and t.words[j] in ("'s", "’s"):
        j -= 1
    return at.get(j) if j >= floor else None


def _glue(t: Tokens, j: int, lang: str) -> bool:
    """Article, preposition or (German) adjective between an office and what it is linked to."""
    return t.words[j] in LINK_GLUE or (lang == "de" and t.is_lower(j) and t.lower[j].endswith(ADJECTIVE_ENDINGS))


def _link_after(at: dict[int, Candidate], t: Tokens, office: Office, limit: int, lang: str) -> Candidate | None:
    """"Präsident Russlands", "Chef des sudanesischen Souveränen Rates", "Prime Minister of Canada"."""
    j = office.end
    while j < limit and j - office.end < 4 and j not in at and _glue(t, j, lang):
        j += 1
    if j >= limit or j not in at:
        return None
    genitive = t.words[at[j].end - 1].endswith("s")
    return at[j] if j > office.end or genitive else None


def _modality(t: Tokens, lo: int, hi: int, lang: str) -> str:
    """``former``/``planned`` from a cue among the tokens ``[lo, hi)`` of an office's phrase."""
    for j in range(max(lo, 0), hi):
        cue = office_modality(t.words[j], lang)
        if cue:
            return cue
    return "reported"


def _relation(person: Candidate, office: Office, link: Candidate | None, modality: str, sentence: int) -> RelationCandidate | None:
    if link is not None and office.meaning == "none" and link.attrs.get("org_kind") == "party":
        office = Office(office.start, office.end, "member")  # "der SPD-Minister X", "Labour's Shadow Home Secretary X"
    if link is None or link.type not in LINK_TYPES.get(office.meaning, ()) or link.id == person.id:
        return None
    return RelationCandidate(person.id, RELATION[office.meaning], link.id, sentence, modality, 0.8)


Reading = tuple[Office, Candidate | None, str]  # the office, what it is linked to, its modality


def _title(t: Tokens, person: Candidate, at: dict[int, Candidate], lang: str, sent: tuple[int, int]) -> Reading | None:
    """The office before the name: right before it, or before a comma after "Präsident Kanadas"."""
    end = person.start
    link_after = None
    if end - 1 > sent[0] and t.words[end - 1] == ",":  # "der Ministerpräsident Kanadas, Stephen Harper"
        end -= 1
    if end - 1 > sent[0] and end - 1 in at and at[end - 1].type in ("country", "organization"):
        # "der Ministerpräsident Kanadas, Stephen Harper", "CEO of the Refugee Council Enver Solomon"
        glue = at[end - 1].start
        while glue > sent[0] and _glue(t, glue - 1, lang):
            glue -= 1
        genitive = t.words[end - 1].endswith("s")
        if (glue < at[end - 1].start or genitive) and office_at_end(t, glue, lang, sent[0]):
            link_after, end = at[end - 1], glue
    office = office_at_end(t, end, lang, sent[0])
    if office is None:
        return None
    link = link_after or _link_before(at, t, office, sent[0]) or _link_after(at, t, office, person.start, lang)
    start = link.start if link and link.end <= office.start else office.start
    return office, link, _modality(t, max(sent[0], start - 3), office.end, lang)


def _apposition(t: Tokens, person: Candidate, at: dict[int, Candidate], lang: str, sent: tuple[int, int]) -> Reading | None:
    """"X, der Präsident Russlands", "X, Russia's president", "X, the former Prime Minister of Y"."""
    first = person.end + 1
    if first >= sent[1] or t.words[person.end] != ",":
        return None
    limit = min(sent[1], first + 12)
    j = first
    while j < limit and j - first < 6:
        office = office_at_start(t, j, lang, limit)
        if office:
            link = _link_before(at, t, office, first) or _link_after(at, t, office, limit, lang)
            return office, link, _modality(t, first, office.end, lang)
        if not (t.lower[j] in APPOSITION_OPENERS or j in at or t.words[j] in ("'s", "’s", "-") or _glue(t, j, lang) or office_modality(t.words[j], lang)):
            return None
        j = at[j].end if j in at else j + 1
    return None


def _in_brackets(t: Tokens, person: Candidate, at: dict[int, Candidate]) -> Candidate | None:
    """The entity alone in brackets right after the person's name ("X (SPD)", "X (Chile)")."""
    i = person.end
    if i + 2 >= len(t) or t.words[i] != "(" or i + 1 not in at:
        return None
    inner = at[i + 1]
    return inner if inner.end < len(t) and t.words[inner.end] == ")" else None


def _bracketed(t: Tokens, person: Candidate, at: dict[int, Candidate], group: bool, sentence: int) -> list[RelationCandidate]:
    """"X (SPD)" -> member_of; "X (Chile)" -> leader_of when the article speaks of heads of state."""
    inner = _in_brackets(t, person, at)
    if inner is None:
        return []
    if inner.type == "organization" and inner.attrs.get("org_kind") != "media":
        return [RelationCandidate(person.id, "member_of", inner.id, sentence, "reported", 0.7)]
    if inner.type == "country" and group:
        return [RelationCandidate(person.id, "leader_of", inner.id, sentence, "reported", 0.6)]
    return []


def speaks_of_leaders(t: Tokens) -> bool:
    """The article names heads of state or government as a group ("zwölf Regierungschefs", "leaders")."""
    return not GROUP_HEADS.isdisjoint(t.lower)


Readings = list[tuple[Candidate, int, Reading]]


def office_readings(t: Tokens, lang: str, entities: list[Candidate], at: dict[int, Candidate]) -> Readings:
    """Each person mention with the office read beside it and its sentence (read once per article; ``at``:
    token index -> the entity covering it)."""
    found: Readings = []
    offices = t.where(_office_words(lang))
    if not offices:
        return found
    for person in (c for c in entities if c.type == "person"):
        k = bisect_left(offices, person.start - NEAR)
        if k == len(offices) or offices[k] > person.end + NEAR:
            continue  # no office word near the name: nothing to read
        sentence = t.sent_of[person.start]
        sent = t.sents[sentence]
        for read in (_title(t, person, at, lang, sent), _apposition(t, person, at, lang, sent)):
            if read:
                found.append((person, sentence, read))
    return found


@cache
def _office_words(lang: str) -> WordTest:
    """Words that are an office or end one ("Präsidenten", "Pressesprecher", "minister")."""
    last = office_last_words(lang)
    return WordTest(lambda word: office_meaning(word, lang) is not None or word.lower() in last)


def home_countries(t: Tokens, entities: list[Candidate], readings: Readings, at: dict[int, Candidate]) -> dict[str, set[str]]:
    """Person id -> the countries an office ties them to ("der russische Außenminister Lawrow"), a bracket
    or "aus" names ("X (Chile)", "X aus Chile")."""
    homes: dict[str, set[str]] = {}
    for person, _, (_, link, _) in readings:
        if link is not None and link.type == "country":
            homes.setdefault(person.id, set()).add(link.id)
    for person in (c for c in entities if c.type == "person"):
        if person.attrs.get("leads", "").startswith("country:"):
            homes.setdefault(person.id, set()).add(person.attrs["leads"])
        origin = _in_brackets(t, person, at) or _origin(t, person, at)
        if origin is not None and origin.type == "country":
            homes.setdefault(person.id, set()).add(origin.id)
    return homes


def _origin(t: Tokens, person: Candidate, at: dict[int, Candidate]) -> Candidate | None:
    """The country after "aus"/"from" right after the name ("Ronald Venetiaan aus Suriname")."""
    i = person.end
    return at.get(i + 1) if i + 1 < len(t) and t.lower[i] in ("aus", "from") and i + 1 in at else None


def office_relations(t: Tokens, lang: str, entities: list[Candidate], readings: Readings, at: dict[int, Candidate]) -> list[RelationCandidate]:
    """leader_of and member_of from every person mention's title, apposition and brackets (``readings``:
    ``office_readings``)."""
    found: list[RelationCandidate] = []
    heads: set[int] = set()  # sentences with a head of state, whose "Amtskollege" is one too
    for person, sentence, read in readings:
        if read[0].meaning == "counterpart" and sentence in heads:
            read = (Office(read[0].start, read[0].end, "state"), *read[1:])
        rel = _relation(person, *read, sentence)
        found += [rel] if rel else []
        if rel and read[0].meaning == "state":
            heads.add(sentence)
    group = speaks_of_leaders(t)
    for person in (c for c in entities if c.type == "person" and c.end < len(t) and t.lower[c.end] in AFTER_NAME):
        found += _bracketed(t, person, at, group, t.sent_of[person.start]) + _of_organisation(t, person, at, lang)
    return found + _bare_titles(t, entities, readings, found)


def _of_organisation(t: Tokens, person: Candidate, at: dict[int, Candidate], lang: str) -> list[RelationCandidate]:
    """"Matthew Smith of the Globe", "X, of the University of Y", "Jana Weber vom Institut für Z": a person
    named with the organisation they come from belongs to it."""
    i = person.end + (1 if person.end < len(t) and t.words[person.end] == "," else 0)
    if i >= len(t) or t.lower[i] not in OF_WORDS:
        return []
    j = i + 1
    while j < len(t) and j - i <= 2 and j not in at and t.lower[j] in ("the", "der", "dem"):
        j += 1
    org = at.get(j)
    if org is None or org.type != "organization" or org.start != j:
        return []
    return [RelationCandidate(person.id, "member_of", org.id, t.sent_of[person.start], "reported", 0.6)]


def dominant_country(entities: list[Candidate]) -> str | None:
    """The country the article is about: named at least twice as often as any other, and at least three times."""
    counts = Counter(c.id for c in entities if c.type == "country")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _title_alone(t: Tokens, office: Office) -> bool:
    """A capitalised title with nothing that qualifies it before ("Präsident X", "Prime Minister X"; not
    "One Nation's Victorian leader X", "opposition leader X")."""
    if not t.words[office.start][:1].isupper():
        return False
    if office.start == 0:
        return True
    j = office.start - 1
    before = t.words[j]
    adjective = t.lang == "en" and t.is_lower(j) and not t.is_stop(j)
    return not (before[:1].isupper() or before in ("'s", "’s", "-") or adjective)


def _bare_titles(t: Tokens, entities: list[Candidate], readings: Readings, found: list[RelationCandidate]) -> list[RelationCandidate]:
    """"Präsident X", "Prime Minister X" with no country: the head of the country the article is about,
    unless the article ties X to another office; of several such, the one named most often."""
    untied = [(person, sentence) for person, sentence, (office, link, modality) in readings
              if office.meaning == "state" and link is None and modality == "reported" and _title_alone(t, office)]
    country = dominant_country(entities) if untied else None
    if country is None:
        return []
    placed = {r.source for r in found if r.relation == "leader_of"}
    first = {person.id: sentence for person, sentence in reversed(untied) if person.id not in placed}
    # Two untied heads of one country: only the one the article names most holds the office now.
    mentions = Counter(c.id for c in entities if c.id in first)
    ranked = mentions.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return []
    head = ranked[0][0]
    return [RelationCandidate(head, "leader_of", country, first[head], "reported", 0.5)]


def role_references(t: Tokens, lang: str, at: dict[int, Candidate], relations: list[RelationCandidate]) -> list[Candidate]:
    """"der venezolanische Präsident", "the Russian president" without a name: a mention of the one person
    the article makes head of that country, for the sentence rules ("…, so der venezolanische Präsident
    laut BBC News")."""
    leaders: dict[str, set[str]] = {}
    for r in relations:
        if r.relation == "leader_of" and r.modality == "reported" and r.target.startswith("country:"):
            leaders.setdefault(r.target, set()).add(r.source)
    if not leaders:
        return []
    found = []
    for i in t.where(_state_words(lang)):
        office = Office(i, i + 1, "state")
        link = _link_before(at, t, office, t.sents[t.sent_of[i]][0])
        heads = leaders.get(link.id, set()) if link else set()
        if link and len(heads) == 1 and (i + 1 >= len(t) or at.get(i + 1) is None or at[i + 1].type != "person"):
            (head,) = heads
            found.append(Candidate(link.start, i + 1, "person", head, t.span_text(link.start, i + 1), "rule", 0.5, "anaphor"))
    return found


@cache
def _state_words(lang: str) -> WordTest:
    return WordTest(lambda word: office_meaning(word, lang) == "state")
