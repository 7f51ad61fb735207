"""Each rule: a case that must fire (with its explanation), and a near miss that must not."""

import datetime
from decimal import Decimal

import pytest

from audits.models import Finding
from audits.scope import AuditScope, build_scope
from registry.enums import DisclosureStatus, EditorialRoleKind, InterestCategory, Provenance
from registry.models import ArticleFunding, Disclosure, EditorialRole, TopicSynonym
from tests.audits.helpers import audit, declare, known, summaries
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    AuthorshipFactory,
    DisclosureFactory,
    OrganizationFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


# MISSING_DISCLOSURE ---------------------------------------------------------------------------


def test_missing_disclosure_fires_for_an_author_without_one():
    authorship = AuthorshipFactory(person__name="Ann Lee", position=2, article__title="A trial")
    DisclosureFactory(authorship=AuthorshipFactory(article=authorship.article, position=1))
    run = audit(["MISSING_DISCLOSURE"])
    assert summaries(run) == ["No disclosure is on file for Ann Lee, author 2 of “A trial”."]


def test_declaring_nothing_is_not_a_missing_disclosure():
    DisclosureFactory(declares_none=True)
    assert summaries(audit(["MISSING_DISCLOSURE"])) == []


# NONE_DECLARED_BUT_INTERESTS ------------------------------------------------------------------


def test_none_declared_fires_when_the_registry_knows_a_dated_tie_in_the_window(author_with_articles):
    person, first, second = author_with_articles
    DisclosureFactory(authorship=second, declares_none=True)
    known(
        person,
        organization=OrganizationFactory(name="Acme Pharma"),
        start_date=D(2023, 1, 1),
        end_date=D(2024, 6, 30),
    )
    run = audit(["NONE_DECLARED_BUT_INTERESTS"])
    assert summaries(run) == [
        "Jane Roe declared no interests on “Second study”, but the registry knows one tie in the 36 months "
        "before 2025-03-01: consultancy fees from Acme Pharma (2023-01-01 to 2024-06-30)."
    ]
    assert Finding.objects.get().severity == "high"


def test_none_declared_is_quiet_when_the_tie_ended_before_the_window(author_with_articles):
    person, first, second = author_with_articles
    DisclosureFactory(authorship=second, declares_none=True)
    known(person, organization=OrganizationFactory(), start_date=D(2018, 1, 1), end_date=D(2021, 12, 31))
    assert summaries(audit(["NONE_DECLARED_BUT_INTERESTS"])) == []
    # A shorter window set as a parameter also leaves a tie that ended in 2023 out.
    known(person, organization=OrganizationFactory(), start_date=D(2022, 1, 1), end_date=D(2023, 1, 31))
    assert len(summaries(audit(["NONE_DECLARED_BUT_INTERESTS"]))) == 1
    assert summaries(audit(["NONE_DECLARED_BUT_INTERESTS"], window_months=12)) == []


def test_none_declared_counts_a_tie_declared_on_a_nearby_article(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    DisclosureFactory(authorship=second, declares_none=True)
    run = audit(["NONE_DECLARED_BUT_INTERESTS"])
    assert summaries(run) == [
        "Jane Roe declared no interests on “Second study”, but the registry knows one tie in the 36 months "
        "before 2025-03-01: consultancy fees from Acme Pharma, declared on “First study”."
    ]


# UNDISCLOSED_INTEREST --------------------------------------------------------------------------


def test_undisclosed_interest_fires_for_a_dated_tie_left_out(author_with_articles):
    person, first, second = author_with_articles
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    acme = OrganizationFactory(name="Acme Pharma")
    known(person, organization=acme, category=InterestCategory.STOCK, start_date=D(2024, 1, 1), ongoing=True)
    run = audit(["UNDISCLOSED_INTEREST"])
    assert summaries(run) == [
        "Jane Roe's disclosure on “Second study” does not list shares or stock options in Acme Pharma "
        "(2024-01-01 to ongoing), a tie the registry knows in the 36 months before 2025-03-01."
    ]
    finding = Finding.objects.get()
    assert (finding.severity, finding.organization, finding.interest.category) == ("high", acme, "stock")


def test_undisclosed_interest_marks_undated_register_ties_as_such(author_with_articles):
    person, first, second = author_with_articles
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    known(person, organization=OrganizationFactory(name="Acme Pharma"), provenance=Provenance.REGISTER)
    run = audit(["UNDISCLOSED_INTEREST"])
    assert summaries(run) == [
        "Jane Roe's disclosure on “Second study” does not list consultancy fees from Acme Pharma "
        "(undated, from register), a tie the registry knows (undated, so it may fall in the window)."
    ]
    assert Finding.objects.get().severity == "medium"


def test_undisclosed_interest_is_quiet_when_the_tie_is_declared(author_with_articles):
    person, first, second = author_with_articles
    acme = OrganizationFactory(name="Acme Pharma")
    declare(second, organization=acme, organization_name="ACME")
    known(person, organization=acme, start_date=D(2024, 1, 1))
    assert summaries(audit(["UNDISCLOSED_INTEREST"])) == []


def test_undisclosed_interest_ignores_ties_that_start_after_submission(author_with_articles):
    person, first, second = author_with_articles
    declare(second, organization=OrganizationFactory())
    known(person, organization=OrganizationFactory(), start_date=D(2025, 6, 1))
    assert summaries(audit(["UNDISCLOSED_INTEREST"])) == []


# INCONSISTENT_ACROSS_ARTICLES ------------------------------------------------------------------


def test_inconsistent_fires_for_a_tie_declared_on_one_article_only(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    run = audit(["INCONSISTENT_ACROSS_ARTICLES"])
    assert summaries(run) == [
        "Jane Roe declared consultancy fees from Acme Pharma on “First study” (2024-03-01) but not on "
        "“Second study” (2025-03-01); the articles' 36-month windows overlap.",
        "Jane Roe declared consultancy fees from Beta Bio on “Second study” (2025-03-01) but not on "
        "“First study” (2024-03-01); the articles' 36-month windows overlap.",
    ]


def test_inconsistent_is_quiet_when_windows_do_not_overlap(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    assert summaries(audit(["INCONSISTENT_ACROSS_ARTICLES"], window_months=6)) == []


# Withdrawn disclosures -------------------------------------------------------------------------


def withdraw(authorship):
    Disclosure.objects.filter(authorship=authorship).update(
        status=DisclosureStatus.WITHDRAWN, status_note="Filed for the wrong article."
    )


@pytest.mark.parametrize("narrowed", [False, True], ids=["full", "narrowed"])
def test_a_tie_declared_only_in_a_withdrawn_disclosure_does_not_count(author_with_articles, narrowed):
    person, first, second = author_with_articles
    scope = build_scope(article_ids=[first.article_id, second.article_id]) if narrowed else AuditScope()
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    declare(second, organization=OrganizationFactory(name="Beta Bio"))
    withdraw(first)
    run = audit(["INCONSISTENT_ACROSS_ARTICLES", "MISSING_DISCLOSURE"], scope=scope)
    # Jane Roe has no disclosure in force on the first study: Acme Pharma, declared only there, is not
    # "declared on one article and left out of the other", and nothing can be left out of a disclosure
    # that does not count, so Beta Bio is not either; the first study lacks a disclosure.
    assert summaries(run) == ["No disclosure is on file for Jane Roe, author 1 of “First study”."]


def test_a_corrected_disclosure_still_counts(author_with_articles):
    person, first, second = author_with_articles
    declare(first, organization=OrganizationFactory(name="Acme Pharma"))
    DisclosureFactory(authorship=second, declares_none=False, statement="Corrected: no ties.")
    Disclosure.objects.filter(authorship=first).update(status=DisclosureStatus.CORRECTED, status_note="Typo.")
    assert summaries(audit(["INCONSISTENT_ACROSS_ARTICLES", "MISSING_DISCLOSURE"])) == [
        "Jane Roe declared consultancy fees from Acme Pharma on “First study” (2024-03-01) but not on "
        "“Second study” (2025-03-01); the articles' 36-month windows overlap."
    ]


# MULTIPLE_TIES_SAME_ENTITY ---------------------------------------------------------------------


def test_multiple_ties_fires_for_two_kinds_of_tie_to_one_company():
    authorship = AuthorshipFactory(person__name="Ann Lee")
    acme = OrganizationFactory(name="Acme Pharma")
    declare(authorship, organization=acme, category=InterestCategory.CONSULTING)
    declare(authorship, organization=acme, category=InterestCategory.ADVISORY_BOARD)
    declare(authorship, organization=acme, category=InterestCategory.STOCK)
    run = audit(["MULTIPLE_TIES_SAME_ENTITY"])
    assert summaries(run) == [
        "Ann Lee declared consultancy fees, an advisory board seat and shares or stock options in Acme Pharma: "
        "three kinds of tie to one company."
    ]
    assert Finding.objects.get().severity == "medium"


def test_one_kind_of_tie_to_each_of_two_companies_is_not_multiple():
    authorship = AuthorshipFactory()
    declare(authorship, organization=OrganizationFactory(), category=InterestCategory.CONSULTING)
    declare(authorship, organization=OrganizationFactory(), category=InterestCategory.LECTURES)
    assert summaries(audit(["MULTIPLE_TIES_SAME_ENTITY"])) == []


# RELEVANT_INTEREST -------------------------------------------------------------------------------


@pytest.fixture
def oncology():
    cancer = TopicFactory(name="Lung cancer")
    TopicSynonym.objects.create(topic=cancer, name="NSCLC")
    immuno = TopicFactory(name="Immunotherapy")
    immuno.related.add(cancer)
    return cancer, immuno


def test_relevant_interest_through_the_parent_company(oncology):
    cancer, immuno = oncology
    group = OrganizationFactory(name="Big Pharma Group")
    group.topics.add(immuno)
    subsidiary = OrganizationFactory(name="Small Biotech", parent=group)
    authorship = AuthorshipFactory(person__name="Ann Lee")
    authorship.article.topics.add(cancer)
    declare(authorship, organization=subsidiary, category=InterestCategory.GRANTS)
    run = audit(["RELEVANT_INTEREST"])
    assert summaries(run) == [
        "Ann Lee declared grants from Small Biotech; its parent Big Pharma Group is active in immunotherapy "
        "(related to lung cancer) — the article discusses lung cancer."
    ]


def test_relevant_interest_from_a_synonym_in_the_description(oncology):
    cancer, _ = oncology
    authorship = AuthorshipFactory(person__name="Ann Lee")
    authorship.article.topics.add(cancer)
    declare(
        authorship,
        organization=None,
        organization_name="",
        category=InterestCategory.OTHER,
        specification="paid adviser to an NSCLC patient group",
    )
    run = audit(["RELEVANT_INTEREST"])
    assert summaries(run) == [
        "Ann Lee declared another tie (paid adviser to an NSCLC patient group); the tie concerns lung cancer — "
        "the article discusses lung cancer."
    ]


def test_a_tie_to_a_company_active_elsewhere_is_not_relevant(oncology):
    cancer, _ = oncology
    other = OrganizationFactory(name="Dermatology Co")
    other.topics.add(TopicFactory(name="Psoriasis"))
    authorship = AuthorshipFactory()
    authorship.article.topics.add(cancer)
    declare(authorship, organization=other)
    assert summaries(audit(["RELEVANT_INTEREST"])) == []


# FUNDER_TIE -------------------------------------------------------------------------------------------


def test_funder_tie_fires_when_the_funder_pays_an_author():
    authorship = AuthorshipFactory(person__name="Ann Lee", article__title="A trial")
    acme = OrganizationFactory(name="Acme Pharma")
    ArticleFunding.objects.create(article=authorship.article, organization=acme)
    declare(authorship, organization=acme, category=InterestCategory.CONSULTING)
    run = audit(["FUNDER_TIE"])
    assert summaries(run) == ["Ann Lee has consultancy fees from Acme Pharma, and Acme Pharma funded “A trial”."]


def test_funder_tie_ignores_non_financial_ties_and_other_funders():
    authorship = AuthorshipFactory()
    acme = OrganizationFactory(name="Acme Pharma")
    ArticleFunding.objects.create(article=authorship.article, organization=OrganizationFactory(name="Public Fund"))
    declare(authorship, organization=acme, category=InterestCategory.CONSULTING)
    funder = authorship.article.fundings.get().organization
    declare(authorship, organization=funder, category=InterestCategory.ADVISORY_BOARD)
    assert summaries(audit(["FUNDER_TIE"])) == []


# ORGANIZATION_NAME_VARIANT -----------------------------------------------------------------------


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


# REVIEWER_CONFLICT -------------------------------------------------------------------------------


def test_reviewer_sharing_a_current_affiliation_or_recent_paper_is_flagged():
    article = ArticleFactory(title="A trial", received_date=D(2026, 1, 10))
    author = AuthorshipFactory(article=article, person__name="Ann Lee", position=1).person
    reviewer = PersonFactory(name="Rex Viewer")
    EditorialRole.objects.create(article=article, person=reviewer, role=EditorialRoleKind.REVIEWER)
    uni = OrganizationFactory(name="University of Oslo")
    AffiliationFactory(person=author, organization=uni, start_date=D(2020, 1, 1))
    AffiliationFactory(person=reviewer, organization=uni, start_date=D(2025, 1, 1))
    old = ArticleFactory(title="Joint paper", received_date=D(2024, 5, 1))
    AuthorshipFactory(article=old, person=author, position=1)
    AuthorshipFactory(article=old, person=reviewer, position=2)
    run = audit(["REVIEWER_CONFLICT"])
    assert summaries(run) == [
        "Rex Viewer, reviewer of “A trial”, is close to the author Ann Lee: both are at University of Oslo; "
        "they co-authored “Joint paper” within 3 years."
    ]


def test_past_affiliation_and_old_coauthorship_do_not_count():
    article = ArticleFactory(received_date=D(2026, 1, 10))
    author = AuthorshipFactory(article=article, position=1).person
    editor = PersonFactory()
    EditorialRole.objects.create(article=article, person=editor, role=EditorialRoleKind.HANDLING_EDITOR)
    uni = OrganizationFactory()
    AffiliationFactory(person=author, organization=uni)
    AffiliationFactory(person=editor, organization=uni, start_date=D(2010, 1, 1), end_date=D(2019, 12, 31))
    old = ArticleFactory(received_date=D(2020, 5, 1))
    AuthorshipFactory(article=old, person=author, position=1)
    AuthorshipFactory(article=old, person=editor, position=2)
    assert summaries(audit(["REVIEWER_CONFLICT"])) == []


# SIGNIFICANT_FINANCIAL_INTEREST -----------------------------------------------------------------


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


def test_sfi_adds_up_remuneration_from_a_group_of_companies(recent):
    group = OrganizationFactory(name="Johnson & Johnson", publicly_traded=True)
    janssen = OrganizationFactory(name="Janssen", parent=group)
    paid(recent, janssen, InterestCategory.CONSULTING, "3000")
    paid(recent, group, InterestCategory.LECTURES, "25000", currency="NOK")
    run = audit(["SIGNIFICANT_FINANCIAL_INTEREST"])
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


def test_sfi_flags_any_equity_in_a_company_not_publicly_traded(recent):
    startup = OrganizationFactory(name="Tiny Startup", publicly_traded=False)
    declare(recent, organization=startup, category=InterestCategory.STOCK)
    declare(recent, organization=OrganizationFactory(publicly_traded=None), category=InterestCategory.STOCK)
    run = audit(["SIGNIFICANT_FINANCIAL_INTEREST"])
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
