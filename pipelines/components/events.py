"""Taking part in an event (a summit, a conference) as a visit to its venue.

"X, Y und Z nehmen an dem Gipfel teil", "leaders attended the summit": each participant visits the
venue, unless it is their own country. The venue is the place a summit word names ("Gipfel in Lima",
"summit at Camp David"), else the country of the event's host ("Gastgeber … der peruanische Präsident").
"""

from __future__ import annotations

from pipelines.components.candidates import Candidate, RelationCandidate
from pipelines.components.relation_scope import Scope
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest

EVENT_WORDS = ("gipfel", "konferenz", "treffen", "tagung", "summit", "conference", "meeting", "talks")
VENUE_WORDS = frozenset("in im auf at".split())
HOST_WORDS = ("gastgeber", "host")
# "nehmen … teil": the separable verb's particle counts only after a form of "nehmen" in its clause.
TAKE_FORMS = frozenset("nehmen nimmt nahm nahmen nehme genommen take takes took taking".split())
PARTICLES = frozenset({"teil", "part"})
VENUE_SPAN = 6


EVENT_TEST = WordTest(lambda word: word.lower().endswith(EVENT_WORDS))
HOST_TEST = WordTest(lambda word: word.lower().startswith(HOST_WORDS))


def _event_place(t: Tokens, at: dict[int, Candidate]) -> Candidate | None:
    """The first place named right after an event word and "in"/"auf"/"at" ("Gipfel in Lima")."""
    for i in t.where(EVENT_TEST):
        for j in range(i + 1, min(len(t), i + VENUE_SPAN)):
            cand = at.get(j)
            if cand and cand.type in ("place", "country") and cand.kind == "name" and t.lower[j - 1] in VENUE_WORDS:
                return cand
    return None


def _host_country(t: Tokens, at: dict[int, Candidate], leaders: dict[str, str]) -> str | None:
    """The country a person named within eight words after "Gastgeber"/"host" leads."""
    for i in t.where(HOST_TEST):
        for j in range(i + 1, min(len(t), i + 9)):
            cand = at.get(j)
            if cand and cand.type == "person" and cand.id in leaders:
                return leaders[cand.id]
    return None


def event_venue(t: Tokens, at: dict[int, Candidate], relations: list[RelationCandidate]) -> tuple[str, ...]:
    """The venue of the article's event: a place (and its country) or the host's country; () if none
    (``at``: token index -> the entity covering it)."""
    place = _event_place(t, at)
    if place is not None:
        country = f"country:{place.attrs['country']}" if place.attrs.get("country") else ""
        return tuple(v for v in (place.id, country) if v)
    leaders = {r.source: r.target for r in relations if r.relation == "leader_of" and r.target.startswith("country:")}
    host = _host_country(t, at, leaders)
    return (host,) if host else ()


def participants(s: Scope) -> list[tuple[Candidate, str]]:
    """Every person of the trigger's clause from another country than the venue's visits it (so the host
    and participants of unknown origin do not)."""
    if s.t.lower[s.trigger] in PARTICLES and TAKE_FORMS.isdisjoint(s.t.lower[s.first : s.trigger]):
        return []
    venue = [v for v in s.context.venue if v in s.present]
    country = next((v for v in venue if v.startswith("country:")), "")
    persons = {c.id: c for c in s.ents if c.type == "person"}.values()
    return [(p, v) for p in persons if _abroad(s.homes.get(p.id, set()), country) for v in venue]


def _abroad(home: set[str], country: str) -> bool:
    """A participant whose country the article names, and not the venue's ("Kirchner (Argentinien)")."""
    return bool(home) and country not in home
