"""All relations of one article, in the order the rules need each other's results.

Offices first (``leader_of``/``member_of`` from titles, appositions, brackets), then what is known
(``located_in`` from the gazetteer or, for places it does not know, ``locations``; ``party_to``/``updates`` of the agreements); those give each person's
home countries and the venue of the article's event, which the sentence rules use; unnamed heads ("der
venezolanische Präsident") join the sentence rules as their person; co-mentions come last.
"""

from __future__ import annotations

from pipelines.components.agreements import entity_index
from pipelines.components.candidates import Agreement, Candidate, RelationCandidate
from pipelines.components.events import event_venue
from pipelines.components.locations import place_countries
from pipelines.components.offices import home_countries, office_readings, office_relations, role_references
from pipelines.components.relation_scope import Context
from pipelines.components.relations import agreement_relations, attribute_relations, sentence_relations
from pipelines.components.tokens import Tokens


def article_relations(t: Tokens, lang: str, entities: list[Candidate], agreements: list[Agreement]) -> list[RelationCandidate]:
    """Typed relations, relations from attributes and agreements, and co-mentions of one article."""
    present = {c.id for c in entities}
    at = entity_index(entities)
    readings = office_readings(t, lang, entities, at)
    found = attribute_relations(t.sent_of, entities, present) + place_countries(t, lang, entities, present, at)
    found += office_relations(t, lang, entities, readings, at)
    found += agreement_relations(agreements)
    persons = [c for c in entities if c.type == "person"]
    context = Context(present, lambda: home_countries(t, entities, readings, at), lambda: event_venue(t, at, found), persons)
    named = sorted(entities + role_references(t, lang, at, found), key=lambda c: c.start)
    return found + sentence_relations(t, lang, named, found, context)
