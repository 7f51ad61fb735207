"""Whose tie a sentence names, and what kind it is, in shapes read from statements of many journals: a second
subject after a comma, initials of a two-syllable given name, a bracket that spells initials out, stray full
stops, per-author blocks that only list companies, and the journal's own sentences about its editors.

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

from .triples import triples

AUTHORS = ["Clara A Hutt", "Hamid O Sarraf", "Jon C Vance", "Weijun Zhao", "Weihua Zhao"]


def test_a_second_subject_after_a_comma_owns_a_role_and_a_membership_of_a_board():
    statement = (
        "J.C.V. is chairman of Vaxco Inc., H.O.S. is co-chief scientific officer and a member of the board of "
        "directors and C.A.H. is chairman of the scientific advisory board."
    )
    rows = triples(statement, AUTHORS)
    assert ("Jon C Vance", "leadership", "Vaxco Inc.") in rows
    assert ("Hamid O Sarraf", "leadership", None) in rows
    assert ("Clara A Hutt", "advisory_board", None) in rows
    assert not [r for r in rows if r[0] == "Jon C Vance" and r[2] is None]


def test_honorariums_are_lecture_fees():
    assert triples("J.C.V. reports honorariums from Vaxco and Biolab.", AUTHORS) == [
        ("Jon C Vance", "lectures", "Vaxco"),
        ("Jon C Vance", "lectures", "Biolab"),
    ]


def test_initials_of_a_two_syllable_given_name_pick_the_author_whose_name_has_that_syllable():
    # Weijun and Weihua Zhao are both "WZ"; "W.J.Z." is the one whose second syllable starts with "j"
    assert triples("W.J.Z. reports research funding from Vaxco.", AUTHORS) == [("Weijun Zhao", "grants", "Vaxco")]
    assert triples("W.H.Z. reports research funding from Vaxco.", AUTHORS) == [("Weihua Zhao", "grants", "Vaxco")]


def test_a_stray_full_stop_before_the_next_subject_still_ends_the_sentence():
    statement = (
        "Dr. Vance reports grants from NIH, outside the submitted work. .Dr. Hutt reports grants from Biolab, "
        "outside the submitted work. H.O.S. ran trials for Medix .C.A.H is an investigator for Vaxco."
    )
    rows = triples(statement, AUTHORS)
    assert ("Jon C Vance", "grants", "NIH") in rows
    assert ("Clara A Hutt", "grants", "Biolab") in rows
    assert ("Jon C Vance", "grants", "Biolab") not in rows
    assert ("Clara A Hutt", "grants", "Vaxco") in rows
    assert ("Hamid O Sarraf", "grants", "Vaxco") not in rows


def test_a_bracket_after_shared_initials_says_which_author_they_are():
    authors = ["Sara Moreno", "Sherene Min", "Ivo Song"]
    statement = (
        "S. M. (Sara Moreno) has received grants from Biolab. S. M. (Sherene Min) and I. S. are employees of Vaxco."
    )
    assert triples(statement, authors) == [
        ("Sara Moreno", "grants", "Biolab"),
        ("Sherene Min", "employment", "Vaxco"),
        ("Ivo Song", "employment", "Vaxco"),
    ]


def test_a_block_that_only_lists_companies_gives_other_ties_and_the_word_before_it_ends_the_last_list():
    authors = ["Mara Sala", "Nerea C Quintans", "Sara Lorente", "Diego Ruiz"]
    statement = (
        "M. Sala: meeting expenses: Vaxco, Biolab, IPSEN. N.C.Q.: Medix, Orphalan, Biolab. S.L.: Speaker fees "
        "Vaxco; Manuscript writing: Textco. The remaining authors declare no conflicts of interest."
    )
    result = parse_statement(statement, authors)
    rows = [(i.author, i.category, i.organization) for i in result.items]
    assert rows == [
        ("Mara Sala", "travel", "Vaxco"),
        ("Mara Sala", "travel", "Biolab"),
        ("Mara Sala", "travel", "IPSEN"),
        ("Nerea C Quintans", "other", "Medix"),
        ("Nerea C Quintans", "other", "Orphalan"),
        ("Nerea C Quintans", "other", "Biolab"),
        ("Sara Lorente", "lectures", "Vaxco"),
        ("Sara Lorente", "gifts", "Textco"),
    ]
    assert result.declares_none == ["Diego Ruiz"]


def test_monitoring_boards_ad_boards_and_trial_steering_committees():
    statement = (
        "C.A.H.: Device Safety Monitoring Board: Vaxco Valves; Trial Steering Committees: Biolab, Medix. In "
        "addition, she sits on an Ad Board for Orphalan Inc."
    )
    assert triples(statement, AUTHORS) == [
        ("Clara A Hutt", "advisory_board", "Vaxco Valves"),
        ("Clara A Hutt", "leadership", "Biolab"),
        ("Clara A Hutt", "leadership", "Medix"),
        ("Clara A Hutt", "advisory_board", "Orphalan Inc."),
    ]


def test_the_journals_sentences_about_its_editors_are_no_authors_ties():
    statement = (
        "J.C.V.: consultant for Vaxco. All other authors reported no conflicts of interest. The Journal policy "
        "requires editors and reviewers to disclose conflicts of interest and to decline handling or reviewing "
        "manuscripts for which they may have a conflict of interest. The editors and reviewers of this article "
        "have no conflicts of interest."
    )
    result = parse_statement(statement, AUTHORS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [("Jon C Vance", "consulting", "Vaxco")]
    assert "Clara A Hutt" in result.declares_none


def test_the_icmje_forms_no_support_from_any_organisation_is_said_by_the_other_authors():
    statement = (
        "All authors have completed the ICMJE uniform disclosure form and declare: J.C.V. had support from Vaxco "
        "for the submitted work. All other authors declare no support from any organization for the submitted "
        "work; no financial relationships with any organizations that might have an interest in the submitted "
        "work in the previous three years, and no other relationships or activities that could appear to have "
        "influenced the submitted work."
    )
    result = parse_statement(statement, AUTHORS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Jon C Vance", "manuscript_support", "Vaxco")
    ]
    assert result.declares_none == [a for a in AUTHORS if a != "Jon C Vance"]


def test_financial_support_to_attend_workshops_is_travel():
    assert triples("C.A.H. financial support to attend educational workshops from Vaxco and Biolab.", AUTHORS) == [
        ("Clara A Hutt", "travel", "Vaxco"),
        ("Clara A Hutt", "travel", "Biolab"),
    ]


def test_a_bracket_saying_what_form_the_support_took_names_no_source():
    statement = (
        "J.C.V. had support (in the form of funds to the VRC to cover assay costs) from the National Institutes "
        "of Health for the submitted work."
    )
    assert triples(statement, AUTHORS) == [("Jon C Vance", "manuscript_support", "National Institutes of Health")]


def test_a_list_of_initials_written_surname_first_names_those_authors():
    authors = ["Ana Soto", "Gang Zeng", "Weining Meng"]
    statement = (
        "ZG and MW are Vaxco employees and contributed to the design of the study. Vaxco employees contributed "
        "to the protocol but did not take part in the analysis. All other authors declare no conflict of interest."
    )
    result = parse_statement(statement, authors)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Gang Zeng", "employment", "Vaxco"),
        ("Weining Meng", "employment", "Vaxco"),
    ]
    assert result.declares_none == ["Ana Soto"]
    # one pair of initials alone is not turned round
    assert triples("ZG is an employee of Vaxco.", authors) == [(None, "employment", "Vaxco")]


def test_a_bracket_after_a_description_names_the_organization():
    statement = (
        "J.C.V. reports that he was employed by the third party (Vaxco) before his employment at Biolab. C.A.H. "
        "received a grant from a charity (Wellcome Trust)."
    )
    assert triples(statement, AUTHORS) == [
        ("Jon C Vance", "employment", "Vaxco"),
        ("Jon C Vance", "employment", "Biolab"),
        ("Clara A Hutt", "grants", "Wellcome Trust"),
    ]


def test_a_journals_title_keeps_its_in():
    assert triples("C.A.H. is an Associate Editor for the Frontiers in Aging Neuroscience journal.", AUTHORS) == [
        ("Clara A Hutt", "leadership", "Frontiers in Aging Neuroscience")
    ]


def test_fees_for_giving_lectures_share_the_source_named_after_the_next_phrase():
    statement = (
        "C.A.H. has received institutional research grants, honoraria for giving lectures, and refunds of travel "
        "expenses from Vaxco."
    )
    assert triples(statement, AUTHORS) == [
        ("Clara A Hutt", "grants", "Vaxco"),
        ("Clara A Hutt", "lectures", "Vaxco"),
        ("Clara A Hutt", "travel", "Vaxco"),
    ]


def test_the_company_named_before_is_the_object_of_a_founder_of_the_company():
    statement = (
        "J.C.V. has a financial interest in Vaxco Corporation, a company that develops assays. He is a founder of "
        "the company and also serves on its Board of Directors."
    )
    assert triples(statement, AUTHORS) == [
        ("Jon C Vance", "stock", "Vaxco Corporation"),
        ("Jon C Vance", "founder", "Vaxco Corporation"),
        ("Jon C Vance", "leadership", "Vaxco Corporation"),
    ]


def test_a_reviewers_co_authorship_reported_to_the_handling_editor_is_no_role():
    statement = (
        "The authors declare no competing interests. The reviewer GS declared a past co-authorship with the author "
        "CK to the handling editor."
    )
    result = parse_statement(statement, AUTHORS)
    assert result.items == []
    assert result.declares_none == AUTHORS


def test_a_body_is_named_without_what_it_did_and_dotted_initials_keep_a_mc_surname_whole():
    authors = ["Joshua Quick", "Killian McManus", "Barry R Greene"]
    statement = (
        "JQ has received travel expenses to speak at an Oxford Nanopore-organised symposium. B.R.G. and K.Mc.M. "
        "are employees of Kinesis Health."
    )
    assert triples(statement, authors) == [
        ("Joshua Quick", "travel", "Oxford Nanopore"),
        ("Joshua Quick", "lectures", "Oxford Nanopore"),
        ("Barry R Greene", "employment", "Kinesis Health"),
        ("Killian McManus", "employment", "Kinesis Health"),
    ]


def test_spaced_initials_whose_last_full_stop_is_left_out():
    assert triples("C. A. H. and J. C. V are affiliated with Vaxco Software, Inc.", AUTHORS) == [
        ("Clara A Hutt", "other", "Vaxco Software, Inc."),
        ("Jon C Vance", "other", "Vaxco Software, Inc."),
    ]


def test_a_chief_scientist_and_relationships_without_pay_or_of_a_corporate_kind():
    statement = (
        "C.A.H. serves as independent Chief Scientist for Vaxco Medical. H.O.S. and J.C.V. have uncompensated "
        "relationship with Biolab. W.J.Z. has corporate affiliations to Medix."
    )
    assert triples(statement, AUTHORS) == [
        ("Clara A Hutt", "leadership", "Vaxco Medical"),
        ("Hamid O Sarraf", "other", "Biolab"),
        ("Jon C Vance", "other", "Biolab"),
        ("Weijun Zhao", "other", "Medix"),
    ]


def test_a_capitalised_and_joins_initials_and_compensation_for_services_names_its_source():
    statement = (
        "C.A.H., W.J.Z. And J.C.V are full time employees of Vaxco. H.O.S. receives compensations for biobank "
        "services from Biolab and Medix. C.A.H. received honoraria/compensation for advisory boards from Orphalan."
    )
    assert triples(statement, AUTHORS) == [
        ("Clara A Hutt", "employment", "Vaxco"),
        ("Weijun Zhao", "employment", "Vaxco"),
        ("Jon C Vance", "employment", "Vaxco"),
        ("Hamid O Sarraf", "consulting", "Biolab"),
        ("Hamid O Sarraf", "consulting", "Medix"),
        ("Clara A Hutt", "advisory_board", "Orphalan"),
    ]


def test_a_partners_shareholding_is_the_authors_stock_tie():
    statement = "J.C.V. is director of Vaxco Pty Ltd. His partner (Ann Roe) also has a shareholding in Vaxco."
    assert triples(statement, AUTHORS) == [
        ("Jon C Vance", "leadership", "Vaxco Pty Ltd."),
        ("Jon C Vance", "stock", "Vaxco"),
    ]


def test_one_authors_patent_holder_is_not_every_other_inventors():
    statement = (
        "H.O.S. has received consulting and intellectual property licensing fees from Vaxco Labs. C.A.H. and "
        "J.C.V. are inventors on a series of patents on the use of metabolomics. W.J.Z. is named on patent "
        "US123, Inventors: Roe J, and Paddock S. Dr. Vance holds equity in Biolab."
    )
    rows = triples(statement, AUTHORS)
    assert ("Hamid O Sarraf", "patents", "Vaxco Labs") in rows
    assert ("Clara A Hutt", "patents", None) in rows
    assert ("Jon C Vance", "patents", None) in rows
    assert ("Jon C Vance", "stock", "Biolab") in rows
    assert not [r for r in rows if r[0] != "Hamid O Sarraf" and r[2] == "Vaxco Labs"]
    assert ("Weijun Zhao", "stock", "Biolab") not in rows


def test_trial_support_kits_provided_by_a_company_and_an_empty_heading():
    authors = ["Peter Mollee", "Ann Lee", "Maya F Amjadi"]
    statement = (
        "PM: Advisory Boards: Celgene. Trial support: Janssen. The remaining authors declare no competing financial "
        "interest. Funding source: || MFA is listed as inventor on a patent filed related to the findings. Lumit "
        "Immunoassay kits were provided at no cost by Promega."
    )
    result = parse_statement(statement, authors)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Peter Mollee", "advisory_board", "Celgene"),
        ("Peter Mollee", "grants", "Janssen"),
        ("Maya F Amjadi", "patents", None),
        (None, "gifts", "Promega"),
    ]


def test_a_name_broken_over_lines_is_one_name_with_single_spaces():
    statement = "C.A.H. received grants from the U.S.\nFood and Drug Administration."
    assert triples(statement, AUTHORS) == [("Clara A Hutt", "grants", "U.S. Food and Drug Administration")]


def test_speaking_among_kinds_of_support_and_a_company_known_by_its_web_address():
    statement = (
        "C.A.H. has received research, speaking and/or consulting support from Vaxco and Biolab. He is the founder "
        "and majority owner of www.VaxScore.com."
    )
    assert sorted(triples(statement, AUTHORS)) == sorted(
        [
            ("Clara A Hutt", "grants", "Vaxco"),
            ("Clara A Hutt", "grants", "Biolab"),
            ("Clara A Hutt", "lectures", "Vaxco"),
            ("Clara A Hutt", "lectures", "Biolab"),
            ("Clara A Hutt", "consulting", "Vaxco"),
            ("Clara A Hutt", "consulting", "Biolab"),
            ("Clara A Hutt", "founder", "www.VaxScore.com"),
            ("Clara A Hutt", "stock", "www.VaxScore.com"),
        ]
    )


WRITERS = ["John A. Smith", "Ann Lee", "Paul Roe", "Kim Tan"]


def test_names_written_surname_first_with_initials_after():
    statement = (
        "Smith JA has received research grants from Vaxco. Lee A is an employee of Biolab. Roe P and Tan K declare "
        "no conflicts."
    )
    result = parse_statement(statement, WRITERS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("John A. Smith", "grants", "Vaxco"),
        ("Ann Lee", "employment", "Biolab"),
    ]
    assert result.declares_none == ["Paul Roe", "Kim Tan"]


def test_reimbursed_for_attending_positions_at_and_working_as_staff_for_a_company():
    statement = (
        "JAS has been reimbursed by Vaxco for attending a conference. AL holds a part-time position at Biolab. PR "
        "and KT both work as radiologists for Medix. KT works as a consultant for Orion. PR receives research "
        "support from Textco and is an inventor on patents licensed to the company."
    )
    assert triples(statement, WRITERS) == [
        ("John A. Smith", "travel", "Vaxco"),
        ("Ann Lee", "employment", "Biolab"),
        ("Paul Roe", "employment", "Medix"),
        ("Kim Tan", "employment", "Medix"),
        ("Kim Tan", "consulting", "Orion"),
        ("Paul Roe", "grants", "Textco"),
        ("Paul Roe", "patents", "Textco"),
    ]


def test_none_declared_for_the_other_authors():
    statement = "Competing interests: JAS is a director of Vaxco Ltd. None declared for the other authors."
    result = parse_statement(statement, WRITERS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("John A. Smith", "leadership", "Vaxco Ltd.")
    ]
    assert result.declares_none == ["Ann Lee", "Paul Roe", "Kim Tan"]


def test_lists_and_the_other_authors_in_french_and_spanish():
    french = (
        "J. Smith a reçu des honoraires de la part de Sanofi et Servier. A. Lee est salariée de Pierre Fabre. Les "
        "autres auteurs déclarent ne pas avoir de liens d'intérêts."
    )
    result = parse_statement(french, WRITERS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("John A. Smith", "lectures", "Sanofi"),
        ("John A. Smith", "lectures", "Servier"),
        ("Ann Lee", "employment", "Pierre Fabre"),
    ]
    assert result.declares_none == ["Paul Roe", "Kim Tan"]
    spanish = (
        "J. Smith ha recibido honorarios por conferencias de Pfizer y MSD. A. Lee es empleada de Novartis. Los "
        "demás autores declaran no tener ningún conflicto de intereses."
    )
    result = parse_statement(spanish, WRITERS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("John A. Smith", "lectures", "Pfizer"),
        ("John A. Smith", "lectures", "MSD"),
        ("Ann Lee", "employment", "Novartis"),
    ]
    assert result.declares_none == ["Paul Roe", "Kim Tan"]


def test_nothing_declared_in_german_italian_and_portuguese():
    german = "J. Smith: Vortragshonorare von Pfizer. P. Roe: keine. K. Tan: keine."
    assert parse_statement(german, WRITERS).declares_none == ["Paul Roe", "Kim Tan"]
    italian = (
        "J. Smith ha ricevuto onorari da Pfizer e Roche. Gli altri autori dichiarano di non avere conflitti di "
        "interesse."
    )
    assert parse_statement(italian, WRITERS).declares_none == ["Ann Lee", "Paul Roe", "Kim Tan"]
    portuguese = "A. Lee é funcionária da Novartis. Os demais autores declaram não haver conflito de interesses."
    assert parse_statement(portuguese, WRITERS).declares_none == ["John A. Smith", "Paul Roe", "Kim Tan"]


def test_degrees_after_a_full_name_and_a_surname_alone_as_a_label():
    statement = (
        "John A. Smith, MD, PhD, has served as a consultant for Abbott. Paul Roe, PharmD, is employed by CVS Health."
    )
    assert triples(statement, WRITERS) == [
        ("John A. Smith", "consulting", "Abbott"),
        ("Paul Roe", "employment", "CVS Health"),
    ]
    statement = "Potential conflicts: Smith: Pfizer (honoraria); Lee: none; Roe: Bayer (research grant); Tan: none."
    result = parse_statement(statement, WRITERS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("John A. Smith", "lectures", "Pfizer"),
        ("Paul Roe", "grants", "Bayer"),
    ]
    assert result.declares_none == ["Ann Lee", "Kim Tan"]


def test_none_after_a_dash_and_a_scientist_at_a_company():
    result = parse_statement("JAS \u2013 Consultant: Pfizer. AL \u2013 None. PR \u2013 None.", WRITERS)
    assert result.declares_none == ["Ann Lee", "Paul Roe"]
    assert triples("PR is a Senior Scientist at Medix. KT is a scientist with Biolab.", WRITERS) == [
        ("Paul Roe", "employment", "Medix"),
        ("Kim Tan", "employment", "Biolab"),
    ]


def test_an_author_who_declares_none():
    statement = "The author J.A.S. declares consultancy for Pfizer. The author A.L. declares none."
    result = parse_statement(statement, WRITERS)
    assert result.declares_none == ["Ann Lee"]


def test_a_name_with_and_is_one_company_when_the_statement_joins_it_elsewhere():
    statement = (
        "Dr. Smith reports grants from Fisher and Paykel Ltd., outside the submitted work. Dr Lee reports grants "
        "from Fisher and Paykel Healthcare. Dr Roe reports grants from Pfizer and Novartis Pharma."
    )
    assert triples(statement, WRITERS) == [
        ("John A. Smith", "grants", "Fisher and Paykel Ltd."),
        ("Ann Lee", "grants", "Fisher and Paykel Healthcare"),
        ("Paul Roe", "grants", "Pfizer"),
        ("Paul Roe", "grants", "Novartis Pharma"),
    ]


def test_a_double_surname_without_its_hyphen_or_by_its_first_part():
    authors = ["Maria Gómez-Ruiz", "Hans van der Berg", "Ana Ruiz"]
    statement = (
        "Dr. Gómez reports grants from MSD. Maria Gomez Ruiz has received honoraria from Lilly. Dr. Ruiz has "
        "nothing to disclose."
    )
    result = parse_statement(statement, authors)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Maria Gómez-Ruiz", "grants", "MSD"),
        ("Maria Gómez-Ruiz", "lectures", "Lilly"),
    ]
    assert result.declares_none == ["Ana Ruiz"]


def test_a_chinese_name_surname_first_and_the_others_after_an_exception():
    authors = ["Wei Zhang", "Xiaoming Li", "John A. Smith", "Ann Lee"]
    statement = "Zhang Wei is an employee of Huawei. Li Xiaoming has received grants from Tencent."
    assert triples(statement, authors) == [
        ("Wei Zhang", "employment", "Huawei"),
        ("Xiaoming Li", "grants", "Tencent"),
    ]
    statement = (
        "With the exception of JAS, who has received consulting fees from Pfizer, the authors declare no competing "
        "interests."
    )
    result = parse_statement(statement, authors)
    assert [(i.author, i.category, i.organization) for i in result.items] == [("John A. Smith", "consulting", "Pfizer")]
    assert result.declares_none == ["Wei Zhang", "Xiaoming Li", "Ann Lee"]


def test_organizations_listed_in_a_bracket_after_each_kind_of_tie():
    statement = (
        "AL declares the following: consultancy fees (Pfizer, Roche); speaker fees (Lilly); research grants "
        "(Bayer). JAS is a member of the National Strategic Advisory Group (England). Other authors: none."
    )
    result = parse_statement(statement, WRITERS)
    rows = [(i.author, i.category, i.organization) for i in result.items]
    assert rows[:4] == [
        ("Ann Lee", "consulting", "Pfizer"),
        ("Ann Lee", "consulting", "Roche"),
        ("Ann Lee", "lectures", "Lilly"),
        ("Ann Lee", "grants", "Bayer"),
    ]
    assert not [r for r in rows if r[2] == "England"]  # the place after a body's name is no organization
    assert result.declares_none == ["Paul Roe", "Kim Tan"]


def test_each_authors_ties_in_a_bracket_after_their_initials_and_the_others():
    statement = (
        "Conflict of interest: JAS (consultancy: Pfizer; speaker: Roche), AL (grants: Bayer). The others have "
        "nothing to disclose."
    )
    result = parse_statement(statement, WRITERS)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("John A. Smith", "consulting", "Pfizer"),
        ("John A. Smith", "lectures", "Roche"),
        ("Ann Lee", "grants", "Bayer"),
    ]
    assert result.declares_none == ["Paul Roe", "Kim Tan"]


def test_a_second_author_named_before_who():
    statement = "JAS, who is an employee of Vaxco, and AL, who consults for Biolab, contributed equally."
    assert triples(statement, WRITERS) == [
        ("John A. Smith", "employment", "Vaxco"),
        ("Ann Lee", "consulting", "Biolab"),
    ]


def test_fees_from_a_company_for_serving_on_a_board_are_that_companys():
    statement = (
        "JAS reports personal fees from Pfizer for serving on a data safety monitoring board, and grants from Merck "
        "to his institution."
    )
    assert triples(statement, WRITERS) == [
        ("John A. Smith", "advisory_board", "Pfizer"),
        ("John A. Smith", "grants", "Merck"),
    ]


def test_a_patent_on_its_subject_assigned_to_its_holder():
    statement = (
        "JAS and AL have filed a patent application (WO2020123456) on the method described here, assigned to the "
        "University of Oxford. PR holds a patent on a device."
    )
    assert triples(statement, WRITERS) == [
        ("John A. Smith", "patents", "University of Oxford"),
        ("Ann Lee", "patents", "University of Oxford"),
        ("Paul Roe", "patents", None),
    ]


def test_a_company_which_funded_this_study_is_the_studys_funder():
    statement = (
        "JAS is an employee of, and owns stock in, Vertex Pharmaceuticals, which funded this study. AL is supported "
        "by the Alzheimer's Association."
    )
    assert triples(statement, WRITERS) == [
        ("John A. Smith", "employment", "Vertex Pharmaceuticals"),
        ("John A. Smith", "stock", "Vertex Pharmaceuticals"),
        (None, "manuscript_support", "Vertex Pharmaceuticals"),
        ("Ann Lee", "grants", "Alzheimer's Association"),
    ]


GERMAN = ["Robert A. Smith Jr.", "Jürgen Müller", "Peter Roe", "Anna Weiß"]


def test_a_surname_with_accents_names_its_author_alone_and_in_a_list():
    assert triples("Müller has received grants from Vaxco.", GERMAN) == [("Jürgen Müller", "grants", "Vaxco")]
    rows = triples("Roe and Müller report grants from Vaxco.", GERMAN)
    assert rows == [("Peter Roe", "grants", "Vaxco"), ("Jürgen Müller", "grants", "Vaxco")]


def test_german_names_written_without_umlauts_or_sharp_s_are_the_bylines():
    assert triples("Dr. Mueller reports grants from Vaxco.", GERMAN) == [("Jürgen Müller", "grants", "Vaxco")]
    assert triples("Juergen Mueller is a consultant for Vaxco.", GERMAN) == [("Jürgen Müller", "consulting", "Vaxco")]
    assert triples("Dr. Weiss is an employee of Vaxco.", GERMAN) == [("Anna Weiß", "employment", "Vaxco")]


def test_a_generational_suffix_after_a_surname_or_initials_names_a_person():
    for subject in ("Smith Jr.", "Dr. Smith Jr.", "RAS Jr.", "Robert Smith Jr."):
        assert triples(f"{subject} reports grants from Vaxco.", GERMAN) == [("Robert A. Smith Jr.", "grants", "Vaxco")]


def test_authors_named_by_their_place_in_the_byline():
    result = parse_statement(
        "The first author has received grants from Vaxco. The senior author is a consultant for Biolab. "
        "The other authors declare no conflicts of interest.",
        GERMAN,
    )
    rows = [(it.author, it.category, it.organization) for it in result.items]
    assert rows == [("Robert A. Smith Jr.", "grants", "Vaxco"), ("Anna Weiß", "consulting", "Biolab")]
    assert result.declares_none == ["Jürgen Müller", "Peter Roe"]
    assert triples("The first and last authors are employees of Vaxco.", GERMAN) == [
        ("Robert A. Smith Jr.", "employment", "Vaxco"),
        ("Anna Weiß", "employment", "Vaxco"),
    ]


def test_initials_glued_to_their_verb_still_name_the_author():
    result = parse_statement(
        "JM has received lecture fees from Vaxco. PRhas received lecture fees from Biolab. "
        "Other authors declare no conflict of interest.",
        GERMAN,
    )
    rows = [(it.author, it.category, it.organization) for it in result.items]
    assert rows == [("Jürgen Müller", "lectures", "Vaxco"), ("Peter Roe", "lectures", "Biolab")]
    assert result.declares_none == ["Robert A. Smith Jr.", "Anna Weiß"]


def test_two_authors_initials_with_the_comma_between_them_left_out():
    authors = ["Lisa V Mayer", "Pankaj B Agrawal", "Ingrid A Holm", "Steven E Brenner"]
    result = parse_statement(
        "L.V.M., P.B.A. I.A.H. declare no competing interests. S.E.B. received research support from Vaxco.",
        authors,
    )
    assert result.declares_none == ["Lisa V Mayer", "Pankaj B Agrawal", "Ingrid A Holm"]


def test_a_second_subject_after_and_owns_the_appointment_that_follows():
    authors = ["Christina Arco", "Raymond J. Dattwyler", "Paul M. Arnaboldi"]
    rows = triples(
        "R.J.D. is a shareholder in Vaxco, Corp. and P.M.A. has a research appointment with Vaxco, Corp.", authors
    )
    assert ("Paul M. Arnaboldi", "employment", "Vaxco, Corp.") in rows
    assert not [r for r in rows if r[0] == "Raymond J. Dattwyler" and r[1] == "employment"]
    assert triples("J.A.S. holds a part-time appointment at Vaxco.", [*AUTHORS, "John A. Smith"]) == [
        ("John A. Smith", "employment", "Vaxco")
    ]
