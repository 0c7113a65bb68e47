"""Finding entity mentions in a Doc: gazetteers, name rules, cue-word rules and a trained NER if present."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from pipelines.components.acronyms import acronym_aliases
from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.english_cues import cue_candidates as context_candidates
from pipelines.components.english_orgs import (
    LINKED_HEADS,
    buildings_as_places,
    company_names,
    cued_firms,
    event_names,
    head_start,
    joined_end,
    national_bodies,
    person_tails,
    with_capitalised_the,
    without_events,
)
from pipelines.components.english_persons import (
    compound_heads,
    given_name_places,
    hyphenated_given_names,
    without_descriptors,
)
from pipelines.components.english_places import english_places, head_places
from pipelines.components.english_rules import (
    FACILITY_WORDS,
    PLACE_END_WORDS,
    adjectives_in_longer_names,
    country_bodies,
    country_led_names,
    english_candidates,
    facility_places,
    hyphen_glued_places,
    lone_given_names,
    places_after_in,
    places_in_longer_names,
)
from pipelines.components.gazetteer import Gazetteer
from pipelines.components.german_registry import GERMAN_RULES, Registry, german_candidates, german_chosen, german_hits
from pipelines.components.german_rules import org_kind_word
from pipelines.components.known_organizations import checked_organizations
from pipelines.components.names import capitalised_run, find_persons, free_name_word
from pipelines.components.parties import resolved_parties, translated_party_names
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest, covered, glued_hyphen
from pipelines.keys import entity_id
from pipelines.knowledge.countries import country_names
from pipelines.knowledge.people import given_names, name_classes

# Words after which a capitalised name is a news outlet or source ("(Foto: Sputnik)").
SOURCE_CUES = frozenset({"Foto", "Fotos", "Bild", "Quelle", "Photo", "Source", "Credit"})
MEDIA_CUES = frozenset({"Zeitung", "Tageszeitung", "Nachrichtenagentur", "Agentur", "Sender", "newspaper", "daily", "agency", "broadcaster"})
PLACE_CUES = frozenset({"Region", "Provinz", "Stadt", "Hafenstadt", "Hauptstadt", "Republik", "Gebiet", "province", "city", "region", "port",
                        "town", "village", "hamlet", "commune", "township"})
ORG_SUFFIXES = (
    "partei", "bank", "ministerium", "agentur", "konzern", "gruppe", "kommission", "stiftung", "institut",
    "universität", "gericht", "verband", "Party", "Bank", "Ministry", "Agency", "Group", "Council",
    "Commission", "Institute", "University", "Court", "Corporation", "Company", "Association", "Fund", "AG", "GmbH",
    "zeitung", "Zeitung", "Tageblatt", "Kurier", "Rundschau", "Anzeiger", "kasse", "kammer", "verein", "Verein",
    "gesellschaft", "genossenschaft", "akademie", "hochschule", "verlag", "Verlag", "werke", "Werke", "amt",
    "KG", "SE", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Records", "Airlines", "Motors", "Systems", "Holding",
    "Airways", "Times", "Media", "Worldwide", "Holdings", "Comics", "Theatre", "School", "College",
    "Laboratory", "Federation", "Force", "Railway", "United", "Rovers", "Wanderers", "Athletic", "Albion",
)
# English words that end an organisation's name ("Labour Party" has its cue above; "Home Office",
# "Church of Scientology", "National Park Service"); English text only, since several are German nouns too.
ENGLISH_ORG_WORDS = frozenset(
    "Office Department Service Services Church Council Conference Movement Municipality Foundation Society Legion "
    "Corps League Union Committee Board Authority Trust Network Club Museum Hospital Orchestra Army Navy Police "
    "Guard Parliament Assembly Senate Congress Bureau Administration Organization Organisation Alliance Coalition "
    "Front Brigade Magazine Journal Post Herald Tribune Gazette News Press Studios Entertainment Pictures Games "
    "Software Technologies Industries Enterprises Partners District Cross Weekly Daily Mail Hotel Casino Library Band "
    "Chronicle Sentinel Inquirer Examiner Courier Dispatch Telegraph Observer Globe "
    "Railroad".split()
)
# Words that continue an organisation's name after its cue word ("Ministry of Defence", "Centre for …").
NAME_LINKS = frozenset({"of", "for", "on"})
MODEL_TYPES = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place", "GPE": "place", "NORP": ""}
CUES = SOURCE_CUES | MEDIA_CUES | PLACE_CUES
CUE_WORDS = WordTest(CUES.__contains__)
ORG_WORDS = WordTest(lambda word: word[0].isupper() and word.endswith(ORG_SUFFIXES))
ENGLISH_ORG_CUES = WordTest(lambda word: word in ENGLISH_ORG_WORDS or (word[0].isupper() and word.endswith(ORG_SUFFIXES)))
# In German text, the English words that end an organisation's name and that the German word clusters do not
# know at all ("League", "Herald", "Tribune"; not "Service" nor "Band", German nouns too).
UNGERMAN_ORG_CUES = WordTest(lambda word: word in ENGLISH_ORG_WORDS and name_classes().get(word) is None)
PRIORITY = {"gazetteer": 3, "rule": 2, "model": 1}


def gazetteer_candidates(tokens: Tokens, gazetteer: Gazetteer) -> list[Candidate]:
    """Every known country, adjective, place and organisation in the doc."""
    return checked_organizations(tokens, resolved_parties(tokens, [
        Candidate(start, end, e.type, e.id, e.label, "gazetteer", e.score, e.kind, dict(e.attrs))
        for start, end, e in gazetteer.find(tokens.words, tokens.where(gazetteer.first_words))
        if e.type
    ]))


def cue_candidates(tokens: Tokens, blocked: set[int]) -> list[Candidate]:
    """Outlets after "Foto:" or "Zeitung", places after "Region"/"Provinz"."""
    found = []
    words = tokens.words
    for i in tokens.where(CUE_WORDS):
        word = words[i]
        if i == len(words) - 1:
            continue
        glue = (":",) if word in SOURCE_CUES else ("of",) if word in PLACE_CUES else ()  # "Foto: X", "the town of X"
        start = i + 2 if words[i + 1] in glue else i + 1
        end = capitalised_run(tokens, start, blocked) if start < len(words) else start
        if end > start:
            kind = "place" if word in PLACE_CUES else "organization"
            found.append(rule_candidate(tokens, start, end, kind, {"org_kind": "media"} if kind == "organization" else {}))
    return found


def suffix_candidates(tokens: Tokens, blocked: set[int], known: Iterable[Candidate] = ()) -> list[Candidate]:
    """Organisations named with a cue word: "Deutsche Bank", "Ministry of Defence", "Berliner Zeitung";
    the name may hold a place of ``known`` ("Manchester United", "New York Times"), in English also a
    country or its adjective ("American Medical Association", "Church of England")."""
    english = tokens.lang == "en"
    hits = sorted(tokens.where(ENGLISH_ORG_CUES) + tokens.where(LINKED_HEADS)) if english else sorted(tokens.where(ORG_WORDS) + tokens.where(UNGERMAN_ORG_CUES))
    if not hits:
        return []
    named = blocked - covered(c for c in known if c.type in ("place", "country"))  # "Council of Sudan"
    free = named if english else blocked - covered(c for c in known if c.type == "place")
    found: list[Candidate] = []
    for i in hits:
        if i in blocked:
            continue
        start = head_start(tokens, i, free) if english else i
        while start > 0 and not english and free_name_word(tokens, start - 1, free) and i - start < 3 and not org_kind_word(tokens.words[start - 1]):
            start -= 1
        end = _name_continuation(tokens, i + 1, named)
        if end - start >= 2 and not (english and end == i + 1 and LINKED_HEADS.hits({tokens.words[i]})):
            found.append(rule_candidate(tokens, start, end, "organization", {}))
    return found


def _name_continuation(tokens: Tokens, end: int, free: set[int]) -> int:
    """The end of an organisation's name after its cue word: "of", "for" or "on", an optional "the",
    then up to five capitalised words, hyphenated ones whole ("on Arab-Israeli Relations"), in English
    repeatedly ("for the Welfare of Immigrants"); a given name ends it, as a person's name follows
    ("University of Leeds Sarah Collins"), and so does a repeated link to a country alone, which
    says where the body is ("University of Sheffield of the UK")."""
    words, first = tokens.words, end
    while end + 1 < len(words) and words[end] in NAME_LINKS:
        start = end + 2 if words[end + 1] == "the" else end + 1
        stop = _linked_words_end(tokens, start, free)
        if stop == start or (end > first and tokens.span_text(start, stop) in country_names("en")):
            return end
        end = stop
        if tokens.lang != "en":
            return end
    return joined_end(tokens, end, free) if end > first else end


def _linked_words_end(tokens: Tokens, start: int, free: set[int]) -> int:
    """The end of the capitalised words after a link word of an organisation's name."""
    words, stop, given = tokens.words, start, given_names(tokens.lang)
    while stop < len(words) and stop - start < 5 and free_name_word(tokens, stop, free) and words[stop] not in given:
        glued = glued_hyphen(tokens, stop + 1) and free_name_word(tokens, stop + 2, free)
        stop += 3 if glued else 1
    return stop


def model_candidates(doc: Doc, tokens: Tokens, gazetteer: Gazetteer) -> list[Candidate]:
    """Entities from a trained NER, typed via the gazetteer where it knows the name."""
    found = []
    for ent in doc.ents:
        etype = MODEL_TYPES.get(ent.label_)
        if not etype:
            continue
        known = gazetteer.find(tokens.words[ent.start : ent.end])
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
        span = range(cand.start, cand.end)
        if taken.isdisjoint(span):
            chosen.append(cand)
            taken.update(span)
    return sorted(chosen, key=lambda c: c.start)


def _name_or_after_given(tokens: Tokens, i: int, given: frozenset[str]) -> bool:
    """Token ``i`` is a given name or follows one."""
    return tokens.words[i] in given or (i > 0 and tokens.words[i - 1] in given)


def find_entities(doc: Doc, tokens: Tokens, lang: str, gazetteer: Gazetteer, german: Registry = GERMAN_RULES) -> list[Candidate]:
    """All entity candidates of the doc, overlaps resolved; German text also gets the ``german`` rules."""
    known = select(gazetteer_candidates(tokens, gazetteer))
    # A one-word place that is also a given name ("Vladimir", "Santiago") may open a person's name, and
    # one right after a given name may end it ("Michael Jackson", "Uta Hagen").
    given = given_names(lang)
    opened: list[Candidate] = []
    if lang == "en":
        known = hyphen_glued_places(tokens, known)  # "Ho" of "Park Joo-Ho" is part of the name
        known, opened = given_name_places(tokens, known, lambda word: word in PLACE_END_WORDS or org_cue(word))
    blocked = covered(c for c in known if not (c.type == "place" and c.length == 1 and _name_or_after_given(tokens, c.start, given)))
    owner_at = {i: c.id for c in known if c.type in ("country", "organization") for i in range(c.start, c.end)}
    persons = find_persons(tokens, lang, blocked | (compound_heads(tokens) if lang == "en" else set()), owner_at) + opened
    if lang == "en":
        persons += hyphenated_given_names(tokens, blocked | covered(persons))
    if lang == "en":
        return translated_party_names(tokens, english_entities(doc, tokens, gazetteer, known, persons))
    ruled = cue_candidates(tokens, blocked) + suffix_candidates(tokens, blocked, known)
    if lang != "de":
        return select(known + persons + ruled + model_candidates(doc, tokens, gazetteer))
    hits = german_hits(tokens)
    ruled += german_candidates(tokens, blocked | covered(persons), hits, german)  # what a person holds stays his
    chosen = select(known + persons + ruled + model_candidates(doc, tokens, gazetteer))
    return translated_party_names(tokens, german_chosen(tokens, chosen, hits, german))


def english_entities(doc: Doc, tokens: Tokens, gazetteer: Gazetteer, known: list[Candidate], persons: list[Candidate]) -> list[Candidate]:
    """English: the shared candidates and ``english_rules``: capitalised runs around known places, facilities,
    acronyms, lone given names, places after "in"; no place that is the surname of a person the article
    names, no person whose name ends in an organisation's or facility's cue word ("Brooklyn Institute"),
    and initials before a name belong to the person ("L. Ron Hubbard")."""
    persons = [with_initials(tokens, p) for p in persons if not ends_in_cue(tokens, p)]
    known = adjectives_in_longer_names(tokens, known, covered(known) | covered(persons))
    blocked = covered(known) | covered(persons)
    ruled = cue_candidates(tokens, blocked) + suffix_candidates(tokens, blocked, known) + english_candidates(tokens, blocked, gazetteer)
    places = covered(c for c in known if c.type in ("place", "country"))
    runs = places_in_longer_names(tokens, known, covered(persons)) + facility_places(tokens, blocked) + head_places(tokens, blocked - places, places)
    named = person_tails(tokens, ruled + runs, known, cue_word) + event_names(tokens)
    chosen = select(without_surname_places(tokens, known, persons) + persons + named + model_candidates(doc, tokens, gazetteer))
    taken = covered(chosen)
    chosen = buildings_as_places(tokens, without_events(tokens, chosen))
    extra = without_descriptors(tokens, lone_given_names(tokens, GIVEN_EN, taken, persons)) + places_after_in(tokens, taken, given_names("en"), org_cue)
    extra += company_names(tokens, taken) + cued_firms(tokens, taken)
    by_context = context_candidates(tokens, taken, [c for c in chosen if c.type == "person"])
    extra += [c for c in by_context if c.type != "person" or not ends_in_cue(tokens, c)]
    return with_capitalised_the(tokens, acronym_aliases(tokens, country_bodies(tokens, national_bodies(tokens, country_led_names(tokens, english_places(tokens, select(chosen + extra)))))))


def org_cue(word: str) -> bool:
    """``word`` ends an English organisation's name ("Department", "Bank")."""
    return bool(ENGLISH_ORG_CUES.hits({word}))


def ends_in_cue(tokens: Tokens, person: Candidate) -> bool:
    """The person's name ends in a cue word of an organisation or facility: it names none."""
    return cue_word(tokens.words[person.end - 1])


def cue_word(word: str) -> bool:
    """``word`` ends the name of an organisation or a facility ("Bank", "Stadium")."""
    return word in FACILITY_WORDS or org_cue(word)


def with_initials(tokens: Tokens, person: Candidate) -> Candidate:
    """The person with the initials right before the name ("L. Ron Hubbard")."""
    start = person.start
    while start > 0 and INITIAL.match(tokens.words[start - 1]):
        start -= 1
    return person if start == person.start else rule_candidate(tokens, start, person.end, "person", dict(person.attrs))


def without_surname_places(tokens: Tokens, known: list[Candidate], persons: list[Candidate]) -> list[Candidate]:
    """``known`` less the one-word places that are the last word of a person's full name in the article
    ("Kennedy" after "John Kennedy"): coreference makes them mentions of that person."""
    surnames = {tokens.words[p.end - 1] for p in persons if p.length > 1}
    return [c for c in known if not (c.type == "place" and c.length == 1 and tokens.words[c.start] in surnames)]


GIVEN_EN = WordTest(lambda word: word in given_names("en"))
INITIAL = re.compile(r"^[A-Z]\.$")
