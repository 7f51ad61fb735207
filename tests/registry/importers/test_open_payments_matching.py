"""Matching an Open Payments block column-wise: the names' normal form as the registry stores it,
whatever their case, spacing, punctuation or accents, and only the rows that match someone (or
possibly someone) carry a method, a confidence and a reason."""

import pyarrow as pa
import pytest

from registry.importers.open_payments.matching import PaymentMatcher, payment_name_key
from registry.names import normalize_person_name
from tests import factories

NAMES = [
    ("Ann", "Other"),
    ("ANN", "OTHER"),
    ("  Ann ", " Other  "),
    ("Ann\t", "Other"),
    ("Mary-Ann", "O'Brien"),
    ("J.", "Smith Jr."),
    ("José", "Núñez"),
    ("Ǿrjan", "Ødegård"),
    ("", "Other"),
    ("Ann", ""),
    ("", ""),
    ("Ann  Marie", "Other"),
    ("ann", "other"),
    ("R2", "D2"),
]


def test_the_name_key_is_the_registry_normal_form_of_every_name_however_written():
    first = pa.array([f for f, _ in NAMES], pa.string())
    last = pa.array([f for _, f in NAMES], pa.string())

    keys = payment_name_key(first, last).to_pylist()

    assert keys == [normalize_person_name(f"{given} {family}") for given, family in NAMES]


def test_the_name_key_of_a_slice_reads_only_the_slices_values():
    first = pa.array(["Zed", "Ann", " Bob"], pa.string()).slice(1)
    last = pa.array(["Zulu", "Other", "Brown"], pa.string()).slice(1)

    assert payment_name_key(first, last).to_pylist() == ["ann other", "bob brown"]


def columns(rows: list[tuple[str, str, str, str]]) -> dict[str, pa.Array]:
    names = ("npi", "profile_id", "first_name", "last_name")
    return {name: pa.array([row[i] for row in rows], pa.string()) for i, name in enumerate(names)}


@pytest.mark.django_db
def test_only_rows_matching_someone_get_a_method_confidence_and_reason():
    by_npi = factories.PersonFactory(name="Nia Pike", npi="1234567893")
    by_name = factories.PersonFactory(name="José Núñez")
    factories.PersonFactory(name="Gregg Alzate")
    factories.PersonFactory(name="Gregg Alzate")
    rows = [
        ("", "", "Nobody", "Here"),
        ("1234567893", "", "Someone", "Else"),
        ("", "", "JOSE", "NUNEZ"),
        ("", "", "Gregg", "Alzate"),
        ("", "", "Other", "Person"),
    ]

    match = PaymentMatcher().match(columns(rows))

    assert match.person_id.to_pylist() == [None, by_npi.pk, by_name.pk, None, None]
    assert match.status.to_pylist() == ["unmatched", "matched", "matched", "ambiguous", "unmatched"]
    assert match.method.to_pylist() == ["", "npi", "name", "", ""]
    assert match.confidence.to_pylist()[0::4] == [None, None]
    assert None not in match.confidence.to_pylist()[1:3]
    assert match.reason.to_pylist() == [
        "",
        "NPI 1234567893",
        "the only person named jose nunez",
        "2 people in the registry are named gregg alzate",
        "",
    ]


@pytest.mark.django_db
def test_a_block_matching_no_one_says_so_for_every_row():
    factories.PersonFactory(name="Ann Other")

    match = PaymentMatcher().match(columns([("", "", "Nobody", "Here"), ("", "", "", "")]))

    assert match.person_id.to_pylist() == [None, None]
    assert match.status.to_pylist() == ["unmatched", "unmatched"]
    assert match.method.to_pylist() == match.reason.to_pylist() == ["", ""]
    assert match.confidence.to_pylist() == [None, None]
