"""SIGNIFICANT_FINANCIAL_INTEREST: a case that must fire (with its explanation), and a near miss that must not."""

import datetime
from decimal import Decimal

import pytest

from audits.models import Finding
from audits.scope import build_scope
from registry.enums import InterestCategory
from tests.audits.helpers import audit, declare, known, summaries
from tests.factories import AuthorshipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def paid(authorship, organization, category, amount, currency="USD", **fields):
    return declare(
        authorship,
        organization=organization,
        category=category,
        amount=Decimal(amount),
        currency=currency,
        start_date=fields.pop("start_date", D(2025, 6, 1)),
        **fields,
    )


@pytest.fixture
def recent():
    return AuthorshipFactory(person__name="Ann Lee", article__title="A trial", article__received_date=D(2026, 1, 10))


# The whole registry, and the article alone (which reads the organizations its authors name, and their
# parents, by id).
SCOPES = {"everything": lambda authorship: None, "the article": lambda authorship: article_scope(authorship)}


def article_scope(authorship):
    return build_scope(article=authorship.article.doi)


@pytest.mark.parametrize("scope", SCOPES)
def test_sfi_adds_up_remuneration_from_a_group_of_companies(recent, scope):
    group = OrganizationFactory(name="Johnson & Johnson", publicly_traded=True)
    holding = OrganizationFactory(name="Janssen Holding", parent=group)
    janssen = OrganizationFactory(name="Janssen", parent=holding)
    paid(recent, janssen, InterestCategory.CONSULTING, "3000")
    paid(recent, group, InterestCategory.LECTURES, "25000", currency="NOK")
    run = audit(["SIGNIFICANT_FINANCIAL_INTEREST"], scope=SCOPES[scope](recent))
    assert summaries(run) == [
        "Ann Lee received USD 5,350 from Johnson & Johnson in the 12 months before “A trial” (consultancy fees "
        "USD 3,000 and lecture fees or honoraria NOK 25,000): a significant financial interest under US PHS rules "
        "(over USD 5,000)."
    ]


def test_sfi_ignores_payments_to_the_institution_older_payments_and_small_sums(recent):
    acme = OrganizationFactory(name="Acme")
    paid(recent, acme, InterestCategory.CONSULTING, "4000")
    paid(recent, OrganizationFactory(), InterestCategory.CONSULTING, "9000", payee="institution")
    known(
        recent.person,
        organization=OrganizationFactory(),
        amount=Decimal("9000"),
        currency="USD",
        start_date=D(2023, 1, 1),
        end_date=D(2024, 6, 1),
    )
    assert summaries(audit(["SIGNIFICANT_FINANCIAL_INTEREST"])) == []


@pytest.mark.parametrize("scope", SCOPES)
def test_sfi_flags_any_equity_in_a_company_not_publicly_traded(recent, scope):
    startup = OrganizationFactory(name="Tiny Startup", publicly_traded=False)
    declare(recent, organization=startup, category=InterestCategory.STOCK)
    declare(recent, organization=OrganizationFactory(publicly_traded=None), category=InterestCategory.STOCK)
    run = audit(["SIGNIFICANT_FINANCIAL_INTEREST"], scope=SCOPES[scope](recent))
    assert summaries(run) == [
        "Ann Lee holds shares or stock options in Tiny Startup, whose shares are not publicly traded: "
        "a significant financial interest under US PHS rules whatever its value."
    ]
    assert Finding.objects.get().severity == "high"


def test_sfi_policy_caps_raise_severity_and_add_a_total(recent):
    paid(recent, OrganizationFactory(name="Acme"), InterestCategory.CONSULTING, "12000")
    paid(recent, OrganizationFactory(name="Beta"), InterestCategory.CONSULTING, "6000")
    run = audit(["SIGNIFICANT_FINANCIAL_INTEREST"], per_entity_cap_usd=10000, total_cap_usd=15000)
    findings = {f.summary: f.severity for f in Finding.objects.filter(occurrences__run=run)}
    assert findings == {
        "Ann Lee received USD 12,000 from Acme in the 12 months before “A trial” (consultancy fees USD 12,000): "
        "a significant financial interest under US PHS rules (over USD 5,000), over the policy cap of "
        "USD 10,000.": "high",
        "Ann Lee received USD 6,000 from Beta in the 12 months before “A trial” (consultancy fees USD 6,000): "
        "a significant financial interest under US PHS rules (over USD 5,000).": "medium",
        "Ann Lee received USD 18,000 in all from companies in the 12 months before “A trial”, over the policy "
        "cap of USD 15,000.": "high",
    }
