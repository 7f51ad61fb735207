"""Running an audit in a test and building the ties it reads: shared by the audits' tests."""

import datetime

from audits.scope import AuditScope
from audits.services import run_audit
from registry.enums import InterestCategory, Provenance
from tests.factories import (
    DeclaredInterestFactory,
    DisclosureFactory,
    InterestFactory,
    OrganizationFactory,
)

TODAY = datetime.date(2026, 11, 1)


def audit(rules=None, scope=None, **parameters):
    """Run the given rules over the scope (default: everything) and return the run."""
    run = run_audit(actor=None, scope=scope or AuditScope(), rule_codes=rules, parameters=parameters, today=TODAY)
    return run


def summaries(run, rule=None):
    from audits.models import Finding

    findings = Finding.objects.filter(occurrences__run=run)
    if rule:
        findings = findings.filter(rule_code=rule)
    return sorted(findings.values_list("summary", flat=True))


UNNAMED = object()


def declare(authorship, *, organization=UNNAMED, category=InterestCategory.CONSULTING, **interest_fields):
    """Give the authorship a disclosure (if needed) declaring one interest (organization=None: unnamed)."""
    disclosure = getattr(authorship, "disclosure", None) or DisclosureFactory(
        authorship=authorship, declares_none=False, statement="Declared ties."
    )
    organization = OrganizationFactory() if organization is UNNAMED else organization
    interest = InterestFactory(
        person=authorship.person,
        organization=organization,
        organization_name=interest_fields.pop("organization_name", organization.name if organization else ""),
        category=category,
        **interest_fields,
    )
    DeclaredInterestFactory(disclosure=disclosure, interest=interest)
    authorship.refresh_from_db()
    return interest


def known(person, *, organization, category=InterestCategory.CONSULTING, provenance=Provenance.IMPORT, **fields):
    """An interest the registry knows from an import, declared nowhere."""
    return InterestFactory(person=person, organization=organization, category=category, provenance=provenance, **fields)
