"""Trials and research done for a company are grants ("investigators for the X programme", "conducted
post-marketing studies for X", "contract research on behalf of X").

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

AUTHORS = ["Jonas Smithers", "Alma Lindqvist", "Nils Haraldsen"]


def read(statement: str, authors: list[str] = AUTHORS) -> tuple[list[tuple], list[str]]:
    result = parse_statement(statement, authors)
    return [(it.author, it.category, it.organization) for it in result.items], result.declares_none


def test_investigators_for_named_programmes_have_grants_from_them():
    items, nones = read(
        "JS and NH were investigators for the STEADY and BEACON programs. Other authors declare no conflict of "
        "interests."
    )
    assert items == [
        ("Jonas Smithers", "grants", "STEADY"),
        ("Jonas Smithers", "grants", "BEACON"),
        ("Nils Haraldsen", "grants", "STEADY"),
        ("Nils Haraldsen", "grants", "BEACON"),
    ]
    assert nones == ["Alma Lindqvist"]


def test_an_investigator_of_this_study_names_no_tie():
    assert read("JS is the principal investigator of this national multicentre study.") == ([], [])


def test_studies_conducted_for_companies_are_grants():
    items, _ = read("She conducted post-marketing studies for Vaxco and Biolab.", ["Dora Costa"])
    assert items == [("Dora Costa", "grants", "Vaxco"), ("Dora Costa", "grants", "Biolab")]


def test_contract_research_on_behalf_of_companies_is_grants_from_them():
    items, _ = read("JS reports that her unit performs contract research on behalf of Vaxco and Biolab.")
    assert items == [("Jonas Smithers", "grants", "Vaxco"), ("Jonas Smithers", "grants", "Biolab")]


def test_an_investor_in_a_company_holds_a_stake_and_shares_the_object_of_the_next_role():
    items, _ = read("JS is an investor in and informal advisor to Offline Labs.")
    assert items == [("Jonas Smithers", "stock", "Offline Labs"), ("Jonas Smithers", "advisory_board", "Offline Labs")]


def test_honoraria_misspelt_honoria_are_lectures():
    items, _ = read("A. Lindqvist received honoria from Kirin Pharma.")
    assert items == [("Alma Lindqvist", "lectures", "Kirin Pharma")]


def test_working_or_having_worked_for_a_body_is_employment():
    items, _ = read("JS and AL were working, or are working, for the European Commission.")
    assert items == [
        ("Jonas Smithers", "employment", "European Commission"),
        ("Alma Lindqvist", "employment", "European Commission"),
    ]
