"""Links are checked like any input: read_link clamps or drops what does not fit, with a notice."""

from __future__ import annotations

from explorer.queries import Filters
from explorer.state import (
    LIST_FIELDS,
    MAX_VALUE,
    Known,
    params_from_filters,
    params_from_language,
    params_from_look,
    read_link,
)
from explorer.structure import Look

KNOWN = Known(
    {**{name: frozenset() for name in LIST_FIELDS}, "types": frozenset({"person", "country"})},
    {"person:a": "A", "country:KP": "North Korea"}, frozenset({"person:a|visits|country:KP"}),
    lambda entity_id: {"person:old-a": "person:a"}.get(entity_id, entity_id),
)


def test_read_link_good_link_round_trips_without_notices() -> None:
    filters = Filters(types=("person",), hops=2, focus="person:a", date_from="2024-06-01", hide_co_mentioned=False)
    link = read_link({**params_from_filters(filters), "node": "person:old-a"}, KNOWN)
    assert link.filters == filters and link.selection == {"kind": "node", "id": "person:a"} and not link.notices


def test_read_link_clamps_numbers_to_the_controls_range() -> None:
    link = read_link({"hops": "99999", "min_mentions": "-1", "top_n": "0"}, KNOWN)
    assert (link.filters.hops, link.filters.min_mentions, link.filters.top_n) == (3, 1, 1)
    assert len(link.notices) == 3 and "hops=99999 is outside 1–3: 3 is used" in link.notices


def test_read_link_drops_malformed_and_unknown_values_with_a_notice() -> None:
    link = read_link({"min_mentions": "abc", "date_from": "2024-13-45", "date_to": "2024-02-30", "types": "bogus,person",
                      "edge": "foo", "node": "<script>", "focus": "x", "co": "2", "present": "yes", "weird": "1"}, KNOWN)
    assert link.filters == Filters(types=("person",)) and link.selection is None and not link.present
    assert len(link.notices) == 10


def test_read_link_repeated_parameter_uses_the_last_and_says_so() -> None:
    link = read_link({"hops": ["1", "2"], "types": ["person", "country"]}, KNOWN)
    assert link.filters.hops == 2 and link.filters.types == ("person", "country")
    assert link.notices == ("hops was given 2 times: the last one is used",)


def test_read_link_notices_in_german() -> None:
    link = read_link({"hops": ["1", "99"], "co": "2", "edge": "foo", "weird": "1"}, KNOWN, "de")
    assert link.filters.hops == 3 and link.notices == (
        "unbekannter Parameter weird ignoriert", "hops wurde 2-mal angegeben: der letzte Wert gilt",
        "hops=99 liegt außerhalb von 1–3: 3 gilt", "co=2 ist nicht 0 oder 1: ignoriert",
        "edge=foo ist hier keine Beziehung: ignoriert")


def test_read_link_very_long_values_are_dropped_and_never_echoed_whole() -> None:
    link = read_link({"search": "x" * (MAX_VALUE + 1), "node": "y" * 200, "types": "z" * 100_000}, KNOWN)
    assert link.filters == Filters() and link.selection is None
    assert all(len(notice) < 120 for notice in link.notices) and len(link.notices) == 3


def test_read_link_colour_and_size_choices_round_trip() -> None:
    link = read_link(params_from_look(Look("community", "pagerank")), KNOWN)
    assert link.look == Look("community", "pagerank") and not link.notices
    assert params_from_look(Look()) == {}


def test_read_link_all_edges_round_trips_and_a_bad_value_keeps_the_backbone() -> None:
    assert params_from_look(Look(edges="all")) == {"edges": "all"}
    assert read_link({"edges": "all"}, KNOWN).look == Look(edges="all")
    link = read_link({"edges": "some"}, KNOWN)
    assert link.look == Look() and link.notices == ("edges=some is not backbone or all: ignored",)


def test_read_link_unknown_colour_or_size_keeps_the_default_with_a_notice() -> None:
    link = read_link({"colour": "<b>rainbow</b>", "size": "huge"}, KNOWN)
    assert link.look == Look()
    assert link.notices == ("colour=<b>rainbow</b> is not type or community: ignored",
                            "size=huge is not mentions or degree or pagerank: ignored")


def test_read_link_undated_and_language_round_trip() -> None:
    filters = Filters(date_from="2024-06-01", include_undated=False)
    params = {**params_from_filters(filters), **params_from_language("de")}
    assert params == {"date_from": "2024-06-01", "undated": "0", "lang": "de"}
    link = read_link(params, KNOWN)
    assert link.filters == filters and link.lang == "de" and not link.notices
    assert params_from_filters(Filters()) == {} and params_from_language("en") == {}  # defaults: include, English


def test_read_link_unknown_language_or_undated_value_is_ignored_with_a_notice() -> None:
    link = read_link({"lang": "fr", "undated": "no"}, KNOWN)
    assert link.lang == "en" and link.filters.include_undated
    assert link.notices == ("undated=no is not 0 or 1: ignored", "lang=fr is not de or en: ignored")


def test_read_link_corroboration_choices_round_trip() -> None:
    filters = Filters(min_sources=2, weigh_by="sources")
    link = read_link(params_from_filters(filters), KNOWN)
    assert params_from_filters(filters) == {"min_sources": "2", "weigh_by": "sources"}
    assert link.filters == filters and not link.notices


def test_read_link_unknown_weighing_is_dropped_with_a_notice() -> None:
    link = read_link({"weigh_by": "votes", "min_sources": "50"}, KNOWN)
    assert link.filters == Filters(min_sources=20)
    assert "weigh_by=votes is not sentences or sources: ignored" in link.notices
