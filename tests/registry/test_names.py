import pytest

from registry.names import normalize_organization_name, normalize_person_name
from registry.selectors import resolve_organizations, similar_organizations_for
from tests.factories import OrganizationAliasFactory, OrganizationFactory


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Bristol-Myers Squibb", "bristol myers squibb"),
        ("BRISTOL MYERS SQUIBB Co.", "bristol myers squibb"),
        ("Eli Lilly and Company", "eli lilly"),
        ("H. Lundbeck A/S", "h lundbeck"),
        ("Merck & Co., Inc.", "merck"),
        ("Sykehuset Østfold", "sykehuset ostfold"),
        ("Université de Montréal", "universite de montreal"),
        ("Precision-Health.ai", "precision health ai"),
        ("The Company", "the company"),
    ],
)
def test_organization_names_normalize_case_punctuation_accents_and_company_forms(written, key):
    assert normalize_organization_name(written) == key


def test_person_names_fold_accents_and_hyphens():
    assert normalize_person_name("Ivar W. Goksøyr") == "ivar w goksoyr"
    assert normalize_person_name("Tor-Morten Kvam") == "tor morten kvam"


def resolved(name: str):
    """The organization one name as written refers to: None when unknown or ambiguous."""
    return resolve_organizations([name])[name].organization


@pytest.fixture
def pharma(db):
    bms = OrganizationFactory(name="Bristol-Myers Squibb")
    OrganizationAliasFactory(organization=bms, name="BMS")
    lilly = OrganizationFactory(name="Eli Lilly and Company")
    OrganizationAliasFactory(organization=lilly, name="Lilly")
    janssen = OrganizationFactory(name="Janssen Pharmaceuticals")
    OrganizationAliasFactory(organization=janssen, name="Janssen-Cilag")
    OrganizationAliasFactory(organization=janssen, name="Janssen")
    return {"bms": bms, "lilly": lilly, "janssen": janssen}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("BMS", "bms"),
        ("Bristol Myers Squibb", "bms"),
        ("bristol-myers squibb company", "bms"),
        ("Lilly", "lilly"),
        ("Eli Lilly & Company", "lilly"),
        ("LILLY", "lilly"),
        ("Janssen-Cilag", "janssen"),
        ("Janssen Cilag", "janssen"),
        ("Janssen", "janssen"),
    ],
)
def test_names_as_written_resolve_through_canonical_names_and_aliases(pharma, written, expected):
    assert resolved(written) == pharma[expected]


def test_unknown_names_do_not_resolve(pharma):
    assert resolved("Lundbeck") is None
    assert resolve_organizations([""]) == {}  # a blank name is not looked up at all


def test_a_name_two_organizations_share_is_ambiguous_not_guessed(db):
    first = OrganizationFactory(name="Merck & Co.")
    second = OrganizationFactory(name="Merck KGaA")
    OrganizationAliasFactory(organization=second, name="Merck")
    # The canonical name of one wins over the alias of the other.
    assert resolved("Merck") == first
    third = OrganizationFactory(name="Acme Pharma")
    OrganizationAliasFactory(organization=third, name="MSD")
    fourth = OrganizationFactory(name="Merck Sharp & Dohme")
    OrganizationAliasFactory(organization=fourth, name="MSD")
    resolution = resolve_organizations(["MSD"])["MSD"]
    assert resolution.organization is None
    assert resolution.ambiguous
    assert {org.pk for org in resolution.candidates} == {third.pk, fourth.pk}


def test_resolving_many_names_takes_two_queries(pharma, django_assert_num_queries):
    with django_assert_num_queries(2):  # canonical names; aliases with their organizations
        results = resolve_organizations(["BMS", "Lilly", "Janssen", "Unknown Ltd"])
    assert [r.organization for r in results.values()] == [
        pharma["bms"],
        pharma["lilly"],
        pharma["janssen"],
        None,
    ]


def test_close_names_are_suggested(db):
    ledidi = OrganizationFactory(name="Ledidi")
    OrganizationFactory(name="Lundbeck")
    suggestions = similar_organizations_for(["Lididi"])["Lididi"]
    assert [(org, round(score)) for org, score in suggestions] == [(ledidi, 83)]
