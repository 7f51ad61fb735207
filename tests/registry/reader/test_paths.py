"""page_path() gives what reverse() gives, for ids and for DOIs with characters a URL must quote."""

import pytest
from django.urls import reverse

from registry.reader.paths import page_path


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("organization", 5),
        ("person", 123456),
        ("article", 42),
        ("article", "10.4045/tidsskr.26.0122"),
        ("article", "10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E"),
        ("article", "10.1000/with space#and?query%"),
        ("article", "10.1000/ünïcödé//double"),
    ],
)
def test_page_path_is_reverse(name, key):
    assert page_path(name, key) == reverse(name, args=[key])
