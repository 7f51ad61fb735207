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


def test_names_alike_by_acronym_say_so_rather_than_how_alike_they_are_spelled():
    """“FDA” is 19% like “Food & Drug Administration” letter by letter: the acronym is the reason."""
    OrganizationFactory(name="Food & Drug Administration")
    first = AuthorshipFactory(person__name="Ann Lee")
    declare(first, organization=OrganizationFactory(name="FDA"), category=InterestCategory.GRANTS)
    assert summaries(audit(["ORGANIZATION_NAME_VARIANT"])) == [
        "“Food & Drug Administration” and “FDA” are probably the same organization (one name is the acronym "
        "of the other); Ann Lee declared grants from FDA. Merge them if they are."
    ]


def test_one_tie_declared_on_several_articles_is_named_once():
    person = PersonFactory(name="Ann Lee")
    novartis, typo = OrganizationFactory(name="Novartis AG"), OrganizationFactory(name="Novartiss")
    for title in ("First study", "Second study", "Third study"):
        declare(AuthorshipFactory(person=person, article__title=title), organization=novartis)
    declare(AuthorshipFactory(person=person), organization=typo, category=InterestCategory.STOCK)
    assert summaries(audit(["ORGANIZATION_NAME_VARIANT"])) == [
        "“Novartis AG” and “Novartiss” are probably the same organization (names 94% alike); Ann Lee declared "
        "consultancy fees from Novartis AG; Ann Lee declared shares or stock options in Novartiss. "
        "Merge them if they are."
    ]
