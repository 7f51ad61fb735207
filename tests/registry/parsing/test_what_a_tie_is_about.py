"""What a tie is about is not who it is with: a disease, a trial, a vaccine or a device named after a company, a
role named after a board, and a later sentence that speaks of a tie already named. Shapes read from statements
of many journals.

Every statement here is invented in the shape of the real ones.
"""

from .triples import triples

AUTHORS = ["Clara A Hutt", "Hamid O Sarraf", "Jon C Vance"]


def test_a_disease_or_its_virus_is_no_organization():
    rows = triples(
        "J.C.V. serves on a data monitoring committee for Vaxco for the COVID-19 vaccine and has received "
        "research funding for SARS-CoV-2 studies from Biolab.",
        AUTHORS,
    )
    assert ("Jon C Vance", "grants", "Biolab") in rows
    assert not [r for r in rows if r[2] and ("COVID" in r[2] or "SARS" in r[2])]


def test_a_company_is_named_after_the_topic_its_consultancy_was_about():
    rows = triples(
        "H.O.S. was an unpaid consultant on therapeutics for MERS-coronavirus for Vaxco and Biolab.", AUTHORS
    )
    assert rows == [("Hamid O Sarraf", "consulting", "Vaxco"), ("Hamid O Sarraf", "consulting", "Biolab")]


def test_for_after_a_company_says_what_the_tie_was_for_but_stays_inside_a_body_named_for_its_purpose():
    rows = triples(
        "C.A.H. receives royalties from Medix Respironics for the Actiwatch-2 device and grants from the "
        "Centers for Disease Control and Prevention and the Committee for Strategic Coordination for Health "
        "of the Public Research.",
        AUTHORS,
    )
    assert ("Clara A Hutt", "royalties", "Medix Respironics") in rows
    assert ("Clara A Hutt", "grants", "Centers for Disease Control and Prevention") in rows
    assert (
        "Clara A Hutt",
        "grants",
        "Committee for Strategic Coordination for Health of the Public Research",
    ) in rows


def test_a_board_described_between_the_company_and_the_word_board_is_the_companys():
    rows = triples("Dr Hutt serves on the Vaxco independent external data monitoring committee.", AUTHORS)
    assert rows == [("Clara A Hutt", "advisory_board", "Vaxco")]


def test_a_role_after_a_board_membership_is_not_the_boards_name():
    rows = triples(
        "J.C.V. is a Vaxco Advisory Board member and Chief Investigator for a clinical trial.",
        AUTHORS,
    )
    assert ("Jon C Vance", "advisory_board", "Vaxco") in rows
    assert not [r for r in rows if r[2] and "Investigator" in r[2]]


def test_a_sentence_about_the_funding_named_before_adds_no_tie():
    rows = triples(
        "J.C.V. has received research funding from Biolab. The funding is not related to this work.",
        AUTHORS,
    )
    assert rows == [("Jon C Vance", "grants", "Biolab")]


def test_a_list_after_a_colon_is_the_object_even_when_a_capital_letter_stands_for_a_vitamin():
    rows = triples(
        "H.O.S. declares receipt of funding in the last 36 months to support vitamin D research from the "
        "following companies who manufacture or sell vitamin D supplements: Vaxco Ltd, Biolab Ltd and Medix Ltd.",
        AUTHORS,
    )
    assert rows == [
        ("Hamid O Sarraf", "grants", "Vaxco Ltd"),
        ("Hamid O Sarraf", "grants", "Biolab Ltd"),
        ("Hamid O Sarraf", "grants", "Medix Ltd."),
    ]


def test_sources_described_before_the_named_ones_do_not_end_the_list():
    rows = triples(
        "C.A.H. receives research support from National and International government and charitable bodies, "
        "Vaxco Diagnostics and Biolab for research unrelated to the current work.",
        AUTHORS,
    )
    assert rows == [("Clara A Hutt", "grants", "Vaxco Diagnostics"), ("Clara A Hutt", "grants", "Biolab")]


def test_a_salary_after_a_role_at_a_company_is_from_that_company_unless_the_clause_names_another():
    rows = triples("J.C.V. is CEO and founder of Vaxco, receives salary and has equity interests.", AUTHORS)
    assert ("Jon C Vance", "employment", "Vaxco") in rows
    assert ("Jon C Vance", "stock", "Vaxco") in rows
    assert not [r for r in rows if r[2] is None]
    rows = triples("J.C.V. is an employee of Vaxco and an employee of bit.bio.", AUTHORS)
    assert rows == [("Jon C Vance", "employment", "Vaxco"), ("Jon C Vance", "employment", None)]
    rows = triples("J.C.V. reports grants from Vaxco and stock or stock options, outside the submitted work.", AUTHORS)
    assert rows == [("Jon C Vance", "grants", "Vaxco"), ("Jon C Vance", "stock", None)]


def test_funds_paid_to_the_institution_say_how_a_membership_was_paid_and_add_no_tie():
    rows = triples(
        "C.A.H. has participated in Data Safety Monitoring Boards for Vaxco and Biolab with funds paid to the "
        "institution.",
        AUTHORS,
    )
    assert rows == [("Clara A Hutt", "advisory_board", "Vaxco"), ("Clara A Hutt", "advisory_board", "Biolab")]


def test_fees_for_a_purpose_share_the_source_named_at_the_end_of_the_list():
    rows = triples(
        "H.O.S. has received honoraria for talks, an unrestricted research grant and travel expenses to attend "
        "meetings and workshops from Vaxco.",
        AUTHORS,
    )
    assert rows == [
        ("Hamid O Sarraf", "lectures", "Vaxco"),
        ("Hamid O Sarraf", "grants", "Vaxco"),
        ("Hamid O Sarraf", "travel", "Vaxco"),
    ]


def test_a_company_after_a_country_is_a_company_not_the_town_of_the_next_country():
    rows = triples("H.O.S. has received honoraria from Vaxco Genzyme, Denmark and Biolab, Switzerland.", AUTHORS)
    assert rows == [("Hamid O Sarraf", "lectures", "Vaxco Genzyme"), ("Hamid O Sarraf", "lectures", "Biolab")]


def test_a_country_and_a_company_form_after_a_comma_are_the_national_company_of_the_name_before():
    rows = triples("C.A.H. served on an advisory board for Vaxco, Australia Pty Ltd.", AUTHORS)
    assert rows == [("Clara A Hutt", "advisory_board", "Vaxco, Australia Pty Ltd.")]


def test_continuing_medical_education_is_what_fees_were_for_not_who_paid_them():
    rows = triples(
        "J.C.V. received investigator-initiated grant funding from Biolab and CME symposium-related speaker fees "
        "from Vaxco.",
        AUTHORS,
    )
    assert rows == [("Jon C Vance", "grants", "Biolab"), ("Jon C Vance", "lectures", "Vaxco")]


def test_money_in_a_relative_clause_after_a_company_comes_from_that_company():
    rows = triples(
        "H.O.S. is a member of the board of directors of Vaxco AG which has funded antibody work in his lab.",
        AUTHORS,
    )
    assert rows == [("Hamid O Sarraf", "leadership", "Vaxco AG"), ("Hamid O Sarraf", "grants", "Vaxco AG")]


def test_a_description_does_not_end_on_the_words_that_lead_into_the_next_tie():
    from registry.parsing import parse_statement

    result = parse_statement(
        "J.C.V. has patents pending on brain monitoring during sedation, and a patent licensing agreement with "
        "Vaxco Corporation.",
        AUTHORS,
    )
    specs = {(it.category, it.organization): it.specification for it in result.items}
    assert specs[("patents", None)] == "brain monitoring during sedation"
    assert ("royalties", "Vaxco Corporation") in specs
