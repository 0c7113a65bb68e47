"""The one-line filter summary of presentation mode."""

from __future__ import annotations

from explorer.queries import Filters
from explorer.summary import filter_summary


def test_filter_summary_default_view_says_what_is_shown() -> None:
    assert filter_summary(Filters(), {}, (100, 193, 328)) == \
        "100 of 193 entities, 328 relations · co-mentions from 2 sentences"


def test_filter_summary_names_each_active_filter() -> None:
    filters = Filters(types=("person", "country", "place", "agreement"), date_from="2024-01-01", min_mentions=3,
                      hide_co_mentioned=True, search="<b>x</b>", focus="person:a", hops=2)
    line = filter_summary(filters, {"person:a": "Anna"}, (5, 5, 4))
    assert line == ("5 of 5 entities, 4 relations · types: person, country, place +1 more · published 2024-01-01 – …"
                    " · ≥ 3 mentions · co-mentions hidden · search: “<b>x</b>” · focus: Anna (2 hops)")
