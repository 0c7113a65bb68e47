"""The first real article (Escambray, German) extracted with the offline default pipeline."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_many, extract_safely
from pipelines.records import Article, Extraction, Rejection

EXPECTED = {
    "person:wladimir-putin": "person",
    "person:kim-jong-un": "person",
    "person:juri-uschakow": "person",
    "country:RU": "country",
    "country:KP": "country",
    "country:VN": "country",
    "place:yakutia": "place",
    "place:pyongyang": "place",
    "place:vostochny-cosmodrome": "place",
    "organization:rodong-sinmun": "organization",
    "organization:sputnik": "organization",
}


def _relations(record: Extraction) -> set[tuple[str, str, str]]:
    return {(r.source, r.relation, r.target) for r in record.relations}


def test_extract_first_article_entities_with_types(first_record: Extraction) -> None:
    found = {e.id: e.type for e in first_record.entities if e.type != "agreement"}
    assert found == EXPECTED


def test_extract_first_article_places_located_in_their_country(first_record: Extraction) -> None:
    relations = _relations(first_record)
    for place, country in (("yakutia", "RU"), ("pyongyang", "KP"), ("vostochny-cosmodrome", "RU")):
        assert first_record.entity(f"place:{place}").attrs["country"] == country  # type: ignore[union-attr]
        assert (f"place:{place}", "located_in", f"country:{country}") in relations


def test_extract_first_article_planned_agreement_updates_earlier_ones(first_record: Extraction) -> None:
    agreements = {e.id: e for e in first_record.entities if e.type == "agreement"}
    planned = [e for e in agreements.values() if e.attrs["status"] == "planned"]
    assert len(planned) == 1
    pact = planned[0]
    assert sorted(pact.attrs["parties"]) == ["country:KP", "country:RU"]
    assert {m.text for m in pact.mentions} >= {"geplante Abkommen", "Pakts"}
    earlier = {e.attrs.get("year"): e.id for e in agreements.values() if e.attrs["status"] == "previous"}
    assert set(earlier) == {1961, 2000, 2001}
    relations = _relations(first_record)
    assert all((pact.id, "updates", old) in relations for old in earlier.values())
    assert {("country:RU", "party_to", pact.id), ("country:KP", "party_to", pact.id)} <= relations


def test_extract_first_article_key_relations(first_record: Extraction) -> None:
    assert {
        ("person:wladimir-putin", "visits", "country:KP"),
        ("person:wladimir-putin", "meets", "person:kim-jong-un"),
        ("person:wladimir-putin", "travels_to", "country:VN"),
        ("person:juri-uschakow", "advisor_to", "person:wladimir-putin"),
        ("person:wladimir-putin", "leader_of", "country:RU"),
        ("person:kim-jong-un", "leader_of", "country:KP"),
    } <= _relations(first_record)


def test_extract_first_article_travel_to_vietnam_is_planned(first_record: Extraction) -> None:
    travel = [r for r in first_record.relations if r.relation == "travels_to"]
    assert [r.modality for r in travel] == ["planned"]
    assert "Vietnam" in travel[0].evidence


def test_extract_first_article_all_putin_mentions_on_one_entity(first_record: Extraction) -> None:
    putin = first_record.entity("person:wladimir-putin")
    assert putin is not None
    texts = [m.text for m in putin.mentions]
    assert first_record.text.count("Putin") == len(texts)
    assert {"Wladimir Putin", "Putin", "Putins"} == set(texts)


def test_extract_first_article_ignores_teasers_and_site_name(first_record: Extraction) -> None:
    assert "Escambray" not in first_record.text and "PREV" not in first_record.text
    assert not {"country:AR", "country:CL", "organization:united-nations", "place:gaza-strip"} & {e.id for e in first_record.entities}


def test_extract_first_article_offsets_point_into_text(first_record: Extraction) -> None:
    text = first_record.text
    for entity in first_record.entities:
        for m in entity.mentions:
            sentence = first_record.sentences[m.sentence]
            assert text[m.start : m.end] == m.text
            assert sentence.start <= m.start and m.end <= sentence.end
    for r in first_record.relations:
        sentence = first_record.sentences[r.sentence]
        assert r.evidence == text[sentence.start : sentence.end]


def test_extract_record_round_trips_through_dict(first_record: Extraction) -> None:
    assert Extraction.from_dict(first_record.to_dict()) == first_record


def _article(text: str, **fields: str) -> Article:
    return Article(id=fields.get("id", "a"), key=fields.get("id", "a"), text=text, lang="de", where=fields.get("where", ""))


# Text that never passed the reader's repairs: a lone surrogate, which spaCy cannot encode.
UNENCODABLE = "Olaf Scholz \ud800 reist nach Paris."
GOOD = "Bundeskanzler Olaf Scholz ist am Montag nach Paris gereist."


def test_extract_safely_failed_article_rejected_batch_kept() -> None:
    articles = [_article(GOOD, id="a"), _article(UNENCODABLE, id="b", where="in.jsonl:line 2"), _article(GOOD, id="c")]
    results = list(extract_safely(articles))
    assert [(article.id, type(result).__name__) for article, result in results] == [
        ("a", "Extraction"), ("b", "Rejection"), ("c", "Extraction"),
    ]
    rejection = results[1][1]
    assert isinstance(rejection, Rejection) and rejection.where == "in.jsonl:line 2"
    assert rejection.reason.startswith("extraction failed (UnicodeEncodeError")
    assert "person:olaf-scholz" in {e.id for e in results[2][1].entities}  # type: ignore[union-attr]


def test_extract_many_still_raises_for_callers_that_want_it() -> None:
    with pytest.raises(UnicodeEncodeError):
        list(extract_many([_article(UNENCODABLE)]))
