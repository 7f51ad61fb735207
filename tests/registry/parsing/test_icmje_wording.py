"""ICMJE-style wording and typography from many journals: typographic hyphens, fees that say what for after
a slash, expenses, owners, initials with a middle letter the byline leaves out, boilerplate about policies.

Every statement here is invented.
"""

from registry.parsing import parse_statement
from tests.registry.parsing.triples import triples

AUTHORS = ["Ryan Marsh", "Alan R Smyth", "Sara Stone"]


def rows(statement: str, authors: list[str] = AUTHORS) -> list[tuple]:
    return triples(statement, authors)


def test_typographic_hyphens_read_as_hyphens():
    statement = (
        "Sara Stone is a partial\u2010owner of Genco LLC and a co\u2010founder of Vaxco; ARS reports "
        "non\u2010financial support from Medico."
    )
    assert rows(statement) == [
        ("Sara Stone", "stock", "Genco LLC"),
        ("Sara Stone", "founder", "Vaxco"),
        ("Alan R Smyth", "gifts", "Medico"),
    ]


def test_honoraria_slash_compensation_for_advisory_boards_are_advisory_board_ties():
    statement = "SS received honoraria/compensation for advisory boards from Vaxco and Genco."
    assert rows(statement) == [("Sara Stone", "advisory_board", "Vaxco"), ("Sara Stone", "advisory_board", "Genco")]


def test_expenses_from_a_company_are_travel():
    statement = "ARS reports speaker honoraria and expenses from Vaxco."
    assert rows(statement) == [("Alan R Smyth", "lectures", "Vaxco"), ("Alan R Smyth", "travel", "Vaxco")]


def test_three_initials_fit_a_byline_without_the_middle_name():
    assert rows("RJM declares support from the CF Trust.") == [("Ryan Marsh", "grants", "CF Trust")]


def test_adherence_to_an_institutions_rules_beside_a_tie_is_no_boilerplate():
    statement = (
        "RM has consulted for Vaxco, and in adherence to the University of Ulm's Clinical Trials policy, "
        "receives no personal fees."
    )
    assert rows(statement) == [("Ryan Marsh", "consulting", "Vaxco")]
    assert parse_statement("This does not alter our adherence to PLOS ONE policies.", AUTHORS).items == []


def test_the_topic_of_lectures_is_no_counterparty():
    statement = "SS has received speaker fees for lectures on Fabry disease from Vaxco."
    assert rows(statement) == [("Sara Stone", "lectures", "Vaxco")]


def test_honoraria_for_consultation_are_consulting():
    statement = "RM has received honoraria for consultation and advisory board participation from Vaxco."
    assert rows(statement) == [("Ryan Marsh", "consulting", "Vaxco"), ("Ryan Marsh", "advisory_board", "Vaxco")]


def test_membership_of_a_board_named_before_the_word_board_is_the_board_alone():
    statement = "SS is a member of the North American Fabry Registry Board. RM is a member of the EuroQol Group."
    assert rows(statement) == [
        ("Sara Stone", "leadership", "North American Fabry Registry"),
        ("Ryan Marsh", "other", "EuroQol Group"),
    ]


def test_a_title_in_quotes_is_no_organization():
    statement = (
        "SS receives royalties for the book \u201cMusic, Motor Control and the Brain\u201d, Oxford University Press."
    )
    assert rows(statement) == [("Sara Stone", "royalties", "Oxford University Press")]


def test_roles_listed_after_not_are_negated_too():
    statement = (
        "RM has acted as a consultant to Vaxco GmbH but is not an employee, stock- or shareholder of this company."
    )
    assert rows(statement) == [("Ryan Marsh", "consulting", "Vaxco GmbH")]


def test_research_reagents_are_gifts_and_share_their_source_with_a_role_before_them():
    statement = "SS is a consultant to, and receives research reagents from, Vaxco Pharmaceuticals."
    assert rows(statement) == [
        ("Sara Stone", "consulting", "Vaxco Pharmaceuticals"),
        ("Sara Stone", "gifts", "Vaxco Pharmaceuticals"),
    ]


def test_a_source_with_a_comma_before_its_company_form_pays_for_what_follows_for():
    statement = "Ryan Marsh has received reimbursement from Vaxco, Inc. for travel."
    assert rows(statement) == [("Ryan Marsh", "travel", "Vaxco, Inc.")]


def test_a_chain_of_roles_through_a_board_membership_shares_the_companies_at_its_end():
    statement = (
        "SS is co-founder, member of the Board of Directors, on the Science Advisory Board, equity holder, "
        "and paid consultant for Vaxco."
    )
    assert rows(statement) == [
        ("Sara Stone", "founder", "Vaxco"),
        ("Sara Stone", "leadership", "Vaxco"),
        ("Sara Stone", "advisory_board", "Vaxco"),
        ("Sara Stone", "stock", "Vaxco"),
        ("Sara Stone", "consulting", "Vaxco"),
    ]


def test_a_preposition_left_without_object_takes_the_company_named_before():
    statement = "S.S. is a scientific founder of Vaxco Therapeutics, has an equity interest in, and consults."
    assert rows(statement)[:2] == [
        ("Sara Stone", "founder", "Vaxco Therapeutics"),
        ("Sara Stone", "stock", "Vaxco Therapeutics"),
    ]


def test_payments_for_board_membership_from_companies_are_advisory_boards():
    statement = "RM has received payments for board membership from Vaxco and Genco, and for lectures from Medico."
    assert rows(statement) == [
        ("Ryan Marsh", "advisory_board", "Vaxco"),
        ("Ryan Marsh", "advisory_board", "Genco"),
        ("Ryan Marsh", "lectures", "Medico"),
    ]
