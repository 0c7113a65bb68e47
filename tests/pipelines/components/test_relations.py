"""Structure-aware relation and agreement rules, on sentences written for the tests (offline pipeline)."""

from __future__ import annotations

import pytest

from pipelines.evaluation import Gold, score_agreements, score_relations
from pipelines.extract import extract
from pipelines.records import Article, Entity, Extraction


def run(text: str, lang: str) -> Extraction:
    return extract(Article(id="t", key="t", text=text, lang=lang, published="2024-05-01"))


def typed(record: Extraction) -> set[tuple[str, str, str, str]]:
    """(source, relation, target, modality) of every relation but co-mentions."""
    return {(r.source, r.relation, r.target, r.modality) for r in record.relations if r.relation != "co_mentioned"}


def relations_named(record: Extraction, relation: str) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in record.relations if r.relation == relation}


def agreements(record: Extraction) -> list[Entity]:
    return [e for e in record.entities if e.type == "agreement"]


def test_relations_meets_not_across_a_subordinate_clause() -> None:
    record = run("Kapitän Olaf Scholz bekam die Rote Karte, als er Friedrich Merz ins Gesicht traf.", "de")
    assert not relations_named(record, "meets")


def test_relations_meets_needs_the_object_right_after_a_receiving_verb() -> None:
    assert not relations_named(run("Mohamed received support ranging from US President Joe Biden to Facebook founder Mark Zuckerberg.", "en"), "meets")
    assert relations_named(run("Olaf Scholz empfing am Montag den französischen Präsidenten Emmanuel Macron.", "de"), "meets") == {
        ("person:olaf-scholz", "person:emmanuel-macron")
    }


def test_relations_meeting_place_is_visited_by_those_not_at_home() -> None:
    record = run("Der deutsche Bundeskanzler Olaf Scholz traf den französischen Präsidenten Emmanuel Macron in Paris.", "de")
    assert relations_named(record, "visits") == {("person:olaf-scholz", "place:paris"), ("person:olaf-scholz", "country:FR")}


def test_relations_nobody_visits_their_own_country() -> None:
    record = run("Der spanische Präsident Pedro Sánchez besuchte eine Fabrik in Spanien.", "de")
    assert ("person:pedro-sanchez", "country:ES") not in relations_named(record, "visits")


def test_relations_staying_somewhere_is_a_visit() -> None:
    record = run("Der spanische Präsident Pedro Sánchez hält sich zurzeit in Marokko auf.", "de")
    assert relations_named(record, "visits") == {("person:pedro-sanchez", "country:MA")}


def test_relations_a_possessor_is_not_the_traveller() -> None:
    assert not relations_named(run("Donald Trump's policies on Muslims travelling to Germany were criticised.", "en"), "travels_to")


@pytest.mark.parametrize(
    "text,lang,person,relation,target",
    [
        ("Perus Präsident Alan García sprach.", "de", "person:alan-garcia", "leader_of", "country:PE"),
        ("Der Ministerpräsident Spaniens, Pedro Sánchez, sprach.", "de", "person:pedro-sanchez", "leader_of", "country:ES"),
        ("Pedro Sánchez, der Ministerpräsident Spaniens, sprach.", "de", "person:pedro-sanchez", "leader_of", "country:ES"),
        ("Justin Trudeau, the Prime Minister of Canada, spoke.", "en", "person:justin-trudeau", "leader_of", "country:CA"),
        ("Der SPD-Arbeitsminister Hubertus Heil sprach.", "de", "person:hubertus-heil", "member_of", "organization:spd"),
        ("President of the World Bank David Malpass spoke.", "en", "person:david-malpass", "leader_of", "organization:world-bank"),
        ("David Malpass, a representative for the World Bank, spoke.", "en", "person:david-malpass", "member_of", "organization:world-bank"),
        ("Paul Krugman of the New York Times wrote.", "en", "person:paul-krugman", "member_of", "organization:new-york-times"),
    ],
)
def test_offices_from_titles_appositions_party_offices_and_organisations(text: str, lang: str, person: str, relation: str, target: str) -> None:
    assert (person, relation, target, "reported") in typed(run(text, lang))


def test_offices_former_office_has_modality_former_and_is_not_scored() -> None:
    record = run("Der ehemalige französische Präsident Nicolas Sarkozy sprach.", "de")
    assert ("person:nicolas-sarkozy", "leader_of", "country:FR", "former") in typed(record)
    assert score_relations(record, Gold("x")).fp == 0


def test_offices_a_council_president_does_not_lead_the_prefixed_union() -> None:
    record = run("EU-Ratspräsident Charles Michel sprach.", "de")
    assert not relations_named(record, "leader_of")


def test_offices_head_of_an_organisation_and_party_members() -> None:
    record = run("Siemens-Chef Roland Busch sprach mit Olaf Scholz (SPD) und dem CDU-Politiker Friedrich Merz.", "de")
    assert relations_named(record, "leader_of") == {("person:roland-busch", "organization:siemens")}
    assert relations_named(record, "member_of") == {("person:olaf-scholz", "organization:spd"), ("person:friedrich-merz", "organization:cdu")}


def test_offices_counterpart_of_a_head_of_state_leads_his_country() -> None:
    record = run("Der brasilianische Präsident Jair Bolsonaro und sein argentinischer Amtskollege Alberto Fernández sprachen.", "de")
    assert ("person:alberto-fernandez", "country:AR") in relations_named(record, "leader_of")


def test_offices_bracketed_country_leads_only_among_heads_of_state() -> None:
    among_heads = run("Zwölf Regierungschefs nahmen teil, darunter Gabriel Boric (Chile).", "de")
    assert relations_named(among_heads, "leader_of") == {("person:gabriel-boric", "country:CL")}
    assert not relations_named(run("Am Turnier nahm auch Gabriel Boric (Chile) teil.", "de"), "leader_of")


def test_affiliations_country_membership_needs_the_country_as_member() -> None:
    record = run("Mitglieder der UN-Mission aus Brasilien und Indien wurden vermisst. Finnland ist Mitglied der NATO.", "de")
    assert relations_named(record, "member_of") == {("country:FI", "organization:nato")}


def test_affiliations_published_in_from_laut_and_zitiert() -> None:
    record = run("Giorgia Meloni sagte laut TASS, sie wolle verhandeln. Die Agentur TASS zitiert Olaf Scholz mit einem Satz.", "de")
    assert relations_named(record, "published_in") == {("person:giorgia-meloni", "organization:tass"), ("person:olaf-scholz", "organization:tass")}


def test_relations_located_in_from_the_gazetteer_is_marked_as_such() -> None:
    record = run("Xi Jinping landete in Moskau, der Hauptstadt Russlands.", "de")
    assert {(r.source, r.basis) for r in record.relations if r.relation == "located_in"} == {("place:moscow", "gazetteer")}
    assert {r.basis for r in record.relations if r.relation != "located_in"} <= {"text"}


def test_agreements_negated_is_denied_rejected_and_not_scored() -> None:
    record = run("Russland und die Ukraine haben kein Abkommen unterzeichnet.", "de")
    (deal,) = agreements(record)
    assert deal.attrs["modality"] == "denied" and deal.attrs["status"] == "rejected" and "year" not in deal.attrs
    assert {r.modality for r in record.relations if r.relation == "party_to"} == {"denied"}
    assert score_agreements(record, Gold("x")).fp == 0


def test_agreements_hypothetical_treaty() -> None:
    (treaty,) = agreements(run("Russia and Ukraine could sign a treaty.", "en"))
    assert treaty.attrs["modality"] == "hypothetical" and treaty.attrs["status"] == "planned"


def test_agreements_parties_of_the_agent_phrase_only() -> None:
    (deal,) = agreements(run("Die Kritik Chinas an dem von Indien und Japan unterzeichneten Abkommen wuchs.", "de"))
    assert deal.attrs["parties"] == ["country:IN", "country:JP"]


def test_offices_bare_title_leads_the_country_the_article_is_about() -> None:
    text = ("Italien wählt. In Italien streiten die Parteien. Italiens Wirtschaft wächst. "
            "Ministerpräsidentin Giorgia Meloni sprach in Rom.")
    assert ("person:giorgia-meloni", "country:IT") in relations_named(run(text, "de"), "leader_of")
    text = "Italien und Frankreich streiten. Ministerpräsidentin Giorgia Meloni sprach."
    assert not relations_named(run(text, "de"), "leader_of")


def test_offices_unnamed_head_is_his_person_in_sentence_relations() -> None:
    text = "Der italienische Präsident Sergio Mattarella reiste ab. Das sei gut, sagte der italienische Präsident laut TASS."
    assert ("person:sergio-mattarella", "organization:tass") in relations_named(run(text, "de"), "published_in")


def test_events_participants_from_abroad_visit_the_venue_the_host_does_not() -> None:
    text = ("Der Gipfel in Lima begann am Montag. Gastgeber ist der peruanische Präsident Pedro Castillo. "
            "Am Gipfel nehmen Gabriel Boric (Chile), Pedro Castillo (Peru) und Gustavo Petro teil.")
    visits = relations_named(run(text, "de"), "visits")
    assert ("person:gabriel-boric", "place:lima") in visits and ("person:gabriel-boric", "country:PE") in visits
    assert not {v for v in visits if v[0] in ("person:pedro-castillo", "person:gustavo-petro")}


def test_events_venue_is_the_hosts_country_when_no_place_is_named() -> None:
    text = "Gastgeber des Treffens ist der argentinische Präsident Alberto Fernández. Daran nimmt auch Gabriel Boric aus Chile teil."
    assert relations_named(run(text, "de"), "visits") == {("person:gabriel-boric", "country:AR")}


def test_relations_place_compounded_with_visit_is_the_subjects_destination() -> None:
    visits = relations_named(run("Olaf Scholz held talks with Joe Biden in Washington after a China visit.", "en"), "visits")
    assert ("person:olaf-scholz", "country:CN") in visits and ("person:joe-biden", "country:CN") not in visits


def test_offices_of_two_untitled_heads_only_the_most_named_leads() -> None:
    text = ("Italien wählt. In Italien streiten die Parteien. Italiens Wirtschaft wächst. "
            "Ministerpräsidentin Giorgia Meloni sprach. Meloni lobte Italien. Meloni reiste ab. "
            "Im Jahr 2020 hatte Ministerpräsident Giuseppe Conte anders entschieden.")
    assert relations_named(run(text, "de"), "leader_of") == {("person:giorgia-meloni", "country:IT")}


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("Joe Biden told Reuters that he would visit Kenya.", "en", ("person:joe-biden", "published_in", "organization:reuters", "reported")),
        ("Olaf Scholz wird am Montag nach Washington reisen.", "de", ("person:olaf-scholz", "travels_to", "place:washington", "planned")),
        ("Olaf Scholz ist am Montag nach Washington gereist.", "de", ("person:olaf-scholz", "travels_to", "place:washington", "reported")),
        ("Olaf Scholz reist nach Washington, um US-Präsident Joe Biden zu treffen.", "de", ("person:olaf-scholz", "meets", "person:joe-biden", "planned")),
    ],
)
def test_relations_modality_reaches_the_german_auxiliary_and_stops_at_that(text: str, lang: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in typed(run(text, lang))


def test_relations_a_place_far_after_a_visit_noun_is_not_its_destination() -> None:
    text = "Laut Olaf Scholz sollen während des Besuchs viele Verträge über Kohle, Stahl und die Ausbildung junger Ingenieure in Polen geschlossen werden."
    assert not relations_named(run(text, "de"), "visits")


def test_offices_a_deputy_or_group_head_is_a_member_not_the_leader() -> None:
    record = run("SPD-Vizefraktionschef Olaf Scholz sprach.", "de")
    assert not relations_named(record, "leader_of")
    assert relations_named(record, "member_of") == {("person:olaf-scholz", "organization:spd")}


def test_relations_caption_meeting_only_in_a_caption_length_sentence() -> None:
    long = ("Im Juni 1987 wurde die lange geplante Brücke über den breiten Fluss endlich eröffnet, deren "
            "Entwurf Olaf Scholz und Friedrich Merz später nach ihren eigenen Vorstellungen gründlich umbauen ließen.")
    assert not relations_named(run(long, "de"), "meets")
    assert relations_named(run("Olaf Scholz und Friedrich Merz am 3. Mai 2024 in Berlin.", "de"), "meets")


def test_relations_station_is_a_visit_only_when_made() -> None:
    assert not relations_named(run("Olaf Scholz wartete an der Station in Warschau.", "de"), "visits")
    assert ("person:olaf-scholz", "country:PL") in relations_named(run("Olaf Scholz machte in Polen Station.", "de"), "visits")


def test_relations_a_meeting_noun_needs_its_object() -> None:
    assert not relations_named(run("Olaf Scholz addressed numerous party meetings this year together with Friedrich Merz.", "en"), "meets")
    assert relations_named(run("Das Treffen zwischen Olaf Scholz und Emmanuel Macron dauerte lange.", "de"), "meets")


def test_offices_a_qualified_title_is_not_a_bare_head_of_state() -> None:
    about_germany = "Germany votes. Germany is divided. Germany waits. "
    assert not relations_named(run(about_germany + "The party's Bavarian leader Markus Söder spoke.", "en"), "leader_of")
    assert relations_named(run(about_germany + "Chancellor Olaf Scholz spoke.", "en"), "leader_of") == {("person:olaf-scholz", "country:DE")}


def test_relations_the_traveller_is_the_subject_not_whom_he_goes_to_meet() -> None:
    record = run("He traveled to Poland to meet with Olaf Scholz.", "en")
    assert not relations_named(record, "travels_to")
    assert relations_named(run("Am Montag reiste Olaf Scholz nach Polen.", "de"), "travels_to") == {("person:olaf-scholz", "country:PL")}


def test_agreements_refused_by_the_subject_and_wanted_agreements() -> None:
    (refused,) = agreements(run("Japan und Indien lehnten das Abkommen ab.", "de"))
    assert refused.attrs["parties"] == ["country:IN", "country:JP"] and refused.attrs["modality"] == "denied"
    (wanted,) = agreements(run("Japan und Indien wollen 2025 ein Freihandelsabkommen unterzeichnen.", "de"))
    assert wanted.attrs["status"] == "planned"


def test_relations_he_is_the_subject_of_the_sentence_before() -> None:
    text = "Olaf Scholz called advisers, who put him in touch with Emmanuel Macron. He traveled to Poland to meet with Donald Tusk."
    record = run(text, "en")
    assert relations_named(record, "travels_to") == {("person:olaf-scholz", "country:PL")}
    assert ("person:olaf-scholz", "person:donald-tusk") in relations_named(record, "meets")


def test_agreements_genitive_noun_and_a_country_acting_through_its_ruler() -> None:
    record = run("Die Grenze folgt den Linien eines Abkommens, das 1919 zwischen dem österreichischen Kaiser Franz Joseph und Italien geschlossen wurde.", "de")
    assert [(a.attrs["parties"], a.attrs["year"]) for a in agreements(record)] == [(["country:AT", "country:IT"], 1919)]


def test_agreements_joint_declaration_of_one_group_of_states() -> None:
    record = run("Am Montag verurteilten die G20-Staaten in einer gemeinsamen Erklärung die Angriffe.", "de")
    assert [(a.attrs["parties"], a.attrs["year"]) for a in agreements(record)] == [(["organization:g20"], 2024)]
    assert not agreements(run("Am Montag verurteilten die G20-Staaten in einer Erklärung die Angriffe.", "de"))  # one party, not joint
