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


def test_capital_initials_spelt_like_an_article_name_an_author():
    authors = ["Julia Hennig", "Agnes Nansubuga", "Agnes Akullo"]
    result = parse_statement("AN and AA work for Vaxco East Africa.", authors)
    assert [(it.author, it.organization) for it in result.items] == [
        ("Agnes Nansubuga", "Vaxco East Africa"),
        ("Agnes Akullo", "Vaxco East Africa"),
    ]


def test_initials_keep_a_particle_and_may_leave_out_middle_initials():
    authors = ["Meng Li", "Betty C. A. M. van Esch", "Johan Garssen"]
    result = parse_statement("Authors BvE and JG were employed by Vaxco Research.", authors)
    assert [(it.author, it.category) for it in result.items] == [
        ("Betty C. A. M. van Esch", "employment"),
        ("Johan Garssen", "employment"),
    ]
