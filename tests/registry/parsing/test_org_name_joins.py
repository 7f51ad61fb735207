"""Where one organization's name goes on over a slash or an "and", and where a list goes on instead.

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

AUTHORS = ["Jonas Smithers", "Alma Lindqvist"]


def orgs(statement: str) -> list[tuple[str, str]]:
    return [(it.category, it.organization) for it in parse_statement(statement, AUTHORS).items]


def test_names_joined_by_a_slash_are_one_partner():
    assert orgs("JS is a consultant for BMS/Pfizer, Vaxco and Biolab.") == [
        ("consulting", "BMS/Pfizer"),
        ("consulting", "Vaxco"),
        ("consulting", "Biolab"),
    ]


def test_a_slash_between_roles_joins_no_names():
    assert orgs("JS is a speaker/consultant for Vaxco.") == [("lectures", "Vaxco"), ("consulting", "Vaxco")]


def test_two_fields_joined_by_and_name_one_body():
    assert orgs(
        "JS is supported by grants from the National Institute of Rare Disorders and Stroke and from Janssen "
        "Research and Development."
    ) == [
        ("grants", "National Institute of Rare Disorders and Stroke"),
        ("grants", "Janssen Research and Development"),
    ]


def test_a_company_after_and_is_a_second_partner():
    assert orgs("JS received grants from the University of Leeds and Vaxco.") == [
        ("grants", "University of Leeds"),
        ("grants", "Vaxco"),
    ]


def test_institutes_on_a_topic_keep_their_topic():
    assert orgs("JS received grants from the National Institutes on Aging.") == [
        ("grants", "National Institutes on Aging")
    ]


def test_fields_listed_with_commas_inside_a_bodys_name_stay_one_name():
    assert orgs(
        "JS has a scholarship from the State Secretariat for Education, Research and Innovation. AL received "
        "grants from the Department of Health, Vaxco and Biolab."
    ) == [
        ("grants", "State Secretariat for Education, Research and Innovation"),
        ("grants", "Department of Health"),
        ("grants", "Vaxco"),
        ("grants", "Biolab"),
    ]


def test_a_spanish_company_form_after_a_comma_belongs_to_the_name():
    assert orgs("JS is CEO of Immunostep, S.L.") == [("leadership", "Immunostep, S.L.")]


def test_a_commission_or_bureau_after_x_of_y_and_z_is_one_body():
    assert orgs(
        "This study was supported by the Foundation of Shenzhen Health and Family Planning Commission and by "
        "Vaxco and European Medicines Agency."
    ) == [
        ("manuscript_support", "Foundation of Shenzhen Health and Family Planning Commission"),
        ("manuscript_support", "Vaxco"),
        ("manuscript_support", "European Medicines Agency"),
    ]


def test_a_journal_of_two_subjects_is_one_name():
    assert orgs("JS is an associate editor of the Journal of Venomous Animals and Toxins.") == [
        ("leadership", "Journal of Venomous Animals and Toxins")
    ]


def test_the_eu_in_a_list_of_funders_is_a_funder():
    assert orgs("JS received support from the Wellcome Trust, EU, NIHR and the BMBF.") == [
        ("grants", "Wellcome Trust"),
        ("grants", "EU"),
        ("grants", "NIHR"),
        ("grants", "BMBF"),
    ]
