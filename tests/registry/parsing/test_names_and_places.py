"""Organization names with "and" inside, company forms such as "A/S", towns and countries after a name,
and initials that look like a role ("VP").

Every statement here is invented.
"""

from registry.parsing import parse_statement
from tests.registry.parsing.triples import triples

AUTHORS = ["Ann Bee", "Hal Kent", "Vera Pohl"]


def rows(statement: str, authors: list[str] = AUTHORS) -> list[tuple]:
    return triples(statement, authors)


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


def test_national_bodies_with_and_inside_need_more_than_one_word_before_it():
    statement = (
        "SW reports grants from National Health and Medical Research Council, the German Federal Ministry of "
        "Education and Research, Vaxco and Medical Research Council."
    )
    authors = ["Sam Webb", "Ann Bee"]
    assert rows(statement, authors) == [
        ("Sam Webb", "grants", "National Health and Medical Research Council"),
        ("Sam Webb", "grants", "German Federal Ministry of Education and Research"),
        ("Sam Webb", "grants", "Vaxco"),
        ("Sam Webb", "grants", "Medical Research Council"),
    ]


def test_a_soft_hyphen_inside_a_name_is_no_letter():
    statement = "Ann Bee reports no conflicts of interest. Hal Kent-\u00adRoss reports personal fees from Vaxco."
    authors = ["Ann Bee", "Hal Kent-Ross"]
    result = parse_statement(statement.replace("-\u00ad", "\u00ad-"), authors)
    assert [(it.author, it.organization) for it in result.items] == [("Hal Kent-Ross", "Vaxco")]
    assert result.declares_none == ["Ann Bee"]


def test_icmje_patents_are_held_by_whom_they_are_issued_pending_or_licensed_to():
    statement = (
        "In addition, Dr. Bee has a patent Methods for imaging licensed to Medico Ltd. and a patent Markers of "
        "sepsis pending to the University of Ulm."
    )
    assert rows(statement) == [
        ("Ann Bee", "patents", "Medico Ltd."),
        ("Ann Bee", "patents", "University of Ulm"),
    ]


def test_a_foundation_for_two_things_and_a_possessive_hospital_are_one_name_each():
    statement = (
        "Dr. Kent received grants from the Mayo Foundation for Education and Research, Gates Foundation and "
        "Wellcome Trust, Brigham and Women's Hospital and Vaxco."
    )
    assert rows(statement) == [
        ("Hal Kent", "grants", "Mayo Foundation for Education and Research"),
        ("Hal Kent", "grants", "Gates Foundation"),
        ("Hal Kent", "grants", "Wellcome Trust"),
        ("Hal Kent", "grants", "Brigham and Women's Hospital"),
        ("Hal Kent", "grants", "Vaxco"),
    ]


def test_ties_before_honoraria_for_lecturing_share_its_companies():
    statement = (
        "Dr. Kent has been a consultant, served on an advisory board and/or received honoraria for lecturing "
        "from the following companies:\nVaxco, Genco."
    )
    assert rows(statement) == [
        ("Hal Kent", "consulting", "Vaxco"),
        ("Hal Kent", "consulting", "Genco"),
        ("Hal Kent", "advisory_board", "Vaxco"),
        ("Hal Kent", "advisory_board", "Genco"),
        ("Hal Kent", "lectures", "Vaxco"),
        ("Hal Kent", "lectures", "Genco"),
    ]


def test_a_body_named_after_a_couple_is_one_name():
    statement = "AB reports grants from Maurice and Phyllis Ames Trust, grants from Vaxco and Wellcome Trust."
    assert rows(statement) == [
        ("Ann Bee", "grants", "Maurice and Phyllis Ames Trust"),
        ("Ann Bee", "grants", "Vaxco"),
        ("Ann Bee", "grants", "Wellcome Trust"),
    ]


def test_a_title_before_dotted_initials_names_that_author():
    statement = (
        "Dr A.B. served as consultant to Vaxco; Dr H.K. and Dr V.P. served as consultants to Genco. "
        "Dr V.P. has nothing else to disclose."
    )
    assert rows(statement) == [
        ("Ann Bee", "consulting", "Vaxco"),
        ("Hal Kent", "consulting", "Genco"),
        ("Vera Pohl", "consulting", "Genco"),
    ]


def test_dotted_initials_after_plc_start_a_sentence():
    statement = "A.B. and H.K. are employees of Genco plc. V.P. is a consultant to Genco plc."
    assert rows(statement) == [
        ("Ann Bee", "employment", "Genco plc"),
        ("Hal Kent", "employment", "Genco plc"),
        ("Vera Pohl", "consulting", "Genco plc"),
    ]


def test_a_foundation_named_after_a_couple_keeps_its_and_before_its_purpose():
    statement = "Dr. Kent received grants from the Laura and John Arnold Foundation for Research Integrity, and Vaxco."
    assert rows(statement) == [
        ("Hal Kent", "grants", "Laura and John Arnold Foundation for Research Integrity"),
        ("Hal Kent", "grants", "Vaxco"),
    ]
