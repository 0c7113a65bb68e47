"""Checks on the organisation names the gazetteer finds, with the article as context.

- A name that two known organisations share ("IDB": Inter-American or Islamic Development Bank) is the one
  of them the article also names otherwise; it is dropped when the article names neither or both.
- "Red Cross" or "Rotes Kreuz" after a country adjective or before a country's genitive is that country's
  national society, named by its English adjective ("Deutsches Rotes Kreuz", "Rote Kreuz Haitis" ->
  "German Red Cross", "Haitian Red Cross"); in English also after an unknown capitalised word ("Fijian
  Red Cross").
- A name of common words ("General Assembly", "Security Council", "Sicherheitsrat") right after a place or
  a country's genitive is that place's own body ("Pennsylvania General Assembly", "Russia's Security
  Council", "Russlands Sicherheitsrat"), not the international one; it is dropped for the rules to name.
- An acronym that spells a common word ("WHO", "AID") is no organisation in a line written mostly in
  capitals ("WHO WILL PAY?"), and no acronym is one right after a number ("1.5 AU" is a length).
"""

from __future__ import annotations

from functools import cache

from pipelines.components.candidates import Candidate
from pipelines.components.german_words import word_class
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import in_capitals_line
from pipelines.keys import entity_id
from pipelines.knowledge.countries import country_adjectives, country_label
from pipelines.knowledge.organizations import Organization
from pipelines.knowledge.people import is_english_word

SHARED = "shared"  # the kind of a gazetteer match whose name several organisations share
# The Movement, whose national societies are named "<country adjective> Red Cross" (or "Red Crescent").
MOVEMENT = "organization:international-red-cross-and-red-crescent-movement"
SOCIETY_WORDS = {"Cross": "Red Cross", "Crescent": "Red Crescent", "Kreuz": "Red Cross", "Kreuzes": "Red Cross",
                 "Halbmond": "Red Crescent", "Halbmonds": "Red Crescent"}


def checked_organizations(tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
    """``found`` (gazetteer candidates of one article) with shared names resolved and doubtful acronyms dropped."""
    named = {c.id for c in found if c.type == "organization" and c.kind != SHARED}
    kept = []
    for cand in found:
        resolved = _resolved(cand, named, tokens.lang) if cand.kind == SHARED else cand
        if resolved is not None and not _doubtful_acronym(tokens, resolved):
            kept.append(resolved)
    kept = national_societies(tokens, kept)
    return [c for c in kept if not (c.type == "organization" and _local_body(tokens, kept, c))]


def national_societies(tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
    """``found`` with each bare "Red Cross" that a country names joined with that country into its society."""
    for cand in [c for c in found if c.id == MOVEMENT and c.length == 2 and tokens.words[c.end - 1] in SOCIETY_WORDS]:
        society = _society(tokens, found, cand)
        if society is not None:
            outside = [c for c in found if c.end <= society.start or c.start >= society.end]
            found = sorted([*outside, society], key=lambda c: c.start)
    return found


def _society(tokens: Tokens, found: list[Candidate], cand: Candidate) -> Candidate | None:
    """The national society ``cand`` names with the country adjective before it, the country's genitive after
    it (German), or an unknown capitalised word before it (English)."""
    generic = SOCIETY_WORDS[tokens.words[cand.end - 1]]
    before = next((c for c in found if c.end == cand.start and c.type == "country" and c.kind == "adjective"), None)
    after = next((c for c in found if c.start == cand.end and c.type == "country" and tokens.lang == "de"), None)
    country = before or after
    if country is not None:
        code = country.id.split(":", 1)[1]
        label = f"{english_adjective(code)} {generic}"
        return _society_candidate(min(cand.start, country.start), max(cand.end, country.end), label, code)
    start = cand.start - 1
    if tokens.lang == "en" and start >= 0 and _unknown_capitalised(tokens, found, start):
        return _society_candidate(start, cand.end, f"{tokens.words[start]} {generic}", "")
    return None


def _unknown_capitalised(tokens: Tokens, found: list[Candidate], i: int) -> bool:
    """Token ``i`` is a capitalised word that no candidate covers and that does not open its sentence."""
    word = tokens.words[i]
    opens_sentence = tokens.sents[tokens.sent_of[i]][0] == i
    return word[:1].isupper() and not opens_sentence and not any(c.start <= i < c.end for c in found)


def _society_candidate(start: int, end: int, label: str, country: str) -> Candidate:
    attrs = {"org_kind": "ngo", "country": country}
    org_id = entity_id("organization", label)
    return Candidate(start, end, "organization", org_id, label, "gazetteer", 0.9, "name", attrs)


@cache
def english_adjective(code: str) -> str:
    """The first English adjective of the country ``code`` ("DE" -> "German"), else its English name."""
    return next((adj for adj, c in country_adjectives("en").items() if c == code), country_label(code, "en"))


def _resolved(cand: Candidate, named: set[str], lang: str) -> Candidate | None:
    """The shared name ``cand`` as the one organisation of its choices the article names, if exactly one."""
    choices: tuple[Organization, ...] = cand.attrs["choices"]
    hits = [org for org in choices if org.id in named]
    if len(hits) != 1:
        return None
    org = hits[0]
    attrs = {"org_kind": org.kind, "country": org.country}
    label = org.label(lang)
    return Candidate(cand.start, cand.end, "organization", org.id, label, cand.method, cand.score, "alias", attrs)


def _local_body(tokens: Tokens, found: list[Candidate], cand: Candidate) -> bool:
    """``cand`` is a name of common words right after a place, or after a country or place and "'s", or
    after a German country genitive ("Russlands")."""
    if not all(_common_word_form(w, tokens.lang) for w in tokens.words[cand.start : cand.end]):
        return False
    possessive = cand.start > 0 and tokens.words[cand.start - 1] in ("'s", "’s")
    end = cand.start - 1 if possessive else cand.start
    before = next((c for c in found if c.end == end and c.type in ("place", "country") and c.kind == "name"), None)
    if before is None:
        return False
    return possessive or before.type == "place" or _german_genitive(tokens, before)


def _german_genitive(tokens: Tokens, country: Candidate) -> bool:
    word = tokens.words[country.end - 1]
    return tokens.lang == "de" and word.endswith("s") and not country.label.endswith("s")


def _common_word_form(word: str, lang: str) -> bool:
    """``word`` is a common word of ``lang`` (in German a known noun), or a linking word ("and", "für")."""
    if lang == "de":
        return word_class(word) == "noun" or word.islower()
    return is_english_word(word)


def _doubtful_acronym(tokens: Tokens, cand: Candidate) -> bool:
    """``cand`` is a one-word acronym after a number, or one spelling a common word in a line in capitals."""
    word = tokens.words[cand.start]
    if cand.type != "organization" or cand.length != 1 or not word.isupper():
        return False
    if cand.start > 0 and _is_number(tokens.words[cand.start - 1]):
        return True
    return _common_word(word, tokens.lang) and in_capitals_line(tokens, cand.start)


def _is_number(word: str) -> bool:
    return word.replace(".", "").replace(",", "").isdigit()


def _common_word(word: str, lang: str) -> bool:
    """``word`` in lower case is a common word of ``lang`` (English only: German text keeps "WHO")."""
    return lang == "en" and is_english_word(word.lower())
