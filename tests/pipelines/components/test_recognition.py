"""Entity recognition, agreements and relations on sentences written for the tests (offline pipeline)."""

from __future__ import annotations

import pytest

from pipelines.extract import extract
from pipelines.records import Article, Extraction


def run(text: str, lang: str, published: str = "") -> Extraction:
    return extract(Article(id="t", key="t", text=text, lang=lang, published=published))


def ids(record: Extraction, etype: str) -> set[str]:
    return {e.id for e in record.entities if e.type == etype}


def triples(record: Extraction) -> set[tuple[str, str, str]]:
    return {(r.source, r.relation, r.target) for r in record.relations}


def test_names_role_and_given_name_find_persons_with_what_they_lead() -> None:
    record = run("Der französische Präsident Emmanuel Macron traf in Paris Bundeskanzler Olaf Scholz.", "de")
    assert ids(record, "person") == {"person:emmanuel-macron", "person:olaf-scholz"}
    assert ("person:emmanuel-macron", "leader_of", "country:FR") in triples(record)
    assert ("person:emmanuel-macron", "meets", "person:olaf-scholz") in triples(record)


def test_names_hyphenated_and_particle_names_stay_whole() -> None:
    record = run("North Korean leader Kim Jong-un spoke with Ursula von der Leyen.", "en")
    assert ids(record, "person") == {"person:kim-jong-un", "person:ursula-von-der-leyen"}


def test_names_given_name_that_is_a_city_still_opens_a_person() -> None:
    record = run("Vladimir Putin arrived in Hanoi on Wednesday.", "en")
    assert ids(record, "person") == {"person:vladimir-putin"} and ids(record, "place") == {"place:hanoi"}


def test_coreference_surname_and_genitive_join_the_full_name() -> None:
    record = run("Olaf Scholz reiste nach Paris. Scholz sprach dort. Scholz' Berater schwieg, Scholzs Team auch.", "de")
    scholz = record.entity("person:olaf-scholz")
    assert scholz is not None and [m.text for m in scholz.mentions][:3] == ["Olaf Scholz", "Scholz", "Scholz"]
    assert ids(record, "person") == {"person:olaf-scholz"}


def test_countries_adjectives_and_genitives_are_mentions_of_the_country() -> None:
    record = run("Die russische Regierung und Russlands Nachbarn sprachen über Russland.", "de")
    russia = record.entity("country:RU")
    assert russia is not None and {m.kind for m in russia.mentions} == {"adjective", "name"}
    assert len(russia.mentions) == 3


def test_places_know_their_country() -> None:
    record = run("Xi Jinping landete in Moskau, der Hauptstadt Russlands.", "de")
    assert record.entity("place:moscow").attrs["country"] == "RU"  # type: ignore[union-attr]
    assert ("place:moscow", "located_in", "country:RU") in triples(record)


def test_not_names_block_false_countries() -> None:
    record = run("The EU reached a deal with the South American bloc Mercosur.", "en")
    assert "country:US" not in ids(record, "country")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Das Freihandelsabkommen zwischen der EU und Vietnam von 2019 gilt seit 2020.", "de"),
        ("The 2019 free trade agreement between the EU and Vietnam took effect in 2020.", "en"),
        ("Vietnam und die Europäische Union unterzeichneten 2019 ein Freihandelsabkommen.", "de"),
    ],
)
def test_agreements_same_agreement_same_id_across_languages(text: str, lang: str) -> None:
    assert ids(run(text, lang), "agreement") == {"agreement:trade-agreement-european-union-vn-2019"}


def test_agreements_signed_today_take_the_publication_year() -> None:
    record = run("Russland und Nordkorea haben am Mittwoch einen Vertrag unterzeichnet.", "de", published="2024-06-19")
    (treaty,) = [e for e in record.entities if e.type == "agreement"]
    assert treaty.id == "agreement:agreement-kp-ru-2024" and treaty.attrs["status"] == "signed"


def test_agreements_update_earlier_ones_and_anaphors_join() -> None:
    text = ("The treaty signed by Russia and North Korea in June 2024 replaces a treaty of 1961 and a treaty of 2000. "
            "The treaty includes a defence clause.")
    record = run(text, "en")
    assert ids(record, "agreement") == {f"agreement:agreement-kp-ru-{y}" for y in (2024, 1961, 2000)}
    assert ("agreement:agreement-kp-ru-2024", "updates", "agreement:agreement-kp-ru-1961") in triples(record)
    assert len(record.entity("agreement:agreement-kp-ru-2024").mentions) == 2  # type: ignore[union-attr]


def test_agreements_need_two_parties_or_a_group_of_states() -> None:
    assert not ids(run("Frankreich verabschiedete eine Erklärung.", "de"), "agreement")
    assert ids(run("Die G7 verabschiedeten eine gemeinsame Erklärung.", "de"), "agreement") == {"agreement:agreement-g7"}


@pytest.mark.parametrize(
    "text,lang,modality",
    [
        ("Wladimir Putin wird nach Vietnam reisen.", "de", "planned"),
        ("Vladimir Putin travelled to Vietnam.", "en", "reported"),
        ("Vladimir Putin did not travel to Vietnam.", "en", "denied"),
        ("Vladimir Putin could travel to Vietnam.", "en", "hypothetical"),
    ],
)
def test_relations_modality_from_cues_near_the_trigger(text: str, lang: str, modality: str) -> None:
    (travel,) = [r for r in run(text, lang).relations if r.relation == "travels_to"]
    assert travel.modality == modality and travel.target == "country:VN"


def test_relations_advisor_genitive_before_or_after() -> None:
    for text, lang in (("Wladimir Putin sprach. Putins Berater Juri Uschakow widersprach.", "de"), ("Yuri Ushakov, an adviser to Vladimir Putin, disagreed.", "en")):
        record = run(text, lang)
        (rel,) = [r for r in record.relations if r.relation == "advisor_to"]
        assert rel.source.startswith(("person:juri", "person:yuri")) and "putin" in rel.target


def test_relations_co_mentioned_only_without_typed_relation() -> None:
    record = run("Olaf Scholz und Emmanuel Macron sprachen über China.", "de")
    co = {(r.source, r.target) for r in record.relations if r.relation == "co_mentioned"}
    assert ("country:CN", "person:olaf-scholz") in co
    record = run("Olaf Scholz traf Emmanuel Macron.", "de")
    assert not [r for r in record.relations if r.relation == "co_mentioned"]
