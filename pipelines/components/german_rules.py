"""German-only entity rules: names by their word class (name_classes.tsv), acronyms, sports clubs, companies,
institutions and federal bodies; the place rules are in ``german_places``, and all are registered, with
what they need and what they add, in ``german_registry``."""

from __future__ import annotations

import re

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_companies import everyday_abbreviation
from pipelines.components.german_org_names import english_body
from pipelines.components.german_places import street_word
from pipelines.components.german_words import noun_compound, word_class
from pipelines.components.names import STOP_WORDS, capitalised_run, is_name_token, is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import genitive_stem, glued_hyphen, glued_to_next, glued_to_previous
from pipelines.keys import entity_id
from pipelines.knowledge.countries import country_label
from pipelines.knowledge.people import name_classes, role_for_word
from pipelines.knowledge.places import place_names

CLASS_TYPES = {"family": "person", "given": "person", "place": "place", "organization": "organization", "company": "organization"}
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
            if etype == "person" and glued_to_next(tokens, i):
                continue  # the first part of a compound: "Peter-Prinzip", "Merkel-Regierung"
            if cls == "given" and _sentence_start(tokens, i) and tokens.words[i].lower() in STOP_WORDS:
                continue  # "Anders als ..." is an adverb there
            start = _forenames_start(tokens, i, blocked) if etype == "person" else i
            end = _surname_end(tokens, i, blocked) if etype == "person" else i + 1
            found.append(rule_candidate(tokens, start, end, etype, {}))
    return found


def _surname_end(tokens: Tokens, i: int, blocked: set[int]) -> int:
    """The end of the person whose given or family name is at ``i``: a following name word no list
    knows, or a family name, is the family name ("Grant Leadbitter", "Franck Ribéry", "Burkhardt
    Müller-Sönksen"), with a part glued by a hyphen."""
    j = i + 1
    if _family_genitive(tokens.words[i]) or not (j < len(tokens) and tokens.spaces[i] and _family_word(tokens, j, blocked)):
        return i + 1  # a genitive owns the noun after it: "Trumps Angriffsauftrag"
    if glued_hyphen(tokens, j + 1) and (is_name_token(tokens, j + 2, blocked) or _syllable(tokens, j + 2)):
        return j + 3
    return j + 1


def _syllable(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is a short lower-case syllable that ends a hyphenated East Asian name ("Yun-fat", "Jong-un")."""
    return i < len(tokens) and tokens.words[i].isalpha() and tokens.words[i].islower() and len(tokens.words[i]) <= 4


def _family_genitive(word: str) -> bool:
    """``word`` is the genitive of a family name ("Trumps"), not a name itself; a given name's genitive may be
    a given name of its own ("Anders")."""
    classes = name_classes()
    return classes.get(word) is None and classes.get(genitive_stem(word, 3) or "") == "family"


# Endings of Slavic, Romanian and Greek family names, which no German noun has; the word clusters put some
# such names with nouns ("Djokovic").
FOREIGN_SURNAME = re.compile(r"(?:vi[cć]|i[cćč]|ov|ev|ova|eva|ski|sky|ska|escu|enko|idis|opoulos)$")


def _family_word(tokens: Tokens, j: int, blocked: set[int]) -> bool:
    """Token ``j`` can be the family name after a given or family name: a free name word that is a family
    name or unknown, or a "noun" of the word clusters with a foreign family name's ending ("Djokovic"); no
    street ("Downing Street") and no compound of a common noun ("Angriffsauftrag")."""
    word = tokens.words[j]
    if j in blocked or street_word(word) or noun_compound(word):
        return False
    cls = name_classes().get(word)
    if cls == "noun":
        return word[:1].isupper() and bool(FOREIGN_SURNAME.search(word))
    return cls in (None, "family") and is_name_token(tokens, j, blocked)


ACRONYM = re.compile(r"^(?:[A-ZÄÖÜ][A-ZÄÖÜ&]{1,4}|G[1-9][0-9]?)$")  # "G8", "G20": groups of states
GROUP_OF_STATES = re.compile(r"^G[1-9][0-9]?$")
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
    ("196 MW"), except a group of states ("G8-Gipfel" mentions the G8, as "EU-Haushalt" the EU), nor an
    everyday abbreviation standing alone ("der GP von Monaco"; "AS Quandel" is a club) (German only)."""
    found = []
    for i in hits:
        glued = glued_to_next(tokens, i) and not GROUP_OF_STATES.match(tokens.words[i])
        end = capitalised_run(tokens, i + 1, blocked, 2)
        lone_abbreviation = end == i + 1 and everyday_abbreviation(tokens.words[i]) and tokens.words[i] not in CLUB_WORDS
        if i not in blocked and not glued and not lone_abbreviation and not (i > 0 and tokens.words[i - 1].isdigit()):
            found.append(rule_candidate(tokens, i, end, "organization", {}))
    return found


def club_candidates(tokens: Tokens, hits: list[int]) -> list[Candidate]:
    """Sports clubs: a club word (an abbreviation or a word of the clubs' cluster in ``name_classes``) and
    the capitalised words or a year after it, places included ("1. FC Nürnberg", "SC Paderborn", "TSV 1860
    München", "FC Schalke 04", "Borussia Dortmund")."""
    found = []
    words = tokens.words
    for i in hits:
        end = i + 1
        while end < len(words) and end - i <= 3 and ((words[end][:1].isupper() and words[end].lower() not in STOP_WORDS) or _club_year(words[end])):
            end += 1
        start = i - 1 if i > 0 and words[i - 1] in ("1.", "2.") else i
        if end > i + 1 or (word_class(words[i]) == "club" and not glued_to_next(tokens, i)):
            found.append(rule_candidate(tokens, start, end, "organization", {}))
    return found


def _club_year(word: str) -> bool:
    """A founding year in a club's name: "1860", "04" (of "Schalke 04")."""
    return word.isdigit() and len(word) in (2, 4)


def _sentence_start(tokens: Tokens, i: int) -> bool:
    """Token ``i`` opens its sentence, or follows an opening quote or bracket there."""
    first = tokens.sents[tokens.sent_of[i]][0]
    return i == first or (i == first + 1 and not tokens.words[first].isalnum())


def _forenames_start(tokens: Tokens, i: int, blocked: set[int], limit: int = 2) -> int:
    """Where the forenames before the family name at ``i`` start: initials and name words that are not
    known as places or organisations."""
    start = i
    while start > 0 and i - start < limit and start - 1 not in blocked and _forename(tokens.words[start - 1], tokens, start - 1, blocked):
        start -= 1
    return start


def _forename(word: str, tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """An initial, or a free name word that is a given or family name or unknown, but no compound of a
    common noun ("Bäderleiter", "Chefinspektor") and no unknown word after an article ("der Genosse")."""
    if INITIAL.match(word):
        return True
    if glued_to_previous(tokens, i):
        return False  # the end of a compound: "Bayern-Star"
    cls = name_classes().get(word)
    if cls is None and (noun_compound(word) or (i > 0 and tokens.words[i - 1].lower() in NOUN_ARTICLES)):
        return False  # an unknown word after an article is a common noun: "der Genosse Quandt"
    return is_name_token(tokens, i, blocked) and cls in FORENAME_CLASSES


NOUN_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"})


# Federal and state bodies named by one compound: "Bundesnachrichtendienst", "Bundesjustizministerium",
# "Umweltbundesamt", "Landeskriminalamt".
FEDERAL = re.compile(
    r"^(?:(?:[A-ZÄÖÜ][a-zäöüß]*b|B)undes|Landes)[a-zäöüß]*(?:ministerium|amt|gericht|gerichtshof|finanzhof|kammer|verband"
    r"|anstalt|agentur|bank|rat|wehr|heer|polizei|nachrichtendienst|post|bahn)(?P<genitive>e?s)?$"
)


def federal_candidates(tokens: Tokens, hits: list[int]) -> list[Candidate]:
    """Federal and state bodies, with what they are for ("Bundesamt für Gesundheit", "Bundesministerium der
    Finanzen") or the state they serve ("Landeskriminalamt Nordrhein-Westfalen")."""
    return [_federal(tokens, i) for i in hits]


def _federal(tokens: Tokens, i: int) -> Candidate:
    """The body at ``i``, labelled in the nominative ("Bundeskriminalamtes" -> "Bundeskriminalamt"), its id from
    its English name where its parts translate (``german_org_names.english_body``: federal-criminal-police-office)."""
    word = tokens.words[i]
    match = FEDERAL.match(word)
    name = word[: match.start("genitive")] if match and match.group("genitive") else word
    end = _purpose_end(tokens, i + 1)
    state = _state_end(tokens, i + 1) if word.startswith("Landes") and end == i + 1 else i + 1
    rest = tokens.span_text(i + 1, max(end, state))
    english = english_body(word) if end == i + 1 else None
    if english and rest:
        english += f" of {place_names()[rest].label_en}"
    label = f"{name} {rest}" if rest else name
    return Candidate(i, max(end, state), "organization", entity_id("organization", english or label), label, "rule", 0.7, "name", {})


def _state_end(tokens: Tokens, j: int) -> int:
    """The end of a known place's name at ``j`` ("Bayern", "Nordrhein-Westfalen"); ``j`` where none is."""
    for end in (j + 3, j + 1):
        if end <= len(tokens) and tokens.span_text(j, end) in place_names() and tokens.words[j][:1].isupper():
            return end
    return j


PURPOSE_WORDS = frozenset({"für", "der", "des"})


def _purpose_end(tokens: Tokens, i: int, limit: int = 4) -> int:
    """The end of a purpose phrase at ``i`` ("für Migration und Flüchtlinge", "der Finanzen"): a preposition or
    article and capitalised words, joined by "und"; ``i`` itself where none starts."""
    words = tokens.words
    if i + 1 >= len(words) or words[i] not in PURPOSE_WORDS or not words[i + 1][:1].isupper():
        return i
    end = i + 2
    while end < len(words) and end - i < limit and (words[end][:1].isupper() or (words[end] == "und" and end + 1 < len(words) and words[end + 1][:1].isupper())):
        end += 1
    return end


# Institutions named by their kind and their town: "Universität Gießen", "TU Berlin", "Realschule Spaichingen".
INSTITUTIONS = frozenset(
    "Universität Uni Hochschule Fachhochschule TU FH Gymnasium Realschule Gesamtschule Grundschule Hauptschule "
    "Berufsschule Klinikum Universitätsklinikum Stadtwerke Sparkasse Volksbank Raiffeisenbank Amtsgericht "
    "Landgericht Oberlandesgericht Verwaltungsgericht Landratsamt Kraftwerk Staatstheater Stadttheater".split()
)
_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er)$")


def institution_candidates(tokens: Tokens, hits: list[int]) -> list[Candidate]:
    """An institution's kind and the name words of its town after it, with an adjective before it
    ("Universität Gießen", "Medizinische Hochschule Hannover"); the town alone stays a place where no name
    word follows."""
    found = []
    words = tokens.words
    for i in hits:
        end = i + 1
        while end < len(words) and end - i <= 2 and words[end][:1].isupper() and is_name_word(words[end], "de"):
            end += 1
        if end > i + 1:
            before = i > 0 and bool(_ADJECTIVE.match(words[i - 1])) and words[i - 1].lower() not in STOP_WORDS
            found.append(rule_candidate(tokens, i - 1 if before else i, end, "organization", {}))
    return found


def adjective_organizations(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A capitalised country adjective right before an organisation is part of its name ("Deutschen
    Bundestag", "Schweizer SAM Group"); in lower case it only tells the country ("der deutsche Bundestag").
    A known organisation keeps its id ("Deutschen Bundestag" is a mention of the Bundestag)."""
    leads = {
        k for k in range(len(chosen) - 1)
        if chosen[k].type == "country" and chosen[k + 1].type == "organization" and _leads(tokens, chosen[k], chosen[k + 1])
    }
    if not leads:
        return chosen
    merged = [c for k, c in enumerate(chosen) if k not in leads and k - 1 not in leads]
    merged += [_with_adjective(tokens, chosen[k].start, chosen[k + 1]) for k in leads]
    return sorted(merged, key=lambda c: c.start)


def _leads(tokens: Tokens, adjective: Candidate, org: Candidate) -> bool:
    """``adjective`` is a capitalised one-word country adjective right before ``org``, not opening a sentence."""
    return (
        adjective.end == org.start and adjective.kind == "adjective" and adjective.length == 1
        and tokens.words[adjective.start][:1].isupper() and not _sentence_start(tokens, adjective.start)
    )


def _with_adjective(tokens: Tokens, start: int, org: Candidate) -> Candidate:
    """``org`` widened to start at ``start``; a gazetteer's organisation keeps its id and label."""
    if org.method == "gazetteer":
        return Candidate(start, org.end, org.type, org.id, org.label, org.method, org.score, org.kind, dict(org.attrs))
    return rule_candidate(tokens, start, org.end, "organization", dict(org.attrs))


def country_bodies(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A known organisation named by a common noun ("Bundesregierung") is a generic body: with another
    country's adjective or genitive right before it ("der äthiopischen Bundesregierung", "Russlands
    Zentralbank") it is that country's body, kept apart under an id per country; alone it stays the body
    the list means (the German federal government)."""
    bodies = {k for k in range(1, len(chosen)) if _country_body(tokens, chosen[k - 1], chosen[k])}
    return [_of_country(c, chosen[k - 1]) if k in bodies else c for k, c in enumerate(chosen)]


def _country_body(tokens: Tokens, owner: Candidate, body: Candidate) -> bool:
    """``body`` is a generic body of another country than its own, named by ``owner`` right before it."""
    return (
        owner.type == "country" and owner.end == body.start and body.type == "organization" and body.length == 1
        and body.method == "gazetteer" and name_classes().get(tokens.words[body.start]) == "noun"
        and owner.id != f"country:{body.attrs.get('country', '')}"
    )


def _of_country(body: Candidate, owner: Candidate) -> Candidate:
    """``body`` as the body of the country ``owner`` names."""
    code = owner.id.split(":", 1)[1]
    attrs = {**body.attrs, "country": code}
    return Candidate(body.start, body.end, body.type, f"{body.id}-{code.lower()}", f"{body.label} ({country_label(code, 'de')})", body.method, body.score, body.kind, attrs)


# Ends of the nouns that say what kind of organisation the name after them is: "Fluggesellschaft Air One",
# "Rockband Kraftwerk", "Gewerkschaft Ver.di", "Traditionsverein Preußen Münster", "Bankhaus Credito Emiliano".
ORG_KIND_ENDS = (
    "gesellschaft", "konzern", "verein", "band", "sender", "versicherung", "gewerkschaft", "vereinigung", "unternehmen",
    "firma", "ligist", "verlag", "magazin", "hersteller", "airline", "klub", "club", "agentur", "kette", "brauerei",
    "bankhaus", "betreiber", "ensemble", "zeitschrift", "label", "marke",
)
# Ends in "band", but alone is the head of the name it opens ("Verband Deutscher …"; "Arbeitgeberverband X" is a kind).
NAME_HEADS = frozenset({"verband"})
QUOTES = frozenset({'"', "„", "“", "”", "«", "»", "‚", "‘"})
MAX_ORG_WORDS = 3


def org_kind_word(word: str) -> bool:
    """A capitalised noun (or compound) that names a kind of organisation, in any case: "Ölgesellschaft", "Band",
    "Herstellern", "Erstligisten", "Verlags"."""
    lower = word.lower()
    forms = (lower, lower[:-1] if lower.endswith(("n", "s")) else "", lower[:-2] if lower.endswith(("en", "es")) else "")
    kind = any(f.endswith(ORG_KIND_ENDS) and f not in NAME_HEADS for f in forms if f)
    return word[:1].isupper() and word[1:].islower() and kind


def org_kind_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """The name after a noun for a kind of organisation, in quotes or not: its first word a name word (a
    country's or town's name or adjective too, when more name words follow: "Swiss Music Radio", "Preußen
    Münster"), then capitalised words, at most three; and a second name joined to it by "und" ("Hersteller
    Siemens und Bombardier")."""
    found = []
    for i in hits:
        j = i + 2 if i + 1 < len(tokens) and tokens.words[i + 1] in QUOTES else i + 1
        end = _org_name_end(tokens, j, blocked) if j < len(tokens) and tokens.spaces[i] else j
        if end > j:
            found.append(rule_candidate(tokens, j, end, "organization", {}))
            found += _joined_name(tokens, end, blocked)
    return found


def _org_name_end(tokens: Tokens, j: int, blocked: set[int]) -> int:
    """The end of an organisation's name from ``j``; ``j`` where no name starts there."""
    words = tokens.words
    end = j + 1
    while end < len(words):
        if glued_hyphen(tokens, end) and end + 1 < len(words) and words[end + 1][:1].isupper():
            end += 2  # "Süd-West-Metall": hyphenated parts are one word
        elif end - j < MAX_ORG_WORDS and words[end][:1].isupper() and words[end].lower() not in DE_STOP:
            end += 1
        else:
            break
    if is_name_token(tokens, j, blocked) or (end > j + 1 and words[j][:1].isupper() and words[j].lower() not in DE_STOP):
        return end
    return j


def _joined_name(tokens: Tokens, end: int, blocked: set[int]) -> list[Candidate]:
    """A one-word name after "und" at ``end`` that is followed by no capitalised word: a second organisation."""
    k = end + 1
    if k < len(tokens) and tokens.words[end] == "und" and is_name_token(tokens, k, blocked) and not (k + 1 < len(tokens) and tokens.words[k + 1][:1].isupper()):
        return [rule_candidate(tokens, k, k + 1, "organization", {})]
    return []


def retyped_after_cue(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A one-word name of another type right after a cue noun takes the cue's type: after a noun for a kind of
    organisation, in quotes or not, it is an organisation ("Firma Grünenthal", "Verein Ascoli", "Zeitschrift
    „Quandel“"), as is a person's name there ("Bankhaus Carlo Morvex"); after a person's role or
    occupation a person ("Präsident Cleveland", "Genosse Stalin"); countries keep theirs."""
    return [_retyped(tokens, c) for c in chosen]


def _quoted_after_kind(tokens: Tokens, i: int) -> bool:
    """Token ``i`` opens a quoted name right after a noun for a kind of organisation ("Zeitschrift „Quandel“")."""
    return i >= 2 and tokens.words[i - 1] in QUOTES and tokens.spaces[i - 2] and org_kind_word(tokens.words[i - 2])


def _after_kind(tokens: Tokens, i: int) -> bool:
    """Token ``i`` follows a noun for a kind of organisation, with a space between ("Bankhaus Carlo Morvex")."""
    return i >= 1 and tokens.spaces[i - 1] and org_kind_word(tokens.words[i - 1])


def _retyped(tokens: Tokens, cand: Candidate) -> Candidate:
    if cand.length == 1 and cand.type not in ("country", "organization") and _quoted_after_kind(tokens, cand.start):
        return rule_candidate(tokens, cand.start, cand.end, "organization", {})
    if cand.type == "person" and cand.length > 1 and _after_kind(tokens, cand.start):
        return rule_candidate(tokens, cand.start, cand.end, "organization", {})  # "Bankhaus Carlo Morvex"
    if cand.length != 1 or cand.start == 0 or cand.type == "country" or not tokens.spaces[cand.start - 1]:
        return cand
    cue = tokens.words[cand.start - 1]
    if cand.type != "organization" and org_kind_word(cue):
        return rule_candidate(tokens, cand.start, cand.end, "organization", {})
    if cand.type in ("place", "organization") and role_for_word(cue, "de") is not None:
        return rule_candidate(tokens, cand.start, cand.end, "person", {"role": cue})
    return cand
