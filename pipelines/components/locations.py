"""``located_in`` for the places the gazetteer gives no country.

From what the sentence states, next to the place: a country adjective before it ("im italienischen San
Luca"), a known place or country after a comma ("Mountain View, California") or after "in"/"near"
("Scandinavium in Gothenburg", "the memorial near downtown Taipei"); those are stated (basis ``text``).
From the place's own name, known facts about its words (basis ``gazetteer``): a known place inside it
("Metro Toronto Convention Centre") or a direction before a country's name ("Western Australia"). Either
way the country must be one the article names, and one alone. A building or station with none of these
("NTU Hospital Station") lies in the country the article is about (``offices.dominant_country``; basis
``article``: inferred from the article, not stated).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pipelines.components.candidates import Candidate, RelationCandidate
from pipelines.components.offices import dominant_country
from pipelines.components.tokens import Tokens
from pipelines.knowledge.countries import country_label, iso_codes
from pipelines.knowledge.places import GENERIC_FIRST_WORDS, place_names_for

# Last words of the names of buildings and stations: local places, unlike rivers, islands or regions.
BUILDING_WORDS = frozenset(
    "Station Hall Centre Center Stadium Arena Airport Memorial Museum Hospital Palace Cathedral Tower Square "
    "Bahnhof Halle Stadion Flughafen Museum Krankenhaus Palast Platz Dom".split()
)
NEAR_WORDS = frozenset("in im near bei nahe at outside".split())
LIST_WORDS = frozenset(", and und or oder sowie".split())
MAX_BETWEEN = 2  # lower-case words between "near" and the place ("near downtown Taipei")


def country_of(cand: Candidate) -> str:
    """The country id a place or country candidate stands for ("" when unknown)."""
    if cand.type == "country":
        return cand.id
    return f"country:{cand.attrs['country']}" if cand.type == "place" and cand.attrs.get("country") else ""


def _ends_list(t: Tokens, cand: Candidate, at: dict[int, Candidate]) -> bool:
    """No further entity is listed after ``cand`` ("Victoria, South Australia, Western Australia and …")."""
    j = cand.end
    while j < len(t) and t.lower[j] in LIST_WORDS:
        j += 1
    return j == cand.end or j not in at


def _after_comma(t: Tokens, place: Candidate, at: dict[int, Candidate]) -> str:
    """"Mountain View, California": the country of the known place (or the country) after the comma."""
    j = place.end
    if j + 1 >= len(t) or t.words[j] != "," or j + 1 not in at:
        return ""
    other = at[j + 1]
    before = place.start == 0 or t.words[place.start - 1] != ","  # "A, B, C" is a list, not "place, region"
    return country_of(other) if before and _ends_list(t, other, at) else ""


def _after_near(t: Tokens, place: Candidate, at: dict[int, Candidate]) -> str:
    """"Scandinavium in Gothenburg", "near downtown Taipei": the country of the place after the preposition."""
    j = place.end
    if j >= len(t) or t.lower[j] not in NEAR_WORDS:
        return ""
    k = j + 1
    while k < len(t) and k not in at and k - j <= MAX_BETWEEN and t.is_lower(k):
        k += 1
    return country_of(at[k]) if k in at and at[k].start == k else ""


def _adjective_before(t: Tokens, place: Candidate, at: dict[int, Candidate]) -> str:
    """"im italienischen San Luca": a country adjective right before the place."""
    cand = at.get(place.start - 1)
    return cand.id if cand is not None and cand.type == "country" and cand.kind == "adjective" else ""


def stated_country(t: Tokens, place: Candidate, at: dict[int, Candidate]) -> str:
    """The country the sentence places ``place`` in, "" when it says none."""
    return _adjective_before(t, place, at) or _after_comma(t, place, at) or _after_near(t, place, at)


def named_countries(words: Sequence[str], lang: str) -> set[str]:
    """Countries the words of a place's name point to: known places among its shorter word runs, and
    a country's own name after a direction word that opens the name ("Western Australia")."""
    places = place_names_for(lang)
    found: set[str] = set()
    for n in range(1, len(words)):
        for i in range(len(words) - n + 1):
            known = places.get(" ".join(words[i : i + n]))
            found |= {f"country:{known.country}"} if known and known.country else set()
    if len(words) >= 2 and words[0] in GENERIC_FIRST_WORDS:
        rest = " ".join(words[1:])
        found |= {f"country:{code}" for code in _codes_named(rest, lang)}
    return found


def _codes_named(name: str, lang: str) -> list[str]:
    """The codes whose everyday name in ``lang`` is ``name`` (not an alias: "America" is no name of the US)."""
    return _everyday_names(lang).get(name, [])


@cache
def _everyday_names(lang: str) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for code in sorted(iso_codes()):
        names.setdefault(country_label(code, lang), []).append(code)
    return names


def place_countries(t: Tokens, lang: str, entities: list[Candidate], present: set[str],
                    at: dict[int, Candidate]) -> list[RelationCandidate]:
    """located_in for each place without a gazetteer country, at its first mention that places it."""
    found = _placed(t, lang, entities, present, at)
    home = dominant_country(entities)
    for place in (c for c in entities if c.type == "place" and not c.attrs.get("country") and c.kind == "name"):
        if home and place.id not in found and t.words[place.end - 1] in BUILDING_WORDS and place.length > 1:
            found[place.id] = RelationCandidate(place.id, "located_in", home, t.sent_of[place.start], "reported", 0.5, "article")
    return list(found.values())


def _placed(t: Tokens, lang: str, entities: list[Candidate], present: set[str],
            at: dict[int, Candidate]) -> dict[str, RelationCandidate]:
    """Place id -> its located_in from the sentence or from its name."""
    found: dict[str, RelationCandidate] = {}
    for place in (c for c in entities if c.type == "place" and not c.attrs.get("country") and c.kind == "name"):
        if place.id in found:
            continue
        stated = stated_country(t, place, at)
        if stated in present and stated:
            found[place.id] = RelationCandidate(place.id, "located_in", stated, t.sent_of[place.start], "reported", 0.6)
            continue
        named = named_countries(t.words[place.start : place.end], lang) & present
        if len(named) == 1:
            found[place.id] = RelationCandidate(place.id, "located_in", named.pop(), t.sent_of[place.start], "reported", 0.6, "gazetteer")
    return found
