"""Publication dates in the formats news feeds and pages use, read into ISO dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.dates import iso_date


@pytest.mark.parametrize(
    "written",
    [
        "2024-06-19",
        "2024-06-19T10:00:00Z",
        "2024-06-19 10:00:00+02:00",
        "Wed, 19 Jun 2024 10:00:00 GMT",
        "Wed, 19 Jun 2024 10:00:00 +0200",
        "19.06.2024",
        "19.6.2024",
        "19.06.2024, 10:00",
        "19. Juni 2024",
        "Mittwoch, 19. Juni 2024",
        "June 19, 2024",
        "19 June 2024",
        "Jun 19, 2024 10:00 AM",
        "19/06/2024",
    ],
)
def test_iso_date_common_news_formats(written: str) -> None:
    assert iso_date(written) == "2024-06-19"


def test_iso_date_german_abbreviated_months() -> None:
    assert (iso_date("3. Okt. 2023"), iso_date("1. März 2024")) == ("2023-10-03", "2024-03-01")


def test_iso_date_keeps_the_publishers_day() -> None:
    assert iso_date("2024-06-19T23:30:00-05:00") == "2024-06-19"
    assert iso_date("Wed, 19 Jun 2024 23:30:00 -0500") == "2024-06-19"


def test_iso_date_date_objects() -> None:
    assert iso_date(dt.date(2024, 6, 19)) == "2024-06-19"
    assert iso_date(dt.datetime(2024, 6, 19, 23, 59)) == "2024-06-19"


@pytest.mark.parametrize("impossible", ["2024-02-30", "30.02.2024", "Fri, 30 Feb 2024 10:00:00 GMT", "2023-02-29"])
def test_iso_date_impossible_dates_raise(impossible: str) -> None:
    with pytest.raises(ValueError, match="not a valid date"):
        iso_date(impossible)


@pytest.mark.parametrize("vague", ["June 2024", "2024", "19. Juni"])
def test_iso_date_incomplete_dates_raise(vague: str) -> None:
    with pytest.raises(ValueError, match="not a full date"):
        iso_date(vague)


def test_iso_date_day_and_month_interchangeable_raise() -> None:
    with pytest.raises(ValueError, match="reads as 2024-07-06 or 2024-06-07"):
        iso_date("06/07/2024")


@pytest.mark.parametrize("nonsense", ["gestern", "", "vor 3 Stunden", "2024-06-19Tnoon"])
def test_iso_date_no_date_raises_with_examples(nonsense: str) -> None:
    with pytest.raises(ValueError, match="2024-06-19|not a valid date"):
        iso_date(nonsense)
