"""The API's JSON renderer writes what DRF's JSONRenderer writes, byte for byte, faster."""

import datetime
import uuid
from decimal import Decimal

import orjson
from rest_framework.renderers import JSONRenderer

from registry.api.renderers import FastJSONRenderer

DATA = {
    "text": 'Tab\there, "quoted" \\ back\nnew line \x01 \x7f \u2028 \u2029 é 中文 \U0001f600 </script>',
    "numbers": [0, -1, 2**63 - 1, True, False, None],
    "when": [datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 12, 30, tzinfo=datetime.UTC)],
    "other": [Decimal("12.50"), uuid.UUID(int=7)],
    "nested": {"list": [], "object": {}},
}


def test_same_bytes_as_drf():
    assert FastJSONRenderer().render(DATA) == JSONRenderer().render(DATA)


def test_indented_output_as_drf():
    assert FastJSONRenderer().render(DATA, "application/json; indent=4") == JSONRenderer().render(
        DATA, "application/json; indent=4"
    )


def test_json_already_written_is_put_in_as_it_is():
    written = orjson.Fragment(b'{"a":[1,"\\u2028"]}')
    assert FastJSONRenderer().render({"results": [written]}) == b'{"results":[{"a":[1,"\\u2028"]}]}'
    # The browsable API asks for indented JSON: the written part is read back and indented too.
    assert FastJSONRenderer().render({"results": [written]}, "application/json; indent=2") == JSONRenderer().render(
        {"results": [{"a": [1, "\u2028"]}]}, "application/json; indent=2"
    )


def test_what_orjson_cannot_write_goes_through_drf():
    assert FastJSONRenderer().render({"big": 2**70}) == JSONRenderer().render({"big": 2**70})


def test_nothing_for_no_data():
    assert FastJSONRenderer().render(None) == b""
