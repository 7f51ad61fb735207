"""Disclosure forms that list companies with their roles instead of sentences: the conference-abstract form
("Name, Company: Role, Type. Company: Role, Type.") and the code-letter form ("Name, Company (C)").

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

AUTHORS = ["Jonas Smithers", "Alma Lindqvist", "Kari B Toppe"]


def rows(statement: str, authors: list[str] = AUTHORS) -> list[tuple]:
    result = parse_statement(statement, authors)
    return [(it.author, it.category, it.organization) for it in result.items]


def test_abstract_form_gives_each_company_its_roles_and_a_new_name_starts_a_new_author():
    statement = (
        "K. B. Toppe, Vaxco: Investigator, Research support. GenOne: Scientific Advisor, Consulting fee. "
        "J. Smithers, Biolab Inc.: Speaker\u2019s Bureau, Speaker honorarium and Shareholder."
    )
    assert rows(statement) == [
        ("Kari B Toppe", "grants", "Vaxco"),
        ("Kari B Toppe", "advisory_board", "GenOne"),
        ("Kari B Toppe", "consulting", "GenOne"),
        ("Jonas Smithers", "lectures", "Biolab Inc."),
        ("Jonas Smithers", "stock", "Biolab Inc."),
    ]


def test_abstract_form_none_after_a_name_declares_nothing():
    statement = "J. Smithers, None. A. Lindqvist, Vaxco: Employee, Salary."
    result = parse_statement(statement, AUTHORS)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Alma Lindqvist", "employment", "Vaxco")
    ]
    assert result.declares_none == ["Jonas Smithers"]


def test_code_letters_after_each_company_are_its_roles():
    statement = "Commercial relationships: J. Smithers, Vaxco (C), GenOne (F, R); A. Lindqvist, None"
    result = parse_statement(statement, AUTHORS)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Jonas Smithers", "consulting", "Vaxco"),
        ("Jonas Smithers", "grants", "GenOne"),
        ("Jonas Smithers", "lectures", "GenOne"),
    ]
    assert result.declares_none == ["Alma Lindqvist"]


def test_a_label_of_initials_before_a_colon_is_no_form():
    # "JS, AL:" names two authors; what follows is an ordinary sentence
    assert rows("JS, AL: employees of Vaxco.") == [
        ("Jonas Smithers", "employment", "Vaxco"),
        ("Alma Lindqvist", "employment", "Vaxco"),
    ]


def test_initials_with_a_bracketed_abbreviation_are_no_code_letters():
    assert rows("JS, AL and KBT received grants from the National Institutes of Health (NIH).") == [
        ("Jonas Smithers", "grants", "National Institutes of Health"),
        ("Alma Lindqvist", "grants", "National Institutes of Health"),
        ("Kari B Toppe", "grants", "National Institutes of Health"),
    ]
