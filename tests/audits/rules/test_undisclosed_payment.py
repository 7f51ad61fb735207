"""UNDISCLOSED_PAYMENT: register payments in the window from a payer the disclosure does not name."""

import datetime
from decimal import Decimal

import pytest

from audits.models import Finding
from registry.models import Organization
from tests.audits.helpers import audit, declare, summaries
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DisclosureFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    PaymentRecordFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date
RULE = ["UNDISCLOSED_PAYMENT"]
JUNE_2024 = D(2024, 6, 1)


@pytest.fixture
def author():
    """Jane Roe's article received 2025-03-01, with a disclosure declaring consultancy for Beta Bio."""
    authorship = AuthorshipFactory(
        person=PersonFactory(name="Jane Roe"),
        article=ArticleFactory(title="A trial", received_date=D(2025, 3, 1)),
    )
    declare(authorship, organization=OrganizationFactory(name="Beta Bio"))
    return authorship


def pay(authorship, payer, *, amount="1000.00", on=JUNE_2024, **fields):
    return PaymentRecordFactory(
        person=authorship.person, payer=payer, amount=Decimal(amount), payment_date=on, **fields
    )


def test_fires_for_payments_from_an_undeclared_payer(author):
    acme = OrganizationFactory(name="Acme Pharma")
    pay(author, acme, amount="9000.00", on=D(2022, 5, 1))
    pay(author, acme, amount="3000.00", on=D(2024, 6, 1), nature="Travel and Lodging")
    pay(author, acme, amount="400.00", on=D(2024, 7, 1))

    run = audit(RULE)

    assert summaries(run) == [
        "Jane Roe received $12,400 from Acme Pharma in 3 payments (2022\N{EN DASH}2024, consulting fees and travel and "
        "lodging) in the 36 months before submitting “A trial”, and did not declare Acme Pharma."
    ]
    finding = Finding.objects.get()
    assert (finding.severity, finding.organization, finding.authorship) == ("high", acme, author)
    assert finding.evidence["total_usd"] == "12400.00"
    assert [p["date"] for p in finding.evidence["payments"]] == ["2022-05-01", "2024-06-01", "2024-07-01"]


def test_an_author_who_declared_nothing_is_told_so():
    authorship = AuthorshipFactory(
        person=PersonFactory(name="Jane Roe"), article=ArticleFactory(title="A trial", received_date=D(2025, 3, 1))
    )
    DisclosureFactory(authorship=authorship, declares_none=True)
    pay(authorship, OrganizationFactory(name="Acme Pharma"), amount="1500.00")

    assert summaries(audit(RULE)) == [
        "Jane Roe received $1,500 from Acme Pharma in 1 payment (2024, consulting fees) in the 36 months "
        "before submitting “A trial”, and declared no interests."
    ]


def test_quiet_when_the_payer_is_declared(author):
    beta = Organization.objects.get(name="Beta Bio")
    pay(author, beta, amount="5000.00")
    assert summaries(audit(RULE)) == []


def test_quiet_when_the_payer_is_declared_under_an_alias(author):
    acme = OrganizationFactory(name="Acme Pharma")
    OrganizationAliasFactory(organization=acme, name="ACME")
    declare(author, organization=None, organization_name="Acme")
    pay(author, None, amount="5000.00", payer_name="ACME Inc.")
    assert summaries(audit(RULE)) == []


@pytest.mark.parametrize("declared", ["parent", "subsidiary"])
def test_quiet_when_the_parent_or_a_subsidiary_of_the_payer_is_declared(author, declared):
    group = OrganizationFactory(name="Johnson & Johnson")
    janssen = OrganizationFactory(name="Janssen", parent=group)
    declare(author, organization=group if declared == "parent" else janssen)
    pay(author, janssen if declared == "parent" else group, amount="5000.00")
    assert summaries(audit(RULE)) == []


def test_a_sibling_company_is_not_a_declaration(author):
    group = OrganizationFactory(name="Johnson & Johnson")
    declare(author, organization=OrganizationFactory(name="Ethicon", parent=group))
    pay(author, OrganizationFactory(name="Janssen", parent=group), amount="5000.00")
    assert len(summaries(audit(RULE))) == 1


def test_payments_outside_the_window_do_not_count(author):
    acme = OrganizationFactory(name="Acme Pharma")
    pay(author, acme, amount="5000.00", on=D(2022, 2, 28))  # 36 months and a day before
    pay(author, acme, amount="5000.00", on=D(2025, 3, 2))  # after submission
    assert summaries(audit(RULE)) == []
    assert len(summaries(audit(RULE, window_months=48))) == 1


def test_thresholds(author):
    acme = OrganizationFactory(name="Acme Pharma")
    pay(author, acme, amount="600.00")
    pay(author, acme, amount="300.00")
    assert summaries(audit(RULE)) == []  # $900 in all, under $1,000
    assert len(summaries(audit(RULE, min_total_usd=700))) == 1
    assert summaries(audit(RULE, min_total_usd=700, min_payment_usd=400)) == []  # $600 left


def test_food_counts_only_when_asked_and_travel_unless_told(author):
    acme = OrganizationFactory(name="Acme Pharma")
    pay(author, acme, amount="1200.00", nature="Food and Beverage")
    pay(author, OrganizationFactory(name="Gamma"), amount="1200.00", nature="Travel and Lodging")
    assert summaries(audit(RULE)) == [
        "Jane Roe received $1,200 from Gamma in 1 payment (2024, travel and lodging) in the 36 months before "
        "submitting “A trial”, and did not declare Gamma."
    ]
    assert len(summaries(audit(RULE, include_food=True))) == 2
    assert summaries(audit(RULE, include_travel=False)) == []


def test_unmatched_and_low_confidence_payments_are_ignored(author):
    acme = OrganizationFactory(name="Acme Pharma")
    PaymentRecordFactory(person=None, payer=acme, amount=Decimal("5000"), match_status="unmatched",
                         match_method="", match_confidence=None, last_name="ROE")  # fmt: skip
    pay(author, acme, amount="5000.00", match_method="name", match_confidence=0.6)
    assert summaries(audit(RULE, min_confidence=0.9)) == []
    # By default a name-only match counts, as a medium finding that says how it was matched.
    assert summaries(audit(RULE)) == [
        "Jane Roe received $5,000 from Acme Pharma in 1 payment (2024, consulting fees) in the 36 months "
        "before submitting “A trial”, and did not declare Acme Pharma (matched to the register by name only)."
    ]
    assert Finding.objects.get().severity == "medium"


def test_reads_are_set_wise(author, django_assert_max_num_queries):
    from audits.context import AuditContext
    from audits.rules.undisclosed_payment import UndisclosedPaymentRule
    from audits.scope import AuditScope

    for n in range(5):
        other = AuthorshipFactory(article=ArticleFactory(received_date=D(2025, 1, 1)))
        DisclosureFactory(authorship=other, declares_none=True)
        pay(other, OrganizationFactory(name=f"Payer {n}"), amount="2000.00")
    ctx = AuditContext(AuditScope(), today=D(2026, 11, 1))
    with django_assert_max_num_queries(8):
        findings = list(UndisclosedPaymentRule().find(ctx))
    assert len(findings) == 5
