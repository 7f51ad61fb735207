"""Organization names with "and" inside, company forms such as "A/S", towns and countries after a name,
and initials that look like a role ("VP").

Every statement here is invented.
"""

from registry.parsing import parse_statement

AUTHORS = ["Ann Bee", "Hal Kent", "Vera Pohl"]


def rows(statement: str, authors: list[str] = AUTHORS) -> list[tuple]:
    result = parse_statement(statement, authors)
    return [(it.author, it.category, it.organization) for it in result.items]


def test_bodies_whose_last_word_says_they_are_one_name_keep_their_and():
    statement = (
        "HK had grants from the Centers for Disease Control and Prevention, the U.S. Food and Drug "
        "Administration, the Ministry of Health and Welfare and Johnson & Johnson."
    )
    assert rows(statement) == [
        ("Hal Kent", "grants", "Centers for Disease Control and Prevention"),
        ("Hal Kent", "grants", "U.S. Food and Drug Administration"),
        ("Hal Kent", "grants", "Ministry of Health and Welfare"),
        ("Hal Kent", "grants", "Johnson & Johnson"),
    ]


def test_law_firms_named_after_two_partners_are_one_firm():
    statement = "HK received personal fees from the Smith and Jones Law Firm, Arnold and Porter Law Firm, and Vaxco."
    assert rows(statement) == [
        ("Hal Kent", "consulting", "Smith and Jones Law Firm"),
        ("Hal Kent", "consulting", "Arnold and Porter Law Firm"),
        ("Hal Kent", "consulting", "Vaxco"),
    ]


def test_a_slash_company_form_stays_in_the_name():
    assert rows("A Bee is a Nordic Pharma A/S employee.") == [("Ann Bee", "employment", "Nordic Pharma A/S")]


def test_a_town_and_a_country_after_a_company_say_where_it_is():
    statement = "Ann Bee and Hal Kent are full-time employees of Genco, Zug, Switzerland."
    assert rows(statement) == [("Ann Bee", "employment", "Genco"), ("Hal Kent", "employment", "Genco")]


def test_a_country_after_a_listed_funder_is_no_organization():
    statement = "AB received grants from Vaxco, Genco and the Medical Research Council, UK."
    assert rows(statement) == [
        ("Ann Bee", "grants", "Vaxco"),
        ("Ann Bee", "grants", "Genco"),
        ("Ann Bee", "grants", "Medical Research Council"),
    ]


def test_initials_that_spell_a_role_name_their_author():
    result = parse_statement(
        "VP and AB reported no conflict of interest; HK has received travel fees from Vaxco.", AUTHORS
    )
    assert result.declares_none == ["Ann Bee", "Vera Pohl"]
    assert rows("VP and AB reported no conflict of interest; HK has received travel fees from Vaxco.") == [
        ("Hal Kent", "travel", "Vaxco")
    ]
