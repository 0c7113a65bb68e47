"""German person rules by sentence structure, for names no lexicon knows as a person's: the speaker after a
verb of saying ("sagte Laukötter."), and a word the clusters call a common noun right after a role
("Politiker Straubinger am Montag"). Registered in ``german_registry``."""

from __future__ import annotations

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_words import noun_compound, word_class
from pipelines.components.names import STOP_WORDS, TITLES
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import glued_hyphen, glued_to_next
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
    """The name right after a verb of saying is the speaker, a person: up to three name words (with a part
    glued by a hyphen) before no other capitalised word ("sagte Anschütz-Thoms ,", "erklärte Laukötter .")."""
    found = []
    for i in hits:
        end = _speaker_end(tokens, i + 1, blocked)
        if end > i + 1 and not (end < len(tokens) and tokens.words[end][:1].isupper()):
            found.append(rule_candidate(tokens, i + 1, end, "person", {}))
    return found


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
