"""German person rules about a person's bounds: two person candidates that are one name ("Wilton" "Mary
Tolvard"), initials before a name no lexicon knows ("K. Marvelko"), the genitive of such a name before a noun
("für Belvanis Stil"), and names that name no person: of a company, band or foundation ("Kevin Marlowe
Band", "Verlag Jonas Quint") or of a street ("Jakob Quandelstraße"). Registered in ``german_registry``."""

from __future__ import annotations

import re

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_places import street_word
from pipelines.components.german_rules import org_kind_word
from pipelines.components.german_words import noun_compound, word_class
from pipelines.components.names import STOP_WORDS, TITLES, is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import genitive_stem, glued_to_next, glued_to_previous
from pipelines.keys import entity_id
from pipelines.knowledge.people import given_names, name_classes, role_for_word

MAX_JOINED_WORDS = 4


def joined_persons(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """Two person candidates right after each other, the second opening with a given name, are one person
    of up to four words ("Wilton" + "Mary Tolvard" -> "Wilton Mary Tolvard"): German sets no two persons' names
    side by side without a comma or "und" between them; not a genitive before a name ("Merkels Peter") nor a
    word twice."""
    merged: list[Candidate] = []
    for cand in chosen:
        last = merged[-1] if merged else None
        if last is not None and _one_name(tokens, last, cand):
            merged[-1] = rule_candidate(tokens, last.start, cand.end, "person", {**cand.attrs, **last.attrs})
        else:
            merged.append(cand)
    return merged


def _one_name(tokens: Tokens, first: Candidate, second: Candidate) -> bool:
    return (
        first.type == second.type == "person" and first.end == second.start and tokens.spaces[first.end - 1]
        and second.length + first.length <= MAX_JOINED_WORDS and tokens.words[second.start] in given_names("de")
        and tokens.words[first.end - 1][-1:] != "s" and _no_repeated_word(tokens, first.start, second.end)
    )


def _no_repeated_word(tokens: Tokens, start: int, end: int) -> bool:
    """No word of tokens ``[start, end)`` comes twice: a name never repeats itself ("Tolvard Mary Tolvard")."""
    words = tokens.words[start:end]
    return len(set(words)) == len(words)


INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")


def initial_cue(word: str) -> bool:
    """One capital letter and its full stop ("W.")."""
    return bool(INITIAL.match(word))


def initial_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Initials and a name word no list knows as anything but a family name are a person ("K. Marvelko",
    "A. B. Quandel"); the first initial not after another."""
    found = []
    for i in hits:
        if i > 0 and initial_cue(tokens.words[i - 1]):
            continue
        j = i + 1
        while j < len(tokens) and initial_cue(tokens.words[j]):
            j += 1
        if j < len(tokens) and _surname_word(tokens, j, blocked):
            found.append(rule_candidate(tokens, i, j + 1, "person", {}))
    return found


def _surname_word(tokens: Tokens, j: int, blocked: set[int]) -> bool:
    """Token ``j`` is a free name word that is a family name or unknown, and no compound of a common noun but
    one in "-mann", as so many family names are ("K. Quandtmann")."""
    word = tokens.words[j]
    return (
        j not in blocked and is_name_word(word, "de") and word_class(word) in (None, "family")
        and (word.endswith("mann") or not noun_compound(word)) and not glued_to_next(tokens, j) and not street_word(word)
    )


def genitive_cue(word: str) -> bool:
    """A capitalised word in "s" that no list knows, nor the name it may be the genitive of ("Belvanis")."""
    stem = genitive_stem(word, 3)
    return (
        stem is not None and word[:1].isupper() and word[1:].islower() and word.lower() not in STOP_WORDS
        and word_class(word) is None and name_classes().get(stem) is None and not noun_compound(word)
        and not noun_compound(stem) and role_for_word(word, "de") is None and word not in TITLES
    )


# Words before a genitive that show it is a common noun's ("des Vaters Haus", "eines Bruders Frau").
ARTICLE_WORDS = frozenset("der die das des dem den ein eine eines einem einer ihres seines".split())


def genitive_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """The unknown name in the genitive before a common noun of the word clusters, with no article or other
    capitalised word before it, is a person's: "für Belvanis Stil", "Über Quandors Geburtsdatum"."""
    found = []
    for i in hits:
        if i not in blocked and i + 1 < len(tokens) and tokens.spaces[i] and _owned_noun(tokens.words[i + 1]):
            before = tokens.words[i - 1] if i > 0 else ""
            if before.lower() not in ARTICLE_WORDS and not glued_to_previous(tokens, i) and _free_before(before):
                found.append(_person_named(i, tokens.words[i][:-1]))  # labelled in the nominative: "Belvani"
    return found


def _person_named(i: int, name: str) -> Candidate:
    """A one-word person mention at token ``i`` under ``name`` (the nominative of a genitive)."""
    return Candidate(i, i + 1, "person", entity_id("person", name), name, "rule", 0.7, "name", {})


def _free_before(word: str) -> bool:
    """A word before a genitive that owns nothing itself: lower case, punctuation or a capitalised stop word ("Über")."""
    return not word[:1].isupper() or word.lower() in STOP_WORDS


def _owned_noun(word: str) -> bool:
    """A common noun of the word clusters, or a compound of one."""
    return word[:1].isupper() and word[1:].islower() and (name_classes().get(word) == "noun" or noun_compound(word))


# Nouns after a name that make it the name of a company, band or foundation ("Kevin Marlowe Band").
NAMED_BODIES = frozenset("Band Stiftung Surveys Indexes Group Gruppe Orchester Quartett Trio Verlag Werke".split())


def bodies_not_persons(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """A person candidate that names a body, not a person: right before a body's noun ("Kevin Marlowe Band",
    "Robert Quandel Stiftung") the whole is an organisation; right after a noun for a kind of organisation
    ("Verlag Jonas Quint", "Bankhaus Banco Quandelo") the name is one; a name that ends in a street's word
    ("Jakob Quandelstraße") is a place;
    a range of weekdays ("Mo-Fr") and a common noun after an article ("der Schneider") are nothing."""
    taken = {i for c in chosen for i in range(c.start, c.end)}
    retyped = (_retyped(tokens, c, taken) for c in chosen)
    return [c for c in retyped if c is not None]


# Ranges of weekdays as opening hours write them ("Mo-Fr", "Di–Sa"): "Mo" is also a given name.
WEEKDAY_RANGE = re.compile(r"^(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?\s*[-–]\s*(?:Mo|Di|Mi|Do|Fr|Sa|So)\.?$")


def _retyped(tokens: Tokens, cand: Candidate, taken: set[int]) -> Candidate | None:
    """``cand`` retyped or dropped as ``bodies_not_persons`` says; ``taken``: the tokens of all candidates."""
    if cand.type != "person":
        return cand
    if WEEKDAY_RANGE.match(tokens.span_text(cand.start, cand.end)) or _common_noun_after_article(tokens, cand):
        return None
    words = tokens.words
    end = cand.end
    if end < len(words) and words[end] in NAMED_BODIES and tokens.spaces[end - 1] and end not in taken:
        return rule_candidate(tokens, cand.start, cand.end + 1, "organization", {})
    if cand.start > 0 and org_kind_word(words[cand.start - 1]) and tokens.spaces[cand.start - 1]:
        return rule_candidate(tokens, cand.start, cand.end, "organization", {})
    if street_word(words[cand.end - 1]):
        return rule_candidate(tokens, cand.start, cand.end, "place", {})
    return cand


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _common_noun_after_article(tokens: Tokens, cand: Candidate) -> bool:
    """A one-word person candidate after an article and adjectives in lower case is a common noun: German
    names no person "der Schneider" or "der linken Ferse", and a given name only after an indefinite article
    ("mit einer Kim"); not after a comma or preposition, where the article may be a relative pronoun ("in dem
    Quandt wohnt"), nor after "die", which names women so ("die Callas")."""
    if cand.length != 1 or cand.method != "rule":
        return False
    k = cand.start - 1
    while k >= 0 and tokens.words[k].islower() and tokens.words[k].endswith(ADJECTIVE_ENDINGS) and tokens.words[k] not in ARTICLE_WORDS:
        k -= 1
    article = tokens.words[k].lower() if k >= 0 else ""
    if tokens.words[cand.start] in given_names("de"):
        return article in INDEFINITE_ARTICLES  # "einer Kim": a given name takes no indefinite article
    return article in ARTICLE_WORDS - WOMENS_ARTICLES and tokens.spaces[cand.start - 1] and not _relative(tokens, k)


INDEFINITE_ARTICLES = frozenset({"ein", "einer", "eines", "einem", "einen"})


# German speech names famous women with "die" and their surname ("die Callas"): that article stays open.
WOMENS_ARTICLES = frozenset({"die", "eine"})


# Prepositions after which "der", "dem", "den" may open a relative clause ("in dem X wohnt").
PREPOSITIONS = frozenset("in an auf aus bei mit nach von vor zu über unter gegen für durch ohne um zwischen hinter neben".split())


def _relative(tokens: Tokens, k: int) -> bool:
    """The article at ``k`` may be a relative pronoun: after a comma or other mark, a quote, or a preposition."""
    before = tokens.words[k - 1] if k > 0 else ""
    return k > 0 and (not before[:1].isalnum() or before in PREPOSITIONS) and tokens.sents[tokens.sent_of[k]][0] != k


def month_name_cue(word: str) -> bool:
    """The month "August", which is a given name too."""
    return word == "August"


def month_name_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """"August" before a family name or an unknown name word is a given name ("mit August Quandt"), but not
    where a date names the month ("im August", "3. August", "Ende August")."""
    found = []
    for i in hits:
        j = i + 1
        if i not in blocked and j < len(tokens) and tokens.spaces[i] and not _in_date(tokens, i) and _surname_word(tokens, j, blocked):
            found.append(rule_candidate(tokens, i, j + 1, "person", {}))
    return found


# Words before a month's name in a date: "im August", "Anfang August", "seit August".
DATE_WORDS = frozenset("im anfang mitte ende seit bis ab vom zum monat des".split())


def _in_date(tokens: Tokens, i: int) -> bool:
    before = tokens.words[i - 1] if i > 0 else ""
    return before.lower() in DATE_WORDS or before[:1].isdigit()


# Endings of family names of Slavic, Baltic, Romanian, Greek, Georgian, Armenian and Turkish origin, which no
# German word has ("Quandović", "Marvelenko", "Belvanescu"); stricter than ``german_rules.FOREIGN_SURNAME``
# (which may end "-ov", as places do), since the word stands alone here.
LONE_FOREIGN_SURNAME = re.compile(r"(?:vi[cć]|[cćč]ić|ović|ski|sky|enko|escu|opoulos|idis|chuk|czyk|ishvili|adze|yan|oğlu)$")


def foreign_surname_cue(word: str) -> bool:
    """An unknown capitalised word with a foreign family name's ending."""
    return word[:1].isupper() and word[1:].islower() and bool(LONE_FOREIGN_SURNAME.search(word)) and word_class(word) is None


def foreign_surname_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A free word no list knows with a foreign family name's ending is a person's family name ("Quandović
    schied aus"), not the first part of a compound ("Quandović-Plan")."""
    return [rule_candidate(tokens, i, i + 1, "person", {}) for i in hits if _surname_word(tokens, i, blocked)]
