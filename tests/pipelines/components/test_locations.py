"""located_in for places the gazetteer gives no country, on sentences written for the tests."""

from __future__ import annotations

from pipelines.extract import extract
from pipelines.records import Article, Extraction


def run(text: str, lang: str = "en") -> Extraction:
    return extract(Article(id="t", key="t", text=text, lang=lang))


def located(record: Extraction) -> dict[str, tuple[str, str]]:
    """Place id -> (country id, basis) of its located_in relation."""
    return {r.source: (r.target, r.basis) for r in record.relations if r.relation == "located_in"}


def test_locations_place_then_known_region_after_a_comma_is_stated() -> None:
    record = run("The students showed their robots in Palo Alto, California, on Friday. The United States sent a team.")
    assert located(record)["place:palo-alto"] == ("country:US", "text")


def test_locations_a_comma_inside_a_list_places_nothing() -> None:
    record = run("The robots were shown in Palo Alto, California and Oregon. The United States paid.")
    assert "place:palo-alto" not in located(record)


def test_locations_the_country_must_be_named_in_the_article() -> None:
    assert "place:palo-alto" not in located(run("The students showed their robots in Palo Alto, California, on Friday."))


def test_locations_place_near_a_known_city_is_stated() -> None:
    record = run("Visitors crowded the Lakeside Memorial near downtown Seoul, the capital of South Korea.")
    assert located(record)["place:lakeside-memorial"] == ("country:KR", "text")


def test_locations_country_adjective_before_a_place_is_stated() -> None:
    record = run("Die Feier fand im österreichischen Bad Aussee statt.", "de")
    assert located(record)["place:bad-aussee"] == ("country:AT", "text")


def test_locations_known_place_inside_the_name_is_a_gazetteer_fact() -> None:
    record = run("The Metro Vancouver Exhibition Centre hosted the fair. Canada sent a team.")
    assert located(record)["place:metro-vancouver-exhibition-centre"] == ("country:CA", "gazetteer")


def test_locations_direction_before_a_country_name_but_not_before_an_alias() -> None:
    record = run("Schools in Western Australia took part. Australia funded it. Firms in North America and the United States helped.")
    assert located(record)["place:western-australia"] == ("country:AU", "gazetteer")
    assert "place:north-america" not in located(record)  # "America" is no everyday name of the US


def test_locations_a_station_lies_in_the_country_the_article_is_about() -> None:
    text = ("Taiwan opened a metro line. Taiwan paid for it. Crowds waited at Lotus Garden Station. "
            "Officials from Taiwan were there, and Japan sent a guest.")
    assert located(run(text))["place:lotus-garden-station"] == ("country:TW", "article")
    assert "place:lotus-garden-station" not in located(run("Crowds waited at Lotus Garden Station. Taiwan and Japan sent guests."))
