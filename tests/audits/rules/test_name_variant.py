"""ORGANIZATION_NAME_VARIANT: a case that must fire (with its explanation), and a near miss that must not."""

import pytest

from registry.enums import InterestCategory
from tests.audits.helpers import audit, declare, known, summaries
from tests.factories import AuthorshipFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_name_variant_pairs_close_names_but_not_parent_and_subsidiary():
    authorship = AuthorshipFactory(person__name="Ann Lee")
    declare(authorship, organization=OrganizationFactory(name="Novartis AG"), category=InterestCategory.GRANTS)
    declare(authorship, organization=OrganizationFactory(name="Novartiss"), category=InterestCategory.STOCK)
    parent = OrganizationFactory(name="Roche Holding")
    OrganizationFactory(name="Roche Holdings", parent=parent)
    OrganizationFactory(name="BMS")
    OrganizationFactory(name="GSK")
    run = audit(["ORGANIZATION_NAME_VARIANT"])
    assert summaries(run) == [
        "“Novartis AG” and “Novartiss” are probably the same organization (names 94% alike); Ann Lee declared "
        "grants from Novartis AG; Ann Lee declared shares or stock options in Novartiss. Merge them if they are."
    ]


def test_name_variant_names_people_with_imported_ties_as_having_them_not_declaring_them():
    consultant = PersonFactory(name="Cy Outside")
    known(consultant, organization=OrganizationFactory(name="Novartis AG"))
    known(consultant, organization=OrganizationFactory(name="Novartiss"), category=InterestCategory.STOCK)
    run = audit(["ORGANIZATION_NAME_VARIANT"])
    assert summaries(run) == [
        "“Novartis AG” and “Novartiss” are probably the same organization (names 94% alike); Cy Outside has "
        "consultancy fees from Novartis AG; Cy Outside has shares or stock options in Novartiss. "
        "Merge them if they are."
    ]
