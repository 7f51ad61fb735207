"""Names in the text that differ from the byline: a generational suffix, a second surname the byline leaves
out, a hyphenated given name written with an initial.

Every statement here is invented.
"""

from registry.parsing import parse_statement


def test_names_in_a_no_conflict_sentence_find_their_byline_spellings():
    authors = ["Joseph V. Pergolizzi Jr.", "Renato Matta", "Jean-Louis Montastruc", "Ann Bee"]
    statement = (
        "Joseph Pergolizzi, Renato Matta Ramos, Jean L. Montastruc and Ann Bee declare that they have no "
        "conflict of interest."
    )
    assert parse_statement(statement, authors).declares_none == authors


def test_a_suffix_is_not_the_surname():
    authors = ["Carlos A Camargo Jr", "Sam Telford III", "Ann Bee"]
    statement = "Dr. Camargo received grants from Vaxco. Dr. Telford is a consultant to Genco."
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Carlos A Camargo Jr", "grants", "Vaxco"),
        ("Sam Telford III", "consulting", "Genco"),
    ]
