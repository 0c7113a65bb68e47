"""Finding entity mentions in a Doc: gazetteers, name rules, cue-word rules and a trained NER if present."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from spacy.tokens import Doc

from pipelines.components.candidates import Candidate
from pipelines.components.gazetteer import Gazetteer
from pipelines.components.names import SAINTS, find_persons, is_name_token, is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest
from pipelines.keys import entity_id
from pipelines.knowledge.people import given_names, name_classes
from pipelines.knowledge.tables import not_names

# Words after which a capitalised name is a news outlet or source ("(Foto: Sputnik)").
SOURCE_CUES = frozenset({"Foto", "Fotos", "Bild", "Quelle", "Photo", "Source", "Credit"})
MEDIA_CUES = frozenset({"Zeitung", "Tageszeitung", "Nachrichtenagentur", "Agentur", "Sender", "newspaper", "daily", "agency", "broadcaster"})
PLACE_CUES = frozenset({"Region", "Provinz", "Stadt", "Hafenstadt", "Hauptstadt", "Republik", "Gebiet", "province", "city", "region", "port"})
ORG_SUFFIXES = (
    "partei", "bank", "ministerium", "agentur", "konzern", "gruppe", "kommission", "stiftung", "institut",
    "universität", "gericht", "verband", "Party", "Bank", "Ministry", "Agency", "Group", "Council",
    "Commission", "Institute", "University", "Court", "Corporation", "Company", "Association", "Fund", "AG", "GmbH",
    "zeitung", "Zeitung", "Tageblatt", "Kurier", "Rundschau", "Anzeiger", "kasse", "kammer", "verein", "Verein",
    "gesellschaft", "genossenschaft", "akademie", "hochschule", "verlag", "Verlag", "werke", "Werke", "amt",
    "KG", "SE", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Records", "Airlines", "Motors", "Systems", "Holding",
)
MODEL_TYPES = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place", "GPE": "place", "NORP": ""}
CUES = SOURCE_CUES | MEDIA_CUES | PLACE_CUES
CUE_WORDS = WordTest(CUES.__contains__)
ORG_WORDS = WordTest(lambda word: word[0].isupper() and word.endswith(ORG_SUFFIXES))
PRIORITY = {"gazetteer": 3, "rule": 2, "model": 1}


def gazetteer_candidates(tokens: Tokens, gazetteer: Gazetteer) -> list[Candidate]:
    """Every known country, adjective, place and organisation in the doc."""
    return [
        Candidate(start, end, e.type, e.id, e.label, "gazetteer", e.score, e.kind, dict(e.attrs))
        for start, end, e in gazetteer.find(tokens.words, tokens.where(gazetteer.first_words))
        if e.type
    ]


def _org_word(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free capitalised word that may be part of an organisation's or outlet's name;
    unlike a person's, such a name may hold common nouns ("Hamburger Mieterverein")."""
    return i not in blocked and is_name_word(tokens.words[i])


def _capitalised_run(tokens: Tokens, start: int, blocked: set[int], limit: int = 4) -> int:
    end = start
    while end < len(tokens) and end - start < limit and _org_word(tokens, end, blocked):
        end += 1
    return end


def cue_candidates(tokens: Tokens, blocked: set[int]) -> list[Candidate]:
    """Outlets after "Foto:" or "Zeitung", places after "Region"/"Provinz"."""
    found = []
    words = tokens.words
    for i in tokens.where(CUE_WORDS):
        word = words[i]
        if i == len(words) - 1:
            continue
        start = i + 2 if word in SOURCE_CUES and words[i + 1] == ":" else i + 1
        end = _capitalised_run(tokens, start, blocked) if start < len(words) else start
        if end > start:
            kind = "place" if word in PLACE_CUES else "organization"
            found.append(_rule_candidate(tokens, start, end, kind, {"org_kind": "media"} if kind == "organization" else {}))
    return found


def saint_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Churches and towns named after a saint: "St. Peter", "Sankt Moritz" (German only)."""
    found = []
    words = tokens.words
    for i in hits:
        start = i + 2 if words[i] == "St" and i + 1 < len(words) and words[i + 1] == "." else i + 1
        if words[i] == "St" and start == i + 1:
            continue
        end = start
        while end < len(words) and end - start < 2 and end not in blocked and words[end][:1].isupper() and words[end].isalpha():
            end += 1
        if end > start:
            found.append(_rule_candidate(tokens, i, end, "place", {}))
    return found


def suffix_candidates(tokens: Tokens, blocked: set[int]) -> list[Candidate]:
    """Organisations named with a cue word: "Deutsche Bank", "Ministry of Defence", "Berliner Zeitung"."""
    found = []
    words = tokens.words
    for i in tokens.where(ORG_WORDS):
        if i in blocked:
            continue
        start = i
        while start > 0 and _org_word(tokens, start - 1, blocked) and i - start < 3:
            start -= 1
        end = i + 1
        if end + 1 < len(words) and words[end] == "of" and words[end + 1][0].isupper():
            end += 2
        if end - start >= 2:
            found.append(_rule_candidate(tokens, start, end, "organization", {}))
    return found


CLASS_TYPES = {"family": "person", "given": "person", "place": "place", "organization": "organization"}
@lru_cache(maxsize=200_000)
def word_class(word: str) -> str | None:
    """The class of ``word`` in ``name_classes``, or of the name whose genitive it is ("Wetzlars")."""
    classes = name_classes()
    found = classes.get(word)
    if found is None and len(word) > 3 and word[-1] == "s":
        found = classes.get(word[:-1])
    return found


INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
FORENAME_CLASSES = frozenset({None, "given", "family"})


def class_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Names whose word cluster says what they are: "Merkel", "Wetzlar", "SPD" (German only); a family
    name takes the initials and unknown name words before it ("H. Dietz", "Franck Ribéry")."""
    found = []
    for i in hits:
        if i not in blocked:
            cls = word_class(tokens.words[i]) or ""
            etype = CLASS_TYPES[cls]
            if etype == "person" and _glued_to_next(tokens, i):
                continue  # the first part of a compound: "Peter-Prinzip", "Merkel-Regierung"
            if cls == "given" and _sentence_start(tokens, i):
                continue  # "Anders als ..." is an adverb there
            start = _forenames_start(tokens, i, blocked) if etype == "person" else i
            found.append(_rule_candidate(tokens, start, i + 1, etype, {}))
    return found


ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ&]{1,4}$")
# Capitals that are no organisation: units, formats, legal forms, titles and everyday abbreviations.
NOT_ORG_ACRONYMS = frozenset(
    "AG KG OHG GMBH CO PC CD CDS DVD TV USB PDF HD SMS MMS DNA RNA IT OK FAQ UKW KW PS EUR USD CHF GBP "
    "CEO CFO CTO MP DJ VIP PR HIV AIDS LKW PKW ABS GPS WC BH TB GB MB KB MHZ GHZ KM CM MM NR II III IV VI VII "
    "VIII IX XI XII XIII XIV XV XX XXL DDR BRD UDSSR USA UK EU UN US ISBN ISSN PMID DOI PLZ EBIT MBA BA MA BSC "
    "MSC PHD FCKW CPI BIP GPL KFZ NS WM EM".split()
)
# Sports clubs: "FC Nürnberg", "1. FC Köln", "TSV 1860 München", "ESV Lok Zwickau".
CLUB_WORDS = frozenset("FC SC SV TSV VfB VfL SG ESV SSV MSV THW BV TuS SpVgg SpVg FSV KSC HSV BSC SpG".split())
def acronym_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Words in capitals ("BASF", "UEFA", "DGB") name organisations in German news, with the name words
    after them ("BNP Paribas"); not the first part of a compound ("WM-Finale") nor a unit after a number
    ("196 MW") (German only)."""
    found = []
    for i in hits:
        if i not in blocked and not _glued_to_next(tokens, i) and not (i > 0 and tokens.words[i - 1].isdigit()):
            found.append(_rule_candidate(tokens, i, _capitalised_run(tokens, i + 1, blocked, 2), "organization", {}))
    return found


def club_candidates(tokens: Tokens, hits: list[int]) -> list[Candidate]:
    """Sports clubs: a club abbreviation and the capitalised words or a year after it, places included
    ("1. FC Nürnberg", "SC Paderborn", "TSV 1860 München")."""
    found = []
    words = tokens.words
    for i in hits:
        end = i + 1
        while end < len(words) and end - i <= 3 and (words[end][:1].isupper() or (words[end].isdigit() and len(words[end]) == 4)):
            end += 1
        start = i - 1 if i > 0 and words[i - 1] in ("1.", "2.") else i
        if end > i + 1:
            found.append(_rule_candidate(tokens, start, end, "organization", {}))
    return found


def _sentence_start(tokens: Tokens, i: int) -> bool:
    """Token ``i`` opens its sentence, or follows an opening quote or bracket there."""
    first = tokens.sents[tokens.sent_of[i]][0]
    return i == first or (i == first + 1 and not tokens.words[first].isalnum())


def _glued_to_next(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is followed by a hyphen without a space between."""
    return i + 1 < len(tokens) and not tokens.spaces[i] and tokens.words[i + 1] == "-"


def _forenames_start(tokens: Tokens, i: int, blocked: set[int], limit: int = 2) -> int:
    """Where the forenames before the family name at ``i`` start: initials and name words that are not
    known as places or organisations."""
    start = i
    while start > 0 and i - start < limit and start - 1 not in blocked and _forename(tokens.words[start - 1], tokens, start - 1, blocked):
        start -= 1
    return start


def _forename(word: str, tokens: Tokens, i: int, blocked: set[int]) -> bool:
    return bool(INITIAL.match(word)) or (is_name_token(tokens, i, blocked) and name_classes().get(word) in FORENAME_CLASSES)


def _rule_candidate(tokens: Tokens, start: int, end: int, etype: str, attrs: dict) -> Candidate:  # type: ignore[type-arg]
    label = tokens.span_text(start, end)
    return Candidate(start, end, etype, entity_id(etype, label), label, "rule", 0.7, "name", attrs)


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


def covered(candidates: Iterable[Candidate]) -> set[int]:
    """Token indexes inside any candidate."""
    return {i for c in candidates for i in range(c.start, c.end)}


@lru_cache(maxsize=200_000)
def german_rules(word: str) -> tuple[str, ...]:
    """The German-only rules that ``word`` feeds: "class", "saint", "acronym", "club"."""
    rules = []
    if word_class(word) in CLASS_TYPES and word not in not_names():
        rules.append("class")
    if word in SAINTS:
        rules.append("saint")
    if ACRONYM.match(word) and word not in NOT_ORG_ACRONYMS:
        rules.append("acronym")
    if word in CLUB_WORDS:
        rules.append("club")
    if word[:1].isupper() and word.endswith(STREET_ENDINGS):
        rules.append("street")
    return tuple(rules)


GERMAN_CUES = WordTest(german_rules)


def german_candidates(tokens: Tokens, blocked: set[int]) -> list[Candidate]:
    """The candidates of the German-only rules, from one pass over the doc's distinct words."""
    hits: dict[str, list[int]] = {"class": [], "saint": [], "acronym": [], "club": [], "street": []}
    for i in tokens.where(GERMAN_CUES):
        for rule in german_rules(tokens.words[i]):
            hits[rule].append(i)
    return (
        class_candidates(tokens, hits["class"], blocked) + saint_candidates(tokens, hits["saint"], blocked)
        + acronym_candidates(tokens, hits["acronym"], blocked) + club_candidates(tokens, hits["club"])
        + street_candidates(tokens, hits["street"], blocked)
    )


# Word endings of streets and squares: "Schulstraße", "Gubener Straße", "Alexanderplatz".
STREET_ENDINGS = ("straße", "strasse", "Straße", "Strasse", "platz", "Platz", "allee", "Allee", "gasse", "Gasse", "damm", "ufer")


def street_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Streets and squares: a compound ending in a street word that is no common noun ("Schulstraße", not
    "Flugplatz"), or a street word after a place's adjective ("Gubener Straße", "Friedberger Landstraße")."""
    found = []
    words = tokens.words
    for i in hits:
        if i in blocked:
            continue
        start = i - 1 if i > 0 and i - 1 not in blocked and words[i - 1][:1].isupper() and words[i - 1].endswith("er") else i
        if start < i or (len(words[i]) > 8 and words[i][1:].islower() and name_classes().get(words[i]) != "noun"):
            found.append(_rule_candidate(tokens, start, i + 1, "place", {}))
    return found


def _name_or_after_given(tokens: Tokens, i: int, given: frozenset[str]) -> bool:
    """Token ``i`` is a given name or follows one."""
    return tokens.words[i] in given or (i > 0 and tokens.words[i - 1] in given)


def find_entities(doc: Doc, tokens: Tokens, lang: str, gazetteer: Gazetteer) -> list[Candidate]:
    """All entity candidates of the doc, overlaps resolved."""
    known = select(gazetteer_candidates(tokens, gazetteer))
    # A one-word place that is also a given name ("Vladimir", "Santiago") may open a person's name, and
    # one right after a given name may end it ("Michael Jackson", "Uta Hagen").
    given = given_names(lang)
    blocked = covered(c for c in known if not (c.type == "place" and c.length == 1 and _name_or_after_given(tokens, c.start, given)))
    owner_at = {i: c.id for c in known if c.type in ("country", "organization") for i in range(c.start, c.end)}
    persons = find_persons(tokens, lang, blocked, owner_at)
    ruled = cue_candidates(tokens, blocked) + suffix_candidates(tokens, blocked)
    if lang == "de":
        ruled += german_candidates(tokens, blocked | covered(persons))  # what a person holds stays his
    chosen = select(known + persons + ruled + model_candidates(doc, tokens, gazetteer))
    return join_place_parts(tokens, chosen) if lang == "de" else chosen


def join_place_parts(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A place glued by hyphens to name words takes them ("Berlin-Mitte", "Düsseldorf-Gerresheim"); a
    common noun ends it ("Berlin-Besuch" stays "Berlin")."""
    words = tokens.words
    if not any(c.type == "place" and c.end < len(words) and words[c.end] in ("-", "–") for c in chosen):
        return chosen
    taken = covered(chosen)
    joined = []
    for cand in chosen:
        end = cand.end
        while cand.type == "place" and _glued_part(tokens, end, taken):
            end += 2
        if end > cand.end:
            label = tokens.span_text(cand.start, end)
            cand = Candidate(cand.start, end, "place", entity_id("place", label), label, "rule", cand.score, cand.kind, dict(cand.attrs))
        joined.append(cand)
    return joined


def _glued_part(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Tokens ``i`` and ``i + 1`` are a hyphen and a free name word, glued to what comes before."""
    return (
        i + 1 < len(tokens)
        and tokens.words[i] in ("-", "–")
        and not tokens.spaces[i - 1]
        and not tokens.spaces[i]
        and i + 1 not in taken
        and is_name_word(tokens.words[i + 1], "de")
    )
