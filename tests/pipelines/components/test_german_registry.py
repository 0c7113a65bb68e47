"""The German rule registry: every registered rule finds something that no other rule finds."""

from __future__ import annotations

from typing import cast

import pytest

from pipelines.components.entities import find_entities
from pipelines.components.german_registry import GERMAN_RULES, Registry
from pipelines.components.tokens import tokens_of
from pipelines.factories import EntityRecognizer
from pipelines.nlp import get_nlp

# rule name -> (a sentence, the type and the text or id of a mention only that rule finds)
EXAMPLES = {
    "romance_place": ("Der Cerro Quindal ist hoch.", "place", "Cerro Quindal"),
    "speaker": ("„Wir bleiben“, erklärte Laukötter.", "person", "Laukötter"),
    "noun_surname": ("Das sei falsch, sagte der Politiker Straubinger am Montag.", "person", "Straubinger"),
    "demonym_person": ("Unter den Gästen war der Tunesier Quandor Belnaki.", "person", "Quandor Belnaki"),
    "country_list": ("Es kamen Morvan Keldrio (Guyana), Tesla Brun (Chile) und andere.", "person", "Morvan Keldrio"),
    "initials": ("Den Titel gewann er vor K. Marvelko.", "person", "K. Marvelko"),
    "person_genitive": ("Die Kritik zielte auf Belvanis Stil.", "person", "person:belvani"),
    "month_given_name": ("Er rechnete mit August Quandel die Bahnen nach.", "person", "August Quandel"),
    "foreign_surname": ("Quandović schied im Halbfinale aus.", "person", "Quandović"),
    "class": ("Am Montag reiste Rüttgers nach Bonn.", "person", "Rüttgers"),
    "saint": ("Die Kirche St. Peter ist alt.", "place", "St. Peter"),
    "acronym": ("Laut DKWG gibt es neue Stellen.", "organization", "DKWG"),
    "club": ("Er kehrte zum 1. FC Nürnberg zurück.", "organization", "1. FC Nürnberg"),
    "street": ("Sie wohnt in der Gubener Straße.", "place", "Gubener Straße"),
    "institution": ("Er lehrt an der Universität Gießen.", "organization", "Universität Gießen"),
    "federal": ("Das Umweltbundesamt widersprach.", "organization", "Umweltbundesamt"),
    "headed_org": ("Die Liberale Partei Kanadas gewann.", "organization", "organization:liberal-party-of-canada"),
    "org_kind": ("Die Rockband Quandelmoor spielte.", "organization", "Quandelmoor"),
    "outlet": ("Dem „Morvex Quandel“ zufolge steigen die Preise.", "organization", "Morvex Quandel"),
    "org_parts": ("Der SV Quandel-Morvex gewann.", "organization", "SV Quandel-Morvex"),
    "english_company": ("Am Montag kündigte Samsung neue Geräte an.", "organization", "Samsung"),
    "unknown": ("Sie zog nach Skovlunde.", "place", "Skovlunde"),
    "capitals": ("TOKIO (dpa) Die Börse stieg.", "place", "TOKIO"),
    "road": ("Der Stau auf der A 7 war lang.", "place", "A 7"),
    "feature": ("Er fuhr zum Quandor-Fluss.", "place", "place:quandor-river"),
    "spa": ("Die Klinik in Bad Schussenried ist neu.", "place", "Bad Schussenried"),
    "place_adjective": ("Die Moskauer Richter sprachen ihn frei.", "place", "place:moscow"),
    "joined_persons": ("Das Buch schrieb Wilton Mary Tolvard im Winter.", "person", "Wilton Mary Tolvard"),
    "bodies_not_persons": ("Er spielte in der Kevin Marlowe Band.", "organization", "Kevin Marlowe Band"),
    "place_parts": ("Er wohnt in Berlin-Mitte.", "place", "Berlin-Mitte"),
    "listed_places": ("Die Dörfer liegen zwischen Tranomaro, Folakara und Antsirabe.", "place", "Folakara"),
    "english_place_ids": ("Die Spiele in Sotschi beginnen.", "place", "place:sochi"),
    "english_place_heads": ("Die Leipziger Messe war voll.", "place", "place:messe-leipzig"),
    "retyped_after_cue": ("Die Firma Grünenthal klagte.", "organization", "Grünenthal"),
    "country_bodies": ("Die äthiopische Bundesregierung schwieg.", "organization", "organization:bundesregierung-et"),
    "nominative_labels": ("Er sprach mit der Arktischen Entwicklungsbank.", "organization", "organization:arktische-entwicklungsbank"),
    "owned_acronyms": ("Die Sozialistische Partei Islands (SPI) siegte.", "organization", "SPI -> organization:socialist-party-of-iceland"),
    "acronym_aliases": ("Laut dem United States Geological Survey (USGS) bebte es.", "organization", "organization:united-states-geological-survey"),
    "compass_place": ("Der Sturm traf Nordhessen.", "place", "place:north-hesse"),
    "feature_compound": ("Die Wanderer stiegen ins Quellertal ab.", "place", "Quellertal"),
    "described_place": ("Der Überfall geschah im aargauischen Quelliken.", "place", "Quelliken"),
    "direction_place": ("Das Lager lag südlich von Quendrava.", "place", "Quendrava"),
    "places_in_english_names": ("Sie blieb in Bedford Falls.", "place", "Bedford Falls"),
    "surname_places": ("Die Sängerin Anna Paderborn trat auf. Paderborn sang lange.", "person", "Paderborn -> person:anna-paderborn"),
    "respelled_place": ("Der Flug nach Sao Tomé fiel aus.", "place", "place:sao-tome"),
    "described_persons": ("Die Jets werden im englischen Hatfield gebaut.", "place", "Hatfield"),
    "adjective_organizations": ("Das sagte sie im Deutschen Bundestag.", "organization", "Deutschen Bundestag"),
}


def mentions(text: str, rules: Registry) -> set[tuple[str, str]]:
    """(type, text), (type, id) and (type, "text -> id") of the entity mentions found in German ``text`` with ``rules``."""
    nlp = get_nlp("de", use_trained=False)
    doc = nlp(text)
    tokens = tokens_of(doc)
    recognizer = cast(EntityRecognizer, nlp.get_pipe("kg_entities"))
    found = find_entities(doc, tokens, "de", recognizer.gazetteer, rules)
    texts = {(c.type, tokens.span_text(c.start, c.end)) for c in found} | {(c.type, c.id) for c in found}
    return texts | {(c.type, f"{tokens.span_text(c.start, c.end)} -> {c.id}") for c in found}


def test_german_registry_every_rule_has_an_example() -> None:
    assert sorted(GERMAN_RULES.names()) == sorted(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_german_registry_each_rule_finds_what_the_others_miss(name: str) -> None:
    text, etype, mention = EXAMPLES[name]
    assert (etype, mention) in mentions(text, GERMAN_RULES)
    assert (etype, mention) not in mentions(text, GERMAN_RULES.without(name))


def test_german_registry_rules_say_what_they_need_and_add() -> None:
    rules = GERMAN_RULES.candidates + GERMAN_RULES.chosen
    assert all(rule.assigns for rule in rules)
    assert {need for rule in GERMAN_RULES.chosen for need in rule.requires if need.startswith("cue.")} <= {
        f"cue.{rule.name}" for rule in GERMAN_RULES.candidates
    }
