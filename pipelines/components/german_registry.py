"""Every German-only entity rule, registered in one place with what it needs and what it adds.

In the spirit of spaCy's ``requires``/``assigns``: a ``CandidateRule`` is fed the tokens whose word passes
its ``cue`` and proposes candidates; a ``ChosenRule`` rewrites the candidates ``select`` kept. ``requires``
names what a rule reads (``name_classes``: the word classes; ``free``: tokens no gazetteer entity or
person holds; ``chosen.<type>``: selected candidates of that type; ``cue.<rule>``: another rule's cue
hits), ``assigns`` the entity types it adds or reshapes. The order is the order the rules run in (for
candidates of equal length and start, the earlier rule's wins in ``select``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pipelines.components.acronyms import acronym_aliases
from pipelines.components.candidates import Candidate
from pipelines.components.german_companies import english_company_candidates, english_company_cue
from pipelines.components.german_org_names import head_cue, headed_candidates, nominative_labels, owned_acronyms
from pipelines.components.german_org_parts import join_org_parts
from pipelines.components.german_outlets import QUOTES as OUTLET_QUOTES
from pipelines.components.german_outlets import outlet_candidates
from pipelines.components.german_person_bounds import (
    bodies_not_persons,
    foreign_surname_candidates,
    foreign_surname_cue,
    genitive_candidates,
    genitive_cue,
    initial_candidates,
    initial_cue,
    joined_persons,
    month_name_candidates,
    month_name_cue,
)
from pipelines.components.german_persons import (
    SPEECH_VERBS,
    country_list_candidates,
    demonym_candidates,
    demonym_cue,
    noun_surname_candidates,
    role_cue,
    speaker_candidates,
)
from pipelines.components.german_place_names import english_place_heads, feature_candidates, feature_cue
from pipelines.components.german_place_shapes import (
    compass_candidates,
    compass_place,
    described_candidates,
    described_persons_as_places,
    described_place_cue,
    direction_candidates,
    feature_compound_candidates,
    feature_ending,
    places_in_english_names,
    respelled_candidates,
    respelled_cue,
    surname_places,
)
from pipelines.components.german_places import (
    MOTORWAY,
    PLACE_HEADS,
    ROAD_WORDS,
    ROMANCE_PLACE_WORDS,
    capitals_candidates,
    capitals_place,
    coordinated_places,
    destination_candidates,
    english_place_ids,
    join_place_parts,
    place_adjective,
    place_adjective_candidates,
    road_candidates,
    romance_place_candidates,
    saint_candidates,
    spa_candidates,
    street_candidates,
    street_word,
    unknown_name,
)
from pipelines.components.german_rules import (
    ACRONYM,
    CLASS_TYPES,
    CLUB_WORDS,
    FEDERAL,
    INSTITUTIONS,
    NOT_ORG_ACRONYMS,
    acronym_candidates,
    adjective_organizations,
    class_candidates,
    club_candidates,
    country_bodies,
    federal_candidates,
    institution_candidates,
    org_kind_candidates,
    org_kind_word,
    retyped_after_cue,
)
from pipelines.components.german_words import word_class
from pipelines.components.names import SAINTS
from pipelines.components.tokens import Tokens
from pipelines.components.word_tests import WordTest
from pipelines.knowledge.people import role_for_word
from pipelines.knowledge.tables import not_names
from pipelines.knowledge.time_zones import time_zone_abbreviations

Hits = dict[str, list[int]]


@dataclass(frozen=True)
class CandidateRule:
    """A rule that proposes candidates at the tokens whose word passes ``cue``."""

    name: str
    cue: Callable[[str], bool]
    find: Callable[[Tokens, list[int], set[int]], list[Candidate]]  # (tokens, cue hits, blocked tokens)
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


@dataclass(frozen=True)
class ChosenRule:
    """A rule that rewrites the selected candidates (joins, widens or adds to them)."""

    name: str
    apply: Callable[[Tokens, list[Candidate], Hits], list[Candidate]]  # (tokens, chosen, cue hits by rule)
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _class_cue(word: str) -> bool:
    """A word of a name class, but no title or office ("Papst", which the clusters put with companies)."""
    return word_class(word) in CLASS_TYPES and word not in not_names() and role_for_word(word, "de") is None


def _acronym_cue(word: str) -> bool:
    return (
        bool(ACRONYM.match(word)) and word not in NOT_ORG_ACRONYMS and word not in time_zone_abbreviations()
        and not capitals_place(word)
    )


def _street_cue(word: str) -> bool:
    return street_word(word) or word in PLACE_HEADS


def english_place_heads_rule(tokens: Tokens, chosen: list[Candidate], hits: Hits) -> list[Candidate]:
    return english_place_heads(tokens, chosen)


CANDIDATE_RULES: tuple[CandidateRule, ...] = (
    CandidateRule(
        "romance_place", ROMANCE_PLACE_WORDS.__contains__, lambda tokens, hits, blocked: romance_place_candidates(tokens, hits),
        (), ("place",),
    ),
    CandidateRule("speaker", SPEECH_VERBS.__contains__, speaker_candidates, ("free",), ("person",)),
    CandidateRule("noun_surname", role_cue, noun_surname_candidates, ("free",), ("person",)),
    CandidateRule("demonym_person", demonym_cue, demonym_candidates, ("name_classes", "free"), ("person",)),
    CandidateRule("country_list", "(".__eq__, country_list_candidates, ("name_classes", "free"), ("person",)),
    CandidateRule("initials", initial_cue, initial_candidates, ("name_classes", "free"), ("person",)),
    CandidateRule("person_genitive", genitive_cue, genitive_candidates, ("name_classes", "free"), ("person",)),
    CandidateRule("month_given_name", month_name_cue, month_name_candidates, ("name_classes", "free"), ("person",)),
    CandidateRule("foreign_surname", foreign_surname_cue, foreign_surname_candidates, ("name_classes", "free"), ("person",)),
    CandidateRule("class", _class_cue, class_candidates, ("name_classes", "free"), ("person", "place", "organization")),
    CandidateRule("saint", SAINTS.__contains__, saint_candidates, ("free",), ("place",)),
    CandidateRule("acronym", _acronym_cue, acronym_candidates, ("free",), ("organization",)),
    CandidateRule(
        "club", lambda word: word in CLUB_WORDS or word_class(word) == "club",
        lambda tokens, hits, blocked: club_candidates(tokens, hits), ("name_classes",), ("organization",),
    ),
    CandidateRule("street", _street_cue, street_candidates, ("name_classes", "free"), ("place",)),
    CandidateRule(
        "institution", INSTITUTIONS.__contains__, lambda tokens, hits, blocked: institution_candidates(tokens, hits),
        (), ("organization",),
    ),
    CandidateRule(
        "federal", lambda word: bool(FEDERAL.match(word)), lambda tokens, hits, blocked: federal_candidates(tokens, hits),
        (), ("organization",),
    ),
    CandidateRule("headed_org", head_cue, headed_candidates, ("free",), ("organization",)),
    CandidateRule("org_kind", org_kind_word, org_kind_candidates, ("free",), ("organization",)),
    CandidateRule("outlet", OUTLET_QUOTES.__contains__, outlet_candidates, (), ("organization",)),
    CandidateRule("english_company", english_company_cue, english_company_candidates, ("free",), ("organization",)),
    CandidateRule("unknown", unknown_name, destination_candidates, ("name_classes", "free"), ("place",)),
    CandidateRule("capitals", capitals_place, capitals_candidates, ("name_classes", "free"), ("place",)),
    CandidateRule(
        "road", lambda word: word in ROAD_WORDS or bool(MOTORWAY.match(word)),
        lambda tokens, hits, blocked: road_candidates(tokens, hits), (), ("place",),
    ),
    CandidateRule("feature", feature_cue, feature_candidates, ("name_classes", "free"), ("place",)),
    CandidateRule("spa", lambda word: word == "Bad", spa_candidates, ("free",), ("place",)),
    CandidateRule("place_adjective", place_adjective, place_adjective_candidates, ("free",), ("place",)),
    CandidateRule("compass_place", lambda word: compass_place(word) is not None, compass_candidates, ("free",), ("place",)),
    CandidateRule(
        "feature_compound", lambda word: feature_ending(word) is not None, feature_compound_candidates,
        ("name_classes", "free"), ("place",),
    ),
    CandidateRule("described_place", described_place_cue, described_candidates, ("name_classes", "free"), ("place",)),
    CandidateRule("direction_place", unknown_name, direction_candidates, ("name_classes", "free"), ("place",)),
    CandidateRule("respelled_place", respelled_cue, respelled_candidates, ("name_classes", "free"), ("place",)),
)

CHOSEN_RULES: tuple[ChosenRule, ...] = (
    ChosenRule("joined_persons", lambda tokens, chosen, hits: joined_persons(tokens, chosen), ("chosen.person",), ("person",)),
    ChosenRule(
        "bodies_not_persons", lambda tokens, chosen, hits: bodies_not_persons(tokens, chosen), ("chosen.person",),
        ("organization", "place"),
    ),
    ChosenRule("place_parts", lambda tokens, chosen, hits: join_place_parts(tokens, chosen), ("chosen.place",), ("place",)),
    ChosenRule(
        "listed_places", lambda tokens, chosen, hits: coordinated_places(tokens, chosen, hits["unknown"]),
        ("chosen.place", "cue.unknown"), ("place",),
    ),
    ChosenRule(
        "described_persons", lambda tokens, chosen, hits: described_persons_as_places(tokens, chosen, hits["described_place"]),
        ("chosen.person", "cue.described_place"), ("place",),
    ),
    ChosenRule(
        "places_in_english_names", lambda tokens, chosen, hits: places_in_english_names(tokens, chosen),
        ("chosen.place", "chosen.country"), ("place", "country"),
    ),
    ChosenRule("surname_places", lambda tokens, chosen, hits: surname_places(tokens, chosen), ("chosen.place", "chosen.person"), ("person",)),
    ChosenRule("english_place_ids", lambda tokens, chosen, hits: english_place_ids(chosen), ("chosen.place",), ("place",)),
    ChosenRule("english_place_heads", english_place_heads_rule, ("chosen.place",), ("place",)),
    ChosenRule(
        "retyped_after_cue", lambda tokens, chosen, hits: retyped_after_cue(tokens, chosen),
        ("chosen.place", "chosen.person", "chosen.organization"), ("organization", "person"),
    ),
    ChosenRule(
        "country_bodies", lambda tokens, chosen, hits: country_bodies(tokens, chosen),
        ("chosen.country", "chosen.organization", "name_classes"), ("organization",),
    ),
    ChosenRule("org_parts", lambda tokens, chosen, hits: join_org_parts(tokens, chosen), ("chosen.organization",), ("organization",)),
    ChosenRule("nominative_labels", lambda tokens, chosen, hits: nominative_labels(tokens, chosen), ("chosen.organization",), ("organization",)),
    ChosenRule(
        "owned_acronyms", lambda tokens, chosen, hits: owned_acronyms(tokens, chosen), ("chosen.organization", "chosen.country"),
        ("organization",),
    ),
    ChosenRule(
        "acronym_aliases", lambda tokens, chosen, hits: acronym_aliases(tokens, chosen, NOT_ORG_ACRONYMS | time_zone_abbreviations()),
        ("chosen.organization",),
        ("organization",),
    ),
    ChosenRule(
        "adjective_organizations", lambda tokens, chosen, hits: adjective_organizations(tokens, chosen),
        ("chosen.country", "chosen.organization"), ("organization",),
    ),
)


@dataclass(frozen=True)
class Registry:
    """The German rules a run uses: all of them, or (in tests) all but some."""

    candidates: tuple[CandidateRule, ...] = CANDIDATE_RULES
    chosen: tuple[ChosenRule, ...] = CHOSEN_RULES

    def names(self) -> list[str]:
        return [rule.name for rule in self.candidates] + [rule.name for rule in self.chosen]

    def without(self, name: str) -> Registry:
        """This registry less the rule called ``name`` (a candidate rule keeps feeding ``cue.<name>``)."""
        return Registry(tuple(r for r in self.candidates if r.name != name), tuple(r for r in self.chosen if r.name != name))


GERMAN_RULES = Registry()


@lru_cache(maxsize=200_000)
def german_rules(word: str) -> tuple[str, ...]:
    """The names of the candidate rules that ``word`` feeds ("class", "acronym" …)."""
    return tuple(rule.name for rule in CANDIDATE_RULES if rule.cue(word))


GERMAN_CUES = WordTest(german_rules)


def german_hits(tokens: Tokens) -> Hits:
    """Rule name -> the indexes of the tokens that feed it, ascending, from one test of the doc's distinct
    words and one rule lookup per distinct word."""
    hits: Hits = {rule.name: [] for rule in CANDIDATE_RULES}
    for word in tokens.passing(GERMAN_CUES):
        positions = tokens.positions[word]
        for name in german_rules(word):
            hits[name].extend(positions)
    for found in hits.values():
        found.sort()
    return hits


def german_candidates(tokens: Tokens, blocked: set[int], hits: Hits, rules: Registry = GERMAN_RULES) -> list[Candidate]:
    """The candidates of the German candidate rules, from ``german_hits``."""
    return [cand for rule in rules.candidates for cand in rule.find(tokens, hits[rule.name], blocked)]


def german_chosen(tokens: Tokens, chosen: list[Candidate], hits: Hits, rules: Registry = GERMAN_RULES) -> list[Candidate]:
    """``chosen`` rewritten by the German chosen-candidate rules, in order."""
    for rule in rules.chosen:
        chosen = rule.apply(tokens, chosen, hits)
    return chosen
