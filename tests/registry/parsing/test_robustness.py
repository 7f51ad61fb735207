"""Any text returns a result quickly: Unicode, empty, huge, unpunctuated, without authors."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry.parsing import ParseResult, parse_statement

WORDS = st.sampled_from(
    [
        "RS",
        "J-PML",
        "D.T.P.",
        "and",
        ",",
        ";",
        ":",
        "||",
        "Inc.",
        "of",
        "the",
        "consultant",
        "grants",
        "from",
        "Pfizer",
        "Merck & Co.",
        "patent",
        "(",
        ")",
        "no",
        "competing",
        "interests",
        "other",
        "authors",
        "eLife",
        "Reviewing",
        "editor",
        "shares",
        "employee",
        "Ø",
        "ß",
        "\u200b",
        "\n",
        ".",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), authors=st.lists(st.text(max_size=30), max_size=5))
def test_any_unicode_text(text, authors):
    result = parse_statement(text, authors)
    assert isinstance(result, ParseResult)
    for item in result.items:
        assert item.author is None or item.author in authors
        assert 0 <= item.span[0] <= item.span[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(WORDS, max_size=80),
    authors=st.lists(
        st.sampled_from(
            [
                "Rita Sand",
                "Jean-Paul M Lellouche",
                "Dustin T. Petrik",
                "COLLAB: Reproducibility Project: Cancer Biology",
            ]
        ),
        max_size=4,
    ),
)
def test_statement_like_word_soup(words, authors):
    result = parse_statement(" ".join(words), authors)
    assert set(result.declares_none) <= set(authors)


@pytest.mark.parametrize(
    "text",
    [
        ("He has received consultancy fees from Pfizer, Merck, Lilly and Roche " * 1600)[:100_000],
        "a" * 100_000,
        "(" * 100_000,
        "EI, FT and JL " * 7200,
        "Inc. The " * 11_000,
        ("x" * 99 + " ") * 1000,
    ],
)
def test_100_kb_text_is_fast(text):
    # The parser's own CPU time, not the wall clock: the bound is on the work (no quadratic blow-up
    # on long or adversarial texts), which other jobs on a busy machine must not decide.
    start = time.process_time()
    result = parse_statement(text, ["Ole A. Andreassen", "Rita Sand"])
    assert isinstance(result, ParseResult)
    assert time.process_time() - start < 5.0


def test_empty_and_missing_inputs():
    assert parse_statement("", []) == ParseResult()
    assert parse_statement("   ", ["A B"]).items == []
    assert parse_statement("JB is an employee of Pfizer.", None).items[0].author is None


def test_bad_types_raise_value_error():
    with pytest.raises(ValueError):
        parse_statement(b"bytes", [])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        parse_statement("text", [1, 2])  # type: ignore[list-item]


def test_a_parse_result_survives_pickling_as_the_pubmed_reading_process_sends_it():
    import pickle

    from registry.parsing import parse_statement

    result = parse_statement("AC has received grants from Vaxco.", ["Alan Carter"])
    again = pickle.loads(pickle.dumps(result))
    assert again.items == result.items and again.items[0].organization == "Vaxco"
