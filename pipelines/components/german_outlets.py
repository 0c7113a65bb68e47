"""News outlets named in quotes as the source of a statement in German text: 'sagte er dem "Quandel Kurier"',
'heißt es in der "Morvex Rundschau"', 'Dem "Quandel" zufolge', 'laut "Morvex"'. The quotes and the cue around
them say that the name is a newspaper, magazine or broadcaster, whatever its words are. Registered in
``german_registry``."""

from __future__ import annotations

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_persons import SPEECH_VERBS
from pipelines.components.tokens import Tokens

QUOTES = frozenset({'"', "„", "“", "”", "«", "»"})
# Verbs that make the dative after them an outlet ("sagte er dem …", "heißt es in der …").
REPORT_VERBS = SPEECH_VERBS | frozenset("sagten erklärten berichtete berichtet schrieb schreibt heißt hieß zitiert zitierte meldete meldet".split())
ARTICLES = frozenset({"dem", "der", "Dem", "Der"})
MAX_WORDS = 4
VERB_REACH = 6  # tokens between the verb and the article ("sagte der Quandel-Vorstandschef Max Quandel der …")


def outlet_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A media organisation for each quoted capitalised name at an opening quote in ``hits`` that follows a
    reporting verb and an article, follows "laut" or is followed by "zufolge"."""
    found = []
    for i in hits:
        end = _quoted_end(tokens, i + 1)
        if end > i + 1 and _cued(tokens, i, end):
            found.append(rule_candidate(tokens, i + 1, end, "organization", {"org_kind": "media"}))
    return found


def _quoted_end(tokens: Tokens, start: int) -> int:
    """The end of a name of at most ``MAX_WORDS`` words at ``start`` that a quote closes and whose first word
    is capitalised; ``start`` where there is none."""
    words = tokens.words
    if start >= len(words) or not words[start][:1].isupper():
        return start
    end = next((k for k in range(start + 1, min(start + MAX_WORDS + 1, len(words))) if words[k] in QUOTES), start)
    return end


def _cued(tokens: Tokens, quote: int, end: int) -> bool:
    """The words around the quoted name from ``quote`` to ``end`` make it a source."""
    words = tokens.words
    if end + 1 < len(words) and words[end + 1] == "zufolge":
        return True
    if quote == 0:
        return False
    before = words[quote - 1]
    if before.lower() == "laut":
        return True
    reach = words[max(0, quote - 1 - VERB_REACH) : quote - 1]
    return before in ARTICLES and any(w in REPORT_VERBS for w in reach)
