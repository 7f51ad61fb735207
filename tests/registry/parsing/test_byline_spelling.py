"""Byline names as publishers print them still give the initials the statement uses.

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement


def test_a_double_surname_printed_with_a_typographic_hyphen_gives_its_initials():
    authors = ["Hector Pardo\u2010Hernandez", "Ivan Sola", "Pablo Alonso\u2010Coello"]
    result = parse_statement("HPH and PAC work for Vaxco. No other interests are declared.", authors)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Hector Pardo\u2010Hernandez", "employment", "Vaxco"),
        ("Pablo Alonso\u2010Coello", "employment", "Vaxco"),
    ]
    assert result.declares_none == ["Ivan Sola"]
