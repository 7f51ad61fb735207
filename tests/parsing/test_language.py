"""The language of many journals' statements: titles, ICMJE phrases, dotted initials, clause subjects.

Every statement here is invented unless its corpus id and licence are given beside it.
"""

from registry.parsing import parse_statement


def rows(statement: str, authors: list[str]) -> list[tuple]:
    result = parse_statement(statement, authors)
    return [(it.author, it.category, it.organization, it.payee) for it in result.items]


def test_dotted_initials_may_keep_several_letters_of_a_name():
    authors = ["Anna Grey", "Diana Shpektor", "Daniel Smith", "Sarah Greenlee", "Samuel Guo"]
    statement = (
        "A.G. and D.Sm. are employees of Novartis. D.Sh. is an employee of Bristol Myers Squibb. "
        "S.Gr. and S.Gu. hold shares of Ionis."
    )
    assert rows(statement, authors) == [
        ("Anna Grey", "employment", "Novartis", "self"),
        ("Daniel Smith", "employment", "Novartis", "self"),
        ("Diana Shpektor", "employment", "Bristol Myers Squibb", "self"),
        ("Sarah Greenlee", "stock", "Ionis", "self"),
        ("Samuel Guo", "stock", "Ionis", "self"),
    ]


def test_hyphenated_given_names_match_their_hyphenated_initials():
    authors = ["Seung-Hoon Lee", "Min Park"]
    assert rows("S.-H. Lee received grants from Samsung.", authors) == [("Seung-Hoon Lee", "grants", "Samsung", "self")]


def test_a_semicolon_starts_a_new_authors_clause():
    authors = ["Sara Olsen", "Frida Gale", "Jan Marsal"]
    statement = (
        "SO has received honoraria from Takeda; FG has received honoraria from Celgene and served on the "
        "advisory board for Janssen; J. Marsal has received research grants from AbbVie."
    )
    assert rows(statement, authors) == [
        ("Sara Olsen", "lectures", "Takeda", "self"),
        ("Frida Gale", "lectures", "Celgene", "self"),
        ("Frida Gale", "advisory_board", "Janssen", "self"),
        ("Jan Marsal", "grants", "AbbVie", "self"),
    ]
