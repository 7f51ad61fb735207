"""Ways journals say that the authors declare nothing, and that some author does: sentences that start
with "None of the authors", bare answers after a heading, "not" before the conflict word.

Every statement here is invented.
"""

import pytest

from registry.parsing import parse_statement
from tests.registry.parsing.triples import triples

AUTHORS = ["Ann Bee", "Carl Dee", "Eva Fox"]


@pytest.mark.parametrize(
    "statement",
    [
        "None of the authors has any conflict of interest to disclose.",
        "No author has an actual or perceived conflict of interest with the contents of this article.",
        "None of us has a competing interest.",
        "Conflict of Interest: No.",
        "Conflicts of interest: None disclosed.",
        "There are none.",
        "The authors have none to declare",
        "None relevant to this article.",
        "The authors declare that there are not conflicts of interest.",
        "The authors declare not competing financial interests.",
        "We declare that we have no personal, financial, or industrial conflicts of interest.",
        "The study was conducted without any commercial or financial relationships.",
        "The authors declare the absence of any competing interest.",
    ],
)
def test_statements_that_declare_nothing_for_everyone(statement):
    result = parse_statement(statement, AUTHORS)
    assert (result.declares_none, result.items) == (AUTHORS, [])


def test_none_of_the_other_authors_covers_those_without_a_tie():
    statement = "Ann Bee received consulting fees from Vaxco. None of the other authors has any conflict."
    result = parse_statement(statement, AUTHORS)
    assert result.declares_none == ["Carl Dee", "Eva Fox"]
    assert triples(statement, AUTHORS) == [("Ann Bee", "consulting", "Vaxco")]


def test_none_was_declared_for_the_remaining_authors():
    statement = "Eva Fox reports grants from the Wellcome Trust. For the remaining authors, none was declared."
    assert parse_statement(statement, AUTHORS).declares_none == ["Ann Bee", "Carl Dee"]


def test_a_sentence_that_says_no_author_received_money_names_no_tie():
    statement = "No author received funding from Vaxco for this study."
    assert parse_statement(statement, AUTHORS).items == []


def test_fees_that_do_not_say_what_for_are_consulting():
    statement = "Dr Bee has received fees from Vaxco and Genco, and speaker fees from Medico."
    assert triples(statement, AUTHORS) == [
        ("Ann Bee", "consulting", "Vaxco"),
        ("Ann Bee", "consulting", "Genco"),
        ("Ann Bee", "lectures", "Medico"),
    ]


def test_conflicts_of_interest_in_respect_to_companies_are_other_ties():
    statement = "C Dee has conflicts of interest in respect to Vaxco, Genco and Medico."
    assert triples(statement, AUTHORS) == [
        ("Carl Dee", "other", "Vaxco"),
        ("Carl Dee", "other", "Genco"),
        ("Carl Dee", "other", "Medico"),
    ]


def test_unicode_hyphens_keep_a_name_whole():
    # Some publishers print U+2010 for the hyphen in names, in the statement and in the byline.
    authors = ["Ann Bee", "Heidi Bosch\u2010Traberg"]
    statement = "H Bosch\u2010Traberg received grants from Tanabe\u2010Mitsu and Vaxco."
    assert triples(statement, authors) == [
        ("Heidi Bosch\u2010Traberg", "grants", "Tanabe\u2010Mitsu"),
        ("Heidi Bosch\u2010Traberg", "grants", "Vaxco"),
    ]


def test_a_subjectless_nothing_to_declare_after_study_funding_covers_everyone():
    statement = (
        "Funding: the Research Foundation, Bonn, Germany [BA 42/3-1], supported this work. There are no "
        "conflicts of interest, financial, or otherwise."
    )
    result = parse_statement(statement, AUTHORS)
    assert result.declares_none == AUTHORS
    assert triples(statement, AUTHORS) == [(None, "manuscript_support", "Research Foundation")]


@pytest.mark.parametrize(
    "boilerplate",
    [
        "The funding sponsors had no role in the design of the study.",
        "Conflicts that the editors consider relevant to the content of the manuscript have been disclosed.",
    ],
)
def test_boilerplate_about_funders_and_editors_names_no_tie(boilerplate):
    result = parse_statement("The authors declare no conflict of interest. " + boilerplate, AUTHORS)
    assert (result.declares_none, result.items) == (AUTHORS, [])


def test_the_icmje_forms_closing_words_cover_every_author_without_a_tie():
    statement = (
        "All authors have completed the ICMJE uniform disclosure form and declare: C.D. reports grants from "
        "Vaxco, outside the submitted work; no other relationships or activities that could appear to have "
        "influenced the submitted work."
    )
    result = parse_statement(statement, AUTHORS)
    assert result.declares_none == ["Ann Bee", "Eva Fox"]
    assert triples(statement, AUTHORS) == [("Carl Dee", "grants", "Vaxco")]


def test_an_editor_who_shares_an_affiliation_with_a_named_author_is_that_authors_other_tie():
    statement = (
        "The authors declare that the research was conducted in the absence of any commercial or financial "
        "relationships. The handling Editor declared a shared affiliation, though no other collaboration, with "
        "one of the authors EF."
    )
    result = parse_statement(statement, AUTHORS)
    assert triples(statement, AUTHORS) == [("Eva Fox", "other", None)]
    assert result.declares_none == ["Ann Bee", "Carl Dee"]


def test_an_editor_who_shares_an_affiliation_with_a_reviewer_is_no_tie():
    statement = (
        "The authors declare no competing interests. The reviewer GDO and handling Editor declared their shared "
        "institutional affiliation and the handling Editor states that the process met the standards."
    )
    result = parse_statement(statement, AUTHORS)
    assert (result.declares_none, result.items) == (AUTHORS, [])


def test_writing_support_provided_by_a_company_is_no_authors_tie():
    statement = "C Dee is an advisor to Vaxco. Writing support was provided by Medico Writers, Oxford, UK."
    assert triples(statement, AUTHORS) == [("Carl Dee", "advisory_board", "Vaxco"), (None, "gifts", "Medico Writers")]
