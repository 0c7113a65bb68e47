"""German names recognised through the word classes of ``data/name_classes.tsv`` (derived from word clusters)."""

from __future__ import annotations

from pipelines.components.german_rules import word_class
from pipelines.components.names import is_name_word
from pipelines.extract import extract
from pipelines.knowledge.people import first_names, given_names, name_classes
from pipelines.knowledge.places import place_names
from pipelines.records import Article, Extraction


def run(text: str, lang: str = "de") -> Extraction:
    return extract(Article(id="t", key="t", text=text, lang=lang))


def ids(record: Extraction, etype: str) -> set[str]:
    return {e.id for e in record.entities if e.type == etype}


def mention_texts(record: Extraction, etype: str) -> list[str]:
    """The texts of the mentions of ``etype`` entities, entity by entity."""
    return [m.text for e in record.entities if e.type == etype for m in e.mentions]


def test_name_classes_derived_given_name_opens_a_person() -> None:
    assert name_classes()["Roger"] == "given" and "Roger" not in first_names()
    assert ids(run("Das Album wurde wieder mit Roger Glover aufgenommen."), "person") == {"person:roger-glover"}


def test_name_classes_given_names_leave_out_not_names() -> None:
    assert name_classes().get("Corona") == "given" and "Corona" not in given_names("de")


def test_name_classes_family_name_alone_is_a_person() -> None:
    assert name_classes()["Rüttgers"] == "family"
    assert ids(run("Das sei ein Erfolg, sagte Rüttgers am Montag."), "person") == {"person:ruttgers"}


def test_name_classes_place_word_is_a_place() -> None:
    assert "Wetzlar" not in place_names()
    record = run("Die Firma zog nach Wetzlar um.")
    assert ids(record, "place") == {"place:wetzlar"} and not ids(record, "person")


def test_name_classes_party_acronym_is_an_organization() -> None:
    assert ids(run("Die NPD verlor die Wahl deutlich."), "organization") == {"organization:npd"}


def test_name_classes_english_text_gets_no_german_one_word_names() -> None:
    assert not run("The firm moved to Wetzlar.", "en").entities


def test_names_common_noun_is_no_name_word_in_german_only() -> None:
    assert name_classes()["Hilfe"] == "noun"
    assert not is_name_word("Hilfe", "de") and is_name_word("Hilfe", "en")
    assert ids(run("Dann gab Roger Hilfe Geld."), "person") == {"person:roger"}


def test_names_common_noun_after_a_given_name_can_end_it_as_family_name() -> None:
    assert name_classes()["Blinken"] == "noun" and name_classes()["Leyen"] == "noun"
    record = run("Der Minister traf Antony Blinken, danach Ursula von der Leyen.")
    assert ids(record, "person") == {"person:antony-blinken", "person:ursula-von-der-leyen"}


def test_names_hyphen_does_not_glue_a_common_noun_to_a_given_name() -> None:
    assert name_classes()["Prinzip"] == "noun"
    assert ids(run("Das Peter-Prinzip gilt auch hier."), "person") == set()


def test_names_article_after_a_name_is_no_particle() -> None:
    record = run("Am Montag lobte Renate Schmidt den Kuckelkorn sehr.")
    assert "person:renate-schmidt" in ids(record, "person")
    assert not any("den" in i for i in ids(record, "person"))


def test_name_classes_family_name_takes_initials_and_unknown_forenames() -> None:
    assert ids(run("Zusammen mit H. Dietz beschrieb er den Käfer."), "person") == {"person:h-dietz"}


def test_name_classes_lone_given_name_is_a_person() -> None:
    assert name_classes()["Judith"] == "given"
    assert ids(run("Danach hat sich Judith getraut."), "person") == {"person:judith"}


def test_entities_place_after_a_given_name_ends_the_name() -> None:
    assert "Hagen" in place_names()
    record = run("Sie lernte in der von Uta Hagen geleiteten Klasse.")
    assert ids(record, "person") == {"person:uta-hagen"} and not ids(record, "place")


def test_entities_saint_and_name_is_a_place_not_a_person() -> None:
    record = run("Die Kirche St. Peter wurde 1787 erbaut.")
    assert ids(record, "place") == {"place:st-peter"} and not ids(record, "person")


def test_names_title_opens_a_person() -> None:
    record = run("Das bestätigte Herr Kuckelkorn gestern.")
    assert ids(record, "person") == {"person:kuckelkorn"}
    assert ids(run("Das bestätigte gestern Dr. Xaverius Quabbe."), "person") == {"person:xaverius-quabbe"}


def test_entities_acronym_is_an_organization_with_its_name_words() -> None:
    assert ids(run("Beim Chemiekonzern BASF gibt es neue Stellen."), "organization") == {"organization:basf"}
    assert ids(run("Aufsteiger ist BNP Paribas mit einer Verbesserung."), "organization") == {"organization:bnp-paribas"}


def test_entities_acronym_in_a_compound_or_a_unit_is_no_organization() -> None:
    assert not ids(run("Das WM-Finale sahen viele, die Leistung lag bei 196 MW und das Buch hat eine ISBN."), "organization")


def test_entities_sports_club_takes_its_place() -> None:
    record = run("Er kehrte zum 1. FC Nürnberg zurück und spielte gegen den SC Paderborn.")
    assert ids(record, "organization") == {"organization:1-fc-nurnberg", "organization:sc-paderborn"}
    assert not ids(record, "place")


def test_entities_newspaper_name_is_an_organization() -> None:
    assert ids(run("Das sagte er der Berliner Zeitung am Montag."), "organization") == {"organization:berliner-zeitung"}


def test_name_classes_genitive_of_a_place_is_the_place() -> None:
    record = run("Die Altstadt Wetzlars ist alt.")
    assert mention_texts(record, "place") == ["Wetzlars"]


def test_name_classes_given_name_opening_a_sentence_is_no_person() -> None:
    assert word_class("Anders") == "given"  # the genitive of "Ander"
    assert not ids(run("Anders als geplant kam der Zug spät."), "person")


def test_places_german_noun_names_no_city_abroad() -> None:
    places = place_names()
    assert "Rest" not in places and "Kanton" not in places and "Siegen" in places


def test_places_states_world_regions_and_geography() -> None:
    places = place_names()
    assert places["Thüringen"].country == "DE" and places["Oberösterreich"].country == "AT"
    assert places["Südostasien"].id == "place:southeast-asia" and places["Wien"].id == "place:vienna"
    assert places["Bodensee"].id == "place:lake-constance" and "Oder" not in places


def test_entities_place_takes_hyphenated_name_parts_but_no_noun() -> None:
    record = run("Er wohnt in Berlin-Mitte, ein Berlin-Besuch lohnt sich.")
    assert mention_texts(record, "place") == ["Berlin-Mitte", "Berlin"]


def test_entities_streets_are_places_but_not_common_noun_compounds() -> None:
    record = run("Das Haus in der Schwanitzstraße liegt nahe der Gubener Straße, nicht am Flugplatz.")
    assert mention_texts(record, "place") == ["Schwanitzstraße", "Gubener Straße"]


def test_name_classes_club_cluster_word_opens_a_club_or_stands_alone() -> None:
    assert word_class("Borussia") == "club" and word_class("Lokalrivalen") is None
    record = run("Die Borussia Dortmund gewann, und Werder verlor gegen den FC Schalke 04 am Samstag.")
    assert ids(record, "organization") == {"organization:borussia-dortmund", "organization:werder", "organization:fc-schalke-04"}
    assert not ids(record, "place")


def test_entities_institution_takes_its_town() -> None:
    record = run("Sie lehrt an der Universität Gießen und an der Medizinischen Hochschule Hannover.")
    assert ids(record, "organization") == {"organization:universitat-giessen", "organization:medizinischen-hochschule-hannover"}
    assert not ids(record, "place")


def test_entities_place_takes_a_hyphenated_place() -> None:
    record = run("Er wohnt in Düsseldorf-Gerresheim.")
    assert mention_texts(record, "place") == ["Düsseldorf-Gerresheim"]


def test_name_classes_company_cluster_word_is_an_organization() -> None:
    assert word_class("Siemens") == "company" and word_class("Pro") is None  # "pro" is as frequent in lower case
    record = run("Der Auftrag ging an Siemens und nicht an Nokia.")
    assert ids(record, "organization") == {"organization:siemens", "organization:nokia"}
    assert not ids(record, "person")


def test_entities_federal_body_takes_its_purpose() -> None:
    record = run("Das Umweltbundesamt und das Bundesamt für Migration und Flüchtlinge widersprachen, nicht die Bundesländer.")
    assert ids(record, "organization") == {"organization:umweltbundesamt", "organization:bundesamt-fur-migration-und-fluchtlinge"}


def test_entities_unknown_name_after_a_place_cue_is_a_place() -> None:
    record = run("Sie zog nach Skovlunde, die Gemeinde Pflückuff wuchs, und in Kraftfahrzeugmotoren steckt Arbeit.")
    assert mention_texts(record, "place") == ["Skovlunde", "Pflückuff"]


def test_entities_unknown_name_listed_with_a_place_is_a_place() -> None:
    record = run("Die Dörfer liegen zwischen Tranomaro, Folakara und Antsirabe.")
    assert sorted(mention_texts(record, "place")) == ["Antsirabe", "Folakara", "Tranomaro"]


def test_entities_dateline_place_in_capitals_is_a_place_not_an_acronym() -> None:
    record = run("TOKIO (dpa) Die Börse stieg, sagte die SPD.")
    assert mention_texts(record, "place") == ["TOKIO"] and ids(record, "organization") == {"organization:dpa", "organization:spd"}


def test_entities_roads_by_number_are_places_but_not_vitamins() -> None:
    record = run("Der Stau auf der A 7 reichte bis zur Bundesstraße 216, dazu gab es Vitamin B 12.")
    assert mention_texts(record, "place") == ["A 7", "Bundesstraße 216"]


def test_entities_spa_town_takes_its_name_word() -> None:
    assert mention_texts(run("Die Klinik in Bad Schussenried hat ein Bad und eine Küche."), "place") == ["Bad Schussenried"]


def test_entities_place_noun_after_a_place_adjective_is_a_place() -> None:
    record = run("Der Tegeler See liegt weit vom Frankfurter Hauptbahnhof. Der Wald ist groß.")
    assert mention_texts(record, "place") == ["Tegeler See", "Frankfurter Hauptbahnhof"]


def test_entities_place_takes_the_region_it_lies_in() -> None:
    assert mention_texts(run("Er studierte in Freiburg im Breisgau und in Berlin im Winter."), "place") == ["Freiburg im Breisgau", "Berlin"]


def test_name_classes_genitive_of_a_person_is_no_noun() -> None:
    assert word_class("Merkels") == "family" and word_class("Jungs") == "noun"
    record = run("Die engsten Vertrauten Merkels schweigen, die Jungs auch.")
    assert mention_texts(record, "person") == ["Merkels"]


def test_entities_club_name_stops_at_a_capitalised_article() -> None:
    record = run("Sieger wurde der ESV Lok Zwickau Die Gäste verloren.")
    assert ids(record, "organization") == {"organization:esv-lok-zwickau"}


def test_entities_english_organisation_word_ends_a_name() -> None:
    record = run("Er flog mit Jet Airways und besuchte die Matthew Humberstone School.")
    assert ids(record, "organization") == {"organization:jet-airways", "organization:matthew-humberstone-school"}
    assert not ids(record, "person")


def test_organizations_german_list_is_for_german_text_only() -> None:
    from pipelines.knowledge.organizations import organization_names

    assert organization_names("de")["Linkspartei"].id == "organization:die-linke" and "Continental" not in organization_names("en")
    record = run("Die Grünen und die Linkspartei stimmten zu, sagte der Hessische Rundfunk. Das Bild war klar.")
    assert ids(record, "organization") == {"organization:greens-germany", "organization:die-linke", "organization:hr"}


def test_name_classes_noun_compound_is_no_forename() -> None:
    record = run("Gestern sagte Bäderleiter Schmid, das Bad bleibe zu.")
    assert mention_texts(record, "person") == ["Schmid"]


def test_entities_capitalised_country_adjective_opens_an_organisation() -> None:
    record = run("Das sagte sie im Deutschen Bundestag, der deutsche Bundestag tagt oft.")
    assert mention_texts(record, "organization") == ["Deutschen Bundestag", "Bundestag"]
    assert ids(record, "organization") == {"organization:bundestag"}


def test_entities_organisation_name_may_hold_a_known_place() -> None:
    record = run("Das berichtete die New York Times über Manchester United.")
    assert ids(record, "organization") == {"organization:new-york-times", "organization:manchester-united"}
    assert not ids(record, "place")


def test_names_occupation_before_a_name_opens_a_person() -> None:
    record = run("Der Menschenrechtsaktivist Barghuti und die Rapperin Kitengé traten auf.")
    assert mention_texts(record, "person") == ["Barghuti", "Kitengé"]


def test_names_relative_before_a_name_opens_a_person() -> None:
    record = run("Sie wohnte bei ihrer Tante Armentaria, die Nachfolger Porzners zogen aus.")
    assert mention_texts(record, "person") == ["Armentaria", "Porzners"]


def test_name_classes_unknown_word_after_a_class_name_is_the_family_name() -> None:
    assert word_class("Grant") == "family" and name_classes().get("Leadbitter") is None
    assert ids(run("Das Tor schoss Grant Leadbitter in der 80. Minute."), "person") == {"person:grant-leadbitter"}
    # a known common noun after it is no family name
    assert "person:grant-leadbitter" not in ids(run("Das Tor schoss Grant Hilfe."), "person")


def test_name_classes_compound_end_is_no_forename() -> None:
    persons = ids(run("Der Bayern-Star Franck Ribéry fehlt verletzt."), "person")
    assert persons == {"person:franck-ribery"}


def test_name_classes_coach_and_bishop_are_roles_before_a_name() -> None:
    assert ids(run("Die Gemeinde begrüßte Bischof Avitus am Sonntag."), "person") == {"person:avitus"}
    assert ids(run("Am Spielfeldrand stand Trainer Leadbitter."), "person") == {"person:leadbitter"}


def test_name_classes_family_name_after_a_family_name_takes_its_hyphen_part() -> None:
    assert word_class("Burkhardt") == "family" and word_class("Müller") == "family"
    persons = ids(run("Im Plenum sprach danach Burkhardt Müller-Sönksen."), "person")
    assert persons == {"person:burkhardt-muller-sonksen"}


def test_name_classes_italian_particles_stay_in_the_name() -> None:
    assert ids(run("Die Kuppel vollendete Giacomo della Porta im Jahr 1590."), "person") == {"person:giacomo-della-porta"}


def test_name_classes_two_letter_prefix_makes_a_role_compound() -> None:
    persons = ids(run("Gewonnen hat die Biathletin Mariam Gössner."), "person")
    assert persons == {"person:mariam-gossner"}
