"""Known organisations: English-name ids, acronyms and German names in both languages, shared names."""

from __future__ import annotations

from pipelines.keys import slug
from pipelines.knowledge.organizations import general_rows, organization_names, shared_names

# "Bundesregierung" is kept apart per country under its German slug ("bundesregierung-et", country_bodies).
GENERIC_BODIES = {"bundesregierung"}


def test_organizations_slug_is_the_slug_of_the_english_name() -> None:
    wrong = [(row[0], row[3]) for row in general_rows() if row[0] != slug(row[3]) and row[0] not in GENERIC_BODIES]
    assert wrong == []


def test_organizations_slugs_are_unique_across_the_general_files() -> None:
    slugs = [row[0] for row in general_rows()]
    assert len(slugs) == len(set(slugs))


def test_organizations_acronym_in_either_language_is_the_english_id() -> None:
    english, german = organization_names("en"), organization_names("de")
    assert english["IMF"].id == german["IWF"].id == "organization:international-monetary-fund"
    unhcr = "organization:united-nations-high-commissioner-for-refugees"
    assert german["UNHCR"].id == english["UN refugee agency"].id == unhcr


def test_organizations_german_name_and_its_inflected_form_are_the_english_id() -> None:
    german = organization_names("de")
    assert german["Weltbank"].id == "organization:world-bank"
    assert german["Interamerikanischen Entwicklungsbank"].id == "organization:inter-american-development-bank"
    assert german["Ärzte ohne Grenzen"].id == "organization:doctors-without-borders"


def test_organizations_shared_acronym_stands_for_no_single_organisation() -> None:
    assert "IDB" not in organization_names("en")
    assert {org.id for org in shared_names()["IDB"]} == {
        "organization:inter-american-development-bank", "organization:islamic-development-bank"}


def test_organizations_german_name_led_by_a_noun_has_its_genitive() -> None:
    german = organization_names("de")
    undp = "organization:united-nations-development-programme"
    assert german["Entwicklungsprogramms der Vereinten Nationen"].id == undp


def test_organizations_a_name_has_one_id_in_german_and_english_text() -> None:
    english, german = organization_names("en"), organization_names("de")
    differing = [name for name, org in english.items() if name in german and german[name].id != org.id]
    assert differing == []
