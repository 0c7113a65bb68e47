"""Parsing one input's fields: what Python's parsers cannot take is an InputError, never an exception
of their own."""

from __future__ import annotations

import json

import pytest

from pipelines.errors import InputError
from pipelines.formats import MAX_NESTING, json_nesting, parse_json, record_fields, split_front_matter


def test_parse_json_deep_nesting_rejected_before_parsing() -> None:
    with pytest.raises(InputError, match=f"nested more than {MAX_NESTING} levels"):
        parse_json("[" * 100_000 + "]" * 100_000, "deep.json")


def test_parse_json_nesting_past_the_recursion_limit_in_a_field_rejected() -> None:
    text = '{"text": "Olaf Scholz reist nach Paris.", "extra": ' + "{\"a\": " * 5000 + "1" + "}" * 5001
    with pytest.raises(InputError, match="nested more than"):
        parse_json(text, "deep.json")


def test_json_nesting_ignores_brackets_in_strings() -> None:
    assert json_nesting(json.dumps({"text": "[[[{{{ \" ]]", "list": [[1]]})) == 3


def test_parse_json_number_over_4300_digits_rejected() -> None:
    with pytest.raises(InputError, match="a number with more than 4,300 digits"):
        parse_json('{"id": ' + "7" * 5000 + ', "text": "Olaf Scholz reist nach Paris."}', "big.json")


def test_record_fields_lone_surrogate_kept_for_the_reader_to_repair() -> None:
    fields = record_fields(parse_json('{"text": "Olaf Scholz \\ud800 reist"}', "a.json"), "a.json")
    assert fields.text == "Olaf Scholz \ud800 reist"


def test_front_matter_dates_stay_strings() -> None:
    meta, _ = split_front_matter("---\npublished: 2024-02-30\nupdated: 2024-06-19 10:00:00\n---\nText", "a.md")
    assert meta == {"published": "2024-02-30", "updated": "2024-06-19 10:00:00"}


def test_front_matter_deep_nesting_rejected() -> None:
    with pytest.raises(InputError, match="front matter is nested too deeply"):
        split_front_matter("---\ntags: " + "[" * 5000 + "\n---\nText", "a.md")


def test_front_matter_number_over_4300_digits_rejected() -> None:
    with pytest.raises(InputError, match="front matter has a number with more than 4,300 digits"):
        split_front_matter("---\nid: " + "7" * 5000 + "\n---\nText", "a.md")
