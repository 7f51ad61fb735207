"""The parse page's "New" path: a statement naming a company the registry does not know yet records the
tie against a new, unreviewed organization marked as named in a declared tie."""

import pytest

from registry.enums import OrganizationOrigin
from registry.models import DeclaredInterest, Organization
from tests.factories import OrganizationFactory
from tests.registry.admin.test_parse import disclosure_of, parse_url, rows_of, save_data

pytestmark = pytest.mark.django_db

STATEMENT = (
    "The author has completed the ICMJE form and declares the following conflict of interest: "
    "he has received consultancy fees from Zorbitex Therapeutics."
)


def test_an_unknown_company_is_saved_as_a_new_unreviewed_organization(editor_client):
    OrganizationFactory(name="Ledidi")  # a known company, not named in the statement
    disclosure = disclosure_of("Ivar W. Goksøyr", "")
    url = parse_url("disclosure", disclosure.pk)

    proposal = editor_client.post(url, {"statement": STATEMENT, "parse": "Parse"})

    assert rows_of(proposal) == [("Ivar W. Goksøyr", "consulting", "Zorbitex Therapeutics", None, "self")]
    assert proposal.context["formset"].forms[0].fields["organization"].widget.choices == [
        ("", "New — not in the registry yet")
    ]

    response = editor_client.post(url, save_data(proposal))

    assert response.status_code == 302
    created = Organization.objects.get(name="Zorbitex Therapeutics")
    assert (created.reviewed, created.origin) == (False, OrganizationOrigin.DECLARED_TIE)
    declared = DeclaredInterest.objects.select_related("interest").get()
    assert (declared.disclosure, declared.interest.organization) == (disclosure, created)
    assert Organization.objects.count() == 2
