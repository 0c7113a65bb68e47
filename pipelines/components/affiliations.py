"""``member_of`` and ``published_in`` from a trigger and the structure around it in its clause.

Membership: "das OPEC-Mitglied Venezuela", "Vietnam, Mitglied der ASEAN", "Finland is a member of
NATO", "Finland joined NATO", "der Beitritt Schwedens zur NATO"; the member is named as the
trigger's subject or apposition, never a country that only stands nearby ("Mitglieder der
UN-Mission aus Brasilien" are persons from Brazil).

Publication: "laut BBC News", "according to Reuters", "told the BBC", "RIA Novosti zitiert X",
"X schrieb in der Zeitung Y": the outlet is what the trigger governs, the person is in its clause.
"""

from __future__ import annotations

from pipelines.components.candidates import Candidate
from pipelines.components.relation_scope import Scope, nearest

COPULA = frozenset("ist sind war waren wird werden wurde blieb bleibt is are was were became becomes remains a an ein eine einer das der die full voll vollwertiges founding".split())
ORG_GLUE = frozenset("der des dem den die von vom zur zum zu in im of the to into an".split())
OUTLET_GLUE = frozenset("der die den dem des the to in im für for by von vom einem einer einen a an".split())
MEMBERS = ("country", "person")
PUBLISHED_IN = frozenset("in im für for".split())
NOT_OUTLETS = frozenset({"international", "bloc", "alliance", "forum", "institution", "party", "company", "court", "ngo"})
# Triggers whose outlet follows them ("laut X", "told X") or stands right before them ("X zitiert").
OUTLET_AFTER = frozenset("laut according told interview interviews gegenüber".split())
OUTLET_BEFORE = frozenset("zitiert zitierte quoted quotes cited".split())


def _after(s: Scope, at: dict[int, Candidate], start: int, glue: frozenset[str], span: int = 4) -> Candidate | None:
    """The entity that starts after only ``glue`` words (and German adjectives) from ``start``."""
    j = start
    while j < s.limit and j - start <= span and j not in at:
        if s.t.lower[j] not in glue and not (s.t.is_lower(j) and s.t.lower[j].endswith(("e", "en", "er", "es", "em"))):
            return None
        j += 1
    return at.get(j) if j < s.limit else None


def _subject(s: Scope, at: dict[int, Candidate]) -> Candidate | None:
    """The entity that ends right before the trigger, or before a comma, copula or article before it."""
    j = s.trigger - 1
    while j >= 0 and j not in at and (s.t.words[j] == "," or s.t.lower[j] in COPULA) and s.trigger - j <= 4:
        j -= 1
    return at.get(j) if j >= 0 else None


def membership(s: Scope) -> list[tuple[Candidate, str]]:
    """member_of for the trigger's subject or apposition head, to the organisation it governs."""
    at = s.at
    t, i = s.t, s.trigger
    org: Candidate | None
    member: Candidate | None
    if i >= 2 and t.words[i - 1] == "-" and i - 2 in at and at[i - 2].type == "organization":  # "OPEC-Mitglied Venezuela"
        org, member = at[i - 2], at.get(i + 1)
    else:
        org = _after(s, at, i + 1, ORG_GLUE)
        member = _subject(s, at)
        if member is None and t.lower[i].startswith(("beitritt", "accession")):  # "Beitritt Schwedens zur NATO"
            member = at.get(i + 1)
            org = _after(s, at, member.end, ORG_GLUE) if member else None
    if not org or not member or org.type != "organization" or member.type not in MEMBERS or member.kind == "adjective":
        return []
    return [(member, org.id)]


def _outlet(c: Candidate | None) -> Candidate | None:
    return c if c is not None and c.type == "organization" and c.attrs.get("org_kind", "") not in NOT_OUTLETS else None


def _in_outlet(s: Scope, start: int) -> bool:
    """"im staatlichen Rundfunksender IRIB", "in the Guardian", "für die Zeitung X": a preposition of
    place or purpose opens the phrase that ends at ``start``."""
    for j in range(start - 1, max(-1, start - 4), -1):
        if s.t.lower[j] in PUBLISHED_IN:
            return True
        if s.t.lower[j] not in OUTLET_GLUE and not s.t.is_lower(j) and j not in range(start - 2, start):
            return False
    return False


def publication(s: Scope) -> list[tuple[Candidate, str]]:
    """published_in from the person of the clause to the outlet the trigger names."""
    at = s.at
    lower = s.t.lower[s.trigger]
    if lower in OUTLET_AFTER:
        outlet = _outlet(_after(s, at, s.trigger + 1, OUTLET_GLUE | {"to", "with", "mit"}))
    elif lower in OUTLET_BEFORE:
        outlet = _outlet(at.get(s.trigger - 1)) or _outlet(_after(s, at, s.trigger + 1, OUTLET_GLUE))
    else:
        outlets = [c for c in s.ents if _outlet(c) and (c.attrs.get("org_kind") == "media" or _in_outlet(s, c.start))]
        outlet = nearest(outlets, s.trigger)
    persons = [c for c in s.ents if c.type == "person"]
    person = nearest(persons, s.trigger)
    return [(person, outlet.id)] if person and outlet else []
