"""Shapes of organization names across journals: company forms with dots, bodies named after their
portfolios, a country after a company, and the "and" that closes a list of companies.

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

from .triples import triples

AUTHORS = ["Jonas Smithers", "Alma Lindqvist"]


def orgs(statement: str) -> list[tuple[str, str]]:
    return [(category, org) for _, category, org in triples(statement, AUTHORS)]


def test_dotted_company_forms_of_singapore_india_and_malaysia_stay_in_the_name():
    assert orgs(
        "JS holds shares in Vaxco Bio Pte. Ltd. AL is a partner at Biolab Pvt. Ltd. and an adviser to Medix Sdn. Bhd."
    ) == [
        ("stock", "Vaxco Bio Pte. Ltd."),
        ("advisory_board", "Medix Sdn. Bhd."),
    ]


def test_a_ministry_named_after_its_portfolios_is_one_body_and_no_employment():
    assert orgs(
        "JS received funding from the Ministry of Business, Innovation and Employment and from the Ministry of "
        "Economy, Trade and Industry."
    ) == [
        ("grants", "Ministry of Business, Innovation and Employment"),
        ("grants", "Ministry of Economy, Trade and Industry"),
    ]


def test_employment_as_a_tie_is_still_read():
    assert orgs("JS reports consulting and employment with Vaxco.") == [
        ("consulting", "Vaxco"),
        ("employment", "Vaxco"),
    ]


def test_a_country_after_a_company_is_where_it_is_even_before_closing_words():
    assert orgs("JS received speaker fees from Vaxco Genzyme, Switzerland outside of the submitted work.") == [
        ("lectures", "Vaxco Genzyme")
    ]


def test_the_and_that_ends_a_list_of_companies_separates_the_last_two():
    assert orgs(
        "Dr Smithers reports grants from Biolab and Company, Vaxco LP, Regenix and Medix Inc, and Novo Biotech, "
        "and personal fees from Fisher and Paykel Ltd., outside the submitted work."
    ) == [
        ("grants", "Biolab and Company"),
        ("grants", "Vaxco LP"),
        ("grants", "Regenix"),
        ("grants", "Medix Inc"),
        ("grants", "Novo Biotech"),
        ("consulting", "Fisher and Paykel Ltd."),
    ]


def test_a_given_name_before_a_full_name_shares_its_surname():
    authors = ["Sue O'Donnell", "Bob O'Donnell", "Alma Lindqvist"]
    assert triples("Sue and Bob O'Donnell are employees of Vaxco Corp.", authors) == [
        ("Sue O'Donnell", "employment", "Vaxco Corp."),
        ("Bob O'Donnell", "employment", "Vaxco Corp."),
    ]


def test_a_member_of_a_working_group_or_committee_holds_a_leadership_role_in_it():
    assert orgs(
        "JS is a member of the Vaxco Working Group. JS is a member of the National Vaccine Steering Committee. "
        "AL is a member of the Biolab Group."
    ) == [
        ("leadership", "Vaxco Working Group"),
        ("leadership", "National Vaccine Steering Committee"),
        ("other", "Biolab Group"),
    ]


def test_a_membership_of_two_named_boards_keeps_both_roles():
    assert orgs(
        "JS has consulted, and is a member of the Scientific Advisory Board and Steering Committee, for Vaxco."
    ) == [("consulting", "Vaxco"), ("advisory_board", "Vaxco"), ("leadership", "Vaxco")]


def test_a_us_state_written_out_after_a_company_is_a_place():
    assert orgs("JS reports personal fees from Vaxco, New York, and grants from Biolab, Texas.") == [
        ("consulting", "Vaxco"),
        ("grants", "Biolab"),
    ]


def test_a_company_and_co_is_one_name():
    assert orgs("JS is a consultant to M. Davis and Co, Vaxco and Biolab.") == [
        ("consulting", "M. Davis and Co"),
        ("consulting", "Vaxco"),
        ("consulting", "Biolab"),
    ]


def test_accented_initials_after_a_company_form_start_a_new_sentence():
    authors = ["Mark \u00c9. Czernik", "Charles A. Czernik"]
    assert triples(
        "M.\u00c9.C. and C.A.C. reported a gift from Vaxco, Inc. M.\u00c9.C. reported personal fees from Biolab.",
        authors,
    ) == [
        ("Mark \u00c9. Czernik", "gifts", "Vaxco, Inc."),
        ("Charles A. Czernik", "gifts", "Vaxco, Inc."),
        ("Mark \u00c9. Czernik", "consulting", "Biolab"),
    ]


def test_a_clause_after_a_semicolon_does_not_share_its_object_with_the_phrase_before():
    assert orgs(
        "JS reported being a paid consultant to Vaxco, in which JS holds an equity interest; receiving travel "
        "support from Biolab; and royalties from Medix."
    ) == [
        ("consulting", "Vaxco"),
        ("stock", "Vaxco"),
        ("travel", "Biolab"),
        ("royalties", "Medix"),
    ]


def test_a_heading_answered_none_after_its_colon_names_no_funding():
    result = parse_statement("Conflicts of interest and sources of funding: none declared.", AUTHORS)
    assert result.items == []
    assert result.declares_none == AUTHORS


def test_a_degree_before_a_scholarship_names_no_funder():
    assert orgs("JS has been supported by a PhD scholarship from the Swiss Science Foundation.") == [
        ("grants", "Swiss Science Foundation")
    ]


def test_a_capitalised_role_after_an_article_is_a_role_not_part_of_a_name():
    assert orgs("JS is on the Advisory Committee of Vaxco and an Academic Consultant for the Biolab University.") == [
        ("advisory_board", "Vaxco"),
        ("consulting", "Biolab University"),
    ]


def test_a_named_fellowship_is_one_grant_from_its_funder_not_also_one_from_no_one():
    assert triples("JS is supported by Vaxco and AL is funded by the KPS research fellowship.", AUTHORS) == [
        ("Jonas Smithers", "grants", "Vaxco"),
        ("Alma Lindqvist", "grants", "KPS"),
    ]


def test_the_company_of_a_spin_off_is_the_name_after_it():
    assert orgs(
        "JS is a founder of the University of Leeds spin-off company Vaxco Therapeutics Inc. and AL owns shares "
        "of the Biolab GmbH start-up supplying microscopes."
    ) == [("founder", "Vaxco Therapeutics Inc."), ("stock", "Biolab GmbH")]


def test_a_dash_before_initials_starts_another_authors_sentence():
    result = parse_statement(
        "- JS is an employee of Vaxco, Inc. - AL holds shares in Biolab - All other authors declare no competing "
        "interests.",
        [*AUTHORS, "Bo Ek"],
    )
    assert [(it.author, it.category, it.organization) for it in result.items] == [
        ("Jonas Smithers", "employment", "Vaxco, Inc."),
        ("Alma Lindqvist", "stock", "Biolab"),
    ]
    assert result.declares_none == ["Bo Ek"]


def test_a_working_group_among_funders_is_a_funder_not_a_role():
    assert orgs(
        "JS holds grant funding from the Vaxco School, and the Vaxco Evidence Synthesis Working Group, the "
        "Biolab Centre and the WHO."
    ) == [
        ("grants", "Vaxco School"),
        ("grants", "Vaxco Evidence Synthesis Working Group"),
        ("grants", "Biolab Centre"),
        ("grants", "WHO"),
    ]


def test_a_paid_internship_with_a_company_is_employment():
    assert orgs("JS reports a paid summer internship with Vaxco Pharmaceuticals for unrelated work.") == [
        ("employment", "Vaxco Pharmaceuticals")
    ]


def test_a_career_or_research_award_from_a_funder_is_a_grant():
    assert orgs(
        "JS is supported by a career award from the Fonds de recherche du Quebec. AL has received unrestricted "
        "research awards from Vaxco and is supported by a Biolab Early Career Research Award."
    ) == [
        ("grants", "Fonds de recherche du Quebec"),
        ("grants", "Vaxco"),
        ("grants", "Biolab Early Career Research Award"),
    ]


def test_a_sab_is_a_scientific_advisory_board():
    assert orgs("JS serves on the SAB of Vaxco and on the SABs of Biolab and Medix.") == [
        ("advisory_board", "Vaxco"),
        ("advisory_board", "Biolab"),
        ("advisory_board", "Medix"),
    ]


def test_a_director_of_a_field_for_a_body_directs_in_that_body():
    assert orgs("JS does volunteer service as Director of Research for Vaxco Corps.") == [("leadership", "Vaxco Corps")]


def test_a_topic_between_a_company_and_its_advisory_board():
    assert orgs("Dr. Jonas Smithers: international Vaxco narcolepsy advisory board; PI for studies of Biolab.") == [
        ("advisory_board", "Vaxco")
    ]


def test_a_governor_of_a_trust_and_the_chair_of_a_named_committee_lead_those_bodies():
    assert orgs("JS was a Governor of Vaxco Trust and is Chair of the Committee for Strategic Coordination.") == [
        ("leadership", "Vaxco Trust"),
        ("leadership", "Committee for Strategic Coordination"),
    ]


def test_an_affiliation_a_reviewer_shares_with_the_editor_is_no_authors_tie():
    assert orgs(
        "JS and AL are inventors on a patent. The reviewer DF and handling editor declared their shared affiliation."
    ) == [("patents", None), ("patents", None)]


def test_initials_without_their_last_dot_after_a_company_form_start_a_sentence():
    authors = ["Brian K. Kobal", "Rabindra V. Shiv"]
    assert triples("B.K.K is a consultant for Vaxco, Inc. R.V.S is a Director at Biolab Sciences.", authors) == [
        ("Brian K. Kobal", "consulting", "Vaxco, Inc."),
        ("Rabindra V. Shiv", "leadership", "Biolab Sciences"),
    ]


def test_a_field_with_its_adjective_after_and_stays_in_a_societys_name():
    assert orgs("JS received grants from the Society of Allergology and Clinical Immunology and from Vaxco.") == [
        ("grants", "Society of Allergology and Clinical Immunology"),
        ("grants", "Vaxco"),
    ]


def test_the_before_one_word_and_another_name_opens_one_name():
    assert orgs(
        "JS received grants from the Food and Health Bureau, the Brain and Mind Centre, the NIH and Vaxco."
    ) == [
        ("grants", "Food and Health Bureau"),
        ("grants", "Brain and Mind Centre"),
        ("grants", "NIH"),
        ("grants", "Vaxco"),
    ]


def test_compensation_or_payments_from_a_company_are_fees_unless_they_say_what_for():
    assert orgs(
        "JS has received compensation from Vaxco, Inc. and Biolab. AL has received payment from Medix for travel "
        "to meetings. AL received no compensation from Curex."
    ) == [("consulting", "Vaxco, Inc."), ("consulting", "Biolab"), ("travel", "Medix")]


def test_a_new_verb_after_a_relative_starts_a_tie_of_its_own():
    found = orgs("JS is the spouse of AL and is president and owner of Vaxco Corporation.")
    assert ("leadership", "Vaxco Corporation") in found
    assert ("stock", "Vaxco Corporation") in found


def test_fees_for_talks_to_employees_of_a_company_are_no_employment():
    assert "employment" not in [c for c, _ in orgs("JS received speaker fees for two seminars for employees of Vaxco.")]


def test_money_put_in_the_passive_comes_from_the_name_after_by():
    assert orgs("Funding for JS was provided by Vaxco.") == [("grants", "Vaxco")]


def test_an_authors_own_lab_is_no_tie_to_the_lab():
    assert orgs("JS's lab is supported by grants from Vaxco.") == [("grants", "Vaxco")]


def test_payments_a_body_received_for_its_work_are_a_grant():
    assert orgs(
        "JS was working for the Vaxco Collaboration, which received payments from the European Commission to "
        "develop the reviews."
    ) == [("employment", "Vaxco Collaboration"), ("grants", "European Commission")]
