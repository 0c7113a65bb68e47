"""Recognising persons without a trained model.

A person name starts with a known given name ("Wladimir Putin") or follows a
role word ("Präsident Biden", "Ministerpräsident Pham Minh Chinh") and runs
over capitalised name tokens, hyphenated parts ("Jong-un") and particles
("von der Leyen").  A country adjective or genitive before the role tells
what the person leads ("der russische Präsident" -> leads country:RU).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.lang.de.stop_words import STOP_WORDS as DE_STOP
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

from pipelines.components.candidates import Candidate
from pipelines.components.german_words import noun_compound
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest, glued_hyphen, glued_to_next
from pipelines.keys import entity_id
from pipelines.knowledge.people import Role, given_names, multi_word_roles, name_classes, role_for_word

PARTICLES = frozenset({"von", "van", "della", "delle", "degli", "dello", "dei", "der", "den", "de", "da", "di", "del", "bin", "al", "ibn", "el", "le", "la", "du", "dos", "ter"})
MONTHS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "January February March May June July October December".split()
)
CALENDAR = MONTHS | frozenset(
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
# German articles that are particles only after another one ("von der Leyen", not "Neil Armstrong den Mond").
ARTICLE_PARTICLES = frozenset({"der", "den"})
# Forms of address and titles before a name ("Herr Weber", "Dr. Murjahn", "Miss Marple"); none is a name word.
TITLES = frozenset({"Herr", "Herrn", "Frau", "Dr", "Dr.", "Prof", "Prof.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Sir"})
# What names a church or town after a saint ("St. Peter", "San Luca"): the name that follows is no person's.
SAINTS = frozenset({"St.", "St", "Sankt", "San", "Santa", "Santo", "São"})
MAX_NAME_WORDS = 4
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-ÖØ-Þ][\w'’.]*$")
STOP_WORDS = frozenset(DE_STOP | EN_STOP)


@dataclass(frozen=True)
class RoleCue:
    """A role word before a name and what it tells about the person."""

    role: Role
    start: int  # first token of the role phrase (including a country adjective)
    leads: str  # entity id the role heads ("country:RU"), or ""


@lru_cache(maxsize=200_000)
def is_name_word(text: str, lang: str = "") -> bool:
    """A capitalised word that can be part of a person's name, wherever it stands; in German not a
    known common noun ("Hilfe", "Mond": every German noun is capitalised)."""
    return (
        bool(_NAME_TOKEN.match(text))
        and len(text) > 1
        and text.lower() not in STOP_WORDS
        and text not in CALENDAR
        and text not in TITLES
        and text not in SAINTS
        and (lang != "de" or name_classes().get(text) != "noun")
        and (lang == "en" or role_for_word(text, "de") is None)  # German compounds: "Mendelssohn" is no "Sohn"
        and role_for_word(text, "en") is None
    )


def is_name_token(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a name word that no other entity holds."""
    return i not in blocked and is_name_word(tokens.words[i], tokens.lang)


def _name_end(tokens: Tokens, start: int, blocked: set[int]) -> int:
    """The end of the name that starts at ``start`` (exclusive token index)."""
    end, words = start + 1, 1
    while end < len(tokens) and words < MAX_NAME_WORDS:
        if _hyphen_part(tokens, end, blocked):
            end += 2
        elif is_name_token(tokens, end, blocked) and not (tokens.words[end - 1].endswith("s") and _compound_noun(tokens, end)):
            end, words = end + 1, words + 1
        elif _particle_run(tokens, end, blocked):
            end = _particle_run(tokens, end, blocked)
        else:
            break
    return end


def _compound_noun(tokens: Tokens, i: int) -> bool:
    """In German, token ``i`` is an unknown compound of a common noun: after a genitive it continues no name
    ("Anna Quandts Modelsuche")."""
    word = tokens.words[i]
    return tokens.lang == "de" and name_classes().get(word) is None and noun_compound(word)


def _hyphen_part(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a hyphen glued to the name on both sides ("Jong" "-" "un"), and in German not to
    a common noun ("Corona-Krise")."""
    return (
        glued_hyphen(tokens, i)
        and tokens.is_alpha(i + 1)
        and i + 1 not in blocked
        and not (tokens.lang == "de" and name_classes().get(tokens.words[i + 1]) == "noun")
    )


def _particle_run(tokens: Tokens, i: int, blocked: set[int]) -> int:
    """End of particles followed by a name token ("von der Leyen"), or 0."""
    if tokens.words[i] in ARTICLE_PARTICLES:
        return 0
    j = i
    while j < len(tokens) and tokens.words[j] in PARTICLES:
        j += 1
    if j > i and glued_hyphen(tokens, j) and j + 1 not in blocked and is_name_word(tokens.words[j + 1]):
        return j + 2  # glued to the name: "al-Assadi", "bin-Talal"
    if j > i and j < len(tokens) and j not in blocked and is_name_word(tokens.words[j]) and not _compound_noun(tokens, j):
        return j + 1  # nouns too: "Leyen"; a compound makes "von" the preposition ("von Generalgouverneurin X")
    return 0


def role_before(tokens: Tokens, i: int, lang: str, owner_at: dict[int, str]) -> RoleCue | None:
    """The role phrase that ends right before token ``i``, if any."""
    if i == 0:
        return None
    words = tokens.words
    for role in multi_word_roles(lang).get(words[i - 1], []):
        n = len(role.words)
        if i - n >= 0 and tuple(words[i - n : i]) == role.words:
            return _with_country(role, i - n, owner_at)
    single = role_for_word(words[i - 1], lang)
    return _with_country(single, i - 1, owner_at) if single else None


def _with_country(role: Role, start: int, owner_at: dict[int, str]) -> RoleCue:
    """Attach the country named by an adjective or hyphenated prefix before the role."""
    for j in (start - 1, start - 2):
        if j >= 0 and j in owner_at:
            return RoleCue(role, j, owner_at[j])
    return RoleCue(role, start, "")


def _noun_surname(tokens: Tokens, j: int, blocked: set[int]) -> bool:
    """Token ``j`` is a German common noun that ends a name as its family name: right after a given
    name and before no other capitalised word ("Antony Blinken", "Wolfgang Schüssel")."""
    words = tokens.words
    return (
        j < len(words)
        and j not in blocked
        and (is_name_word(words[j]) or _capitalised_verb_form(words[j]))
        and name_classes().get(words[j]) == "noun"
        and (j + 1 == len(words) or not words[j + 1][:1].isupper())
    )


def _capitalised_verb_form(word: str) -> bool:
    """A capitalised noun whose lower case is a German stop word ("Macht" of "macht"): after a given name
    and with its capital it is no verb."""
    return word[:1].isupper() and word[1:].islower() and word.lower() in DE_STOP


def _opens_name(tokens: Tokens, i: int, blocked: set[int], given: frozenset[str]) -> bool:
    """Token ``i`` is a given name followed by more of a name; not an article such as "Al" glued to a
    name ("Al-Fashqa")."""
    if tokens.words[i].lower() in PARTICLES and glued_to_next(tokens, i):
        return False
    return tokens.words[i] in given and i + 1 < len(tokens) and (
        is_name_token(tokens, i + 1, blocked) or _hyphen_part(tokens, i + 1, blocked) or _particle_run(tokens, i + 1, blocked) > 0
    )


@cache
def _given_test(lang: str) -> WordTest:
    """Words that are given names in ``lang``'s lexicon."""
    given = given_names(lang)
    return WordTest(given.__contains__)


def find_persons(tokens: Tokens, lang: str, blocked: set[int], owner_at: dict[int, str]) -> list[Candidate]:
    """Person candidates; ``blocked`` tokens belong to other entities already."""
    found: list[Candidate] = []
    given = given_names(lang)
    free = 0  # the first token after the last name found
    for i in _possible_starts(tokens, lang):
        if i < free or not is_name_token(tokens, i, blocked):
            continue
        cue = role_before(tokens, i, lang, owner_at)
        noun_after = lang == "de" and tokens.words[i] in given and _noun_surname(tokens, i + 1, blocked)
        opens = _opens_name(tokens, i, blocked, given) or noun_after
        if opens or cue or _after_title(tokens, i):
            free = _name_end(tokens, i, blocked)
            if free == i + 1 and noun_after:
                free = i + 2 + (2 if _hyphen_part(tokens, i + 2, blocked) else 0)  # "Hedi Weiler-Quandt"
            found.append(_person(tokens, i, free, cue, opens))
    return found


@cache
def _role_ends(lang: str) -> WordTest:
    """Words that can end a role phrase (a one-word role or the last word of a longer one) and titles."""
    return WordTest(lambda word: word in multi_word_roles(lang) or role_for_word(word, lang) is not None or word in TITLES)


def _after_title(tokens: Tokens, i: int) -> bool:
    """Token ``i`` follows a title, or a title and its full stop ("Dr . Murjahn")."""
    words = tokens.words
    return i > 0 and (words[i - 1] in TITLES or (i > 1 and words[i - 1] == "." and words[i - 2] in TITLES))


def _possible_starts(tokens: Tokens, lang: str) -> list[int]:
    """Where a person's name can start: at a given name or right after a role word or title."""
    starts = set(tokens.where(_given_test(lang)))
    for i in tokens.where(_role_ends(lang)):
        starts.update((i + 1, i + 2) if tokens.words[i] in TITLES else (i + 1,))  # "Dr . Murjahn"
    return sorted(j for j in starts if j < len(tokens))



def _person(tokens: Tokens, start: int, end: int, cue: RoleCue | None, opens: bool) -> Candidate:
    label = tokens.span_text(start, end)
    attrs = {}
    if cue:
        attrs["role"] = " ".join(cue.role.words)
        if cue.role.leader and cue.leads:
            attrs["leads"] = cue.leads
    score = 0.9 if opens and cue else 0.8 if opens else 0.7
    return Candidate(start, end, "person", entity_id("person", label), label, "rule", score, "name", attrs)


def free_name_word(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free capitalised word that may be part of an organisation's or outlet's name;
    unlike a person's, such a name may hold common nouns ("Hamburger Mieterverein")."""
    return i not in blocked and is_name_word(tokens.words[i])


def capitalised_run(tokens: Tokens, start: int, blocked: set[int], limit: int = 4) -> int:
    end = start
    while end < len(tokens) and end - start < limit and free_name_word(tokens, end, blocked):
        end += 1
    return end
