"""Lexicons for recognising persons: given names and role words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from pipelines.knowledge.tables import not_names, read_classes, read_lines, read_rows


@dataclass(frozen=True)
class Role:
    """A role word such as "Präsident"; ``leader`` roles head what they are attached to."""

    words: tuple[str, ...]
    lang: str
    leader: bool
    kind: str


@cache
def first_names() -> frozenset[str]:
    """Given names (and East Asian family names that open a full name)."""
    return frozenset(read_lines("first_names.txt"))


@cache
def name_classes() -> dict[str, str]:
    """German word forms that are names -> "given", "family", "place" or "organization"
    (``data/name_classes.tsv``, derived from spacy-lookups-data's word clusters)."""
    return read_classes("name_classes.tsv")


@cache
def english_given_names() -> frozenset[str]:
    """Given names from the English word clusters (``data/name_classes_en.tsv``), less those that name a
    place of the gazetteer ("Darwin", "Austin", "Victoria"): there the place is the likelier reading."""
    from pipelines.knowledge.places import place_names  # places read name_classes from here

    derived = {word for word, cls in english_name_classes().items() if cls == "given"}
    return frozenset(derived - set(place_names()))


@cache
def english_name_classes() -> dict[str, str]:
    """English word forms -> "given" (a given name) or "word" (a common lower-case word), from
    ``data/name_classes_en.tsv`` (derived from spacy-lookups-data's English word clusters)."""
    return read_classes("name_classes_en.tsv")


def is_english_word(word: str) -> bool:
    """``word`` (in any case) is a common English word rather than a name ("Coast", "Valley")."""
    return english_name_classes().get(word.lower()) == "word"


@cache
def world_given_names() -> frozenset[str]:
    """Given names of many countries (``data/given_names_world.txt``, from Faker's person providers) for
    English text, less common English words ("Hope") and known places and countries ("Devon", "Kenya"). German text
    does without them: its word clusters already know the names German news uses, and these cost
    precision there (GermEval dev and realnews de measured)."""
    names = set(read_lines("given_names_world.txt")) - _english_place_words()
    return frozenset(name for name in names if not is_english_word(name))


# The points of the compass, which open place names ("North Shields"); Faker lists "North" as a given name.
COMPASS_WORDS = frozenset({"North", "South", "East", "West"})


@cache
def _english_place_words() -> frozenset[str]:
    """Names of places and countries in English text and the compass words: a given name that is one of
    these ("Kenya", "China", "Georgia") reads as the place, and would cut names such as "Medical Council
    of Kenya" short."""
    from pipelines.knowledge.countries import country_names
    from pipelines.knowledge.places import place_names_for  # places read name_classes from here

    return frozenset(place_names_for("en")) | frozenset(country_names("en")) | COMPASS_WORDS


@cache
def english_given_forms() -> frozenset[str]:
    """Every English given name of the sources, those that also name a place or country included
    ("Elizabeth", "Chad", "Paris"): such a word opens a person's name when an unknown name follows it."""
    derived = {word for word, cls in english_name_classes().items() if cls == "given"}
    return frozenset(derived | set(read_lines("given_names_world.txt")) | first_names()) - COMPASS_WORDS


@cache
def given_names(lang: str) -> frozenset[str]:
    """The curated given names, those derived from the word clusters of the language (German:
    ``name_classes``; English: ``english_given_names`` and ``world_given_names``), less what
    ``not_names`` rules out ("Corona")."""
    if lang == "de":
        derived = {word for word, cls in name_classes().items() if cls == "given"}
    elif lang == "en":
        derived = set(english_given_names() | world_given_names())
    else:
        return first_names()
    return first_names() | (derived - set(not_names()))


@cache
def roles(lang: str) -> dict[tuple[str, ...], Role]:
    """Role word sequences of ``lang`` -> role."""
    found = {}
    for row in read_rows("roles.tsv"):
        if row[1] == lang:
            role = Role(tuple(row[0].split()), row[1], row[2] == "1", row[3])
            found[role.words] = role
    return found


@lru_cache(maxsize=200_000)
def role_for_word(word: str, lang: str) -> Role | None:
    """The role of a single token, including German compounds ("Außenminister")."""
    table = roles(lang)
    forms = [word]
    if lang == "de" and word[-1:] in ("s", "n"):
        forms += [word[:-1], word[:-2]]
    for form in forms:
        if (form,) in table:
            return table[(form,)]
        if lang == "de":
            compound = _compound_role(form, lang)
            if compound:
                return compound
    return None


def _compound_role(word: str, lang: str) -> Role | None:
    """The role of a German compound such as "Verteidigungsminister"."""
    for length, by_suffix in _roles_by_suffix(lang):
        if len(word) > length + 1:  # two letters make a compound too: "Ölminister", "Biathletin"
            role = by_suffix.get(word[-length:])
            if role:
                return role
    return None


@cache
def _roles_by_suffix(lang: str) -> tuple[tuple[int, dict[str, Role]], ...]:
    """Single-word roles as (length, lower-cased word -> role), longest first; of two roles with one
    lower-cased word, the first in ``_single_word_roles`` order wins, as in a scan of that list."""
    by_length: dict[int, dict[str, Role]] = {}
    for (suffix,), role in _single_word_roles(lang):
        by_length.setdefault(len(suffix), {}).setdefault(suffix.lower(), role)
    return tuple(sorted(by_length.items(), key=lambda item: -item[0]))


@cache
def multi_word_roles(lang: str) -> dict[str, list[Role]]:
    """Roles of several words ("Prime Minister"), indexed by their last word."""
    index: dict[str, list[Role]] = {}
    for words, role in roles(lang).items():
        if len(words) > 1:
            index.setdefault(words[-1], []).append(role)
    return index


@cache
def _single_word_roles(lang: str) -> tuple[tuple[tuple[str, ...], Role], ...]:
    # Longest suffix first: "Ministerpräsident" must not end up as "Präsident"'s compound only.
    items = [(words, role) for words, role in roles(lang).items() if len(words) == 1]
    return tuple(sorted(items, key=lambda item: -len(item[0][0])))
