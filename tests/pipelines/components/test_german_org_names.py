"""German organisations named by a head noun: span, nominative label and English id."""

from __future__ import annotations

from pipelines.components.german_org_names import english_body, english_name, head_of
from pipelines.nlp import get_nlp


def organizations(text: str) -> dict[str, tuple[str, str]]:
    """Mention text -> (id, label) of the organisations found in German ``text``."""
    doc = get_nlp("de", use_trained=False)(text)
    return {doc[c.start : c.end].text: (c.id, c.label) for c in doc._.kg_entities if c.type == "organization"}


def test_german_org_names_party_with_country_genitive_gets_english_id() -> None:
    found = organizations("Gestern verlor die Konservative Partei Kanadas zwei Sitze.")
    assert found["Konservative Partei"] == ("organization:conservative-party-of-canada", "Konservative Partei Kanadas")
    assert "Kanadas" not in found  # the country stays a mention of its own


def test_german_org_names_label_is_nominative() -> None:
    found = organizations("Er sprach mit der Neuen Demokratischen Partei Kanadas und dem Obersten Gericht von Simbabwe.")
    assert found["Neuen Demokratischen Partei"][1] == "Neue Demokratische Partei Kanadas"
    assert found["Obersten Gericht"] == ("organization:supreme-court-of-zimbabwe", "Oberstes Gericht von Simbabwe")


def test_german_org_names_untranslated_name_keeps_german_id() -> None:
    found = organizations("Ein Sprecher des Präsidentenrats für Menschenrechte widersprach.")
    assert found["Präsidentenrats für Menschenrechte"] == ("organization:prasidentenrat-fur-menschenrechte", "Präsidentenrat für Menschenrechte")


def test_german_org_names_coordinated_compound_is_one_name() -> None:
    assert "Sicherheits- und Verteidigungsrat" in organizations("Der Sicherheits- und Verteidigungsrat tagte am Montag.")


def test_german_org_names_acronym_aliases_the_long_name() -> None:
    found = organizations("Die Sozialistische Partei Moldawiens (PSRM) gewann. Die PSRM jubelte.")
    assert found["PSRM"] == found["Sozialistische Partei"]


def test_german_org_names_bare_head_or_description_is_no_name() -> None:
    found = organizations("Die Partei tagte. Die Leipziger Partei stritt. Dann kam die Partei zur Vernunft.")
    assert not any("Partei" in text for text in found)


def test_german_org_names_head_of_reads_compounds_and_genitives() -> None:
    assert head_of("Bundeskriminalamtes") == "amt"
    assert head_of("Entwicklungsbank") == "entwicklungsbank"
    assert head_of("Parteis") is None  # a feminine noun takes no genitive s
    assert english_name(["Liberale", "Partei"]) == "Liberal Party"
    assert english_name(["Interstellare", "Partei"]) is None


def test_german_org_names_acronym_introduced_twice_is_one_organisation() -> None:
    found = organizations(
        "Die Partei Movement for Quiet Change (MQC) siegte. Die Bewegung für Ruhigen Wandel (MQC) jubelte. Die MQC feierte."
    )
    assert found["Bewegung für Ruhigen Wandel"][0] == found["Movement for Quiet Change"][0] == found["MQC"][0]


def test_german_org_names_federal_and_state_bodies_get_english_ids() -> None:
    found = organizations("Beamte des Bundeskartellamtes und des Landeskriminalamtes Baden-Württemberg kamen.")
    assert found["Bundeskartellamtes"] == ("organization:federal-cartel-office", "Bundeskartellamt")
    assert found["Landeskriminalamtes Baden-Württemberg"] == (
        "organization:state-criminal-police-office-of-baden-wurttemberg", "Landeskriminalamt Baden-Württemberg"
    )


def test_german_org_names_english_body_reads_compound_parts() -> None:
    assert english_body("Bundesgesundheitsministeriums") == "Federal Ministry of Health"
    assert english_body("Bundesquandelamt") is None  # an unlisted field keeps the German id


def test_german_org_names_other_rules_names_get_nominative_labels() -> None:
    found = organizations("Er sprach mit der Europäischen Entwicklungsbank.")
    assert found["Europäischen Entwicklungsbank"] == ("organization:european-development-bank", "Europäische Entwicklungsbank")
