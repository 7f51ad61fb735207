"""Shapes of how statements are written that hold across journals: whose tie a bracket of initials after a
funder names, bodies named after their fields, and words that look like ties but are not.

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

from .triples import triples

AUTHORS = ["Mara M Holt", "Dana K Ober", "Alan L Hirsch", "Sean A Tull"]
AUTHORS2 = ["Alan Carter", "Mara M Holt", "Dana K Ober"]


def test_initials_in_a_bracket_after_each_funder_say_whose_grant_it_is():
    assert sorted(
        triples(
            "Study authors have received grant funding from the Gates Foundation (MMH, ALH), the National "
            "Institutes of Health (ALH) and the Wellcome Trust (SAT, DKO) for unrelated work.",
            AUTHORS,
        )
    ) == sorted(
        [
            ("Mara M Holt", "grants", "Gates Foundation"),
            ("Alan L Hirsch", "grants", "Gates Foundation"),
            ("Alan L Hirsch", "grants", "National Institutes of Health"),
            ("Sean A Tull", "grants", "Wellcome Trust"),
            ("Dana K Ober", "grants", "Wellcome Trust"),
        ]
    )


def test_a_bracket_that_abbreviates_the_funder_names_no_author():
    rows = triples("ALH receives support from Tull Genetics (TG).", [*AUTHORS, "Tina Gale"])
    assert rows == [("Alan L Hirsch", "grants", "Tull Genetics")]


def test_a_body_named_after_two_fields_and_its_head_word_is_one_name():
    assert triples(
        "MMH received grants from the Innovation and Technology Commission, the Food and Health Bureau of the "
        "Government of Ruritania and Pfizer.",
        AUTHORS,
    ) == [
        ("Mara M Holt", "grants", "Innovation and Technology Commission"),
        ("Mara M Holt", "grants", "Food and Health Bureau of the Government of Ruritania"),
        ("Mara M Holt", "grants", "Pfizer"),
    ]


def test_no_commercial_associations_with_examples_in_a_bracket_declares_nothing():
    result = parse_statement(
        "Each author warrants that he or she has no commercial associations (eg, consultancies, stock ownership, "
        "equity interest, and patent/licensing arrangements) that might pose a conflict of interest in connection "
        "with the article.",
        AUTHORS,
    )
    assert result.items == []
    assert result.declares_none == AUTHORS


def test_health_equity_is_fairness_not_a_stake():
    result = parse_statement(
        "The authors work with community organizations on policies that support health equity for these "
        "communities. They have no relevant financial conflicts of interest.",
        AUTHORS,
    )
    assert result.items == []


def test_an_award_named_before_funded_by_is_the_awards_name_and_the_funder_follows():
    assert triples(
        "MMH holds a Sir Henry Wellcome Fellowship funded by the Wellcome Trust. DKO holds a Marie Curie "
        "Fellowship funded by the European Commission.",
        AUTHORS,
    ) == [
        ("Mara M Holt", "grants", "Wellcome Trust"),
        ("Dana K Ober", "grants", "European Commission"),
    ]


def test_a_company_founded_by_authors_in_the_passive_is_their_foundation():
    assert triples(
        "Vaxco was cofounded by AC. Biolab Inc. (co-founded by MMH and DKO) licensed the assay.", AUTHORS2
    ) == [
        ("Alan Carter", "founder", "Vaxco"),
        ("Mara M Holt", "founder", "Biolab Inc."),
        ("Dana K Ober", "founder", "Biolab Inc."),
    ]


def test_a_committee_role_in_a_bracket_says_what_the_funding_was_for():
    assert triples("DKO receives funding from Vaxco (CEC member) and from Biolab (DMC member).", AUTHORS) == [
        ("Dana K Ober", "advisory_board", "Vaxco"),
        ("Dana K Ober", "advisory_board", "Biolab"),
    ]


def test_a_study_group_whose_name_starts_with_a_brand_shaped_word_is_led():
    assert triples("AC is a member of the mRNA-1273 Study Group.", AUTHORS2) == [
        ("Alan Carter", "leadership", "mRNA-1273 Study Group")
    ]


def test_an_sab_member_of_a_company_advises_it():
    assert triples("AC is the co-founder of, and is an SAB member of, Vaxco Therapeutics.", AUTHORS2) == [
        ("Alan Carter", "founder", "Vaxco Therapeutics"),
        ("Alan Carter", "advisory_board", "Vaxco Therapeutics"),
    ]


def test_a_dotless_i_or_a_stroked_l_in_the_byline_matches_the_plain_letter_in_the_text():
    authors = ["P\u0131nar Keskin", "\u0141ukasz Nowak"]
    assert triples(
        "Dr. Pinar Keskin is a consultant for Vaxco. Dr Lukasz Nowak is an employee of Biolab.", authors
    ) == [
        ("P\u0131nar Keskin", "consulting", "Vaxco"),
        ("\u0141ukasz Nowak", "employment", "Biolab"),
    ]


def test_a_review_board_or_ethics_committee_that_approved_the_study_is_no_role():
    result = parse_statement(
        "The authors declare no competing interests. The study was approved by the institutional review boards of "
        "the Ruritania Medical Center and the Ethics Committee of Vaxco University.",
        AUTHORS,
    )
    assert result.items == []
    assert result.declares_none == AUTHORS


def test_a_capitalised_rank_before_a_role_makes_a_title_not_a_bodys_name():
    assert triples(
        "MMH is Senior Vice President of Vaxco. DKO is the Executive Director of the Biolab Foundation.", AUTHORS
    ) == [
        ("Mara M Holt", "leadership", "Vaxco"),
        ("Dana K Ober", "leadership", "Biolab Foundation"),
    ]


def test_a_named_grant_from_a_funder_is_the_funders_grant():
    assert triples(
        "DKO was supported by a VICI grant from the Ruritanian Research Council and by a grant from the Vaxco "
        "Foundation. AC has received speaker fees from Vaxco and a travel grant from Biolab.",
        AUTHORS2,
    ) == [
        ("Dana K Ober", "grants", "Ruritanian Research Council"),
        ("Dana K Ober", "grants", "Vaxco Foundation"),
        ("Alan Carter", "lectures", "Vaxco"),
        ("Alan Carter", "travel", "Biolab"),
    ]


def test_the_named_fellowship_of_a_body_is_the_bodys_grant():
    assert triples(
        "DKO is supported by the Research Fellowship (NET) of the University Grants Commission (UGC), India.", AUTHORS2
    ) == [("Dana K Ober", "grants", "University Grants Commission")]


def test_in_between_two_fields_stays_inside_a_bodys_name_but_not_before_a_place():
    assert triples(
        "AC is funded by the Center of Excellence in Regulatory Science and the National Institute for Health "
        "Research in England.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "grants", "Center of Excellence in Regulatory Science"),
        ("Alan Carter", "grants", "National Institute for Health Research"),
    ]


def test_fields_listed_with_a_serial_comma_stay_inside_one_ministrys_name():
    assert triples(
        "AC reports grants from the Ministry of Health, Labor, and Welfare, outside the work.", AUTHORS2
    ) == [("Alan Carter", "grants", "Ministry of Health, Labor, and Welfare")]


def test_organs_listed_before_a_national_institute_make_one_name():
    assert triples(
        "DKO is supported by the National Heart, Lung, and Blood Institute. AC has received grants from Vaxco, "
        "Lung Biotech, and Roche.",
        AUTHORS2,
    ) == [
        ("Dana K Ober", "grants", "National Heart, Lung, and Blood Institute"),
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "grants", "Lung Biotech"),
        ("Alan Carter", "grants", "Roche"),
    ]


def test_a_single_letter_before_and_is_part_of_a_name():
    assert triples("AC was an expert witness for Vaxco; C and J Energy Services; and Biolab.", AUTHORS2) == [
        ("Alan Carter", "expert_testimony", "Vaxco"),
        ("Alan Carter", "expert_testimony", "C and J Energy Services"),
        ("Alan Carter", "expert_testimony", "Biolab"),
    ]


def test_a_company_written_in_lower_case_keeps_its_name_before_its_company_form():
    assert triples(
        "AC and DKO are employees of vaxco.ai GmbH. AC holds shares in biolab group AG and received grants from "
        "zymeo, Inc, outside the submitted work.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "employment", "vaxco.ai GmbH"),
        ("Dana K Ober", "employment", "vaxco.ai GmbH"),
        ("Alan Carter", "stock", "biolab group AG"),
        ("Alan Carter", "grants", "zymeo, Inc"),
    ]


def test_a_company_form_listed_after_a_heading_belongs_to_the_name_before_it():
    assert triples(
        "AC reports the following disclosures: Scientific Advisory Board: Vaxco Therapeutics, Inc., Biolab, LLC, "
        "Zymeo.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "advisory_board", "Vaxco Therapeutics, Inc."),
        ("Alan Carter", "advisory_board", "Biolab, LLC"),
        ("Alan Carter", "advisory_board", "Zymeo"),
    ]


def test_the_publishers_declaration_form_names_its_bodies_and_the_kinds_of_tie():
    result = parse_statement(
        "The authors declare the following financial interests/personal relationships which may be considered as "
        "potential competing interests: Alan Carter, Dana K Ober reports financial support was provided by Biolab "
        "Foundation. Mara M Holt reports a relationship with Vaxco Inc that includes: consulting or advisory, "
        "equity or stocks, and travel reimbursement. If there are other authors, they declare that they have no "
        "known competing financial interests or personal relationships that could have appeared to influence the "
        "work reported in this paper.",
        [*AUTHORS2, "Ann Lee"],
    )
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Alan Carter", "grants", "Biolab Foundation"),
        ("Dana K Ober", "grants", "Biolab Foundation"),
        ("Mara M Holt", "consulting", "Vaxco Inc"),
        ("Mara M Holt", "stock", "Vaxco Inc"),
        ("Mara M Holt", "travel", "Vaxco Inc"),
    ]
    assert result.declares_none == ["Ann Lee"]


def test_a_surname_and_its_verb_after_a_company_form_start_a_new_sentence():
    assert triples(
        "Holt and Ober report employment with Vaxco, Inc. Carter reported consulting fees from Biolab Inc.", AUTHORS2
    ) == [
        ("Mara M Holt", "employment", "Vaxco, Inc."),
        ("Dana K Ober", "employment", "Vaxco, Inc."),
        ("Alan Carter", "consulting", "Biolab Inc."),
    ]


def test_a_given_name_with_two_letters_swapped_still_names_the_byline_author():
    authors = ["Roberta Lenti", "Dana K Ober"]
    assert triples("Dr. Robreta Lenti: advisory board member for Vaxco; Dr. Dana Ober: none.", authors) == [
        ("Roberta Lenti", "advisory_board", "Vaxco")
    ]


def test_a_name_and_none_after_a_comma_declares_nothing_for_that_author():
    result = parse_statement("Disclosure: A. Carter, None; M. M. Holt, Vaxco (C); D. K. Ober, None", AUTHORS2)
    assert [(i.author, i.category, i.organization) for i in result.items] == [("Mara M Holt", "consulting", "Vaxco")]
    assert result.declares_none == ["Alan Carter", "Dana K Ober"]


def test_a_heading_that_discloses_conflicts_of_interest_is_read_as_a_heading():
    assert parse_statement("Disclosure of conflict of interest None.", AUTHORS2).declares_none == AUTHORS2
    assert parse_statement("CONFLICTS OF INTEREST None by any of the authors.", AUTHORS2).declares_none == AUTHORS2


def test_a_copy_of_the_statement_in_other_typography_adds_no_second_spelling():
    first = (
        "AC has received lecture fees from Klinikum Nordstadt, Goeppingen, the Institut d'investigacions Sant Pau, "
        "Lilly Deutschland, Otsuka Pharmaceuticals and Vaxco, and consulting fees from Biolab, Zymeo and the "
        "Ruritanian Society of Psychiatry. DKO has received grants from the Research Council."
    )
    copy = (
        "AC has received lecture fees from Klinikum Nordstadt, Göppingen, the Institut d\u2019investigacions Sant "
        "Pau, Lilly Deutschland, Otsuka Pharmaceuticals and Vaxco, and consulting fees from Biolab, Zymeo and the "
        "Ruritanian Society of Psychiatry. DKO has received grants from the Research Council and from Medco."
    )
    result = triples(f"{first} || {copy}", AUTHORS2)
    assert sorted(result) == sorted([*triples(first, AUTHORS2), ("Dana K Ober", "grants", "Medco")])


def test_crossref_funder_ids_glued_before_names_are_read_past():
    text = (
        "AC has received a research grant from 10.13039/100000001Vaxco Foundation and is on the speakers' bureau "
        "for 10.13039/100004339Biolab/10.13039/100009857Zymeo and 10.13039/501100000265Medco."
    )
    result = parse_statement(text, AUTHORS2)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Alan Carter", "grants", "Vaxco Foundation"),
        ("Alan Carter", "lectures", "Biolab/Zymeo"),
        ("Alan Carter", "lectures", "Medco"),
    ]
    # spans still point into the statement as given
    assert all(text[i.span[0] : i.span[1]].endswith(i.organization.split("/")[-1]) for i in result.items)


def test_a_patent_application_filed_with_a_body_names_it_as_holder():
    assert triples(
        "Dr. Carter has been involved in a patent application with Biolab University and Vaxco.", AUTHORS2
    ) == [
        ("Alan Carter", "patents", "Biolab University"),
        ("Alan Carter", "patents", "Vaxco"),
    ]


def test_the_works_own_funding_is_support_for_the_work_whoever_is_named_before():
    assert triples(
        "AC is a consultant for Vaxco. This research received support from the Biolab Foundation. The ALPHA and "
        "BETA trials were supported by the Ruritanian Research Council. Investigators received support from the "
        "Zymeo Trust. Funding: the Medco Foundation.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "consulting", "Vaxco"),
        (None, "manuscript_support", "Biolab Foundation"),
        (None, "manuscript_support", "Ruritanian Research Council"),
        (None, "manuscript_support", "Zymeo Trust"),
        (None, "manuscript_support", "Medco Foundation"),
    ]


def test_a_name_written_with_particles_the_byline_leaves_out_names_the_author():
    authors = ["Rosa Lima Campos Santo", "Dana K Ober"]
    result = parse_statement("Rosa de Lima do Campos Santo and Dana Ober declare no conflict of interest.", authors)
    assert result.declares_none == authors


def test_initials_listed_after_a_company_form_start_the_next_sentence():
    authors = ["Alan Carter", "Bea Dunn", "Cyd Evans"]
    result = parse_statement(
        "AC and BD have contracted research with Vaxco Inc. BD, CE and AC are employees of Vaxco Inc.", authors
    )
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Alan Carter", "grants", "Vaxco Inc."),
        ("Bea Dunn", "grants", "Vaxco Inc."),
        ("Bea Dunn", "employment", "Vaxco Inc."),
        ("Cyd Evans", "employment", "Vaxco Inc."),
        ("Alan Carter", "employment", "Vaxco Inc."),
    ]


def test_a_town_and_a_country_code_after_a_company_are_its_place():
    assert triples("AC is an employee of Vaxco NV, Amsterdam, NL.", AUTHORS2) == [
        ("Alan Carter", "employment", "Vaxco NV"),
    ]


def test_initials_and_a_verb_after_a_list_start_a_clause_not_a_name():
    result = parse_statement("AC receives fees from Vaxco, ZQ is an officer of Vaxco.", AUTHORS2)
    orgs = [i.organization for i in result.items]
    assert "ZQ" not in orgs


def test_spaced_initials_of_a_hyphenated_given_name_name_the_author():
    authors = ["Jean-Michel Molina", "Mounir Ait-Khaled", "Bo Li"]
    assert triples("J.-M. M. has received grants from Vaxco. M. A.-K. is an employee of Biolab.", authors) == [
        ("Jean-Michel Molina", "grants", "Vaxco"),
        ("Mounir Ait-Khaled", "employment", "Biolab"),
    ]


def test_a_company_acronym_is_no_author_whose_middle_initial_it_would_guess():
    # "MSD" could be Manuel Dora with a middle initial the byline leaves out; among companies it is one
    authors = ["Franco Maggiolo", "Manuel Dora"]
    assert triples(
        "FM has received grants from Vaxco, MSD and Biolab, has served on the advisory board for Vaxco and MSD "
        "and has received lecture fees from Medco.",
        authors,
    ) == [
        ("Franco Maggiolo", "grants", "Vaxco"),
        ("Franco Maggiolo", "grants", "MSD"),
        ("Franco Maggiolo", "grants", "Biolab"),
        ("Franco Maggiolo", "advisory_board", "Vaxco"),
        ("Franco Maggiolo", "advisory_board", "MSD"),
        ("Franco Maggiolo", "lectures", "Medco"),
    ]


def test_initials_missing_a_middle_letter_name_an_author_beside_another_author():
    authors = ["Tim Spector", "Paul W Franks", "Ruth Davies"]
    assert triples("RD works for Vaxco Ltd and TDS and PWF are consultants to Vaxco Ltd.", authors) == [
        ("Ruth Davies", "employment", "Vaxco Ltd"),
        ("Tim Spector", "consulting", "Vaxco Ltd."),
        ("Paul W Franks", "consulting", "Vaxco Ltd."),
    ]


def test_a_bracket_after_the_names_sends_the_money_to_the_institution():
    result = parse_statement(
        "AC reports grants from Vaxco and Biolab (all money to institution), and personal fees from Medco.", AUTHORS2
    )
    assert [(i.organization, i.category, i.payee) for i in result.items] == [
        ("Vaxco", "grants", "institution"),
        ("Biolab", "grants", "institution"),
        ("Medco", "consulting", "self"),
    ]


def test_a_relation_word_inside_a_journals_name_is_part_of_the_name():
    assert triples("AC is an editor of the Journal of Intellectual Property Law.", AUTHORS2) == [
        ("Alan Carter", "leadership", "Journal of Intellectual Property Law"),
    ]


def test_a_project_performed_with_the_support_of_bodies_names_the_works_funding():
    assert triples(
        "The overall project is performed with the support of the Vaxco Foundation, with financial support of "
        "the Biolab Fund. The authors report no conflicting interests.",
        AUTHORS2,
    ) == [
        (None, "manuscript_support", "Vaxco Foundation"),
        (None, "manuscript_support", "Biolab Fund"),
    ]


def test_initials_two_authors_could_take_go_to_the_one_whose_every_name_part_they_give():
    authors = ["Anna Duren-Lubanski", "Stella St-Onge", "Ada Daigle", "Sam Schann"]
    result = parse_statement("AD and SS are employees of Vaxco. ADL and SSO declare no competing interests.", authors)
    assert [(i.author, i.organization) for i in result.items] == [("Ada Daigle", "Vaxco"), ("Sam Schann", "Vaxco")]
    assert result.declares_none == ["Anna Duren-Lubanski", "Stella St-Onge"]


def test_dotted_initials_and_a_verb_after_a_countrys_abbreviation_start_a_sentence():
    assert triples("A.C. is a member of Biolab U.K. M.M.H. and D.K.O. are members of the Vaxco Network.", AUTHORS2) == [
        ("Alan Carter", "other", "Biolab U.K."),
        ("Mara M Holt", "other", "Vaxco Network"),
        ("Dana K Ober", "other", "Vaxco Network"),
    ]


def test_a_capitalised_role_after_is_currently_is_a_role_not_part_of_a_name():
    result = parse_statement(
        "AC is currently Policy Director for Students for Vaxco U.K. However views expressed in this paper are "
        "their own and are not necessarily shared with the organisations the authors are affiliated with.",
        AUTHORS2,
    )
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Alan Carter", "leadership", "Students for Vaxco U.K."),
    ]


def test_a_tie_followed_by_no_is_denied():
    assert triples(
        "Dr. Carter is a consultant for Vaxco. He owns no stock and has no ownership interest in any company.",
        AUTHORS2,
    ) == [("Alan Carter", "consulting", "Vaxco")]


def test_a_tie_that_did_not_influence_the_work_is_no_new_tie():
    assert triples(
        "Dr. Carter is a paid consultant to Vaxco. His consultancy did not influence the design of this article.",
        AUTHORS2,
    ) == [("Alan Carter", "consulting", "Vaxco")]


def test_a_recipient_or_an_authors_role_in_a_bracket_after_each_company_says_what_the_tie_is():
    assert triples(
        "AC reports: Vaxco (grant recipient, Scientific Advisory Board member); Biolab (consultant); "
        "Press Books (author, royalty recipient).",
        AUTHORS2,
    ) == [
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "advisory_board", "Vaxco"),
        ("Alan Carter", "consulting", "Biolab"),
        ("Alan Carter", "royalties", "Press Books"),
    ]


def test_the_icmje_form_for_disclosure_is_no_committee_role():
    result = parse_statement(
        "All authors have completed and submitted the International Committee of Medical Journal Editors form for "
        "disclosure of potential conflicts of interest. No potential conflicts of interest were disclosed.",
        AUTHORS2,
    )
    assert result.items == []
    assert result.declares_none == AUTHORS2


def test_a_name_in_another_language_goes_on_after_its_own_and():
    assert triples(
        "AC received grants from the Bundesministerium für Bildung und Forschung (BMBF), the Institut National de "
        "la Santé et de la Recherche Médicale, the Ministerio de Ciencia e Innovación and Vaxco und Biolab.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "grants", "Bundesministerium für Bildung und Forschung"),
        ("Alan Carter", "grants", "Institut National de la Santé et de la Recherche Médicale"),
        ("Alan Carter", "grants", "Ministerio de Ciencia e Innovación"),
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "grants", "Biolab"),
    ]


def test_a_foundation_for_something_after_and_is_a_name_of_its_own():
    assert triples("AC received grants from Vaxco and Fondation pour la Recherche Médicale.", AUTHORS2) == [
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "grants", "Fondation pour la Recherche Médicale"),
    ]


def test_a_second_with_after_a_companys_place_names_a_second_company():
    assert triples(
        "AC has a Consultancy Agreement with Vaxco, Inc., Brisbane, CA and with Biolab Therapeutics, Philadelphia, PA.",
        AUTHORS2,
    ) == [("Alan Carter", "consulting", "Vaxco, Inc."), ("Alan Carter", "consulting", "Biolab Therapeutics")]


def test_a_patent_royalty_is_a_royalty_not_a_patent():
    assert triples("Disclosure: A. Carter, Grant and patent royalty from Vaxco; M. M. Holt, None", AUTHORS2) == [
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "royalties", "Vaxco"),
    ]


def test_no_commercial_relationships_declares_nothing():
    result = parse_statement(
        "AC holds patents for the cell ablation system (US #7,514,595). All other authors have no commercial "
        "relationships.",
        AUTHORS2,
    )
    assert [(i.author, i.category) for i in result.items] == [("Alan Carter", "patents")]
    assert result.declares_none == ["Mara M Holt", "Dana K Ober"]


def test_the_icmje_closing_after_a_comma_still_speaks_for_the_other_authors():
    result = parse_statement(
        "AC has received grants from Vaxco outside of the submitted work. All other authors declare: no support "
        "from any organisation for the submitted work; no financial relationships with any organisations that "
        "might have an interest in the submitted work in the previous three years, no other relationships or "
        "activities that could appear to have influenced the submitted work.",
        AUTHORS2,
    )
    assert [(i.author, i.organization) for i in result.items] == [("Alan Carter", "Vaxco")]
    assert result.declares_none == ["Mara M Holt", "Dana K Ober"]


def test_no_conflicts_declared_by_named_authors_covers_those_authors():
    result = parse_statement(
        "No conflicts of interest were declared by AC and MMH. DKO is a member of the Vaxco Advisory Board.", AUTHORS2
    )
    assert [(i.author, i.organization) for i in result.items] == [("Dana K Ober", "Vaxco")]
    assert result.declares_none == ["Alan Carter", "Mara M Holt"]


def test_a_numbered_none_of_the_other_authors_covers_the_others():
    result = parse_statement(
        "(1) AC acts as advisor to Vaxco; he receives research funding from Biolab; (2) none of the other authors "
        "has anything to disclose.",
        AUTHORS2,
    )
    assert [(i.author, i.organization) for i in result.items] == [("Alan Carter", "Vaxco"), ("Alan Carter", "Biolab")]
    assert result.declares_none == ["Mara M Holt", "Dana K Ober"]


def test_initials_and_a_capitalised_none_without_a_comma_declare_nothing():
    result = parse_statement("MMH None. DKO None. AC Research Support, Vaxco Inc, Newton, MA.", AUTHORS2)
    assert [(i.author, i.organization) for i in result.items] == [("Alan Carter", "Vaxco Inc")]
    assert result.declares_none == ["Mara M Holt", "Dana K Ober"]


def test_honoraria_or_fees_named_after_a_role_are_that_role_not_lectures():
    assert triples(
        "AC reports consulting honoraria from Vaxco, advisory board fees from Biolab and advisory honoraria from "
        "Medco.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "consulting", "Vaxco"),
        ("Alan Carter", "advisory_board", "Biolab"),
        ("Alan Carter", "advisory_board", "Medco"),
    ]


def test_hyphenated_research_grants_name_their_funders():
    assert triples("AC: Research-grants from the Vaxco Foundation and from the Biolab Trust.", AUTHORS2) == [
        ("Alan Carter", "grants", "Vaxco Foundation"),
        ("Alan Carter", "grants", "Biolab Trust"),
    ]


def test_an_authors_possessive_after_a_patent_holder_is_no_holder():
    assert triples(
        "In addition, A. Carter has a patent “Use of X” issued to the University of Vaxco, and A. Carter's spouse "
        "owns stocks in Biolab.",
        AUTHORS2,
    ) == [("Alan Carter", "patents", "University of Vaxco"), ("Alan Carter", "stock", "Biolab")]


def test_ties_given_as_examples_in_a_bracket_are_nobodys_ties():
    result = parse_statement(
        "AC is a consultant to Vaxco. Any other conflict of interest (ie, personal associations or involvement as "
        "a director, officer, or expert witness) is also disclosed in an attachment.",
        AUTHORS2,
    )
    assert [(i.author, i.category, i.organization) for i in result.items] == [("Alan Carter", "consulting", "Vaxco")]


def test_the_studies_funding_after_named_employees_is_not_theirs():
    result = parse_statement(
        "AC and MMH are full-time employees of Vaxco KGaA. The studies were performed under the auspices of the EU "
        "grant, including all funding, and independent of the company.",
        AUTHORS2,
    )
    assert {i.author for i in result.items if i.category != "employment"} == {None}


def test_initials_that_leave_out_some_middle_initials_name_the_one_author_they_fit():
    authors = ["Alexander R. E. C. Schwinges", "Hannes A. Baukmann", "Ann Roe Stone"]
    result = parse_statement("A.R.E.S is an employee of Vaxco. HB declares no competing interests.", authors)
    assert [(i.author, i.organization) for i in result.items] == [("Alexander R. E. C. Schwinges", "Vaxco")]


def test_authors_who_declare_the_following_interests_own_the_ties_that_follow():
    result = parse_statement(
        "A.C. and M.M.H. declare the following competing interests. Parts of this work have been the subject of a "
        "patent application filed by Vaxco Enterprise Limited. The remaining authors declare no competing interests.",
        AUTHORS2,
    )
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Alan Carter", "patents", "Vaxco Enterprise Limited"),
        ("Mara M Holt", "patents", "Vaxco Enterprise Limited"),
    ]
    assert result.declares_none == ["Dana K Ober"]


def test_leadership_for_a_company_is_a_leadership_role_but_not_inside_a_programmes_name():
    assert triples(
        "AC and MMH declare employment with, equity ownership in, and leadership for Vaxco. DKO attends the "
        "Clinical Leadership in Pharmacy programme, which is sponsored by Biolab.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "employment", "Vaxco"),
        ("Mara M Holt", "employment", "Vaxco"),
        ("Alan Carter", "stock", "Vaxco"),
        ("Mara M Holt", "stock", "Vaxco"),
        ("Alan Carter", "leadership", "Vaxco"),
        ("Mara M Holt", "leadership", "Vaxco"),
    ]


def test_and_after_a_bracket_or_before_an_acronym_company_separates_two_names():
    assert triples(
        "AC received grants from the National Key Program of China (2018YFC0910500) and Neil Shen's SJTU Medical "
        "Research Fund, fees from Vaxco and P.M.T. Corporation and from Fisher and Paykel Ltd.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "grants", "National Key Program of China"),
        ("Alan Carter", "grants", "Neil Shen's SJTU Medical Research Fund"),
        ("Alan Carter", "consulting", "Vaxco"),
        ("Alan Carter", "consulting", "P.M.T. Corporation"),
        ("Alan Carter", "consulting", "Fisher and Paykel Ltd."),
    ]


def test_a_country_after_a_company_does_not_end_the_list():
    assert triples("AC received consulting fees from Vaxco the Netherlands, Biolab and Medco.", AUTHORS2) == [
        ("Alan Carter", "consulting", "Vaxco"),
        ("Alan Carter", "consulting", "Biolab"),
        ("Alan Carter", "consulting", "Medco"),
    ]


def test_a_companys_possessive_board_is_the_companys_whatever_place_follows():
    assert triples("AC attended Vaxco's Advisory Board meeting in Phoenix, Arizona.", AUTHORS2) == [
        ("Alan Carter", "advisory_board", "Vaxco"),
    ]


def test_an_intern_at_a_company_was_employed_there():
    assert triples(
        "AC was an intern at Vaxco while conducting this research, and MMH has been a consultant for Vaxco.", AUTHORS2
    ) == [("Alan Carter", "employment", "Vaxco"), ("Mara M Holt", "consulting", "Vaxco")]


def test_honoraria_from_serving_on_a_board_are_the_boards_role_not_lectures():
    assert triples("AC received honoraria from serving on the scientific advisory board of Vaxco GmbH.", AUTHORS2) == [
        ("Alan Carter", "advisory_board", "Vaxco GmbH"),
    ]


def test_a_ministrys_portfolio_may_end_in_a_word_before_its_last_field():
    assert triples(
        "AC is supported by the Ministry of Education, Science and Technological Development of the Republic of "
        "Serbia.",
        AUTHORS2,
    ) == [
        (
            "Alan Carter",
            "grants",
            "Ministry of Education, Science and Technological Development of the Republic of Serbia",
        )
    ]


def test_initials_and_a_colon_after_a_company_form_start_the_next_authors_entry():
    assert triples(
        "AC: Employed by and own equity in Vaxco, Inc. MMH: Speakers' Bureau: Biolab; Consulting or Advisory Role: "
        "Medco.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "employment", "Vaxco, Inc."),
        ("Alan Carter", "stock", "Vaxco, Inc."),
        ("Mara M Holt", "lectures", "Biolab"),
        ("Mara M Holt", "consulting", "Medco"),
        ("Mara M Holt", "advisory_board", "Medco"),
    ]


def test_a_consulting_role_heading_takes_the_companies_after_its_colon():
    assert triples("MMH: Speakers' Bureau: Biolab; Consulting Role: Medco.", AUTHORS2) == [
        ("Mara M Holt", "lectures", "Biolab"),
        ("Mara M Holt", "consulting", "Medco"),
    ]


def test_relation_words_before_a_bodys_head_word_are_the_bodys_name():
    assert triples(
        "AC received research grants from Vaxco, Research Grants Council Early Career Scheme and Biolab. MMH reports "
        "the receipt of Health and Medical Research Fund, Research Grant Council; Medco Research Foundation.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "grants", "Research Grants Council Early Career Scheme"),
        ("Alan Carter", "grants", "Biolab"),
        ("Mara M Holt", "grants", "Health and Medical Research Fund"),
        ("Mara M Holt", "grants", "Research Grant Council"),
        ("Mara M Holt", "grants", "Medco Research Foundation"),
    ]


def test_a_national_bodys_name_after_the_last_and_of_a_list_is_a_name_of_its_own():
    assert triples(
        "AC has received research support from Vaxco, Biolab, Medco and National Quillon Foundation. MMH received "
        "a grant from the Laura and John Arnold Foundation.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "grants", "Biolab"),
        ("Alan Carter", "grants", "Medco"),
        ("Alan Carter", "grants", "National Quillon Foundation"),
        ("Mara M Holt", "grants", "Laura and John Arnold Foundation"),
    ]


def test_a_preamble_announcing_the_following_ties_declares_none_itself():
    assert triples(
        "One or more of the authors has declared the following potential conflict of interest or source of "
        "funding: AC has received educational support from Vaxco. MMH has received consulting fees from Biolab.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "grants", "Vaxco"),
        ("Mara M Holt", "consulting", "Biolab"),
    ]


def test_a_funding_and_author_disclosures_section_title_is_no_funder():
    assert triples(
        "Funding Support and Author Disclosures The trial was funded by Vaxco. Dr Holt is an employee of Biolab.",
        AUTHORS2,
    ) == [
        (None, "manuscript_support", "Vaxco"),
        ("Mara M Holt", "employment", "Biolab"),
    ]


def test_a_heading_printed_glued_to_the_text_is_still_a_heading():
    """PubMed prints some headings without a space after them: "Competing interestsA.C. is ..."."""
    assert triples(
        "Competing interestsA.C. is an employee of Vaxco. M.M.H. has received honoraria for participation in "
        "advice boards from Biolab.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "employment", "Vaxco"),
        ("Mara M Holt", "advisory_board", "Biolab"),
    ]


def test_initials_leave_out_a_generational_suffix():
    assert triples("GRT reports grants from Vaxco.", ["George R Thompson 3rd", "Alan Carter"]) == [
        ("George R Thompson 3rd", "grants", "Vaxco")
    ]


def test_a_named_study_funded_by_a_company_is_support_for_the_work():
    assert triples("The QUILL-HF study was funded by Vaxco. Dr Holt is an employee of Biolab.", AUTHORS2) == [
        (None, "manuscript_support", "Vaxco"),
        ("Mara M Holt", "employment", "Biolab"),
    ]


def test_authors_declaring_that_the_study_was_funded_name_the_study_funding_not_their_own():
    """Frontiers' wording: "The authors declare that this study received funding from X"."""
    assert triples(
        "MMH was employed by Vaxco. The authors declare that this study received funding from Vaxco.", AUTHORS2
    ) == [
        ("Mara M Holt", "employment", "Vaxco"),
        (None, "manuscript_support", "Vaxco"),
    ]


def test_a_letter_alone_is_no_organization():
    assert triples(
        "DKO leads a trial funded by the Wellcome Trust on the treatment of C. difficile. AC receives funding "
        "to study vitamin D.",
        AUTHORS2,
    ) == [("Dana K Ober", "grants", "Wellcome Trust"), ("Alan Carter", "grants", None)]


def test_a_body_before_a_capitalised_funded_is_the_funder():
    assert triples("MMH leads a National Heart Foundation Funded clinical trial of statins.", AUTHORS2) == [
        ("Mara M Holt", "grants", "National Heart Foundation")
    ]


def test_has_advised_a_company_is_an_advisory_tie():
    assert triples("DKO has advised Vaxco, Biolab and Medix. She was advised by her lawyer.", AUTHORS2) == [
        ("Dana K Ober", "advisory_board", "Vaxco"),
        ("Dana K Ober", "advisory_board", "Biolab"),
        ("Dana K Ober", "advisory_board", "Medix"),
    ]


def test_initials_the_byline_does_not_spell_after_a_comma_begin_their_own_clause():
    """ "CH receives fees from X, MB is Vice President of X": MB's role is not CH's."""
    assert triples("AC receives consulting fees from Vaxco, ZQ is Vice President of Vaxco.", AUTHORS2) == [
        ("Alan Carter", "consulting", "Vaxco"),
        (None, "leadership", "Vaxco"),
    ]


def test_contracts_from_bodies_are_grants_and_fees_for_speaking_are_lectures():
    assert triples(
        "MMH has received contracts from Vaxco, Inc.; the Department of Health; and research grants from "
        "Biolab. DKO has received fees for speaking for Medix.",
        AUTHORS2,
    ) == [
        ("Mara M Holt", "grants", "Vaxco, Inc."),
        ("Mara M Holt", "grants", "Department of Health"),
        ("Mara M Holt", "grants", "Biolab"),
        ("Dana K Ober", "lectures", "Medix"),
    ]


def test_a_grant_number_is_not_the_funder():
    assert triples(
        "AC has received support from NIH/NCATS grant UL1 TR001881 and from the H2020-Grant of the EU.", AUTHORS2
    ) == [
        ("Alan Carter", "grants", "NIH/NCATS"),
        ("Alan Carter", "grants", "H2020-Grant of the EU"),
    ]


def test_the_authors_employed_by_a_body_are_some_authors_not_all():
    """ "The authors employed by X participated as part of their employment": the sentence does not say who."""
    assert triples(
        "The authors employed by Vaxco participated as part of their normal employment. None of the authors "
        "received an honorarium for this paper, with the exception of Dr. Holt whose work was supported by "
        "Biolab.",
        AUTHORS2,
    ) == [(None, "employment", "Vaxco"), ("Mara M Holt", "grants", "Biolab")]


def test_personal_fees_misspelt_fess_are_still_personal_fees():
    assert triples("AC has received grants, personal fess and non-financial support from Vaxco.", AUTHORS2) == [
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "consulting", "Vaxco"),
        ("Alan Carter", "gifts", "Vaxco"),
    ]


def test_an_unrestricted_research_grant_in_a_list_shares_the_source_and_grant_bodies_are_no_grant():
    assert triples(
        "AC has received speaker fees, an unrestricted research grant and travel expenses from Vaxco, and has "
        "acted as a paid reviewer for grant awarding bodies.",
        AUTHORS2,
    ) == [
        ("Alan Carter", "lectures", "Vaxco"),
        ("Alan Carter", "grants", "Vaxco"),
        ("Alan Carter", "travel", "Vaxco"),
    ]


def test_a_patent_attorney_or_an_intellectual_property_law_firm_is_no_patent():
    assert triples(
        "DKO is a patent attorney and a partner in the intellectual property law firm Lexo. She advises "
        "companies as patent holders. AC holds patents with Vaxco.",
        AUTHORS2,
    ) == [("Alan Carter", "patents", "Vaxco")]


def test_he_or_she_is_the_author_named_by_the_sentence_before_even_one_without_a_tie():
    """ "IBH was a Commissioner on X. He is a shareholder in Y": "he" is IBH, not an author named earlier."""
    assert triples(
        "AC reports grants from Vaxco. DKO was an inaugural Commissioner of the review. She is a shareholder in "
        "Biolab.",
        AUTHORS2,
    ) == [("Alan Carter", "grants", "Vaxco"), ("Dana K Ober", "stock", "Biolab")]


def test_chairs_a_body_is_a_leadership_role():
    statement = "DKO chairs the National Advisory Group on Screening. AC declares no competing interests."
    assert triples(statement, AUTHORS2) == [("Dana K Ober", "leadership", "National Advisory Group")]


def test_an_event_funded_by_a_company_is_one_tie_of_the_events_kind():
    statement = "MMH participated as a speaker in educational activities funded by Vaxco."
    assert triples(statement, AUTHORS2) == [("Mara M Holt", "lectures", "Vaxco")]


def test_fees_from_one_body_for_lectures_keep_their_source_before_a_second_tie():
    statement = "MMH has received honoraria from Vaxco for lectures and salary support from Biolab."
    assert triples(statement, AUTHORS2) == [("Mara M Holt", "lectures", "Vaxco"), ("Mara M Holt", "grants", "Biolab")]


def test_a_presentation_fee_is_a_lecture_tie():
    assert triples("DKO received a presentation fee from Vaxco.", AUTHORS2) == [("Dana K Ober", "lectures", "Vaxco")]


def test_a_tie_before_boilerplate_whose_full_stop_was_lost_is_still_read():
    statement = (
        "AC and DKO are inventors of a patent application (WO2020100144A1) This does not alter the authors' "
        "adherence to the journal's policies."
    )
    assert triples(statement, AUTHORS2) == [("Alan Carter", "patents", None), ("Dana K Ober", "patents", None)]


def test_initials_read_surname_first_are_not_an_author_labelled_already_in_byline_order():
    """ "R.S.: ... S.R.: ...": two people, and S.R. is none of the byline's authors."""
    statement = "A.C.: consultant for Vaxco. M.H.: speaker for Biolab. H.M.: advisor for Medix."
    assert triples(statement, AUTHORS2) == [
        ("Alan Carter", "consulting", "Vaxco"),
        ("Mara M Holt", "lectures", "Biolab"),
        (None, "advisory_board", "Medix"),
    ]


def test_a_bare_surname_with_a_capital_inside_is_an_author():
    statement = "McNeil and DeVito report employment with Vaxco. O'Brien reported consulting fees from Biolab."
    authors = ["John G. McNeil", "Ana DeVito", "Kate O'Brien", "Lee Moss"]
    assert triples(statement, authors) == [
        ("John G. McNeil", "employment", "Vaxco"),
        ("Ana DeVito", "employment", "Vaxco"),
        ("Kate O'Brien", "consulting", "Biolab"),
    ]


def test_the_first_of_a_given_names_initials_with_the_surname_names_its_author():
    statement = "CP, AV, and VS are employees of Vaxco."
    authors = ["Colin Pell", "AJ Venter", "Vera Stone"]
    assert [row[0] for row in triples(statement, authors)] == authors
    # an author whose own initials they are comes first
    assert triples(statement, [*authors, "Anna Vance"])[1][0] == "Anna Vance"


def test_an_and_inside_an_item_the_list_goes_on_after_joins_one_name():
    """A list joins its items with commas and only its last with "and"."""
    statement = (
        "MMH reports grants from Fisher and Paykel Healthcare, Smith and Nephew, Merck Sharp and Dohme, Abbott "
        "and Vaxco, outside the submitted work. DKO received fees from Vaxco and Biolab, and grants from Medix."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "grants", "Fisher and Paykel Healthcare"),
        ("Mara M Holt", "grants", "Smith and Nephew"),
        ("Mara M Holt", "grants", "Merck Sharp and Dohme"),
        ("Mara M Holt", "grants", "Abbott"),
        ("Mara M Holt", "grants", "Vaxco"),
        ("Dana K Ober", "consulting", "Vaxco"),
        ("Dana K Ober", "consulting", "Biolab"),
        ("Dana K Ober", "grants", "Medix"),
    ]


def test_the_icmje_forms_support_for_attending_meetings_is_travel_and_study_materials_are_gifts():
    statement = (
        "MMH reports grants, consulting fees, and support attending meetings from Vaxco. DKO reports grants and "
        "study materials from Biolab; and support for attending meetings and/or travel from Medix."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "grants", "Vaxco"),
        ("Mara M Holt", "consulting", "Vaxco"),
        ("Mara M Holt", "travel", "Vaxco"),
        ("Dana K Ober", "grants", "Biolab"),
        ("Dana K Ober", "gifts", "Biolab"),
        ("Dana K Ober", "travel", "Medix"),
    ]


def test_fees_from_and_membership_of_a_board_for_a_company_share_the_company():
    statement = (
        "MMH reports honoraria from and membership of data safety monitoring board or advisory board for Vaxco "
        "and Biolab."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "lectures", "Vaxco"),
        ("Mara M Holt", "lectures", "Biolab"),
        ("Mara M Holt", "advisory_board", "Vaxco"),
        ("Mara M Holt", "advisory_board", "Biolab"),
    ]


def test_what_kind_of_business_a_company_is_is_no_tie():
    statement = (
        "MMH is employed by Vaxco. Vaxco is a consultancy and research company working with the pharmaceutical "
        "industry. DKO is a consultant for Biolab, which is a consulting firm."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "employment", "Vaxco"),
        ("Dana K Ober", "consulting", "Biolab"),
    ]


def test_the_following_companies_described_before_the_colon_are_listed_after_it():
    statement = (
        "MMH declares support for attending meetings from the following companies who manufacture or sell "
        "vitamin D supplements: Vaxco Ltd and Biolab Ltd. DKO is an employee of Medix."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "travel", "Vaxco Ltd"),
        ("Mara M Holt", "travel", "Biolab Ltd."),
        ("Dana K Ober", "employment", "Medix"),
    ]


def test_fields_named_by_their_ending_stay_inside_a_bodys_name():
    statement = (
        "MMH is a board member of the Ruritanian Society for Haematology and Medical Oncology and Vaxco. DKO "
        "is president of the European Society for Paediatric Gastroenterology, Hepatology and Nutrition."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "leadership", "Ruritanian Society for Haematology and Medical Oncology"),
        ("Mara M Holt", "leadership", "Vaxco"),
        ("Dana K Ober", "leadership", "European Society for Paediatric Gastroenterology, Hepatology and Nutrition"),
    ]


def test_a_consultancy_in_a_companys_name_is_no_consulting_and_support_at_a_university_comes_from_its_source():
    statement = (
        "MMH is an employee of Ruritania Consultancy Services. DKO received research support at Ruritania "
        "University from Vaxco Consulting Group. AC is a consultant at Biolab from 2019."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "employment", "Ruritania Consultancy Services"),
        ("Dana K Ober", "grants", "Vaxco Consulting Group"),
        ("Alan Carter", "consulting", "Biolab"),
    ]


def test_a_role_opening_the_sentence_belongs_to_the_author_after_the_comma():
    statement = (
        "MMH is a salaried employee of Vaxco. As a consultant and/or advisory panel member, Dana K Ober receives, "
        "or has received, honoraria from: Biolab; Dr. Reddy's Laboratories; electroCore Medical, LLC; and Medix."
    )
    rows = triples(statement, AUTHORS2)
    assert rows[0] == ("Mara M Holt", "employment", "Vaxco")
    assert {row[0] for row in rows[1:]} == {"Dana K Ober"}
    assert {row[2] for row in rows[1:]} == {"Biolab", "Dr. Reddy's Laboratories", "electroCore Medical, LLC", "Medix"}
    assert {row[1] for row in rows[1:]} == {"consulting", "advisory_board", "lectures"}


def test_material_support_is_a_gift_and_thanks_to_people_are_no_tie():
    statement = (
        "DKO reports grant and material support from Vaxco. The authors thank the many people who supported the "
        "programme through its funding. Administrative, technical, or material support: AC, MMH."
    )
    assert triples(statement, AUTHORS2) == [("Dana K Ober", "grants", "Vaxco"), ("Dana K Ober", "gifts", "Vaxco")]


def test_funding_for_travel_is_travel_only():
    statement = (
        "MMH has received funding for travel and speaker honoraria from Vaxco, and funding for research from Biolab."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "travel", "Vaxco"),
        ("Mara M Holt", "lectures", "Vaxco"),
        ("Mara M Holt", "grants", "Biolab"),
    ]


def test_fees_paid_to_an_institution_from_companies_name_the_companies():
    statement = (
        "MMH reports consultancy and/or speaking fees to Ruritania Diabetes Center from Vaxco and Biolab. DKO is a "
        "founding scientist of Medix, Inc. and received fees to attend a meeting from Vaxco."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "consulting", "Vaxco"),
        ("Mara M Holt", "consulting", "Biolab"),
        ("Mara M Holt", "lectures", "Vaxco"),
        ("Mara M Holt", "lectures", "Biolab"),
        ("Dana K Ober", "founder", "Medix, Inc."),
        ("Dana K Ober", "travel", "Vaxco"),
    ]


def test_sponsored_research_agreements_are_grants_and_a_secretary_leads():
    statement = (
        "MMH has Sponsored Research Agreements from Vaxco and Biolab. DKO has received payment as secretary of the "
        "Ruritanian Society of Psychiatry and is an adviser to the Office of the Assistant Secretary of Health."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "grants", "Vaxco"),
        ("Mara M Holt", "grants", "Biolab"),
        ("Dana K Ober", "leadership", "Ruritanian Society of Psychiatry"),
        ("Dana K Ober", "advisory_board", "Office of the Assistant Secretary of Health"),
    ]


def test_british_honouraria_a_co_editor_and_a_convenor():
    statement = (
        "MMH: honouraria from: Vaxco and Biolab; co-editor of: Ruritanian Rheumatology; convenor of: RRS Task Forces."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "lectures", "Vaxco"),
        ("Mara M Holt", "lectures", "Biolab"),
        ("Mara M Holt", "leadership", "Ruritanian Rheumatology"),
        ("Mara M Holt", "leadership", "RRS Task Forces"),
    ]


def test_fees_for_speaking_before_another_tie_share_its_source():
    statement = (
        "MMH has received honoraria for speaking, and research funding for investigator-initiated studies from Vaxco."
    )
    assert triples(statement, AUTHORS2) == [("Mara M Holt", "lectures", "Vaxco"), ("Mara M Holt", "grants", "Vaxco")]


def test_byline_initials_and_a_verb_after_a_word_start_a_sentence_whose_full_stop_was_lost():
    statement = (
        "AC has no competing interests MMH, DKO are employed by Vaxco Inc DKO has stock in Vaxco Inc AC holds "
        "shares in Biolab"
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "employment", "Vaxco Inc"),
        ("Dana K Ober", "employment", "Vaxco Inc"),
        ("Dana K Ober", "stock", "Vaxco Inc"),
        ("Alan Carter", "stock", "Biolab"),
    ]


def test_a_seat_on_a_named_advisory_commission_or_committee_of_a_body_is_a_role_there():
    statement = (
        "MMH serves on the Social Purposes Advisory Commission of Vaxco. DKO sits on the State Support Committee "
        "of Biolab Incorporated. AC has received grants from the Research Grants Council."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "advisory_board", "Vaxco"),
        ("Dana K Ober", "leadership", "Biolab Incorporated"),
        ("Alan Carter", "grants", "Research Grants Council"),
    ]


def test_a_brand_with_an_accented_capital_and_invitations_to_conferences():
    statement = (
        "MMH's institution has received grants from Vaxco, bioMérieux and Biolab. DKO has received invitations to "
        "attend conferences from Medix."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "grants", "Vaxco"),
        ("Mara M Holt", "grants", "bioMérieux"),
        ("Mara M Holt", "grants", "Biolab"),
        ("Dana K Ober", "travel", "Medix"),
    ]


def test_travel_and_accommodation_funding_is_travel_only():
    assert triples("MMH has received travel and accommodation funding from Vaxco.", AUTHORS2) == [
        ("Mara M Holt", "travel", "Vaxco")
    ]


def test_two_names_joined_by_and_after_a_company_form_start_a_sentence():
    statement = "AC is an employee of Vaxco, Inc. Mara Holt and Dana Ober are employees of Biolab, Inc."
    assert triples(statement, AUTHORS2) == [
        ("Alan Carter", "employment", "Vaxco, Inc."),
        ("Mara M Holt", "employment", "Biolab, Inc."),
        ("Dana K Ober", "employment", "Biolab, Inc."),
    ]


def test_verbs_capitalised_after_semicolons_are_no_companies():
    statement = "MMH has received support from Vaxco; Is a consultant to Biolab; Is founder/owner at Medix."
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "grants", "Vaxco"),
        ("Mara M Holt", "consulting", "Biolab"),
        ("Mara M Holt", "founder", "Medix"),
        ("Mara M Holt", "stock", "Medix"),
    ]


def test_funding_acknowledged_elsewhere_and_a_consultancy_describing_a_company_are_no_ties():
    statement = (
        "MMH is an employee of Vaxco, a health economics consultancy providing services to industry. All other "
        "authors declare no competing interests, except for the funding acknowledged."
    )
    result = parse_statement(statement, AUTHORS2)
    assert [(i.author, i.category, i.organization) for i in result.items] == [("Mara M Holt", "employment", "Vaxco")]
    assert result.declares_none == ["Alan Carter", "Dana K Ober"]


def test_hired_at_a_company_is_employment_and_a_change_of_employment_that_in_no_way_influenced_is_none():
    statement = (
        "MMH was employed at Ruritania University. She has since been hired at Vaxco. This change of employment in "
        "no way influenced the study."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "employment", "Ruritania University"),
        ("Mara M Holt", "employment", "Vaxco"),
    ]


def test_a_german_names_lower_case_tail_before_its_abbreviation_ends_a_list():
    statement = (
        "MMH received research support from Vaxco and Deutsche Gesellschaft für internistische Intensiv- und "
        "Notfallmedizin (DGIIN)."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "grants", "Vaxco"),
        ("Mara M Holt", "grants", "Deutsche Gesellschaft für internistische Intensiv- und Notfallmedizin"),
    ]


def test_an_author_declaring_nothing_is_who_he_or_she_is_in_the_next_sentence():
    statement = (
        "AC is a consultant for Vaxco. DKO has no conflicts related to the submitted work. Outside the submitted "
        "work, he declares a doctoral studentship from the Ruritania Foundation. No potential conflict of interest "
        "was disclosed by M. M-H."
    )
    result = parse_statement(statement, ["Alan Carter", "Mara Mendez-Holt", "Dana K Ober"])
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Alan Carter", "consulting", "Vaxco"),
        ("Dana K Ober", "grants", "Ruritania Foundation"),
    ]
    assert result.declares_none == ["Mara Mendez-Holt"]


def test_a_societys_disclosure_form_registered_by_its_members_is_no_tie():
    statement = (
        "The authors have no personal, financial, or institutional interest in any of the drugs in the article. All "
        "authors who are members of The Ruritanian Neurosurgical Society (RNS) have registered online Self-reported "
        "COI disclosure statement forms through the website for RNS members."
    )
    result = parse_statement(statement, AUTHORS2)
    assert result.items == []
    assert result.declares_none == AUTHORS2


def test_no_authors_having_a_stake_names_no_tie():
    statement = "No authors or any close family members have any stake in Vaxco or Biolab. AC is a consultant to Medix."
    assert triples(statement, AUTHORS2) == [("Alan Carter", "consulting", "Medix")]


def test_a_committee_that_approved_the_study_is_no_role_of_the_authors():
    statement = (
        "All animal procedures were approved by the Institute of Animal Care and Use Committee at Ruritania "
        "Memorial Hospital. MMH is chair of the board of Vaxco."
    )
    assert triples(statement, AUTHORS2) == [("Mara M Holt", "leadership", "Vaxco")]


def test_a_posts_field_before_for_is_no_part_of_the_bodys_name():
    statement = "DKO is the Director of Research for the Ruritania Humans Foundation."
    assert triples(statement, AUTHORS2) == [("Dana K Ober", "leadership", "Ruritania Humans Foundation")]


def test_data_monitoring_committees_advise_and_a_gift_via_a_charity_keeps_the_list_going():
    statement = (
        "MMH has served as a consultant, at advisory boards, or at data monitoring committees for Vaxco and Biolab. "
        "DKO reported institutional support from Medix, Sue Snider via Ruritania Philanthropies, Vaxco and Biolab."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "consulting", "Vaxco"),
        ("Mara M Holt", "consulting", "Biolab"),
        ("Mara M Holt", "advisory_board", "Vaxco"),
        ("Mara M Holt", "advisory_board", "Biolab"),
        ("Dana K Ober", "grants", "Medix"),
        ("Dana K Ober", "grants", "Sue Snider"),
        ("Dana K Ober", "grants", "Vaxco"),
        ("Dana K Ober", "grants", "Biolab"),
    ]


def test_a_preposition_left_without_its_object_before_and_shares_the_next_phrases():
    statement = (
        "MMH is an advisor for and/or has research funded by Vaxco and Biolab. DKO has consulted for and received "
        "grants from Medix."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "advisory_board", "Vaxco"),
        ("Mara M Holt", "advisory_board", "Biolab"),
        ("Mara M Holt", "grants", "Vaxco"),
        ("Mara M Holt", "grants", "Biolab"),
        ("Dana K Ober", "consulting", "Medix"),
        ("Dana K Ober", "grants", "Medix"),
    ]


def test_a_body_named_with_its_purpose_keeps_it():
    statement = (
        "MMH received grants from the Ruritania Initiative to Advance Precision Medicine and from Vaxco to Fund work."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "grants", "Ruritania Initiative to Advance Precision Medicine"),
        ("Mara M Holt", "grants", "Vaxco"),
    ]


def test_a_possessive_name_says_whose_family_or_institution_the_tie_is():
    statement = "AC consults for Vaxco. Holt's spouse is employed by Biolab. Dr. Ober's wife owns shares in Medix."
    assert triples(statement, AUTHORS2) == [
        ("Alan Carter", "consulting", "Vaxco"),
        ("Mara M Holt", "employment", "Biolab"),
        ("Dana K Ober", "stock", "Medix"),
    ]


def test_payment_from_a_body_with_of_in_its_name_for_two_things_names_it_for_both():
    statement = "MMH has received payment from the College of Ruritanian Pathologists for lectures and travel."
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "lectures", "College of Ruritanian Pathologists"),
        ("Mara M Holt", "travel", "College of Ruritanian Pathologists"),
    ]


def test_a_rank_before_the_next_role_is_no_company_of_the_phrase_before():
    statement = "MMH is a shareholder and currently the Managing Director at Vaxco Pty Ltd."
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "stock", "Vaxco Pty Ltd."),
        ("Mara M Holt", "leadership", "Vaxco Pty Ltd."),
    ]


def test_a_label_whose_separator_was_lost_starts_the_next_authors_block_in_a_labelled_footnote():
    statement = (
        "AC: Honorarium Vaxco DKO: Advisory Boards: Biolab and Medix. The remaining authors declare no competing "
        "interest."
    )
    result = parse_statement(statement, AUTHORS2)
    assert [(i.author, i.category, i.organization) for i in result.items] == [
        ("Alan Carter", "lectures", "Vaxco"),
        ("Dana K Ober", "advisory_board", "Biolab"),
        ("Dana K Ober", "advisory_board", "Medix"),
    ]
    assert result.declares_none == ["Mara M Holt"]


def test_options_granted_for_service_on_a_board_are_stock_in_its_company():
    statement = "DKO reports options granted for service on the Scientific Advisory Board of Vaxco."
    assert triples(statement, AUTHORS2) == [
        ("Dana K Ober", "stock", "Vaxco"),
        ("Dana K Ober", "advisory_board", "Vaxco"),
    ]


def test_companies_described_by_what_they_make_name_none_and_a_brand_may_start_in_lower_case():
    statement = (
        "MMH has received support to attend meeting, and payment for education and advisory work from "
        "pharmaceutical companies that make medicines to treat COPD. DKO has received consulting fees from Vaxco, "
        "pH Pharma and Biolab."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "travel", None),
        ("Mara M Holt", "lectures", None),
        ("Mara M Holt", "advisory_board", None),
        ("Dana K Ober", "consulting", "Vaxco"),
        ("Dana K Ober", "consulting", "pH Pharma"),
        ("Dana K Ober", "consulting", "Biolab"),
    ]


def test_byline_initials_among_others_the_byline_lacks_are_those_authors():
    statement = "JH, MMH, GJG, AWW, DKO and MDS are employees of Vaxco."
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "employment", "Vaxco"),
        ("Dana K Ober", "employment", "Vaxco"),
    ]


def test_advice_to_a_named_body_is_an_advisory_role():
    statement = (
        "MMH provides scientific advice to Vaxco; DKO gave unpaid advice to Biolab and Medix. AC gave advice to the "
        "authors."
    )
    assert triples(statement, AUTHORS2) == [
        ("Mara M Holt", "advisory_board", "Vaxco"),
        ("Dana K Ober", "advisory_board", "Biolab"),
        ("Dana K Ober", "advisory_board", "Medix"),
    ]
