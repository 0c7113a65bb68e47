"""German places known by the shape of their name or of the phrase around it, not by a list: a known place
under a compass or position prefix ("Süditalien", "Nordhessen" -> South Italy, North Hesse), a compound
whose last part is a feature of the landscape ("Pustertal", "Schwielowsee", "den Kemmelberg") and an unknown
name after a preposition and an adjective ("im englischen Hatfield", "im heutigen Nordtuschino").
Registered in ``german_registry``."""

from __future__ import annotations

from functools import lru_cache

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.english_rules import PLACE_END_WORDS
from pipelines.components.german_places import PLACE_PREPOSITIONS, unknown_name
from pipelines.components.german_words import word_class
from pipelines.components.names import STOP_WORDS, is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import covered, genitive_stem, glued_to_next, glued_to_previous
from pipelines.keys import entity_id
from pipelines.knowledge.countries import country_adjectives, country_label, country_names
from pipelines.knowledge.people import is_english_word, name_classes
from pipelines.knowledge.places import Place, folded, folded_first_words, place_names, respelled_place, town_names

# Prefixes that name a part of a place ("Süditalien", "Oberbayern", "Niederrhein"), longest first, with the
# English word that opens the part's English name.
COMPASS_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Nordost", "Northeast"), ("Nordwest", "Northwest"), ("Südost", "Southeast"), ("Südwest", "Southwest"),
    ("Nord", "North"), ("Süd", "South"), ("Ost", "East"), ("West", "West"),
    ("Ober", "Upper"), ("Unter", "Lower"), ("Nieder", "Lower"), ("Mittel", "Central"), ("Zentral", "Central"),
)
# A known place's name is at least this long after the prefix ("Westfalen", not "West" + "Ende").
SHORTEST_STEM = 4


@lru_cache(maxsize=50_000)
def compass_place(word: str) -> tuple[str, str] | None:
    """(nominative label, English name) of a prefixed part of a known place ("Oberitaliens" ->
    ("Oberitalien", "Upper Italy")); None for a word that is itself a known place or country (the gazetteer
    finds those) or whose rest is no known place."""
    if not word[:1].isupper() or word in place_names() or word in country_names("de"):
        return None
    for form in (genitive_stem(word, SHORTEST_STEM + 4), word):  # "Oberitaliens" is Oberitalien
        found = _prefixed(form) if form else None
        if form and found:
            return form, found
    return None


def _prefixed(word: str) -> str | None:
    """The English name of ``word`` as a prefix and a known place ("Nordhessen" -> "North Hesse")."""
    for prefix, english in COMPASS_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= SHORTEST_STEM and rest[0].islower():
            name = _english_name(rest[0].upper() + rest[1:])
            return f"{english} {name}" if name else None
    return None


def _english_name(name: str) -> str | None:
    """The English name of a known place or country called ``name``; the name itself for a place only the
    word classes know ("Tuschino")."""
    place = place_names().get(name)
    if place is not None:
        return place.label_en
    code = country_names("de").get(name)
    if code is not None:
        return country_label(code, "en")
    return name if name_classes().get(name) == "place" else None


def compass_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A prefixed part of a known place ("Süditalien") under the English id of that part ("South Italy")."""
    found = []
    for i in hits:
        part = compass_place(tokens.words[i])
        if part is not None and i not in blocked and not glued_to_next(tokens, i) and not glued_to_previous(tokens, i):
            label, english = part
            found.append(Candidate(i, i + 1, "place", entity_id("place", english), label, "rule", 0.7, "name", {}))
    return found


# Last parts of the names of landscape features and huts ("Pustertal", "Schwielowsee", "Salmhütte"); a
# compound of an unknown first part and one of these is a place wherever it stands.
FEATURE_ENDINGS = ("tal", "see", "hütte", "gebirge", "gletscher")
# Last parts that also end family names ("Goldberg", "Rosenburg"): a place only after an article or a
# preposition with the article in it ("den Kemmelberg", "die Marksburg", "am Wallberg").
ARTICLE_ENDINGS = ("berg", "burg")
ARTICLES = frozenset({"der", "die", "den", "dem", "des", "am", "im", "vom", "zum", "zur", "beim"})
# A first part this short is rather a word of its own ("Kapital", "Odyssee").
SHORTEST_FIRST_PART = 4
SHORTEST_FIRST_PART_OF_NOUN = 5  # in a word the lexicon knows as a noun ("Pustertal", not "Frontal")


@lru_cache(maxsize=50_000)
def feature_ending(word: str) -> str | None:
    """The landscape ending of ``word`` ("Nassachtals" -> "tal") when the part before it is no common
    noun ("Holzhütte") and the word no name of a person or organisation; None otherwise."""
    if not (word[:1].isupper() and word[1:].islower()) or word_class(word) not in (None, "noun"):
        return None
    nominative = word[:-1] if word.endswith("s") else word
    if is_english_word(word):  # "Digital"
        return None
    for ending in FEATURE_ENDINGS + ARTICLE_ENDINGS:
        first = nominative[: -len(ending)]
        if nominative.endswith(ending) and _free_first_part(first, word) and not _ends_in_longer_noun(nominative, ending):
            return ending
    return None


def _ends_in_longer_noun(word: str, ending: str) -> bool:
    """``word`` ends in a known common noun longer than its landscape ending ("Eigenkapital": "Kapital")."""
    return any(name_classes().get(word[k].upper() + word[k + 1 :]) == "noun" for k in range(1, len(word) - len(ending)))


def _free_first_part(first: str, word: str) -> bool:
    shortest = SHORTEST_FIRST_PART_OF_NOUN if word_class(word) == "noun" else SHORTEST_FIRST_PART
    return len(first) >= shortest and word_class(first) != "noun" and first.lower() not in STOP_WORDS


def feature_compound_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Landscape compounds ("Pustertal", "Salmhütte"; "-berg" and "-burg" after an article: "den Kemmelberg")."""
    words = tokens.words
    found = []
    for i in hits:
        if i in blocked or glued_to_next(tokens, i) or glued_to_previous(tokens, i):
            continue
        if feature_ending(words[i]) in ARTICLE_ENDINGS and not (i > 0 and words[i - 1].lower() in ARTICLES):
            continue
        found.append(rule_candidate(tokens, i, i + 1, "place", {}))
    return found


# Words of direction or nearness before a place's name, with or without "von": "südlich von Modrava",
# "unweit Zandrino".
DIRECTION_WORDS = frozenset(
    "nördlich südlich östlich westlich nordöstlich nordwestlich südöstlich südwestlich unweit".split()
)


def direction_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """An unknown name (``hits``: ``unknown_name``) after a word of direction ("südlich Locre", "nördlich von
    Modrava") and before no other capitalised word is a place."""
    words = tokens.words
    found = []
    for i in hits:
        before = i - 2 if i >= 2 and words[i - 1] == "von" else i - 1
        if before >= 0 and words[before] in DIRECTION_WORDS and i not in blocked and not _before_name(tokens, i):
            found.append(rule_candidate(tokens, i, i + 1, "place", {}))
    return found


def _before_name(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is followed by a capitalised word or glued to one by a hyphen."""
    return (i + 1 < len(tokens) and tokens.words[i + 1][:1].isupper()) or glued_to_next(tokens, i)


# Tokens a respelled place's name may span ("Tel - Aviv", "Sao Tomé").
LONGEST_RESPELLED = 3


def respelled_cue(word: str) -> bool:
    """A capitalised word that may open a known place's name in another spelling ("Kyōto", "Tel"); a word in
    capitals is the ``capitals`` rule's."""
    return word[:1].isupper() and not word.isupper() and word_class(word) in (None, "place") and folded(word) in folded_first_words()


def respelled_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A known place or GeoNames town written with other accents or hyphens ("Kyōto", "Tel-Aviv", "Sao
    Tomé"), under the id and label of the place; the longest such name wins."""
    found = []
    for i in hits:
        for end in range(min(i + LONGEST_RESPELLED, len(tokens)), i, -1):
            place = _respelled(tokens, i, end, blocked)
            if place is not None:
                attrs = {"country": place.country} if place.country else {}
                found.append(Candidate(i, end, "place", place.id, place.label("de"), "rule", 0.7, "name", attrs))
                break
    return found


def _respelled(tokens: Tokens, start: int, end: int, blocked: set[int]) -> Place | None:
    """The place tokens ``[start, end)`` name in another spelling, if they are free name words or hyphens."""
    words = tokens.words
    if any(k in blocked for k in range(start, end)) or not words[end - 1][:1].isupper() or glued_to_next(tokens, end - 1):
        return None
    if end - start == 1 and not is_name_word(words[start], "de"):
        return None
    return respelled_place(tokens.span_text(start, end))


# Prepositions that put a place after them ("im englischen Hatfield", "aus dem oberbayerischen Aying").
DESCRIBED_PREPOSITIONS = frozenset({"im", "in", "ins", "nach", "aus", "vom", "von", "bei", "beim"})
# Adjectives that say where or when a place is ("im heutigen Nordtuschino", "im nahen Riniken"); adjectives
# of regions and countries end in "-isch" ("aargauischen") or are country adjectives ("deutschen").
PLACE_ADJECTIVES = frozenset({"heutigen", "damaligen", "benachbarten", "nahen", "nahegelegenen", "ehemaligen"})
REGION_ADJECTIVE_ENDINGS = ("ischen", "ischem")


def described_place_cue(word: str) -> bool:
    """A name word that may be a place described by an adjective before it: unknown to every lexicon, or a
    family name that is also a town's name (GeoNames: "Hatfield")."""
    return unknown_name(word) or (word_class(word) in ("family", "place") and word in town_names())


def described_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A name after a preposition and an adjective of a region, country, time or nearness and before no
    other capitalised word is a place ("im aargauischen Riniken", "im heutigen Nordtuschino")."""
    return [rule_candidate(tokens, i, i + 1, "place", {}) for i in hits if i not in blocked and _described(tokens, i)]


def described_persons_as_places(tokens: Tokens, chosen: list[Candidate], hits: list[int]) -> list[Candidate]:
    """A one-word person where ``described_candidates`` would find a place is that place ("im englischen
    Hatfield": no person stands after "im"); ``hits`` are the tokens that pass ``described_place_cue``."""
    found = {i for i in hits if _described(tokens, i)}
    if not found:
        return chosen
    return [
        rule_candidate(tokens, c.start, c.end, "place", {}) if c.type == "person" and c.length == 1 and c.start in found else c
        for c in chosen
    ]


def _described(tokens: Tokens, i: int) -> bool:
    words = tokens.words
    return (
        i >= 2 and words[i - 2] in DESCRIBED_PREPOSITIONS and _adjective(words[i - 1])
        and not (i + 1 < len(words) and words[i + 1][:1].isupper()) and not glued_to_next(tokens, i)
    )


def _adjective(word: str) -> bool:
    """An inflected adjective of a region or country ("aargauischen", "englischen") or of a place's time or
    nearness ("heutigen")."""
    return word in PLACE_ADJECTIVES or word.endswith(REGION_ADJECTIVE_ENDINGS) or word in country_adjectives("de")


def places_in_english_names(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A place or country in German text that an English word follows: before a facility's or feature's
    word it takes that word ("Westminster Hall", "Bedford Falls"); before another English word ("Kuwait
    National Airways", "US Open") or after one that is no German noun ("Financial Times Deutschland") it is
    part of a longer name, no place of its own. A genitive stays ("Wetzlars Coach")."""
    taken = covered(chosen)
    found = []
    for cand in chosen:
        if cand.type not in ("place", "country") or cand.kind == "adjective" or _genitive(tokens.words[cand.end - 1]):
            found.append(cand)
        elif _english_word_at(tokens, cand.end) and tokens.spaces[cand.end - 1]:
            if tokens.words[cand.end] in PLACE_END_WORDS and cand.end not in taken:
                found.append(rule_candidate(tokens, cand.start, cand.end + 1, "place", {}))
        elif not _after_english_word(tokens, cand.start):
            found.append(cand)
    return found


def _genitive(word: str) -> bool:
    """A known place's or country's name in the genitive ("Wetzlars Coach", "Russlands Station")."""
    stem = genitive_stem(word)
    return stem is not None and (stem in place_names() or stem in country_names("de") or name_classes().get(stem) == "place")


def _english_word_at(tokens: Tokens, i: int) -> bool:
    """Token ``i`` is a capitalised English word ("Town", "Falls"); one that is also a German noun only where
    the English name goes on ("National Airways", "Board of", not "machte in Jakutien Station")."""
    if i >= len(tokens) or not _capitalised_english(tokens.words[i]):
        return False
    following = tokens.words[i + 1] if i + 1 < len(tokens) else ""
    return name_classes().get(tokens.words[i]) != "noun" or following in ENGLISH_JOINERS or _capitalised_english(following)


ENGLISH_JOINERS = frozenset({"of", "and", "for", "&"})


def _after_english_word(tokens: Tokens, i: int) -> bool:
    """Token ``i`` follows a capitalised English word that is no German noun ("Times", not "Region")."""
    return i > 0 and tokens.spaces[i - 1] and _capitalised_english(tokens.words[i - 1]) and name_classes().get(tokens.words[i - 1]) != "noun"


def _capitalised_english(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.lower() not in STOP_WORDS and is_english_word(word)


def surname_places(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A one-word place that is the family name of a person the text names in full, or its genitive, is
    that person ("Papens Vizekanzlei" after "Franz von Papen"); the name itself not after "in", "nach" or
    "aus" ("in Paderborn" stays the town)."""
    persons = {tokens.words[p.end - 1]: p for p in chosen if p.type == "person" and p.length > 1}
    if not persons:
        return chosen
    return [_as_person(c, _named_person(tokens, c, persons)) if c.type == "place" and c.length == 1 else c for c in chosen]


def _named_person(tokens: Tokens, cand: Candidate, persons: dict[str, Candidate]) -> Candidate | None:
    word = tokens.words[cand.start]
    if word in persons:
        return None if cand.start > 0 and tokens.words[cand.start - 1] in PLACE_PREPOSITIONS else persons[word]
    return persons.get(genitive_stem(word) or "")


def _as_person(cand: Candidate, person: Candidate | None) -> Candidate:
    if person is None:
        return cand
    return Candidate(cand.start, cand.end, "person", person.id, person.label, "rule", cand.score, "name", {})
