"""Ties and payments recorded with a counterparty's name only are linked to organization records by
`resolve_organizations`: known names and aliases to their record, unknown ones to a new unreviewed one."""

from io import StringIO

import pytest
from django.core.management import call_command

from registry.enums import IdentifierScheme, OrganizationOrigin
from registry.models import Interest, Organization, OrganizationIdentifier, PaymentRecord
from tests import factories

REASON = "Counterparty named before organizations were resolved"

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_only():
    """A registry from before resolution: an alias, a register id, and ties and payments by name only."""
    lilly = factories.OrganizationFactory(name="Eli Lilly and Company")
    factories.OrganizationAliasFactory(organization=lilly, name="Lilly")
    medtronic = factories.OrganizationFactory(name="Medtronic")
    OrganizationIdentifier.objects.create(organization=medtronic, scheme=IdentifierScheme.OPEN_PAYMENTS, value="42")
    person = factories.PersonFactory(name="Ole A. Andreassen")
    for name in ("Lilly", "Zorbitex Therapeutics", "zorbitex therapeutics"):
        factories.InterestFactory(person=person, organization=None, organization_name=name)
    factories.InterestFactory(person=person, organization=None, organization_name="", specification="A patent.")
    factories.PaymentRecordFactory(payer=None, payer_name="MEDTRONIC USA, INC.", payer_register_id="42")
    factories.PaymentRecordFactory(payer=None, payer_name="Quuxo Devices LLC", payer_register_id="77")
    factories.PaymentRecordFactory(payer=None, payer_name="Quuxo Devices LLC", payer_register_id="77")
    return {"lilly": lilly, "medtronic": medtronic}


def run(*args) -> str:
    out = StringIO()
    call_command("resolve_organizations", *args, stdout=out)
    return out.getvalue()


def test_every_named_counterparty_is_linked_once(named_only):
    output = run()

    assert output == (
        "Linked 3 tie(s) and 3 payment(s); 2 new unreviewed organization(s).\n"
        "  new: Quuxo Devices LLC\n"
        "  new: Zorbitex Therapeutics\n"
    )
    linked = dict(Interest.objects.exclude(organization_name="").values_list("organization_name", "organization__name"))
    assert linked == {
        "Lilly": "Eli Lilly and Company",
        "Zorbitex Therapeutics": "Zorbitex Therapeutics",
        "zorbitex therapeutics": "Zorbitex Therapeutics",
    }
    assert Interest.objects.get(organization_name="").organization is None  # no name, nothing to link
    payers = sorted(PaymentRecord.objects.values_list("payer_name", "payer__name"))
    assert payers == [
        ("MEDTRONIC USA, INC.", "Medtronic"),  # by its register id, not its name
        ("Quuxo Devices LLC", "Quuxo Devices LLC"),
        ("Quuxo Devices LLC", "Quuxo Devices LLC"),
    ]
    created = Organization.objects.exclude(pk__in=[org.pk for org in named_only.values()]).order_by("name")
    assert [(org.name, org.reviewed, org.origin, org.origin_detail) for org in created] == [
        ("Quuxo Devices LLC", False, OrganizationOrigin.PAYMENT, REASON),
        ("Zorbitex Therapeutics", False, OrganizationOrigin.DECLARED_TIE, REASON),
    ]
    quuxo = OrganizationIdentifier.objects.get(value="77")
    assert quuxo.organization.name == "Quuxo Devices LLC"
    lilly_tie = Interest.objects.get(organization_name="Lilly")
    assert lilly_tie.history.first().history_change_reason == REASON


def test_a_second_run_finds_nothing_left(named_only):
    run()
    organizations = Organization.objects.count()

    assert run() == "Linked 0 tie(s) and 0 payment(s); 0 new unreviewed organization(s).\n"
    assert Organization.objects.count() == organizations


def test_a_dry_run_reports_and_writes_nothing(named_only):
    output = run("--dry-run")

    assert output.splitlines()[0] == "Would link 3 tie(s) and 3 payment(s); 2 new unreviewed organization(s)."
    assert Interest.objects.filter(organization__isnull=False).count() == 0
    assert PaymentRecord.objects.filter(payer__isnull=False).count() == 0
    assert Organization.objects.count() == 2
