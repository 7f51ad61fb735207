"""ORGANIZATION_NAME_VARIANT is about ties: siblings, units and affiliations are not variants."""

import pytest

from registry.enums import InterestCategory
from tests.audits.helpers import audit, declare, summaries
from tests.factories import AffiliationFactory, AuthorshipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def variants():
    return summaries(audit(["ORGANIZATION_NAME_VARIANT"]))


def test_affiliations_are_never_compared_with_each_other():
    # Alike enough to have been flagged as one organization when every record was compared.
    AffiliationFactory(organization=OrganizationFactory(name="Novartis AG"))
    AffiliationFactory(organization=OrganizationFactory(name="Novartiss"))
    AffiliationFactory(organization=OrganizationFactory(name="University of York"))
    AffiliationFactory(organization=OrganizationFactory(name="University of Toronto"))
    assert variants() == []


def test_different_places_with_generic_words_in_common_are_not_variants():
    authorship = AuthorshipFactory(person__name="Ann Lee")
    declare(authorship, organization=OrganizationFactory(name="University of York"), category=InterestCategory.GRANTS)
    declare(authorship, organization=OrganizationFactory(name="University of Toronto"))
    declare(authorship, organization=OrganizationFactory(name="Gilead Pharmaceuticals"))
    declare(authorship, organization=OrganizationFactory(name="Kolltan Pharmaceuticals"))
    assert variants() == []


def test_sibling_units_are_not_variants():
    authorship = AuthorshipFactory(person__name="Ann Lee")
    declare(authorship, organization=OrganizationFactory(name="University of California, Berkeley"))
    declare(authorship, organization=OrganizationFactory(name="University of California, Davis"))
    declare(authorship, organization=OrganizationFactory(name="Howard Hughes Medical Institute, Harvard University"))
    declare(authorship, organization=OrganizationFactory(name="Howard Hughes Medical Institute, Yale University"))
    assert variants() == []


def test_a_unit_is_not_its_parent():
    authorship = AuthorshipFactory(person__name="Ann Lee")
    declare(authorship, organization=OrganizationFactory(name="IBM"), category=InterestCategory.EMPLOYMENT)
    AffiliationFactory(
        person=authorship.person, organization=OrganizationFactory(name="IBM T. J. Watson Research Centre")
    )
    assert variants() == []


def test_a_declared_name_is_flagged_against_the_organization_on_record_it_probably_is():
    OrganizationFactory(name="Ledidi AS")
    authorship = AuthorshipFactory(person__name="Ann Lee")
    declare(authorship, organization=None, organization_name="Lididi AS", category=InterestCategory.STOCK)
    assert variants() == [
        "“Lididi AS” and “Ledidi AS” are probably the same organization (names 83% alike); Ann Lee declared "
        "shares or stock options in Lididi AS. Merge them if they are."
    ]


def test_an_acronym_that_fits_several_organizations_is_no_variant_of_any():
    # eLife.07314 (CC-BY 4.0): "Inventors on UC patent application PCT/US2014/029568" by UCSF authors.
    authorship = AuthorshipFactory(person__name="Peter Walter")
    declare(authorship, organization=OrganizationFactory(name="UC"), category=InterestCategory.PATENTS)
    for name in ["University of California", "University of Chicago", "University of Cambridge"]:
        OrganizationFactory(name=name)
    assert summaries(audit(["ORGANIZATION_NAME_VARIANT"])) == []


def test_an_acronym_for_one_organization_under_two_names_is_a_variant():
    authorship = AuthorshipFactory(person__name="Joseph Ross")
    declare(authorship, organization=OrganizationFactory(name="FDA"), category=InterestCategory.GRANTS)
    OrganizationFactory(name="Food and Drug Administration")
    OrganizationFactory(name="Food & Drug Administration")
    found = [s.split(" are probably")[0] for s in summaries(audit(["ORGANIZATION_NAME_VARIANT"]))]
    assert found == ["“FDA” and “Food & Drug Administration”", "“FDA” and “Food and Drug Administration”"]
