"""English-only entity rules: organisation acronyms from the English word clusters ("NASA", "FIFA",
"NHS"), and names written in capitals (datelines "WASHINGTON, March 3 -", headlines) read as the known
name they spell.

Capitalisation tells where an English name runs:

- A known place or country inside a longer capitalised run is part of that name ("Leeds Mutual"): the
  run is an organisation, or a place when it ends in a facility word ("Volgograd Arena") or its other
  words only say which part ("South Australia").
- A given name standing alone is the person of the article whose full name it opens ("Hayley"), a place's
  name glued by a hyphen to a name word is part of that name ("Joo-Ho"), a country adjective that opens a
  longer name is no mention of the country ("Chinese Lantern Festival"), and an unknown capitalised run
  after "in" or "near" is a place ("born in Little Snoring").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from babel import Locale
from babel.numbers import list_currencies

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.gazetteer import Gazetteer
from pipelines.components.names import CALENDAR, is_name_word
from pipelines.components.parties import UNDECIDED
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest, glued_hyphen, in_capitals_line
from pipelines.keys import entity_id
from pipelines.knowledge.countries import country_adjectives, country_label, country_names
from pipelines.knowledge.people import english_name_classes, is_english_word
from pipelines.knowledge.places import geographic_heads

_CAPITALS = re.compile(r"^[A-Z][A-Z'’.-]{2,}$")
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "via", "towards"})
_ACRONYM = re.compile(r"^[A-Z]{3,6}$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")  # "XVII" numbers a pope, a king or a congress
UNKNOWN_ACRONYMS = WordTest(lambda word: _unknown_acronym(word))
ACRONYMS = WordTest(lambda word: english_name_classes().get(word) == "organization")
CAPITALISED = WordTest(lambda word: bool(_CAPITALS.match(word)) and english_name_classes().get(word) != "organization")


def english_candidates(tokens: Tokens, blocked: set[int], gazetteer: Gazetteer) -> list[Candidate]:
    """The English rules' candidates outside ``blocked``."""
    return acronym_organizations(tokens, blocked) + names_in_capitals(tokens, blocked, gazetteer)


def acronym_organizations(tokens: Tokens, blocked: set[int]) -> list[Candidate]:
    """An acronym of the organisation clusters is an organisation, and so is one the clusters do not
    know as anything else ("AHAC", "BWF"; not "GDP", "CEO" or a currency), outside lines in capitals."""
    hits = [i for i in tokens.where(ACRONYMS) if i not in blocked]
    hits += [i for i in tokens.where(UNKNOWN_ACRONYMS) if i not in blocked and not in_capitals_line(tokens, i)]
    return [rule_candidate(tokens, i, i + 1, "organization", {}) for i in sorted(hits)]


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _unknown_acronym(word: str) -> bool:
    return (
        bool(_ACRONYM.match(word)) and not _ROMAN.match(word)
        and word not in english_name_classes() and word not in _currencies()
    )


def names_in_capitals(tokens: Tokens, blocked: set[int], gazetteer: Gazetteer) -> list[Candidate]:
    """Known names written in capitals ("WASHINGTON", "NEW YORK"), found by their usual spelling; every
    word of the match must be in capitals."""
    capitals = [i for i in tokens.where(CAPITALISED) if i not in blocked]
    if not capitals:
        return []
    words = list(tokens.words)
    for i in capitals:
        words[i] = _usual_case(words[i])
    in_capitals = set(capitals)
    starts = [i for i in capitals if gazetteer.first_words.hits({words[i]})]
    return [
        Candidate(start, end, e.type, e.id, e.label, "gazetteer", e.score * 0.9, e.kind, dict(e.attrs))
        for start, end, e in gazetteer.find(words, starts)
        if e.type and e.kind not in UNDECIDED and in_capitals.issuperset(range(start, end))
    ]


def _usual_case(word: str) -> str:
    """ "WASHINGTON" -> "Washington", "BOSNIA-HERZEGOVINA" -> "Bosnia-Herzegovina"."""
    return "-".join(part.capitalize() for part in word.split("-"))


# Last words of a place's name: buildings, venues, stations and natural features.
FACILITY_WORDS = frozenset(
    "Stadium Arena Station Hall Airport Centre Center Bridge Square Park Tower Towers Street Avenue Road Palace "
    "Cathedral Castle Memorial Harbour Harbor Island Islands Valley County Parish Courthouse Field Ground Dome "
    "Coliseum Pavilion Mall Plaza Lane Boulevard Highway Beach Hills Reservoir River Creek Bay Falls Canyon Heights "
    "Springs Peninsula Gym Ave Dock Pier Terminal Gardens House Estate".split()
)
# Words that end a place's name: facilities and the head words of physical geography ("Deccan Plateau").
PLACE_END_WORDS = FACILITY_WORDS | geographic_heads("after")
# Words that only say which part of a place is meant ("South Australia", "Greater Manchester").
REGION_WORDS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower New Greater Old Inner Outer".split())
# Words that join the parts of an organisation's name after its cue word.
JOINERS = frozenset({"of", "for", "on", "and", "&"})


def _free_word(tokens: Tokens, i: int, taken: set[int]) -> bool:
    return 0 <= i < len(tokens) and i not in taken and is_name_word(tokens.words[i], "en")


def _sentence_start(tokens: Tokens, i: int) -> bool:
    return tokens.sents[tokens.sent_of[i]][0] == i


def _run(tokens: Tokens, start: int, end: int, taken: set[int], places: set[int]) -> tuple[int, int]:
    """The capitalised run around tokens ``[start, end)``: free name words and known places either side;
    a sentence's first word joins only when it is a known place."""
    while start > 0 and (start - 1 in places or (_free_word(tokens, start - 1, taken) and not _sentence_start(tokens, start - 1))):
        start -= 1
    while end < len(tokens) and (end in places or _free_word(tokens, end, taken) or _calendar_word(tokens, end, taken)):
        end += 1
    return start, end


def _calendar_word(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Token ``i`` is a free day or month name, which continues a name after a place ("Sheffield
    Wednesday") though it is no name word of its own."""
    return i not in taken and tokens.words[i] in CALENDAR and tokens.sent_of[i] == tokens.sent_of[i - 1]


def places_in_longer_names(tokens: Tokens, known: list[Candidate], persons: set[int]) -> list[Candidate]:
    """Runs of capitalised words that hold a known place or country beside a word no lexicon knows
    ("Norwich Union", "Montreal Canadiens", "Sheffield Wednesday"), or a known organisation after such
    words ("U.S. National Security Council"): one organisation or place each (a
    place when the other words only say where: "South Australia"), which ``select`` prefers to the place
    inside; a run ends where a person's name (token indexes ``persons``) starts, and after a preposition
    of place it makes no organisation ("in Paris Macron met …": the place, then a name)."""
    places = {i for c in known if c.type in ("place", "country") and _named(tokens, c) for i in range(c.start, c.end)}
    taken = ({i for c in known for i in range(c.start, c.end)} - places) | persons
    found: list[Candidate] = []
    for cand in known:
        if cand.type not in ("place", "country", "organization") or cand.kind != "name" or (found and cand.start < found[-1].end):
            continue
        start, end = _run(tokens, cand.start, cand.end, taken, places)
        if cand.type == "organization":
            end = cand.end  # only words before a known organisation widen it ("U.S. National Security Council")
        inside = set(range(start, end)) - places - set(range(cand.start, cand.end))
        after_preposition = start > 0 and tokens.lower[start - 1] in PLACE_PREPOSITIONS
        if inside and not _spelt_out(tokens, start, end):
            region = all(tokens.words[i] in REGION_WORDS for i in inside)
            headed = tokens.words[end - 1] in PLACE_END_WORDS or tokens.words[start] in geographic_heads("before")
            etype = "place" if cand.type != "organization" and (region or headed) else "organization"
            if etype == "organization" and after_preposition:
                continue  # "in Paris Macron met": the place, then a name
            found.append(rule_candidate(tokens, start, end, etype, {}))
    return found


def _named(tokens: Tokens, cand: Candidate) -> bool:
    """The place or country is named, not only its adjective; a country's name used as an adjective
    counts ("New Zealand" in "Dairy Board Australia New Zealand")."""
    return cand.kind == "name" or tokens.span_text(cand.start, cand.end) in country_names("en")


def _spelt_out(tokens: Tokens, start: int, end: int) -> bool:
    """The run is a headline or a line in capitals, where every word is capitalised."""
    return all(tokens.words[i].isupper() for i in range(start, end))


def facility_places(tokens: Tokens, blocked: set[int]) -> list[Candidate]:
    """Places named by a capitalised run that ends in a facility word ("Fisht Stadium"), over "of (the)"
    between capitalised words ("Bank of America Stadium"); one that goes on ("Play Station VR", "Hall of
    Fame") names something else."""
    found = []
    for i in tokens.where(_FACILITY_TEST):
        start = _words_before(tokens, i, blocked)
        if start < i and (linked := _link_before(tokens, start)) and _words_before(tokens, linked, blocked) < linked:
            start = _words_before(tokens, linked, blocked)  # "Daughters of the American Revolution Constitution Hall"
        ends = not (i + 1 < len(tokens) and tokens.words[i + 1] in JOINERS) and not _free_word(tokens, i + 1, blocked)
        if start < i and i not in blocked and ends:
            found.append(rule_candidate(tokens, start, i + 1, "place", {}))
    return found


def _words_before(tokens: Tokens, i: int, blocked: set[int]) -> int:
    """The start of the free capitalised words (up to five) that end right before token ``i``."""
    start = i
    while start > 0 and i - start < 5 and _free_word(tokens, start - 1, blocked) and not _sentence_start(tokens, start - 1):
        start -= 1
    return start


def _link_before(tokens: Tokens, start: int) -> int:
    """Where "of" or "of the" right before ``start`` begins (0 when neither stands there, or when a
    direction precedes it: "South East of Deccan Plateau" says where)."""
    j = start - 1 if start > 0 and tokens.lower[start - 1] == "the" else start
    linked = j > 1 and tokens.lower[j - 1] == "of" and tokens.words[j - 2] not in REGION_WORDS
    return j - 1 if linked else 0


def lone_given_names(tokens: Tokens, given: WordTest, taken: set[int], persons: list[Candidate]) -> list[Candidate]:
    """A given name standing alone ("Angelo said"): the person of the article whose full name it opens,
    else a person of its own, though not after a preposition of place ("trains ran to Harrison": a place
    no lexicon knows); not inside a longer capitalised run."""
    by_first = {tokens.words[p.start]: p for p in persons if p.length > 1}
    found = []
    for i in tokens.where(given):
        if i in taken or not is_name_word(tokens.words[i], "en") or _free_word(tokens, i + 1, taken) or (_free_word(tokens, i - 1, taken) and not _sentence_start(tokens, i - 1)):
            continue
        full = by_first.get(tokens.words[i])
        if full:
            found.append(replace(full, start=i, end=i + 1, kind="alias"))
        elif not (i > 0 and tokens.lower[i - 1] in PLACE_PREPOSITIONS):
            found.append(rule_candidate(tokens, i, i + 1, "person", {}))
    return found


def adjectives_in_longer_names(tokens: Tokens, known: list[Candidate], taken: set[int]) -> list[Candidate]:
    """``known`` less the country adjectives that open a longer capitalised name ("French Revolution",
    "Chinese New Year"): that name is no mention of the country."""
    return [c for c in known if not (c.type == "country" and c.kind == "adjective" and _free_word(tokens, c.end, taken))]


def places_after_in(tokens: Tokens, taken: set[int], given: frozenset[str], org_cue: Callable[[str], bool]) -> list[Candidate]:
    """A capitalised run that no lexicon knows after "in" or "near" ("born in Cosham"): a place, unless
    it ends in an organisation's cue word, opens with a given name, is a language ("in English"), is one
    common word ("a degree in Physiology") or qualifies a noun after it ("in Scientology jargon")."""
    found = []
    for i in tokens.where(_IN_TEST):
        start = i + 1
        end = start
        while _free_word(tokens, end, taken) and end - start < 3:
            end += 1
        if end > start and tokens.words[start] not in given and not org_cue(tokens.words[end - 1]) and tokens.span_text(start, end) not in _languages():
            if not _modifies_noun(tokens, end) and not (end - start == 1 and is_english_word(tokens.words[start])):
                found.append(rule_candidate(tokens, start, end, "place", {}))
    return found


def _modifies_noun(tokens: Tokens, end: int) -> bool:
    """A lower-case content word follows the run: the run qualifies it ("in Scientology jargon"), as an unknown
    place rarely does."""
    return end < len(tokens) and tokens.is_alpha(end) and tokens.is_lower(end) and not tokens.is_stop(end)


def hyphen_glued_places(tokens: Tokens, known: list[Candidate]) -> list[Candidate]:
    """``known`` less the one-word places glued by a hyphen to the word before ("Joo-Ho"): part of a name."""
    return [c for c in known if not (c.type == "place" and c.length == 1 and glued_hyphen(tokens, c.start - 1))]


_FACILITY_TEST = WordTest(PLACE_END_WORDS.__contains__)
_IN_TEST = WordTest({"in", "near"}.__contains__)


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    """English names of languages (CLDR via babel): "English", "Tagalog"."""
    return frozenset(Locale("en").languages.values())


def country_led_names(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with the organisations a rule found whose name opens with a country's abbreviation
    ("U.S. Department of Agriculture") under the country's English name ("United States Department of
    Agriculture"), as the same body is named either way."""
    return [_country_led(tokens, c) for c in chosen]


def _country_led(tokens: Tokens, cand: Candidate) -> Candidate:
    first = tokens.words[cand.start]
    code = country_names("en").get(first)
    if cand.type != "organization" or cand.method != "rule" or cand.length < 2 or not code or not first.replace(".", "").isupper():
        return cand
    label = f"{country_label(code, 'en')} {tokens.span_text(cand.start + 1, cand.end)}"
    return replace(cand, id=entity_id("organization", label), label=label)


# Last words of the bodies every state has, which English names by common words ("Finance Ministry").
STATE_BODY_WORDS = frozenset(
    "Ministry Department Office Court Bank Government Parliament Police Army Navy Embassy Cabinet Senate Assembly "
    "Council Agency Service Guard Commission Treasury".split()
)


def country_bodies(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with each generic body (an organisation a rule named by common words that ends in a
    ``STATE_BODY_WORDS`` word: "Finance Ministry", "Supreme Court") that a country owns, by its adjective opening the name ("Russian Finance Ministry"),
    its name and "'s" right before it ("Russia's Finance Ministry") or "of" and its name ending the name
    ("Finance Ministry of Kenya"), as that country's body: one id per country, the body's name with "of"
    and the country's English name ("organization:finance-ministry-of-russia"; German text keeps its
    generic bodies apart per country too)."""
    owners = {c.end: c.id.split(":", 1)[1] for c in chosen if c.type == "country"}
    return [_owned_body(tokens, c, owners) for c in chosen]


def _owned_body(tokens: Tokens, cand: Candidate, owners: dict[int, str]) -> Candidate:
    if cand.type != "organization" or cand.method != "rule":
        return cand
    start, end, code = cand.start, cand.end, owners.get(cand.start - 1 if tokens.words[cand.start - 1 : cand.start] == ["'s"] else cand.start, "")
    adjective = country_adjectives("en").get(tokens.words[start], "")
    if adjective:
        start, code = start + 1, adjective
    of = next((i for i in range(start + 1, end) if tokens.words[i] == "of"), end)
    if not code and (owner := country_names("en").get(tokens.span_text(of + 1, end) if of + 1 < end else "")):
        end, code = of, owner
    words = tokens.words[start:end]
    if not code or not words or words[-1] not in STATE_BODY_WORDS or not all(is_english_word(w) or w in JOINERS for w in words):
        return cand
    label = f"{tokens.span_text(start, end)} of {country_label(code, 'en')}"
    return replace(cand, id=entity_id("organization", label), label=label, attrs={**cand.attrs, "country": code})
