"""Roles named in words the grammar lacked (officer, team leader, council, educational material, fees for
instruction), a name ending "& Equity", "received no compensation", and a given name cut short.

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

AUTHORS = ["Jonas Smithers", "Alma Lindqvist", "Theo Bloom"]


def read(statement: str, authors: list[str] = AUTHORS) -> tuple[list[tuple], list[str]]:
    result = parse_statement(statement, authors)
    return [(it.author, it.category, it.organization) for it in result.items], result.declares_none


def test_an_officer_and_a_team_leader_hold_leadership_roles():
    items, _ = read("JS is an officer for Vaxco Assessment, Inc. AL is the team leader of Biolab.")
    assert items == [
        ("Jonas Smithers", "leadership", "Vaxco Assessment, Inc."),
        ("Alma Lindqvist", "leadership", "Biolab"),
    ]


def test_a_council_seat_is_leadership_but_a_research_council_is_a_name():
    items, _ = read("AL is on the COPE council. JS received grants from the Medical Research Council.")
    assert items == [("Alma Lindqvist", "leadership", "COPE"), ("Jonas Smithers", "grants", "Medical Research Council")]


def test_educational_material_and_fees_for_instruction_are_lectures():
    items, nones = read(
        "AL has participated in the development of educational material for Biogen. JS received fees for "
        "providing instruction in catheter insertion from Medtronic. All other authors have nothing to disclose."
    )
    assert items == [("Alma Lindqvist", "lectures", "Biogen"), ("Jonas Smithers", "lectures", "Medtronic")]
    assert nones == ["Theo Bloom"]


def test_a_capitalised_role_word_after_an_ampersand_ends_a_name():
    items, _ = read("JS declares his role as a consultant for the Grand Challenge on Climate, Health, & Equity.")
    assert [(author, category) for author, category, _ in items] == [("Jonas Smithers", "consulting")]


def test_received_no_compensation_declares_nothing():
    items, nones = read(
        "Dr. Smithers is a paid consultant of Vaxco. Dr. Lindqvist received no compensation from Vaxco."
    )
    assert items == [("Jonas Smithers", "consulting", "Vaxco")]
    assert nones == ["Alma Lindqvist"]


def test_a_given_name_written_in_full_finds_the_bylines_short_form():
    items, _ = read("Theodora Bloom is on the editorial board of Biolab Journal.")
    assert items == [("Theo Bloom", "leadership", "Biolab Journal")]


def test_a_heading_answered_none_names_no_tie():
    assert read("Financial, none; Funding, none; Non-Financial, none.")[0] == []


def test_a_stake_without_object_at_the_end_of_a_sentence_is_in_the_company_named_before():
    items, _ = read("JS is CEO and founder of Vaxco and has equity interests.")
    assert items == [
        ("Jonas Smithers", "leadership", "Vaxco"),
        ("Jonas Smithers", "founder", "Vaxco"),
        ("Jonas Smithers", "stock", "Vaxco"),
    ]


def test_in_kind_research_support_is_a_gift():
    items, _ = read("JS has received in-kind research support from GE Medical via a research agreement with Leeds.")
    assert items[0] == ("Jonas Smithers", "gifts", "GE Medical")


def test_staff_of_a_company_are_its_employees():
    items, nones = read(
        "Both, Mr. JS and AL are staff of Vaxco Pte Ltd., Singapore. The other authors have no competing interest."
    )
    assert items == [
        ("Jonas Smithers", "employment", "Vaxco Pte Ltd."),
        ("Alma Lindqvist", "employment", "Vaxco Pte Ltd."),
    ]
    assert nones == ["Theo Bloom"]


def test_supported_in_part_by_a_company_is_a_grant():
    items, _ = read("AL is supported in part by Vaxco (unrelated to this project).")
    assert items == [("Alma Lindqvist", "grants", "Vaxco")]


def test_what_a_company_does_in_an_appositive_is_no_tie():
    items, _ = read(
        "JS is a part-time employee at Abomics, a company offering consultation services. AL is a consultant for "
        "Vaxco, a company that develops vaccines, and received grants from Biolab."
    )
    assert items == [
        ("Jonas Smithers", "employment", "Abomics"),
        ("Alma Lindqvist", "consulting", "Vaxco"),
        ("Alma Lindqvist", "grants", "Biolab"),
    ]


def test_a_name_after_a_comma_right_before_a_tie_starts_a_new_subject():
    items, _ = read("JS speaker fees Vaxco and Biolab, A Lindqvist honoraria from GenOne, consultancy fees Pharmax.")
    assert items == [
        ("Jonas Smithers", "lectures", "Vaxco"),
        ("Jonas Smithers", "lectures", "Biolab"),
        ("Alma Lindqvist", "lectures", "GenOne"),
        ("Alma Lindqvist", "consulting", "Pharmax"),
    ]
