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


def test_a_full_name_in_the_text_finds_a_byline_of_initials_and_surname():
    authors = ["K. Hakala", "M. Lahteenvuo", "AV. Ahola-Olli", "Mark Smith"]
    statement = (
        "Markku Lahteenvuo is a board member of Genco Ltd. Ari Ahola-Olli is a part-time employee at Vaxco. "
        "John Smith is a consultant for Medico."
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("M. Lahteenvuo", "leadership", "Genco Ltd."),
        ("AV. Ahola-Olli", "employment", "Vaxco"),
        (None, "consulting", "Medico"),
    ]


def test_the_group_a_company_belongs_to_is_no_tie_of_its_employee():
    authors = ["Carl Hamm", "Pia Sand"]
    statement = "C.H. is an employee of Genco Inc., a member of the Vaxo Group. P.S. is an employee of the Vaxo Group."
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Carl Hamm", "employment", "Genco Inc."),
        ("Pia Sand", "employment", "Vaxo Group"),
    ]


def test_a_middle_initial_the_byline_leaves_out_still_names_the_author():
    authors = ["Nathan Hillson", "Mark Caddick"]
    statement = (
        "Nathan J. Hillson has financial interests in Vaxco Inc. All other authors declare no competing interests."
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Nathan Hillson", "stock", "Vaxco Inc.")
    ]
    assert result.declares_none == ["Mark Caddick"]


def test_initials_of_an_author_who_goes_by_the_name_after_a_leading_initial():
    authors = ["Amanda T Goodwin", "R Gisli Jenkins"]
    statement = "GJ reports grants from Vaxco. ATG has no competing interests."
    result = parse_statement(statement, authors)
    assert [(it.author, it.organization) for it in result.items] == [("R Gisli Jenkins", "Vaxco")]
    assert result.declares_none == ["Amanda T Goodwin"]


def test_full_byline_names_before_colons_start_each_authors_block_mid_paragraph():
    authors = ["Noa Diaz Troya", "Pablo G Medina", "Stefan Weber", "Martin Klammer"]
    statement = (
        "Noa Diaz Troya: no competing interests Pablo G Medina: no competing interests Stefan Weber: employee "
        "of Vaxco GmbH (Penzberg, Germany) and holds shares in Genco Ltd Martin Klammer: employee of Vaxco GmbH"
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Stefan Weber", "employment", "Vaxco GmbH"),
        ("Stefan Weber", "stock", "Genco Ltd"),
        ("Martin Klammer", "employment", "Vaxco GmbH"),
    ]
    assert result.declares_none == ["Noa Diaz Troya", "Pablo G Medina"]


def test_two_titles_before_a_long_name_still_leave_the_whole_name():
    authors = ["Sara Silva", "Luis De la Cruz-Merino"]
    statement = (
        "Prof. Dr. Luis De la Cruz-Merino reports grants from Vaxco. The authors report no conflicts of interest."
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.organization) for it in result.items] == [("Luis De la Cruz-Merino", "Vaxco")]
    assert result.declares_none == ["Sara Silva"]


def test_a_list_of_full_names_after_a_company_form_starts_a_sentence():
    authors = ["Tom Bell", "Sara Lin", "Yan Yu"]
    statement = "Tom Bell is an employee of Vaxco, Inc. Sara Lin, Yan Yu declare no conflict of interest."
    result = parse_statement(statement, authors)
    assert [(it.author, it.organization) for it in result.items] == [("Tom Bell", "Vaxco, Inc.")]
    assert result.declares_none == ["Sara Lin", "Yan Yu"]
