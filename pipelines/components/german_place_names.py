"""German places named by a head noun, under the English name that gives their id: a town's adjective and a
facility ("Duisburger Hauptbahnhofs" -> Duisburg Hauptbahnhof), a name and a natural feature ("Antilleninsel
Margarita", "Akobo-Fluss" -> Margarita Island, Akobo River), a Romance place word and a name ("Isla
Margarita"). The heads and their English patterns are data (``german_place_heads.tsv``). Registered in
``german_registry``."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.german_places import PLACE_ADJECTIVE_ENDING
from pipelines.components.german_words import word_class
from pipelines.components.names import is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import glued_hyphen
from pipelines.keys import entity_id
from pipelines.knowledge.places import Place, english_places
from pipelines.knowledge.tables import read_rows


@cache
def _heads() -> dict[str, tuple[str, str]]:
    """Head noun -> (where the name stands: town, name or romance; English pattern)."""
    return {row[0]: (row[1], row[2]) for row in read_rows("german_place_heads.tsv")}


def head_nominative(word: str) -> str | None:
    """The listed head ``word`` is, without a genitive ending ("Hauptbahnhofs" -> "Hauptbahnhof")."""
    for form in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if form in _heads():
            return form
    return None


def feature_head(word: str) -> str | None:
    """The feature head (``name`` row) that ``word`` is or ends in ("Antilleninsel" -> "Insel")."""
    found = [h for h, (where, _) in _heads().items() if where == "name" and (word == h or (word[:1].isupper() and word.endswith(h.lower())))]
    return max(found, key=len) if found else None  # "Halbinsel" is a peninsula, no "Insel"


def feature_cue(word: str) -> bool:
    """A feature noun ("Insel", "Antilleninsel", "Fluss") or a facility noun ("Hauptbahnhofs")."""
    head = head_nominative(word)
    return feature_head(word) is not None or (head is not None and _heads()[head][0] == "town")


def feature_candidates(tokens: Tokens, hits: list[int], blocked: set[int]) -> list[Candidate]:
    """A name after a feature noun ("Antilleninsel Margarita", "Fluss Baro"), or glued before it by a hyphen
    ("Akobo-Fluss"), is a place under the English name the noun gives ("Margarita Island", "Akobo River")."""
    found = []
    words = tokens.words
    for i in hits:
        head = feature_head(words[i]) or ""
        if not head:
            found += _facility(tokens, i, blocked)
        elif i >= 2 and glued_hyphen(tokens, i - 1) and words[i] == head and _free_name(tokens, i - 2, blocked):
            found.append(_named(rule_candidate(tokens, i - 2, i + 1, "place", {}), head, words[i - 2]))
        elif i + 1 < len(words) and tokens.spaces[i] and _free_name(tokens, i + 1, blocked):
            found.append(_named(rule_candidate(tokens, i + 1, i + 2, "place", {}), head, words[i + 1]))
    return found


def _facility(tokens: Tokens, i: int, blocked: set[int]) -> list[Candidate]:
    """A town's adjective and the facility noun at ``i`` ("Duisburger Hauptbahnhofs"), as one place."""
    if i > 0 and tokens.spaces[i - 1] and _town(tokens.words[i - 1]) is not None and i not in blocked:
        return [rule_candidate(tokens, i - 1, i + 1, "place", {})]
    return []


def _town(word: str) -> Place | None:
    """The town whose adjective ``word`` is ("Duisburger" -> Duisburg, "Bremer" -> Bremen)."""
    if not word.endswith(PLACE_ADJECTIVE_ENDING) or len(word) < 6:
        return None
    stem = word[: -len(PLACE_ADJECTIVE_ENDING)]
    return english_places().get(stem) or english_places().get(stem + "en")


def _free_name(tokens: Tokens, i: int, blocked: set[int]) -> bool:
    """Token ``i`` is a name word no entity holds and no common noun ("Einfluss auf", "Fluss Wasser")."""
    return i not in blocked and is_name_word(tokens.words[i], "de") and word_class(tokens.words[i]) != "noun"


def _named(cand: Candidate, head: str, name: str) -> Candidate:
    english = _heads()[head][1].format(name)
    return replace(cand, id=entity_id("place", english))


def _unknown(cand: Candidate) -> bool:
    """A person, or a place that rules found and no list knows: a known place keeps its id ("Hispaniola")."""
    return cand.type == "person" or (cand.type == "place" and cand.method == "rule" and cand.label not in english_places())


def english_place_heads(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """Places of a town's adjective and a facility ("Grazer Messe") and Romance places ("Isla Margarita")
    under the English name of ``german_place_heads.tsv``, labelled in the nominative; a one-word person or
    place right after a feature noun is that feature ("Antilleninsel Margarita")."""
    return [_english(tokens, c) for c in chosen]


def _english(tokens: Tokens, cand: Candidate) -> Candidate:
    if cand.length == 1 and _unknown(cand) and cand.start > 0 and tokens.spaces[cand.start - 1]:
        head = feature_head(tokens.words[cand.start - 1])
        if head is not None:  # "Antilleninsel Margarita": no person's given name there
            return _named(rule_candidate(tokens, cand.start, cand.end, "place", {}), head, tokens.words[cand.start])
    if cand.type != "place" or cand.length != 2:
        return cand
    first, last = tokens.words[cand.start], tokens.words[cand.end - 1]
    romance = _heads().get(first)
    if romance and romance[0] == "romance":
        return replace(cand, id=entity_id("place", romance[1].format(last)))
    head = head_nominative(last)
    town = _town(first)
    if head is None or town is None or _heads()[head][0] != "town":
        return cand
    label = f"{first} {head}"
    return replace(cand, id=entity_id("place", _heads()[head][1].format(town.label_en)), label=label, attrs={**cand.attrs, "country": town.country})
