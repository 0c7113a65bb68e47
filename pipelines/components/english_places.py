"""English place rules over the chosen entities of an article.

- A city followed by the code of its country's capital district is one place with it ("Washington, D.C.",
  "Washington DC"); the article's other mentions of that city are the same place.
- A name that is a known place of a country the article never names, and also a subdivision of a country
  it does name, is that subdivision ("Victoria" beside "New South Wales" is the Australian state, not the
  Hong Kong city): the article's countries decide between the readings.
- A word joined by a hyphen to a capitalised word that names nothing is part of a longer name
  ("Counter-Strike"), not a place by itself.
- Continents and world regions are no places of the graph ("in North America"; CLDR names).
- A geographic head word before a capitalised name makes a place ("Mount Kenya", "Lake Chad"); those
  after a name ("X Plateau", "X Strait") are data too (``geographic_heads``) and extend the facility rules.
"""

from __future__ import annotations

from dataclasses import replace

from pipelines.components.candidates import Candidate, rule_candidate
from pipelines.components.locations import country_of
from pipelines.components.names import is_name_word
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import HYPHENS, WordTest, glued_hyphen
from pipelines.keys import entity_id
from pipelines.knowledge.places import district_codes, geographic_heads, subdivisions_named, world_region_names

MAX_HEAD_NAME = 3  # capitalised words after a head word ("Mount Saint Elias")
_HEADS_BEFORE = WordTest(lambda word: word in geographic_heads("before"))


def english_places(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` with the place rules above applied (sorted by position)."""
    chosen = with_districts(tokens, chosen)
    chosen = in_article_countries(tokens, chosen)
    regions = world_region_names("en")
    return [c for c in without_compound_parts(tokens, chosen) if not (c.type == "place" and c.label in regions)]


def _district_end(tokens: Tokens, place: Candidate) -> int:
    """The end of the capital district's code after ``place`` ("Washington" ", D.C." or "DC"), or 0."""
    country, j = place.attrs.get("country", ""), place.end
    if j < len(tokens) and tokens.words[j] == ",":
        j += 1
    if j >= len(tokens) or not country:
        return 0
    word = tokens.words[j]
    letters = word.replace(".", "")
    return j + 1 if letters.isupper() and (country, letters) in district_codes() else 0


def with_districts(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """Places followed by their capital district's code as one place ("Washington, D.C."), together with
    the article's other mentions of that place; what the code's tokens held is dropped."""
    renamed: dict[str, Candidate] = {}
    widened: list[Candidate] = []
    for cand in chosen:
        end = _district_end(tokens, cand) if cand.type == "place" else 0
        if end:
            label = f"{cand.label}, {'.'.join(tokens.words[end - 1].replace('.', ''))}."  # one name however written
            widened.append(replace(cand, end=end, id=entity_id("place", label), label=label))
            renamed.setdefault(cand.id, widened[-1])
    if not widened:
        return chosen
    spans = {(c.start, c.end) for c in widened}
    inside = {i for c in widened for i in range(c.start, c.end)}
    kept = [c for c in chosen if inside.isdisjoint(range(c.start, c.end))]
    kept = [replace(c, id=renamed[c.id].id, label=renamed[c.id].label, kind="alias") if c.id in renamed else c for c in kept]
    return sorted(kept + [c for c in widened if (c.start, c.end) in spans], key=lambda c: c.start)


def in_article_countries(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """Each known place of a country the article does not name read as the subdivision of the same name in
    a country it names, when there is exactly one such."""
    return [_in_context(tokens, c, chosen) for c in chosen]


def _in_context(tokens: Tokens, place: Candidate, chosen: list[Candidate]) -> Candidate:
    if place.type != "place" or place.method != "gazetteer" or place.kind != "name":
        return place
    same_name = subdivisions_named(tokens.span_text(place.start, place.end))
    if not same_name:
        return place  # most places: no subdivision elsewhere has their name
    named = {country_of(c) for c in chosen if c.id != place.id} - {""}
    if country_of(place) in named:
        return place
    subs = [s for s in same_name if f"country:{s.country}" in named]
    if len(subs) != 1:
        return place
    sub = subs[0]
    return replace(place, id=sub.id, label=sub.label_en, attrs={**place.attrs, "country": sub.country})


def _glued_to_name(tokens: Tokens, i: int, named: set[int]) -> bool:
    """Token ``i`` is a hyphen glued to a capitalised word that no entity holds."""
    return glued_hyphen(tokens, i, HYPHENS) and is_name_word(tokens.words[i + 1] if i + 1 not in named else "", "en")


def without_compound_parts(tokens: Tokens, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` less the one-word places joined by a hyphen to a capitalised word that names nothing
    ("Counter" of "Counter-Strike"): that word and the place are one longer name."""
    named = {i for c in chosen for i in range(c.start, c.end)}
    return [c for c in chosen if not (c.type == "place" and c.length == 1 and _glued_to_name(tokens, c.end, named))]


def head_places(tokens: Tokens, taken: set[int], places: set[int]) -> list[Candidate]:
    """Places named by a geographic head word and the capitalised words after it ("Mount Kenya", "Lake
    Chad"; known places among them are part of it: token indexes ``places``); none where the run goes on
    into an organisation's or facility's name is left to those rules."""
    found = []
    for i in (j for j in tokens.where(_HEADS_BEFORE) if j not in taken):
        end = i + 1
        while end < len(tokens) and end - i <= MAX_HEAD_NAME and (end in places or (end not in taken and is_name_word(tokens.words[end], "en"))):
            end += 1
        if end > i + 1:
            found.append(rule_candidate(tokens, i, end, "place", {}))
    return found
