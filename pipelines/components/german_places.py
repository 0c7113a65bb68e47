"""German-only place rules: saints' places, streets, unknown names after a place cue or listed with a place,
names in capitals, spa towns, motorways, and places joined with their hyphenated parts ("Berlin-Mitte")."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_words import noun_compound, word_class
from pipelines.components.names import SAINTS, STOP_WORDS, is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import HYPHENS, covered, genitive_stem, glued_hyphen, glued_to_next
from pipelines.keys import entity_id
from pipelines.knowledge.people import name_classes
from pipelines.knowledge.places import english_places, place_names


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
            found.append(rule_candidate(tokens, i, end, "place", {}))
    return found


def unknown_name(word: str) -> bool:
    """A name word that no lexicon knows: neither a known noun nor a name of any class nor a season, nor a
    compound that ends in a known noun ("Kraftfahrzeugmotoren"), unless that noun is a usual end of place
    names ("Homburg")."""
    return (
        len(word) > 3 and word[1:].islower() and word_class(word) is None and word not in SEASONS
        and is_name_word(word, "de") and not noun_compound(word)
    )


# Seasons, which the word clusters put with names ("im Winter"); they are family names too ("Ron Sommer").
SEASONS = frozenset({"Frühling", "Frühjahr", "Sommer", "Herbst", "Winter"})


# Prepositions after which an unknown name is a place: "in Modrava", "nach Downsview", "aus Zandvoort".
PLACE_PREPOSITIONS = frozenset({"in", "nach", "aus"})
# Nouns before a place's name: "die Gemeinde Pflückuff", "das Dorf Weitingen".
PLACE_NOUNS = frozenset(
    "Gemeinde Gemeinden Marktgemeinde Ortsteil Ortsteile Ortschaft Stadtteil Dorf Dörfer Weiler Kreis Landkreis "
    "Bezirk Kanton Insel Halbinsel Fluss Berg Gipfel Départements Département".split()
)
PLACE_CUE_WORDS = PLACE_PREPOSITIONS | PLACE_NOUNS


COORDINATORS = frozenset({",", "und", "oder", "sowie"})


def coordinated_places(tokens: Tokens, chosen: list[Candidate], unknown_names: list[int]) -> list[Candidate]:
    """Unknown name words (at ``unknown_names``) listed with a place are places too: "Tranomaro , Folakara ,
    Makay und Antsirabe", also where hyphens join them ("Koskimäki-Huhtala")."""
    words = tokens.words
    unknown = [i for i in unknown_names if _coordinated(words, i) and not (i + 1 < len(words) and words[i + 1][:1].isupper()) and not glued_to_next(tokens, i)]
    if not unknown:
        return chosen
    starts = [c.start for c in chosen]
    names = set(unknown_names)
    units = {i: _glued_start(tokens, i, names) for i in unknown}
    taken = {i for i in unknown if any(_inside(chosen, starts, k) for k in range(units[i], i + 1))}
    places = {i for c in chosen if c.type == "place" for i in (c.start, c.end - 1)}
    added: list[Candidate] = []
    grew = True
    while grew:
        grew = False
        for i in unknown:
            if i not in taken and _listed_with(tokens, units[i], i, places):
                added.append(rule_candidate(tokens, units[i], i + 1, "place", {}))
                taken.add(i)
                places.update((units[i], i))
                grew = True
    return sorted(chosen + added, key=lambda c: c.start) if added else chosen


def _glued_start(tokens: Tokens, i: int, names: set[int]) -> int:
    """The first of the unknown name words joined to token ``i`` by glued hyphens ("Koskimäki" of
    "Koskimäki-Huhtala"); ``i`` itself if none."""
    start = i
    while glued_hyphen(tokens, start - 1) and start - 2 in names:
        start -= 2
    return start


def _inside(chosen: list[Candidate], starts: list[int], i: int) -> bool:
    """Token ``i`` lies in one of ``chosen`` (ordered by ``starts``)."""
    k = bisect_right(starts, i) - 1
    return k >= 0 and chosen[k].end > i


def _coordinated(words: list[str], i: int) -> bool:
    """Token ``i`` has a comma or "und" on either side."""
    return (i > 0 and words[i - 1] in COORDINATORS) or (i + 1 < len(words) and words[i + 1] in COORDINATORS)


def _listed_with(tokens: Tokens, start: int, last: int, places: set[int]) -> bool:
    """Tokens ``start`` to ``last`` are joined by a comma or "und" to a place's first or last word."""
    words = tokens.words
    return (start > 1 and words[start - 1] in COORDINATORS and start - 2 in places) or (
        last + 2 < len(words) and words[last + 1] in COORDINATORS and last + 2 in places
    )


def destination_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """An unknown name word right after "in", "nach" or "aus" and before no other capitalised word is a place."""
    words = tokens.words
    found = []
    for i in hits:
        if i > 0 and words[i - 1] in PLACE_CUE_WORDS and i not in blocked and not (i + 1 < len(words) and words[i + 1][:1].isupper()) and not glued_to_next(tokens, i):
            found.append(rule_candidate(tokens, i, i + 1, "place", {}))
    return found


# Word endings of streets and squares: "Schulstraße", "Gubener Straße", "Alexanderplatz".
STREET_ENDINGS = ("straße", "strasse", "Straße", "Strasse", "platz", "Platz", "allee", "Allee", "gasse", "Gasse", "damm", "ufer")


# English street nouns, which German text keeps in a street's name: "Downing Street", "Abbey Road".
ENGLISH_STREETS = frozenset({"Street", "Road", "Avenue", "Square", "Lane", "Boulevard"})


def street_word(word: str) -> bool:
    """A street's or square's name word: "Schulstraße", "Platz", "Street"."""
    return (word[:1].isupper() and word.endswith(STREET_ENDINGS)) or word in ENGLISH_STREETS


# Nouns that name a place after a place's adjective: "Tegeler See", "Lehrter Bahnhof", "Viernheimer Dreieck".
PLACE_HEADS = frozenset(
    "See Bahnhof Hauptbahnhof Hafen Tor Wald Heide Bucht Kreuz Dreieck Brücke Mühle Schloss Dom Stadthalle Messe Arena Stadion".split()
)


def street_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Streets and squares: a compound ending in a street word that is no common noun ("Schulstraße", not
    "Flugplatz"), or a street word or place noun after a place's adjective ("Gubener Straße", "Friedberger
    Landstraße", "Tegeler See"); a street takes the house number after it ("Schulstraße 12a")."""
    found = []
    words = tokens.words
    for i in hits:
        if i in blocked:
            continue
        start = i - 1 if i > 0 and i - 1 not in blocked and _street_opener(words[i - 1], words[i]) else i
        if start < i or (len(words[i]) > 8 and words[i][1:].islower() and name_classes().get(words[i]) != "noun"):
            end = i + 2 if street_word(words[i]) and i + 1 < len(words) and HOUSE_NUMBER.match(words[i + 1]) else i + 1
            found.append(rule_candidate(tokens, start, end, "place", {}))
    return found


# A house number after a street's name: "12", "90c" (not a year: "Schulstraße 1990" is no address).
HOUSE_NUMBER = re.compile(r"^(?:[1-9][0-9]{0,2}[a-z]?)$")


def _street_opener(word: str, street: str) -> bool:
    """``word`` opens the name of the street or place noun ``street``: a place's adjective ("Gubener
    Straße"), or any name word before an English street noun ("Downing Street")."""
    return _place_adjective(word) or (street in ENGLISH_STREETS and is_name_word(word, "de"))


def _place_adjective(word: str) -> bool:
    """A capitalised adjective in "-er" that is no article or pronoun ("Gubener", not "Der", "Jeder")."""
    return word[:1].isupper() and word.endswith("er") and word.lower() not in STOP_WORDS


def join_place_parts(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A place glued by hyphens to name words or other places takes them ("Berlin-Mitte",
    "Düsseldorf-Gerresheim"); a common noun ends it ("Berlin-Besuch" stays "Berlin"). A place also takes the
    region or river it lies in or at ("Freiburg im Breisgau", "Dorf an der Pram")."""
    words = tokens.words
    ends = [k for k, c in enumerate(chosen) if c.type == "place" and c.end < len(words) and words[c.end] in JOINERS]
    if not ends:
        return chosen
    taken = covered(chosen)
    parts = taken - {c.start for c in chosen if c.type == "place" and c.length == 1}  # one-word places may be parts
    joined = list(chosen)
    absorbed: set[int] = set()
    for k in ends:
        cand = chosen[k]
        if cand.start in absorbed:
            continue
        end = cand.end
        while _glued_part(tokens, end, parts):
            absorbed.add(end + 1)
            end += 2
        end = _located_end(tokens, end, taken)
        if end > cand.end:
            label = tokens.span_text(cand.start, end)
            joined[k] = Candidate(cand.start, end, "place", entity_id("place", label), label, "rule", cand.score, cand.kind, dict(cand.attrs))
    return [c for c in joined if c.start not in absorbed] if absorbed else joined


JOINERS = frozenset({"-", "–", "im", "am", "an"})


def _located_end(tokens: Tokens, i: int, taken: set[int]) -> int:
    """The end of "im Breisgau", "am Inn", "an der Pram" at ``i`` when the name there is a place or unknown and
    ends the phrase; ``i`` itself otherwise."""
    words = tokens.words
    j = i + 2 if i + 2 < len(words) and words[i] == "an" and words[i + 1] in ("der", "dem") else i + 1
    if j == i + 1 and (i >= len(words) or words[i] not in ("im", "am")):
        return i
    if j >= len(words) or j in taken or (j + 1 < len(words) and words[j + 1][:1].isupper()):
        return i
    return j + 1 if word_class(words[j]) == "place" or unknown_name(words[j]) else i


def _glued_part(tokens: Tokens, i: int, taken: set[int]) -> bool:
    """Tokens ``i`` and ``i + 1`` are a hyphen and a free name word, glued to what comes before."""
    return glued_hyphen(tokens, i, HYPHENS) and i + 1 not in taken and is_name_word(tokens.words[i + 1], "de")


def capitals_place(word: str) -> bool:
    """A place's name in capitals, as datelines write it ("BOCHUM", "TOKIO")."""
    if len(word) < 4 or not word.isalpha() or not word.isupper():
        return False
    name = word[0] + word[1:].lower()
    return word_class(name) == "place" or name in place_names()


def capitals_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Places named in capitals ("BOCHUM (dpa)")."""
    return [rule_candidate(tokens, i, i + 1, "place", {}) for i in hits if i not in blocked]


# Road classes before a road's number: "A 7", "Bundesstraße 216".
ROAD_WORDS = frozenset({"A", "Autobahn", "Bundesautobahn", "Bundesstraße", "B"})
ROAD_NUMBER = re.compile(r"^[1-9][0-9]{0,2}$")
MOTORWAY = re.compile(r"^A[1-9][0-9]{0,2}$")


def road_candidates(tokens: Tokens, hits: list[int]) -> list[Candidate]:
    """Motorways and federal roads by their number: "A 7", "A1", "Bundesstraße 216"; a lone "A" or "B"
    only before a number and after no capitalised word ("Vitamin B 12")."""
    words = tokens.words
    found = []
    for i in hits:
        if MOTORWAY.match(words[i]):
            found.append(rule_candidate(tokens, i, i + 1, "place", {}))
        elif i + 1 < len(words) and ROAD_NUMBER.match(words[i + 1]) and (len(words[i]) > 1 or not (i > 0 and words[i - 1][:1].isupper())):
            found.append(rule_candidate(tokens, i, i + 2, "place", {}))
    return found


def spa_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Spa towns: "Bad" and the name word after it ("Bad Schussenried"), not a noun ("Bad und Küche")."""
    words = tokens.words
    return [
        rule_candidate(tokens, i, i + 2, "place", {})
        for i in hits
        if i + 1 < len(words) and i + 1 not in blocked and is_name_word(words[i + 1], "de") and words[i + 1] not in PLACE_CUE_WORDS
    ]


def english_place_ids(chosen: list[Candidate]) -> list[Candidate]:
    """Places that rules found by a German name ("Sotschi", "Roms") under the English id and label of the
    place that name stands for, with its country; others in the genitive under their name ("Wetzlars")."""
    return [_english_place(c) if c.type == "place" and c.method == "rule" else c for c in chosen]


def _english_place(cand: Candidate) -> Candidate:
    places = english_places()
    stem = genitive_stem(cand.label, 3) if name_classes().get(cand.label) is None else None
    place = places.get(cand.label) or places.get(stem or "")
    if place is None and stem and name_classes().get(stem) == "place":  # "Wetzlars" is Wetzlar
        return replace(cand, id=entity_id("place", stem), label=stem)
    if place is None or place.id == cand.id:
        return cand
    attrs = {**cand.attrs, "country": place.country} if place.country else dict(cand.attrs)
    return Candidate(cand.start, cand.end, "place", place.id, place.label("de"), cand.method, cand.score, cand.kind, attrs)


# Words that open the names of places in Romance languages: "Cerro Amarillo", "Isola di Arabella", "Via Roma".
ROMANCE_PLACE_WORDS = frozenset(
    "Cerro Isola Isla Lido Via Río Lago Monte Sierra Puerto Playa Cabo Pico Punta Golfo Bahía Laguna".split()
)
ROMANCE_PARTICLES = frozenset({"di", "de", "del", "della", "delle", "dei", "degli", "la", "las", "los", "do", "da", "dos"})


def romance_place_candidates(tokens: Tokens, hits: list[int]) -> list[Candidate]:
    """A Romance place word and the name after it, with its particles: "Cerro San Félix", "Lido delle
    Nazioni", "Isla Margarita"; it ends at a name word, and may hold a known name ("Via Roma", "Cerro
    Amarillo": the longer name wins)."""
    found = []
    for i in hits:
        end = _romance_name_end(tokens, i + 1)
        if end > i + 1:
            found.append(rule_candidate(tokens, i, end, "place", {}))
    return found


def _romance_name_end(tokens: Tokens, start: int, limit: int = 4) -> int:
    """The end of the name words and particles from ``start``, at its last name word; ``start`` if none."""
    words, end = tokens.words, start
    for k in range(start, min(start + limit, len(words))):
        if not (words[k] in ROMANCE_PARTICLES or words[k] in SAINTS or is_name_word(words[k])):
            break
        if words[k] not in ROMANCE_PARTICLES:
            end = k + 1
    return end


PLACE_ADJECTIVE_ENDING = "er"


def _after_name_word(words: list[str], i: int) -> bool:
    """Token ``i`` follows a capitalised word that is no article or pronoun ("New" of "New Yorker")."""
    return i > 0 and words[i - 1][:1].isupper() and words[i - 1].lower() not in STOP_WORDS


def place_adjective(word: str) -> bool:
    """A town's adjective: a capitalised word in "-er" whose stem is a known place of five letters or more
    and that is no name of another class ("Moskauer", "Göteborger"; not "Hammer" of Hamm, nor "Meier")."""
    stem = word[: -len(PLACE_ADJECTIVE_ENDING)]
    return (
        len(stem) > 4 and word.endswith(PLACE_ADJECTIVE_ENDING) and word[:1].isupper() and word[1:].islower()
        and name_classes().get(word) in (None, "noun") and stem in english_places()
    )


def place_adjective_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A town's adjective mentions the town ("die Moskauer Richter" -> Moscow), as a country's adjective
    mentions the country; not after a capitalised word ("New Yorker"), and before a place noun the street
    rule's longer name wins ("Tegeler See")."""
    found = []
    for i in hits:
        place = english_places()[tokens.words[i][: -len(PLACE_ADJECTIVE_ENDING)]]
        if i not in blocked and not glued_to_next(tokens, i) and not _after_name_word(tokens.words, i):
            attrs = {"country": place.country} if place.country else {}
            found.append(Candidate(i, i + 1, "place", place.id, place.label("de"), "rule", 0.7, "adjective", attrs))
    return found
