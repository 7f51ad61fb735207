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


def test_icmje_wording_with_titles_and_company_names_holding_and():
    authors = ["J Elshof", "ML Duiverman"]
    statement = (
        "Miss J Elshof reports grants from Fisher & Paykel Healthcare Ltd., and Vivisol BV, outside the submitted "
        "work. Dr ML Duiverman reports grants and personal fees from Philips Respironics, ResMed Ltd., and grants "
        "from Fisher and Paykel Ltd., outside the submitted work."
    )
    assert rows(statement, authors) == [
        ("J Elshof", "grants", "Fisher & Paykel Healthcare Ltd.", "self"),
        ("J Elshof", "grants", "Vivisol BV", "self"),
        ("ML Duiverman", "grants", "Philips Respironics", "self"),
        ("ML Duiverman", "grants", "ResMed Ltd.", "self"),
        ("ML Duiverman", "consulting", "Philips Respironics", "self"),
        ("ML Duiverman", "consulting", "ResMed Ltd.", "self"),
        ("ML Duiverman", "grants", "Fisher and Paykel Ltd.", "self"),
    ]


def test_icmje_conduct_of_the_study_and_non_financial_support():
    authors = ["Nina Frank", "Carl Lund"]
    statement = (
        "Dr. Frank reports grants from the Wellcome Trust, during the conduct of the study; personal fees and "
        "non-financial support from Abbott, outside the submitted work. Dr. Lund reports grants from Abbott "
        "Diagnostics, outside the submitted work."
    )
    assert rows(statement, authors) == [
        ("Nina Frank", "manuscript_support", "Wellcome Trust", "self"),
        ("Nina Frank", "consulting", "Abbott", "self"),
        ("Nina Frank", "gifts", "Abbott", "self"),
        ("Carl Lund", "grants", "Abbott Diagnostics", "self"),
    ]


def test_a_brand_may_start_with_a_digit_and_stock_without_object_is_in_the_employer():
    authors = ["Karl Holm", "Paula Cann", "Ida Berg"]
    statement = (
        "Karl Holm and Paula Cann are current or former employees of 23andMe, Inc. and may hold stock or stock "
        "options. All other authors declare no conflicts of interest."
    )
    result = parse_statement(statement, authors)
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Karl Holm", "employment", "23andMe, Inc."),
        ("Paula Cann", "employment", "23andMe, Inc."),
        ("Karl Holm", "stock", "23andMe, Inc."),
        ("Paula Cann", "stock", "23andMe, Inc."),
    ]
    assert result.declares_none == ["Ida Berg"]


def nones(statement: str, authors: list[str]) -> list[str]:
    return parse_statement(statement, authors).declares_none


def test_many_ways_of_declaring_nothing():
    authors = ["Ana Lind", "Bo Ek"]
    for statement in (
        "Conflict of Interest: Nil.",
        "Authors deny any conflict of interest.",
        "The authors do not have competing interests.",
        "The authors have not received any funding or benefits from industry to conduct this study.",
        "The authors declare that the research was conducted in the absence of any commercial or financial "
        "relationships that could be construed as a potential conflict of interest.",
    ):
        assert nones(statement, authors) == authors, statement


def test_no_other_authors_are_the_ones_without_ties():
    authors = ["Ana Lind", "Bo Ek", "Cy Dahl"]
    statement = "AL reports grants from Pfizer. No other authors report any conflicts of interest."
    assert nones(statement, authors) == ["Bo Ek", "Cy Dahl"]


def test_ties_listed_as_examples_of_what_is_not_held_are_no_ties():
    authors = ["Ana Lind", "Bo Ek"]
    statement = (
        "All authors certify that they have no affiliations with or involvement in any organization with any "
        "financial interest (such as honoraria; educational grants; employment, consultancies, stock ownership) "
        "in the subject matter discussed in this manuscript."
    )
    assert rows(statement, authors) == []
    assert nones(statement, authors) == authors


def test_an_exception_after_declaring_nothing_is_a_tie():
    authors = ["Ana Lind", "Bo Ek"]
    statement = "The authors declare no conflicts of interest, except that BE received grants from Novartis."
    assert rows(statement, authors) == [("Bo Ek", "grants", "Novartis", "self")]
    assert nones(statement, authors) == ["Ana Lind"]


def test_advisory_or_consultancy_roles_speakers_fees_and_pronoun_sentences():
    authors = ["Tove Berg", "Dan Brun"]
    statement = (
        "T.B. served in an advisory or consultancy role for ADHS digital, Lundbeck and Takeda. He received "
        "conference support or speaker's fee by Medice. He received royalities from Hogrefe."
    )
    assert rows(statement, authors) == [
        ("Tove Berg", "advisory_board", "ADHS digital", "self"),
        ("Tove Berg", "advisory_board", "Lundbeck", "self"),
        ("Tove Berg", "advisory_board", "Takeda", "self"),
        ("Tove Berg", "consulting", "ADHS digital", "self"),
        ("Tove Berg", "consulting", "Lundbeck", "self"),
        ("Tove Berg", "consulting", "Takeda", "self"),
        ("Tove Berg", "travel", "Medice", "self"),
        ("Tove Berg", "lectures", "Medice", "self"),
        ("Tove Berg", "royalties", "Hogrefe", "self"),
    ]


def test_salary_and_brands_written_in_camel_case():
    authors = ["Alan J Noble"]
    statement = "AJN received salary from Parkinson's UK and is on the advisory board of myHealthPal."
    assert rows(statement, authors) == [
        ("Alan J Noble", "employment", "Parkinson's UK", "self"),
        ("Alan J Noble", "advisory_board", "myHealthPal", "self"),
    ]


def test_a_person_after_a_company_form_starts_a_new_sentence():
    authors = ["A Nishi", "R Konno", "Emil Frost", "Kathryn V. Papp"]
    statement = (
        "A.N. is a full-time employee of Chugai Pharmaceutical Co., Ltd. R.K. received lecture fees from Japan "
        "Vaccine Co. Ltd. and Roche Diagnostics. EF is an employee of Novoic Ltd. KVP is an advisor to the company."
    )
    assert rows(statement, authors) == [
        ("A Nishi", "employment", "Chugai Pharmaceutical Co., Ltd.", "self"),
        ("R Konno", "lectures", "Japan Vaccine Co. Ltd.", "self"),
        ("R Konno", "lectures", "Roche Diagnostics", "self"),
        ("Emil Frost", "employment", "Novoic Ltd.", "self"),
        ("Kathryn V. Papp", "advisory_board", "Novoic Ltd.", "self"),
    ]


def test_a_plural_title_covers_every_name_and_grants_to_a_payee_come_from_the_source():
    authors = ["Peter Raphael", "Ryan Hale", "Mark A. Katz"]
    statement = (
        "Drs. Raphael and Hale invented the implant and are shareholders in SurgiSil LLC. MAK reports "
        "institutional grants to Clalit Research Institute from Pfizer outside the submitted work."
    )
    assert rows(statement, authors) == [
        ("Peter Raphael", "patents", None, "self"),
        ("Ryan Hale", "patents", None, "self"),
        ("Peter Raphael", "stock", "SurgiSil LLC.", "self"),
        ("Ryan Hale", "stock", "SurgiSil LLC.", "self"),
        ("Mark A. Katz", "grants", "Pfizer", "institution"),
    ]


def test_declaring_nothing_in_other_languages():
    authors = ["Thomas Münzel", "Andreas Daiber", "Xavier Ysern"]
    assert nones("Los autores declaran no tener ningún conflicto de intereses.", authors) == authors
    assert nones("Os autores declaram não haver conflito de interesses.", authors) == authors
    assert nones("Les auteurs déclarent ne pas avoir de liens d'intérêts.", authors) == authors
    german = "Interessenkonflikt: T. Münzel und A. Daiber geben an, dass kein Interessenkonflikt besteht."
    assert nones(german, authors) == ["Thomas Münzel", "Andreas Daiber"]


def test_personal_fees_said_to_be_for_a_role_count_as_that_role():
    authors = ["Lena Kvist", "Bo Cole"]
    statement = "LK received honoraria for advisory boards from Amgen. BC reports personal fees for lectures from MSD."
    assert rows(statement, authors) == [
        ("Lena Kvist", "advisory_board", "Amgen", "self"),
        ("Bo Cole", "lectures", "MSD", "self"),
    ]


def test_all_other_authors_are_those_not_named_so_far():
    authors = ["Walter Zidek", "Lisa Naditch", "Sverre Kjeldsen"]
    statement = (
        "Dr Naditch declares to be an employee of Sanofi-Aventis. All other authors have attended advisory "
        "boards for Pfizer."
    )
    assert rows(statement, authors) == [
        ("Lisa Naditch", "employment", "Sanofi-Aventis", "self"),
        ("Walter Zidek", "advisory_board", "Pfizer", "self"),
        ("Sverre Kjeldsen", "advisory_board", "Pfizer", "self"),
    ]
