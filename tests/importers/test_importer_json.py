"""JSON reading: orjson when it accepts the bytes, the stdlib for what it refuses, one error."""

from __future__ import annotations

import json
import math

import pytest

from postmortems.errors import InputError
from postmortems.importers._io import json_values, load_json, parse_json

ACCEPTED = [
    (b'{"a": [1, 2.5, "x"]}', {"a": [1, 2.5, "x"]}),
    (b'\xef\xbb\xbf{"bom": true}', {"bom": True}),  # orjson refuses a BOM
    (b'["\\ud800"]', ["\ud800"]),  # a lone surrogate: orjson refuses it
    ('{"caf\u00e9": 1}'.encode(), {"caf\u00e9": 1}),
]


@pytest.mark.parametrize(("data", "value"), ACCEPTED)
def test_parse_json_reads_what_either_parser_reads(data: bytes, value: object) -> None:
    assert parse_json(data, "x.json") == value


def test_nan_is_read_as_the_stdlib_reads_it() -> None:
    [value] = parse_json(b"[NaN]", "x.json")
    assert math.isnan(value)


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(InputError) as caught:
        load_json(b"[\n1,\n2,,\n3]", "bad.json", "a list")
    assert caught.value.line == 3
    assert "not valid JSON" in str(caught.value)


def test_not_utf8_is_an_input_error_not_a_json_error() -> None:
    with pytest.raises(InputError, match="not UTF-8"):
        parse_json(b'["\xff"]', "x.json")


def test_json_values_reads_lines_and_concatenated_documents() -> None:
    text = '{"a": 1}\n[2,\n 3]\n{bad\n{"b": 4}'
    assert [(line, value, bool(error)) for line, value, error in json_values(text)] == [
        (1, {"a": 1}, False),
        (2, [2, 3], False),
        (4, None, True),
        (5, {"b": 4}, False),
    ]
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
