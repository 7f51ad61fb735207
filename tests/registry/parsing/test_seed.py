"""The seed article's six per-author statements (Tidsskrift 2026, DOI 10.4045/tidsskr.26.0122), verbatim."""

import pytest

from registry.parsing import parse_statement

NONE_TEXT = "The author has completed the ICMJE form and declares no conflicts of interest."
GOKSOYR = (
    "The author has completed the ICMJE form and declares the following conflict of interest: "
    "he has served on the advisory board for Norsk Psykedelisk Vitenskap."
)
STEWART = (
    "The author has completed the ICMJE form and declares the following conflict of interest: "
    "he has served on the board of Norsk Psykedelisk Vitenskap."
)
AUTRAN = (
    "The author has completed the ICMJE form and declares the following conflict of interest: "
    "she is a shareholder in a clinic providing ketamine treatment for depression."
)
ANDREASSEN = (
    "The author has completed the ICMJE form and declares the following conflicts of interest: "
    "he has received consultancy fees from Precision-Health.ai, Ledidi, BMS and Lilly; lecture fees from "
    "BMS, Lilly, Janssen, Lundbeck, Otsuka and Sunovion; has served on the advisory board for Ledidi; and "
    "holds stock options/shares in Precision-Health.ai, Lididi and Cortechs.ai."
)


def triples(result):
    return [(i.author, i.category, i.organization, i.payee) for i in result.items]


@pytest.mark.parametrize("name", ["Tor-Morten Kvam", "Mark Berthold-Losleben"])
def test_no_conflicts(name):
    result = parse_statement(NONE_TEXT, [name])
    assert result.declares_none == [name]
    assert result.items == []


def test_goksoyr_advisory_board():
    result = parse_statement(GOKSOYR, ["Ivar W. Goksøyr"])
    assert triples(result) == [("Ivar W. Goksøyr", "advisory_board", "Norsk Psykedelisk Vitenskap", "self")]
    assert result.declares_none == []


def test_stewart_board_is_leadership():
    result = parse_statement(STEWART, ["Lowan H. Stewart"])
    assert triples(result) == [("Lowan H. Stewart", "leadership", "Norsk Psykedelisk Vitenskap", "self")]


def test_autran_unnamed_clinic():
    result = parse_statement(AUTRAN, ["Ingrid Autran"])
    assert triples(result) == [("Ingrid Autran", "stock", None, "self")]
    assert result.items[0].specification == "a clinic providing ketamine treatment for depression"


def test_andreassen_lists_and_categories():
    a = "Ole A. Andreassen"
    result = parse_statement(ANDREASSEN, [a])
    expected = (
        [(a, "consulting", org, "self") for org in ("Precision-Health.ai", "Ledidi", "BMS", "Lilly")]
        + [(a, "lectures", org, "self") for org in ("BMS", "Lilly", "Janssen", "Lundbeck", "Otsuka", "Sunovion")]
        + [(a, "advisory_board", "Ledidi", "self")]
        + [(a, "stock", org, "self") for org in ("Precision-Health.ai", "Lididi", "Cortechs.ai")]
    )
    assert triples(result) == expected
    assert ("Ledidi", "Lididi") in result.variants


def test_he_means_the_single_author_only_when_single():
    result = parse_statement(GOKSOYR, ["Ivar W. Goksøyr"], single_author=True)
    assert result.items[0].author == "Ivar W. Goksøyr"
    result = parse_statement(GOKSOYR, [])
    assert result.items[0].author is None


def test_the_articles_printed_statement_gives_each_author_their_own_paragraph():
    # The seed article prints one paragraph per author, "Name: statement", separated by blank lines.
    paragraphs = [
        ("Tor-Morten Kvam", NONE_TEXT),
        ("Ivar W. Goksøyr", GOKSOYR),
        ("Lowan H. Stewart", STEWART),
        ("Mark Berthold-Losleben", NONE_TEXT),
        ("Ingrid Autran", AUTRAN),
        ("Ole A. Andreassen", ANDREASSEN),
    ]
    text = "\n\n".join(f"{name}: {statement}" for name, statement in paragraphs)
    result = parse_statement(text, [name for name, _ in paragraphs])
    assert result.declares_none == ["Tor-Morten Kvam", "Mark Berthold-Losleben"]
    by_author = {}
    for item in result.items:
        by_author[item.author] = by_author.get(item.author, 0) + 1
    assert by_author == {"Ivar W. Goksøyr": 1, "Lowan H. Stewart": 1, "Ingrid Autran": 1, "Ole A. Andreassen": 14}
    autran = next(item for item in result.items if item.author == "Ingrid Autran")
    assert (
        text[autran.span[0] : autran.span[1]] == "shareholder in a clinic providing ketamine treatment for depression"
    )
