import datetime

import pytest

from audits.scope import AuditScope
from audits.services import run_audit
from registry.enums import InterestCategory, Provenance
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    InterestFactory,
    OrganizationFactory,
    PersonFactory,
)

TODAY = datetime.date(2026, 11, 1)


def audit(rules=None, scope=None, **parameters):
    """Run the given rules over the scope (default: everything) and return the run's findings by rule."""
    run = run_audit(actor=None, scope=scope or AuditScope(), rule_codes=rules, parameters=parameters, today=TODAY)
    return run


def summaries(run, rule=None):
    from audits.models import Finding

    findings = Finding.objects.filter(occurrences__run=run)
    if rule:
        findings = findings.filter(rule_code=rule)
    return sorted(findings.values_list("summary", flat=True))


@pytest.fixture
def author_with_articles(db):
    """A person with two published articles a year apart, each with a disclosure."""
    person = PersonFactory(name="Jane Roe")
    first = AuthorshipFactory(
        person=person,
        position=1,
        article=ArticleFactory(title="First study", received_date=datetime.date(2024, 3, 1)),
    )
    second = AuthorshipFactory(
        person=person,
        position=1,
        article=ArticleFactory(title="Second study", received_date=datetime.date(2025, 3, 1)),
    )
    return person, first, second


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
