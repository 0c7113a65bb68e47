"""German person rules by sentence structure, for names no lexicon knows as a person's: the speaker after a
verb of saying ("sagte Laukötter."), a word the clusters call a common noun right after a role ("Politiker Straubinger am
Montag"), the name after a people's word ("der Tunesier Hédi Annabi") and a name before "(Country)" in a list.
Registered in ``german_registry``."""

from __future__ import annotations

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_words import noun_compound, word_class
from pipelines.components.names import STOP_WORDS, TITLES, is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import glued_hyphen, glued_to_next
from pipelines.knowledge.countries import country_adjectives, country_names
from pipelines.knowledge.people import role_for_word

# Verbs of saying after which, in a quotation's attribution, the speaker's name follows
# ("„…“, sagte Laukötter."); not "berichtete" or "schrieb", whose subject is often an outlet.
SPEECH_VERBS = frozenset(
    "sagte sagt erklärte erklärt betonte betont meinte meint ergänzte ergänzt antwortete antwortet "
    "kritisierte kritisiert warnte warnt versicherte versichert bekräftigte bekräftigt".split()
)
# Word classes a speaker's name may have: unknown, a person's name, or a place's ("sagte Schönberg").
SPEAKER_CLASSES = frozenset({None, "family", "given", "place"})
MAX_SPEAKER_WORDS = 3


def speaker_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """The name right after a verb of saying is the speaker, a person: name particles and up to three name
    words (with a part glued by a hyphen) before no other capitalised word ("sagte Anschütz-Thoms ,",
    "erklärte Laukötter .", "sagte van der Quandt .")."""
    found = []
    for i in hits:
        start = _particles_end(tokens, i + 1)
        end = _speaker_end(tokens, start, blocked) if start == i + 1 else _particle_name_end(tokens, start, blocked)
        if end > start and not (end < len(tokens) and tokens.words[end][:1].isupper()):
            found.append(rule_candidate(tokens, i + 1, end, "person", {}))
    return found


# Particles that open a speaker's family name ("sagte van der Quandt", "erklärte de Maizière"); an article
# joins them only after "von" or "van".
NAME_PARTICLES = frozenset({"von", "van", "de", "di", "del", "della", "du", "dos", "ter", "zu"})


def _particles_end(tokens: Tokens, start: int) -> int:
    """The first token after the name particles at ``start`` ("van der"); ``start`` where none is."""
    words = tokens.words
    end = start
    if end < len(words) and words[end] in NAME_PARTICLES:
        end += 1
        if end < len(words) and words[end] in ("der", "den") and words[start] in ("von", "van"):
            end += 1
    return end


def _particle_name_end(tokens: Tokens, start: int, blocked: set[int]) -> int:
    """The end of the one name word after particles at ``start``, which may be a common noun too ("van der
    Quandt", "von der Leyen"), before a punctuation mark ("erklärte von Anfang an" is no speaker); ``start``
    where none is."""
    word = tokens.words[start] if start < len(tokens) else ""
    named = start not in blocked and word[:1].isupper() and word[1:].islower() and role_for_word(word, "de") is None
    closed = start + 1 == len(tokens) or tokens.words[start + 1] in SPEAKER_CLOSERS
    return start + 1 if named and closed else start


SPEAKER_CLOSERS = frozenset({",", ".", ";", ":", "!", "?", "(", '"', "“", "„", "»", "«"})


def _speaker_end(tokens: Tokens, start: int, blocked: set[int]) -> int:
    """The end of the speaker's name from ``start``; ``start`` when a word there is the first part of a
    compound ("Co-Fraktionschef")."""
    end = start
    while end < len(tokens) and end - start < MAX_SPEAKER_WORDS and _speaker_word(tokens, end, blocked):
        if glued_to_next(tokens, end):
            if not (glued_hyphen(tokens, end + 1) and _speaker_word(tokens, end + 2, blocked)):
                return start
            end += 2
        end += 1
    return end


def _speaker_word(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free capitalised word of a speaker's name: no article, pronoun, title or role, nor
    an unknown compound of a common noun ("Bäderleiter")."""
    word = tokens.words[i] if i < len(tokens) else ""
    return (
        i < len(tokens) and i not in blocked and word[:1].isupper() and word[1:].islower() and len(word) > 1
        and word.lower() not in STOP_WORDS and word not in TITLES and word_class(word) in SPEAKER_CLASSES
        and role_for_word(word, "de") is None and not (word_class(word) is None and noun_compound(word))
    )


def role_cue(word: str) -> bool:
    """A German role or occupation word ("Politiker", "Produktionschef"), not in the genitive ("Mutters")."""
    return word[:1].isupper() and not word.endswith("s") and role_for_word(word, "de") is not None


# Endings of German plurals and abstract nouns, which no family name the clusters call a noun has
# ("Präsident Maßnahmen", "Minister Regelungen").
NOUN_ENDINGS = ("en", "ung", "heit", "keit", "schaft", "ion", "tät", "nis", "ismus")


def noun_surname_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A word the clusters call a common noun, right after a role and before no other capitalised word, is
    the family name of a person the role names ("der Politiker Straubinger am Montag"): German puts an
    article before a common noun there."""
    found = []
    for i in hits:
        j = i + 1
        if j < len(tokens) and tokens.spaces[i] and _noun_name(tokens, j, blocked):
            found.append(rule_candidate(tokens, j, j + 1, "person", {"role": tokens.words[i]}))
    return found


def _noun_name(tokens: Tokens, j: int, blocked: set[int]) -> bool:
    words = tokens.words
    word = words[j]
    return (
        j not in blocked and word[:1].isupper() and word[1:].islower() and word_class(word) == "noun"
        and not word.endswith(NOUN_ENDINGS)
        and role_for_word(word, "de") is None and not glued_to_next(tokens, j)
        and (j + 1 == len(words) or not words[j + 1][:1].isupper())
    )


ARTICLES = frozenset({"der", "die", "dem", "den", "des"})
MAX_NAME_WORDS = 3


def demonym_cue(word: str) -> bool:
    """A capitalised word for a country's people or adjective ("Tunesier", "Deutsche")."""
    return word[:1].isupper() and word in country_adjectives("de")


def demonym_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """The name after an article and a people's word is a person of that country: "der Tunesier Hédi
    Annabi"; name words no list knows as common nouns, before no other capitalised word."""
    found = []
    for i in hits:
        if i > 0 and tokens.words[i - 1].lower() in ARTICLES:
            end = _free_names_end(tokens, i + 1, blocked)
            if end > i + 1:
                found.append(rule_candidate(tokens, i + 1, end, "person", {}))
    return found


def country_list_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """Two or three name words right before "(Country)" are a person of that country, as lists of
    participants write them: "…, Bharrat Jagdeo (Guyana), …"."""
    found = []
    words = tokens.words
    for i in hits:
        if i + 2 < len(words) and words[i + 2] == ")" and words[i + 1] in country_names("de"):
            start = i
            while start > 0 and i - start < MAX_NAME_WORDS and _free_name(tokens, start - 1, blocked):
                start -= 1
            if i - start >= 2 and (start == 0 or not words[start - 1][:1].isupper()):
                found.append(rule_candidate(tokens, start, i, "person", {}))
    return found


def _free_names_end(tokens: Tokens, start: int, blocked: set[int]) -> int:
    """The end of up to three free name words from ``start``; ``start`` when a capitalised word follows them."""
    end = start
    while end < len(tokens) and end - start < MAX_NAME_WORDS and _free_name(tokens, end, blocked):
        end += 1
    return start if end < len(tokens) and tokens.words[end][:1].isupper() else end


def _free_name(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a free name word that no list calls a common noun, role or title, and no unknown word
    shaped like a noun ("Vermögensberatung")."""
    word = tokens.words[i]
    nounlike = word_class(word) is None and (noun_compound(word) or word.endswith(NOUN_ENDINGS))
    return (
        i not in blocked and is_name_word(word, "de") and word_class(word) != "noun" and word not in TITLES and not nounlike
        and role_for_word(word, "de") is None and not glued_to_next(tokens, i)
    )
